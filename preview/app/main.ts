/**
 * The local preview page: a HyperFormula workbook shown as a grid, with dist/Code.js's custom
 * functions registered in it and its server code running against a SpreadsheetApp over the same
 * workbook. The sidebar (dist/Sidebar.html, unchanged) sits in an iframe; its google.script.run
 * calls come here by postMessage and run the real `insertSizingGrid`.
 */
import { DetailedCellError, type SimpleCellAddress } from 'hyperformula';
import { createAppsScriptShim, type SheetExtras } from '../engine/apps-script';
import { explainError, formatValue, parseInput, parseTsv, shiftFormula, toTsv } from '../engine/format';
import { createSheetsWorkbook, type SheetsBundle } from '../engine/functions';
import { a1 as sheetA1, columnLetter, parseRange } from '../../src/addon/a1';
import { createEditor } from './editor';
import { workbookForExport } from './export';
import { Selection, cellElement, cellsOf, paintSelection, type Area } from './selection';
import { mountMenu } from './menu';

const page = window as unknown as Record<string, unknown>;
const bundle = page.LLMSizing as SheetsBundle;
const hf = createSheetsWorkbook(bundle);
const shim = createAppsScriptShim(hf);
Object.assign(page, shim.globals);
/** Every change from the grid goes through the editor: one undoable step each. */
const editor = createEditor(hf);

/** Server functions the sidebar may call, as google.script.run allows calling top-level functions. */
const CALLABLE = new Set(['insertSizingGrid']);

let active = 'Sheet1';
const selection = new Selection();

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const grid = $<HTMLTableElement>('grid');
const formulaInput = $<HTMLInputElement>('formula');

/** Column letters and A1 of a cell counted from 0, as HyperFormula counts. */
const letters = (col: number) => columnLetter(col + 1);
const a1 = (row: number, col: number) => sheetA1(row + 1, col + 1);
const sheetId = () => hf.getSheetId(active) as number;
const address = (row: number, col: number): SimpleCellAddress => ({ sheet: sheetId(), row, col });

function inRange(rangeA1: string, row: number, col: number): { dr: number; dc: number } | undefined {
  const r = parseRange(rangeA1);
  if (!r) return undefined;
  const dr = row - (r.row - 1);
  const dc = col - (r.col - 1);
  return dr >= 0 && dr < r.rows && dc >= 0 && dc < r.cols ? { dr, dc } : undefined;
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
        selection.set({ row: 0, col: 0 });
        render();
        focusGrid();
      });
      return tab;
    }),
  );
}

/** Text overflows into empty cells to its right, as in Sheets; these runs are sized once laid out. */
interface Overflow {
  readonly text: HTMLSpanElement;
  readonly col: number;
  readonly cells: number;
}

function renderGrid(): void {
  const extras = shim.extras.get(active);
  const dims = hf.getSheetDimensions(sheetId());
  const area = selection.area();
  const rows = Math.max(dims.height + 20, 100, area.bottom + 2);
  const cols = Math.max(dims.width + 4, 26, area.right + 2);
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
  const overflows: Overflow[] = [];
  for (let r = 0; r < rows; r++) {
    const tr = document.createElement('tr');
    const th = document.createElement('th');
    th.className = 'row';
    th.textContent = String(r + 1);
    tr.append(th);
    const empty = Array.from({ length: cols }, (_, c) => hf.getCellType(address(r, c)) === 'EMPTY');
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
        // Text (never a number) runs on over the empty cells to its right.
        let cells = 0;
        while (typeof value === 'string' && value !== '' && c + cells + 1 < cols && empty[c + cells + 1]) cells++;
        if (cells > 0) {
          const text = document.createElement('span');
          text.className = 'overflow';
          text.textContent = td.textContent;
          td.replaceChildren(text);
          td.classList.add('overflows');
          overflows.push({ text, col: c, cells });
        }
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
      tr.append(td);
    }
    // No gridline inside an overflowing run (the cell further left decides a shared border).
    for (const run of overflows.filter((o) => o.text.closest('tr') === tr)) {
      for (let k = 0; k < run.cells; k++) tr.cells[run.col + 1 + k].classList.add('run-on');
    }
    body.push(tr);
  }
  grid.replaceChildren(...body);
  // A run is as wide as the cells it covers, so it stops at the next filled cell.
  const widths = [...head.cells].map((cell) => cell.getBoundingClientRect().width);
  for (const run of overflows) {
    let width = 0;
    for (let k = 0; k <= run.cells; k++) width += widths[run.col + 1 + k];
    run.text.style.width = `${Math.max(0, width - 8)}px`;
  }
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

