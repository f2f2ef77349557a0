/**
 * The local preview page: a HyperFormula workbook shown as a grid, with dist/Code.js's custom
 * functions registered in it and its server code running against a SpreadsheetApp over the same
 * workbook. The sidebar (dist/Sidebar.html, unchanged) sits in an iframe; its google.script.run
 * calls come here by postMessage and run the real `insertSizingGrid`.
 */
import { DetailedCellError, type SimpleCellAddress } from 'hyperformula';
import { createAppsScriptShim } from '../engine/apps-script';
import { formatValue, shiftFormula } from '../engine/format';
import { createSheetsWorkbook, type SheetsBundle } from '../engine/functions';

const page = window as unknown as Record<string, unknown>;
const bundle = page.LLMSizing as SheetsBundle;
const hf = createSheetsWorkbook(bundle);
const shim = createAppsScriptShim(hf);
Object.assign(page, shim.globals);

/** Server functions the sidebar may call, as google.script.run allows calling top-level functions. */
const CALLABLE = new Set(['insertSizingGrid']);

let active = 'Sheet1';
let selected = { row: 0, col: 0 };

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const grid = $<HTMLTableElement>('grid');
const formulaInput = $<HTMLInputElement>('formula');

function letters(col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const a1 = (row: number, col: number) => `${letters(col)}${row + 1}`;
const sheetId = () => hf.getSheetId(active) as number;
const address = (row: number, col: number): SimpleCellAddress => ({ sheet: sheetId(), row, col });

function inRange(rangeA1: string, row: number, col: number): { dr: number; dc: number } | undefined {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(rangeA1);
  if (!m) return undefined;
  const colOf = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const r0 = Number(m[2]) - 1;
  const c0 = colOf(m[1]);
  const r1 = m[4] ? Number(m[4]) - 1 : r0;
  const c1 = m[3] ? colOf(m[3]) : c0;
  return row >= r0 && row <= r1 && col >= c0 && col <= c1 ? { dr: row - r0, dc: col - c0 } : undefined;
}

function renderTabs(): void {
  const tabs = $('tabs');
  tabs.replaceChildren(
    ...hf.getSheetNames().map((name) => {
      const tab = document.createElement('button');
      tab.type = 'button';
      tab.role = 'tab';
      tab.textContent = name;
      tab.setAttribute('aria-selected', String(name === active));
      tab.addEventListener('click', () => {
        active = name;
        selected = { row: 0, col: 0 };
        render();
      });
      return tab;
    }),
  );
}

function renderGrid(): void {
  const extras = shim.extras.get(active);
  const dims = hf.getSheetDimensions(sheetId());
  const rows = Math.max(dims.height + 5, 40);
  const cols = Math.max(dims.width + 2, 12);
  const head = document.createElement('tr');
  head.append(document.createElement('th'));
  for (let c = 0; c < cols; c++) {
    const th = document.createElement('th');
    th.textContent = letters(c);
    const width = extras?.columnWidths.get(c + 1);
    if (width) th.style.minWidth = `${width}px`;
    head.append(th);
  }
  const body: HTMLTableRowElement[] = [head];
  for (let r = 0; r < rows; r++) {
    const tr = document.createElement('tr');
    const th = document.createElement('th');
    th.className = 'row';
    th.textContent = String(r + 1);
    tr.append(th);
    for (let c = 0; c < cols; c++) {
      const td = document.createElement('td');
      const name = a1(r, c);
      const value = hf.getCellValue(address(r, c));
      td.dataset.a1 = name;
      if (value instanceof DetailedCellError) {
        td.textContent = value.value;
        td.title = value.message;
        td.className = 'err';
        td.dataset.value = value.value;
      } else {
        td.textContent = formatValue(value, extras?.numberFormats.get(name));
        if (typeof value === 'string' && value.startsWith('ERROR')) td.className = 'err';
        if (typeof value === 'number') td.classList.add('num');
        if (value !== null) td.dataset.value = String(value);
        if (typeof value === 'string' && value.length > 30) td.title = value;
      }
      const style = extras?.styles.get(name);
      if (style?.background) td.style.background = String(style.background);
      if (style?.fontColor) td.style.color = String(style.fontColor);
      if (style?.fontWeight) td.style.fontWeight = String(style.fontWeight);
      if (style?.fontSize) td.style.fontSize = `${style.fontSize}px`;
      for (const rule of extras?.conditionalFormats ?? []) {
        for (const range of rule.ranges) {
          const offset = inRange(range, r, c);
          if (!offset) continue;
          const verdict = hf.calculateFormula(shiftFormula(rule.formula, offset.dr, offset.dc), sheetId());
          if (verdict === true) {
            if (rule.background) td.style.background = rule.background;
            if (rule.fontColor) td.style.color = rule.fontColor;
          }
        }
      }
      if (extras?.notes.has(name)) td.title = extras.notes.get(name) ?? '';
      if (r === selected.row && c === selected.col) td.classList.add('selected');
      td.addEventListener('click', () => select(r, c));
      td.addEventListener('dblclick', () => formulaInput.focus());
      tr.append(td);
    }
    body.push(tr);
  }
  grid.replaceChildren(...body);
}

const CHART_COLORS = ['#1a73e8', '#12b5cb', '#f9ab00', '#9aa0a6', '#e8eaed', '#d93025', '#188038'];

/**
 * The sheet's embedded charts, drawn over the grid at their anchor cells. A chart's range is a
 * header row of series names over one or more rows of values (label first), as the templates
 * write it; a stacked bar shows each row's parts end to end, values as the workbook computes them.
 */
function renderCharts(): void {
  const wrap = $('grid-wrap');
  for (const old of wrap.querySelectorAll('.chart')) old.remove();
  for (const chart of shim.extras.get(active)?.charts ?? []) {
    const range = chart.ranges[0] && hf.simpleCellRangeFromString(chart.ranges[0], sheetId());
    if (!range) continue;
    const values = hf.getRangeValues(range);
    const names = values[0].slice(1).map(String);
    const box = document.createElement('figure');
    box.className = 'chart';
    box.setAttribute('aria-label', chart.title);
    const title = document.createElement('figcaption');
    title.textContent = chart.title;
    box.append(title);
    for (const row of values.slice(1)) {
      const parts = row.slice(1).map((v) => (typeof v === 'number' && v > 0 ? v : 0));
      const total = parts.reduce((a, b) => a + b, 0);
      const bar = document.createElement('div');
      bar.className = 'chart-bar';
      parts.forEach((v, i) => {
        const segment = document.createElement('span');
        segment.style.width = `${total > 0 ? (100 * v) / total : 0}%`;
        segment.style.background = CHART_COLORS[i % CHART_COLORS.length];
        segment.title = `${names[i]}: ${v.toFixed(2)}`;
        bar.append(segment);
      });
      const legend = document.createElement('div');
      legend.className = 'chart-legend';
      legend.append(
        ...parts.map((v, i) => {
          const item = document.createElement('span');
          const swatch = document.createElement('i');
          swatch.style.background = CHART_COLORS[i % CHART_COLORS.length];
          item.append(swatch, `${names[i]} ${v.toFixed(2)}`);
          return item;
        }),
      );
      box.append(bar, legend);
    }
    const anchor = grid.querySelector<HTMLElement>(
      `td[data-a1="${a1(chart.position.row - 1, chart.position.col - 1)}"]`,
    );
    if (!anchor) continue;
    box.style.top = `${anchor.offsetTop}px`;
    box.style.left = `${anchor.offsetLeft}px`;
    wrap.append(box);
  }
}

function validationList(row: number, col: number): string[] {
  for (const v of shim.extras.get(active)?.validations ?? []) {
    if (v.rule.list && inRange(v.range, row, col)) return v.rule.list;
  }
  return [];
}

function select(row: number, col: number): void {
  selected = { row: Math.max(0, row), col: Math.max(0, col) };
  const addr = address(selected.row, selected.col);
  const formula = hf.getCellFormula(addr);
  const raw = hf.getCellSerialized(addr);
  formulaInput.value = formula ?? (raw === null || raw === undefined ? '' : String(raw));
  $<HTMLInputElement>('cell-name').value = a1(selected.row, selected.col);
  $('formula-choices').replaceChildren(
    ...validationList(selected.row, selected.col).map((v) => {
      const option = document.createElement('option');
      option.value = v;
      return option;
    }),
  );
  for (const td of grid.querySelectorAll('td.selected')) td.classList.remove('selected');
  grid.querySelector(`td[data-a1="${a1(selected.row, selected.col)}"]`)?.classList.add('selected');
}

function commit(): void {
  const text = formulaInput.value;
  const content =
    text.trim() === '' ? null : /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text.trim()) ? Number(text) : text;
  try {
    hf.setCellContents(address(selected.row, selected.col), [[content]]);
  } catch (error) {
    toast((error as Error).message);
  }
  render();
  select(selected.row + 1, selected.col);
}