/** The input help of a cell: its data validation's help text and its note, as Sheets shows them. */
function inputHelp(row: number, col: number): string {
  const extras = shim.extras.get(active);
  const texts = new Set<string>();
  for (const v of extras?.validations ?? []) {
    if (v.rule.helpText && inRange(v.range, row, col)) texts.add(v.rule.helpText);
  }
  const note = extras?.notes.get(a1(row, col));
  if (note) texts.add(note);
  return [...texts].join(' · ');
}

/** The status line: the full message of an error cell, else the input help of the active cell. */
function renderStatus(): void {
  const status = $('status');
  const { row, col } = selection.anchor;
  const value = hf.getCellValue(address(row, col));
  let text = '';
  let kind = '';
  if (value instanceof DetailedCellError) {
    text = `${value.value} ${explainError(value.message)}`.trim();
    kind = 'error';
  } else if (typeof value === 'string' && value.startsWith('ERROR')) {
    text = value;
    kind = 'error';
  } else {
    text = inputHelp(row, col);
    kind = text ? 'help' : '';
  }
  status.textContent = text;
  status.className = kind;
}

/** What the formula bar shows for a cell: its formula, else its value as typed. */
function cellText(row: number, col: number): string {
  const addr = address(row, col);
  const formula = hf.getCellFormula(addr);
  if (formula !== undefined) return formula;
  const raw = hf.getCellSerialized(addr);
  if (typeof raw === 'boolean') return raw ? 'TRUE' : 'FALSE';
  return raw === null || raw === undefined ? '' : String(raw);
}

/** Shows the selection: marked in the grid, the active cell in the formula bar, the status line. */
function showSelection(): void {
  const { anchor, focus } = selection;
  if (!cellElement(grid, anchor.row, anchor.col) || !cellElement(grid, focus.row, focus.col)) {
    renderGrid();
    renderCharts();
  }
  const area = selection.area();
  formulaInput.value = cellText(anchor.row, anchor.col);
  $<HTMLInputElement>('cell-name').value = selection.isSingle()
    ? a1(anchor.row, anchor.col)
    : `${a1(area.top, area.left)}:${a1(area.bottom, area.right)}`;
  $('formula-choices').replaceChildren(
    ...validationList(anchor.row, anchor.col).map((v) => {
      const option = document.createElement('option');
      option.value = v;
      return option;
    }),
  );
  paintSelection(grid, selection);
  cellElement(grid, focus.row, focus.col)?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  renderStatus();
}

const gridWrap = $('grid-wrap');

/** Keyboard focus on the grid (not in the formula bar or the sidebar). */
const gridHasFocus = () => document.activeElement === gridWrap || document.activeElement === document.body;

function focusGrid(): void {
  gridWrap.focus({ preventScroll: true });
}

// --- Editing: the formula bar holds the active cell's text while it is edited ----------------------

/** The edit under way: the text the cell had when it began (undefined when not editing). */
let editing: string | undefined;
/** The column a run of Tab commits started in: Enter then goes down to it, as in Sheets. */
let tabStart: number | undefined;

function startEditing(text?: string): void {
  editing ??= cellText(selection.anchor.row, selection.anchor.col);
  if (text !== undefined) formulaInput.value = text;
  formulaInput.focus();
  formulaInput.setSelectionRange(formulaInput.value.length, formulaInput.value.length);
  mirrorEdit();
}

/** The typed text shows in the cell too, as Sheets' in-cell editor does. */
function mirrorEdit(): void {
  const td = cellElement(grid, selection.anchor.row, selection.anchor.col);
  if (!td || editing === undefined) return;
  td.textContent = formulaInput.value;
  td.classList.add('editing');
}

/** Writes the edit (if it changed anything) to the active cell: one undoable step. */
function finishEditing(): void {
  if (editing === undefined) return;
  const original = editing;
  editing = undefined;
  const text = formulaInput.value;
  if (text !== original) {
    try {
      editor.apply(() => hf.setCellContents(address(selection.anchor.row, selection.anchor.col), [[parseInput(text)]]));
    } catch (error) {
      toast((error as Error).message);
    }
  }
  // Not the tabs: a click on one ends the edit (blur) before it lands, so they must stay in place.
  renderGrid();
  renderCharts();
  showSelection();
}

/** Commits the edit and moves (Enter: down, Tab: right; with Shift back). */
function commit(rows: number, cols: number): void {
  const { row, col } = selection.anchor;
  finishEditing();
  if (cols !== 0) tabStart ??= col;
  const target = rows !== 0 && tabStart !== undefined ? tabStart : col + cols;
  if (rows !== 0) tabStart = undefined;
  selection.set({ row: row + rows, col: target });
  showSelection();
  focusGrid();
}

function cancelEditing(): void {
  editing = undefined;
  renderGrid();
  renderCharts();
  showSelection();
  focusGrid();
}

/** Formats, notes, rules and charts of sheets an undo removed, kept for a redo that brings them back. */
const removedExtras = new Map<string, SheetExtras>();

/** The workbook's undo/redo covers cells and sheets; the shim's per-sheet extras follow the sheets. */
function syncExtras(): void {
  for (const [name, extras] of [...shim.extras]) {
    if (hf.getSheetId(name) !== undefined) continue;
    removedExtras.set(name, extras);
    shim.extras.delete(name);
  }
  for (const [name, extras] of [...removedExtras]) {
    if (hf.getSheetId(name) === undefined) continue;
    if (!shim.extras.has(name)) shim.extras.set(name, extras);
    removedExtras.delete(name);
  }
}

function render(): void {
  syncExtras();
  if (hf.getSheetId(active) === undefined) active = hf.getSheetNames()[0];
  renderTabs();
  renderGrid();
  renderCharts();
  showSelection();
}

let toastTimer: ReturnType<typeof setTimeout> | undefined;
function toast(message: string): void {
  const el = $('toast');
  el.textContent = message;
  el.classList.add('show');
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => el.classList.remove('show'), 4000);
}

formulaInput.addEventListener('focus', () => {
  editing ??= cellText(selection.anchor.row, selection.anchor.col);
});
formulaInput.addEventListener('input', mirrorEdit);
// Leaving the formula bar for a button or a tab keeps what was typed, as Sheets does.
formulaInput.addEventListener('blur', () => finishEditing());

formulaInput.addEventListener('keydown', (event) => {
  if (event.key === 'Enter') {
    event.preventDefault();
    commit(event.shiftKey ? -1 : 1, 0);
  } else if (event.key === 'Tab') {
    event.preventDefault();
    commit(0, event.shiftKey ? -1 : 1);
  } else if (event.key === 'Escape') {
    event.preventDefault();
    cancelEditing();
  }
});

// --- The grid: selecting with the mouse and the keyboard --------------------------------------------

function cellAt(target: EventTarget | null): { row: number; col: number } | undefined {
  const td = (target as HTMLElement | null)?.closest?.('td');
  if (!td || !grid.contains(td)) return undefined;
  return { row: (td.parentElement as HTMLTableRowElement).rowIndex - 1, col: td.cellIndex - 1 };
}