function render(): void {
  renderTabs();
  renderGrid();
  renderCharts();
  select(selected.row, selected.col);
}

let toastTimer: ReturnType<typeof setTimeout> | undefined;
function toast(message: string): void {
  const el = $('toast');
  el.textContent = message;
  el.classList.add('show');
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => el.classList.remove('show'), 4000);
}

formulaInput.addEventListener('keydown', (event) => {
  if (event.key === 'Enter') {
    event.preventDefault();
    commit();
  } else if (event.key === 'Escape') {
    select(selected.row, selected.col);
  }
});

document.addEventListener('keydown', (event) => {
  if (document.activeElement === formulaInput || event.target !== document.body) return;
  const moves: Record<string, [number, number]> = {
    ArrowUp: [-1, 0],
    ArrowDown: [1, 0],
    ArrowLeft: [0, -1],
    ArrowRight: [0, 1],
    Enter: [0, 0],
  };
  const move = moves[event.key];
  if (move) {
    event.preventDefault();
    if (event.key === 'Enter') formulaInput.focus();
    else select(selected.row + move[0], selected.col + move[1]);
  } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey) {
    formulaInput.value = '';
    formulaInput.focus();
  }
});

// The sidebar's google.script.run, bridged (see sidebar-bridge.ts).
window.addEventListener('message', (event) => {
  const data = event.data as { type?: string; id?: number; fn?: string; args?: unknown[] };
  if (data?.type !== 'llm-sizing-run' || event.source === null) return;
  const reply = (message: Record<string, unknown>) =>
    (event.source as Window).postMessage({ type: 'llm-sizing-result', id: data.id, ...message }, '*');
  if (!data.fn || !CALLABLE.has(data.fn)) {
    reply({ ok: false, message: `no server function ${data.fn}` });
    return;
  }
  try {
    const value = (page[data.fn] as (...args: unknown[]) => unknown)(...(data.args ?? []));
    if (typeof value === 'string' && hf.getSheetId(value) !== undefined) {
      active = value;
      selected = { row: 0, col: 0 };
    }
    render();
    reply({ ok: true, value });
  } catch (error) {
    reply({ ok: false, message: (error as Error).message });
  }
});