let dragging = false;
grid.addEventListener('mousedown', (event) => {
  const cell = cellAt(event.target);
  if (!cell || event.button !== 0) return;
  event.preventDefault();
  if (editing !== undefined) finishEditing();
  tabStart = undefined;
  if (event.shiftKey) selection.extend(cell);
  else selection.set(cell);
  dragging = true;
  showSelection();
  focusGrid();
});
grid.addEventListener('mouseover', (event) => {
  const cell = cellAt(event.target);
  if (!dragging || !cell) return;
  selection.extend(cell);
  showSelection();
});
window.addEventListener('mouseup', () => {
  dragging = false;
});
grid.addEventListener('dblclick', (event) => {
  if (cellAt(event.target)) startEditing();
});

/** Delete or Backspace: the selected cells lose their contents (formats, notes and rules stay). */
function clearSelection(): void {
  const filled = [...cellsOf(selection.area())].filter(({ row, col }) => {
    const type = hf.getCellType(address(row, col));
    // A cell a result spilled into is cleared with the formula it comes from, not by itself.
    return type !== 'EMPTY' && type !== 'ARRAY';
  });
  if (filled.length === 0) return;
  editor.apply(() => {
    for (const { row, col } of filled) hf.setCellContents(address(row, col), null);
  });
  render();
}

function undo(redo: boolean): void {
  if (editing !== undefined) return;
  const changed = redo ? editor.redo() : editor.undo();
  if (changed) render();
  else toast(redo ? 'Nothing to redo' : 'Nothing to undo');
}

document.addEventListener('keydown', (event) => {
  // Only keys pressed on the grid itself (the formula bar handles its own, then focus moves here).
  if (event.defaultPrevented || (event.target !== gridWrap && event.target !== document.body)) return;
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key;
  if (mod && (key === 'z' || key === 'Z')) {
    event.preventDefault();
    undo(event.shiftKey);
    return;
  }
  if (mod && (key === 'y' || key === 'Y')) {
    event.preventDefault();
    undo(true);
    return;
  }
  if (mod && (key === 'a' || key === 'A')) {
    event.preventDefault();
    const dims = hf.getSheetDimensions(sheetId());
    selection.setArea({ top: 0, left: 0, bottom: Math.max(0, dims.height - 1), right: Math.max(0, dims.width - 1) });
    showSelection();
    return;
  }
  const moves: Record<string, [number, number]> = {
    ArrowUp: [-1, 0],
    ArrowDown: [1, 0],
    ArrowLeft: [0, -1],
    ArrowRight: [0, 1],
  };
  const move = moves[key];
  if (move) {
    event.preventDefault();
    tabStart = undefined;
    if (event.shiftKey) {
      selection.extend({ row: selection.focus.row + move[0], col: selection.focus.col + move[1] });
    } else {
      selection.set({ row: selection.anchor.row + move[0], col: selection.anchor.col + move[1] });
    }
    showSelection();
  } else if (key === 'Tab') {
    event.preventDefault();
    if (!event.shiftKey) tabStart ??= selection.anchor.col;
    selection.set({ row: selection.anchor.row, col: selection.anchor.col + (event.shiftKey ? -1 : 1) });
    showSelection();
  } else if (key === 'Enter' || key === 'F2') {
    event.preventDefault();
    startEditing();
  } else if (key === 'Delete' || key === 'Backspace') {
    event.preventDefault();
    clearSelection();
  } else if (key === 'Escape') {
    selection.set(selection.anchor);
    showSelection();
  } else if (key.length === 1 && !mod && !event.altKey) {
    // Typing on a selected cell starts editing it with what was typed, replacing its content.
    event.preventDefault();
    editing = cellText(selection.anchor.row, selection.anchor.col);
    startEditing(key);
  }
});

// --- Copy and paste: tab-separated text, so a real spreadsheet's ranges paste too -------------------

/** The last copy from this grid: pasting it again moves formulas' relative references, as Sheets does. */
let copied: { text: string; area: Area; contents: (string | number | boolean | null)[][] } | undefined;