$('open-sidebar').addEventListener('click', () => {
  (page.showSidebar as () => void)();
  $('sidebar-panel').hidden = false;
});
$('close-sidebar').addEventListener('click', () => {
  $('sidebar-panel').hidden = true;
});

/** Every sheet's formulas, cached values and number formats, for the .xlsx export. */
function workbookForExport() {
  return hf.getSheetNames().map((name) => {
    const id = hf.getSheetId(name) as number;
    const dims = hf.getSheetDimensions(id);
    const cells: { row: number; col: number; formula?: string; value: unknown; numFmt?: string }[] = [];
    for (let row = 0; row < dims.height; row++) {
      for (let col = 0; col < dims.width; col++) {
        const addr = { sheet: id, row, col };
        const formula = hf.getCellFormula(addr);
        // Cells an array result spilled into stay empty, so the importing sheet can spill again.
        if (!formula && hf.isCellPartOfArray(addr)) continue;
        const value = hf.getCellValue(addr);
        if (value === null && !formula) continue;
        cells.push({
          row,
          col,
          formula,
          value: value instanceof DetailedCellError ? { error: value.value } : value,
          numFmt: shim.extras.get(name)?.numberFormats.get(a1(row, col)),
        });
      }
    }
    return { name, cells };
  });
}

$('download').addEventListener('click', async () => {
  const response = await fetch('/export.xlsx', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ sheets: workbookForExport() }),
  });
  if (!response.ok) {
    toast(`Export failed: ${await response.text()}`);
    return;
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = 'llm-sizing.xlsx';
  link.click();
  URL.revokeObjectURL(url);
});

page.__preview = { hf, shim, activeSheet: () => active };
render();