document.addEventListener('copy', (event) => {
  if (!gridHasFocus() || !event.clipboardData) return;
  event.preventDefault();
  const area = selection.area();
  const extras = shim.extras.get(active);
  const shown: string[][] = [];
  const contents: (string | number | boolean | null)[][] = [];
  for (let row = area.top; row <= area.bottom; row++) {
    const shownRow: string[] = [];
    const contentRow: (string | number | boolean | null)[] = [];
    for (let col = area.left; col <= area.right; col++) {
      const addr = address(row, col);
      const value = hf.getCellValue(addr);
      const text =
        value instanceof DetailedCellError ? value.value : formatValue(value, extras?.numberFormats.get(a1(row, col)));
      shownRow.push(text);
      const formula = hf.getCellFormula(addr);
      if (formula !== undefined) contentRow.push(formula);
      else if (value instanceof DetailedCellError) contentRow.push(value.value);
      else if (hf.getCellType(addr) === 'ARRAY') contentRow.push(value);
      else {
        const raw = hf.getCellSerialized(addr);
        contentRow.push(raw === undefined || raw === null ? null : (raw as string | number | boolean));
      }
    }
    shown.push(shownRow);
    contents.push(contentRow);
  }
  const text = toTsv(shown);
  event.clipboardData.setData('text/plain', text);
  copied = { text, area, contents };
});

document.addEventListener('paste', (event) => {
  if (!gridHasFocus() || !event.clipboardData) return;
  event.preventDefault();
  const text = event.clipboardData.getData('text/plain');
  if (text === '') return;
  const own = copied?.text === text ? copied : undefined;
  const block: (string | number | boolean | null)[][] = own
    ? own.contents
    : parseTsv(text).map((row) => row.map(parseInput));
  const height = block.length;
  const width = Math.max(...block.map((row) => row.length));
  // Into a larger selection, a block that divides it evenly repeats to fill it (as in Sheets).
  const target = selection.area();
  const targetRows = target.bottom - target.top + 1;
  const targetCols = target.right - target.left + 1;
  const rows = targetRows > height && targetRows % height === 0 ? targetRows : height;
  const cols = targetCols > width && targetCols % width === 0 ? targetCols : width;
  const contents = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => {
      const value = block[i % height][j % width] ?? null;
      if (!own || typeof value !== 'string' || !value.startsWith('=')) return value;
      // A copied formula keeps pointing at the same cells relative to where it lands.
      return shiftFormula(
        value,
        target.top + i - (own.area.top + (i % height)),
        target.left + j - (own.area.left + (j % width)),
      );
    }),
  );
  try {
    editor.apply(() => hf.setCellContents(address(target.top, target.left), contents));
  } catch (error) {
    toast((error as Error).message);
  }
  selection.setArea(
    { top: target.top, left: target.left, bottom: target.top + rows - 1, right: target.left + cols - 1 },
    { row: target.top, col: target.left },
  );
  render();
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
    // What the server code writes (a whole template) is one undoable step.
    const fn = page[data.fn] as (...args: unknown[]) => unknown;
    const value = editor.track(() => fn(...(data.args ?? [])));
    if (typeof value === 'string' && hf.getSheetId(value) !== undefined) {
      active = value;
      selection.set({ row: 0, col: 0 });
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

// Every sheet as shown (values, spills, formats, dropdowns, rules) for the .xlsx export: see export.ts.

$('download').addEventListener('click', async () => {
  const response = await fetch('/export.xlsx', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ sheets: workbookForExport(hf, shim) }),
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
mountMenu({
  shim,
  page,
  toast,
  track: (run) => editor.track(run),
  selection: () => ({ sheet: active, areas: [selection.area()] }),
  after: (sheet) => {
    if (sheet !== active) {
      active = sheet;
      selection.set({ row: 0, col: 0 });
    }
    render();
  },
});
render();
focusGrid();
