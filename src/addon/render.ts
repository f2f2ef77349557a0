/**
 * Rendering any template (templates.ts) for a request into a SheetPlan. The one piece of code that
 * lays templates out: inputs at the top left, sections below (or beside), each block written whole.
 */
import { parseHfConfig } from '../core/architecture/config';
import { a1, range } from './a1';
import { INPUTS, INPUT_KEYS, architectureEntries, formulaLiteral, optionsFormula, sheetChoices } from './inputs';
import {
  formula,
  type Block,
  type CellContent,
  type ChartSpec,
  type ConditionalFormat,
  type SheetPlan,
  type Validation,
} from './plan';
import type { SizingRequest } from './request';
import {
  DOES_NOT_FIT,
  GPU_TABLE_CHOICES,
  GPU_TABLE_HELP,
  NO_FIT_COLORS,
  NO_PEAK,
  TEMPLATES,
  noPeakTest,
  type InputKey,
  type Section,
} from './templates';

const INPUT_COL = 2;
const FIRST_INPUT_ROW = 5;

function requestValue(request: SizingRequest, key: InputKey): string | number {
  return request[key];
}

/**
 * A template formula as a cell's Formula: `{key}` and `{out:key}` replaced with absolute cell
 * references (or, for an input the template does not show, its value as a quoted literal).
 */
function fill(template: string, refs: ReadonlyMap<string, string>): CellContent {
  return formula(
    template.replace(/\{([a-zA-Z:]+)\}/g, (_match, name: string) => {
      const ref = refs.get(name);
      if (ref === undefined) throw new Error(`template formula ${template} names unknown cell {${name}}`);
      return ref;
    }),
  );
}

function quoteList(values: readonly string[]): string {
  return `{${values.map((v) => `"${v}"`).join(',')}}`;
}

const TITLE_MODEL_CHARS = 60;

/**
 * How a sheet's title names the model: a preset as typed; a pasted config.json by the name it
 * states or else by its shape ("custom model (H 5120, L 40, …)"), never as raw JSON; other long
 * text shortened.
 */
export function modelTitle(model: string): string {
  const text = model.trim().replace(/\s+/g, ' ');
  if (text.startsWith('{')) {
    try {
      const { spec, name } = parseHfConfig(text);
      if (name) return shorten(name);
      return customTitle(spec.hidden, spec.layers, spec.ffn, spec.vocab, spec.heads, spec.kvHeads, spec.experts);
    } catch {
      // Not a usable config: the sheet's own cells will say why; the title just stays short.
    }
  }
  // Architecture keys, as the sidebar's custom model writes them ("hidden=4096; layers=32; …").
  const keys = architectureEntries(text);
  if (keys && ['hidden', 'layers', 'ffn', 'vocab'].every((k) => keys.has(k))) {
    const n = (key: string) => (keys.has(key) ? Number(keys.get(key)) : undefined);
    return customTitle(n('hidden'), n('layers'), n('ffn'), n('vocab'), n('heads'), n('kv_heads'), n('experts'));
  }
  return shorten(text);
}

function customTitle(...[hidden, layers, ffn, vocab, heads, kvHeads, experts]: (number | undefined)[]): string {
  const shape = [`H ${hidden}`, `L ${layers}`, `F ${ffn}`, `V ${vocab}`];
  if (heads !== undefined) shape.push(`${heads} heads`);
  if (kvHeads !== undefined) shape.push(`${kvHeads} KV heads`);
  if (experts) shape.push(`${experts} experts`);
  return `custom model (${shape.join(', ')})`;
}

function shorten(text: string): string {
  return text.length > TITLE_MODEL_CHARS ? `${text.slice(0, TITLE_MODEL_CHARS - 1).trimEnd()}…` : text;
}

/** A conditional-format formula, TRUE where `fits` (a cell reference) is FALSE; never an error. */
const noFit = (fits: string) => `=IF(ISLOGICAL(${fits}),NOT(${fits}),FALSE)`;
/** The cell formula writing DOES_NOT_FIT where `fits` is FALSE, and nothing otherwise. */
const noFitLabel = (fits: string) => formula(`=IF(ISLOGICAL(${fits}),IF(${fits},"","${DOES_NOT_FIT}"),"")`);

/** Inserts `value` into a sorted axis if it is not there already. */
function withValue(axis: readonly number[], value: number): number[] {
  return axis.includes(value) ? [...axis] : [...axis, value].sort((a, b) => a - b);
}

export function renderTemplate(request: SizingRequest): SheetPlan {
  const template = TEMPLATES[request.template];
  const blocks: Block[] = [];
  const validations: Validation[] = [];
  const conditionalFormats: ConditionalFormat[] = [];
  const charts: ChartSpec[] = [];
  const refs = new Map<string, string>();

  // A custom GPU's text can run to MAX_CHARS.gpu: the title shows its start, as it does a long model.
  const gpuText = template.inputs.includes('gpu') ? ` on ${shorten(request.gpu.replace(/\s+/g, ' '))}` : '';
  blocks.push({
    row: 1,
    col: 1,
    style: 'title',
    values: [[`${template.title}: ${modelTitle(request.model)}${gpuText}`]],
  });
  blocks.push({
    row: 2,
    col: 1,
    style: 'note',
    values: [[`${template.description} Made by LLM Sizing for Sheets; functions: LLM_ESTIMATE, LLM_GPU.`]],
  });

  // Inputs: one block of labels and values; the options cell is built from them.
  blocks.push({ row: FIRST_INPUT_ROW - 1, col: 1, style: 'header', values: [['Inputs', '']] });
  template.inputs.forEach((key, i) => refs.set(key, a1(FIRST_INPUT_ROW + i, INPUT_COL, true)));
  // Inputs a template leaves out still have a value: the request's (e.g. batch in a GPU sweep).
  for (const key of INPUT_KEYS) {
    if (!refs.has(key)) refs.set(key, formulaLiteral(requestValue(request, key)));
  }
  blocks.push({
    row: FIRST_INPUT_ROW,
    col: 1,
    style: 'input',
    values: template.inputs.map((key) => [INPUTS[key].label, requestValue(request, key)]),
    note: 'Inputs: edit these cells.',
  });
  template.inputs.forEach((key, i) => {
    const spec = INPUTS[key];
    if (spec.kind !== 'text') {
      validations.push({
        row: FIRST_INPUT_ROW + i,
        col: INPUT_COL,
        rows: 1,
        cols: 1,
        list: spec.kind === 'choice' ? sheetChoices(key) : undefined,
        positiveInteger: spec.kind === 'count' || undefined,
        help: spec.sheetHelp ?? spec.help,
      });
    }
  });
  let row = FIRST_INPUT_ROW + template.inputs.length;
  refs.set('options', a1(row, INPUT_COL, true));
  const options = optionsFormula((key) => refs.get(key) as string);
  const derived = [{ label: 'Options (built from the inputs)', formula: options, format: '' }];
  for (const d of template.derivedInputs ?? []) {
    refs.set(`out:${d.key}`, a1(row + derived.length, INPUT_COL, true));
    derived.push(d);
  }
  blocks.push({
    row,
    col: 1,
    style: 'output',
    values: derived.map((d) => [d.label, fill(d.formula, refs)]),
    numberFormats: derived.map((d) => ['', d.format]),
  });
  row += derived.length + 1;

  for (const section of template.sections) {
    row = renderSection(section, row, request, refs, { blocks, validations, conditionalFormats, charts });
  }

  return {
    baseName: template.sheetName,
    blocks,
    validations,
    conditionalFormats,
    charts,
    frozenRows: 2,
    columnWidths: [
      { col: 1, width: 260 },
      { col: 2, width: 160 },
    ],
  };
}

interface Sinks {
  blocks: Block[];
  validations: Validation[];
  conditionalFormats: ConditionalFormat[];
  charts: ChartSpec[];
}

/** Writes one section starting at `row`; returns the next free row. */
function renderSection(
  section: Section,
  row: number,
  request: SizingRequest,
  refs: Map<string, string>,
  out: Sinks,
): number {
  switch (section.kind) {
    case 'outputs': {
      const first = row + 1;
      section.rows.forEach((r, i) => refs.set(`out:${r.key}`, a1(first + i, INPUT_COL, true)));
      // Beside each speed figure: "does not fit" when the section's fits cell is FALSE.
      const fitsIndex = section.fits === undefined ? -1 : section.rows.findIndex((r) => r.key === section.fits);
      const fits = fitsIndex >= 0 ? a1(first + fitsIndex, INPUT_COL, true) : undefined;
      const marked = fits !== undefined && section.rows.some((r) => r.speed);
      const marker = (speed: boolean | undefined): CellContent[] => (marked ? [speed ? noFitLabel(fits) : null] : []);
      out.blocks.push({ row, col: 1, style: 'header', values: [[section.title, '', ...marker(false)]] });
      out.blocks.push({
        row: first,
        col: 1,
        style: 'output',
        values: section.rows.map((r) => [r.label, fill(r.formula, refs), ...marker(r.speed)]),
        numberFormats: section.rows.map((r) => ['', r.format, ...(marked ? [''] : [])]),
      });
      if (marked) {
        out.conditionalFormats.push({
          row: first + fitsIndex,
          col: INPUT_COL,
          rows: 1,
          cols: 1,
          formula: noFit(fits),
          ...NO_FIT_COLORS,
        });
        // One rule per run of consecutive speed rows, over the figure and its marker.
        section.rows.forEach((r, i) => {
          if (!r.speed || section.rows[i - 1]?.speed) return;
          let n = 1;
          while (section.rows[i + n]?.speed) n++;
          out.conditionalFormats.push({
            row: first + i,
            col: INPUT_COL,
            rows: n,
            cols: 2,
            formula: noFit(fits),
            ...NO_FIT_COLORS,
          });
        });
      }
      return first + section.rows.length + 1;
    }
    case 'breakdown': {
      // Beside the inputs: a header row of parts and one row of values, charted as a stacked bar.
      const col = 4;
      const top = FIRST_INPUT_ROW - 1;
      out.blocks.push({
        row: top,
        col,
        style: 'header',
        values: [['', ...section.parts.map((p) => p.label)]],
      });
      out.blocks.push({
        row: top + 1,
        col,
        style: 'output',
        values: [[section.title, ...section.parts.map((p) => fill(p.formula, refs))]],
        numberFormats: [['', ...section.parts.map(() => '0.00')]],
      });
      out.charts.push({
        row: top,
        col,
        rows: 2,
        cols: section.parts.length + 1,
        title: 'VRAM breakdown against GPU memory (GiB)',
        anchorRow: top + 3,
        anchorCol: col,
        stacked: true,
      });
      return row;
    }
    case 'gpu-table': {
      const n = section.gpus.length + section.spareRows;
      const first = row + 1;
      const gpuRange = range(first, 1, n, 1, true);
      out.blocks.push({
        row,
        col: 1,
        style: 'header',
        values: [['GPU', 'Memory (GB)', ...section.metrics.map((m) => m.label), 'GPUs needed (by memory)', 'Note']],
      });
      out.blocks.push({
        row: first,
        col: 1,
        style: 'input',
        values: Array.from({ length: n }, (_, i) => [section.gpus[i] ?? null]),
        note: 'GPU list: edit, or add GPUs in the blank rows.',
      });
      out.validations.push({
        row: first,
        col: 1,
        rows: n,
        cols: 1,
        list: GPU_TABLE_CHOICES,
        help: GPU_TABLE_HELP,
      });
      const metricsCol = 3;
      const vramIndex = section.metrics.findIndex((m) => m.metric === 'vram_gib');
      const fitsIndex = section.metrics.findIndex((m) => m.metric === 'fits');
      const fitsCol = metricsCol + fitsIndex;
      const formulas: CellContent[][] = Array.from({ length: n }, (_, i) => {
        const r = first + i;
        const memory = i === 0 ? formula(`=LLM_GPU(${gpuRange},"memory_gb")`) : null;
        const estimate =
          i === 0
            ? fill(
                `=LLM_ESTIMATE({model},${quoteList(section.metrics.map((m) => m.metric))},{batch},{context},{precision},${gpuRange},{options})`,
                refs,
              )
            : null;
        const needed =
          vramIndex >= 0
            ? formula(
                `=IF(OR(${a1(r, 1)}="",NOT(ISNUMBER(${a1(r, 2)}))),"",IFERROR(ROUNDUP(${a1(r, metricsCol + vramIndex)}/(${a1(r, 2)}*10^9/2^30),0),""))`,
              )
            : null;
        const note = fitsIndex >= 0 ? noFitLabel(a1(r, fitsCol)) : null;
        return [memory, estimate, ...section.metrics.slice(1).map(() => null), needed, note];
      });
      out.blocks.push({
        row: first,
        col: 2,
        style: 'output',
        values: formulas,
        numberFormats: formulas.map(() => ['0', ...section.metrics.map((m) => m.format), '0', '']),
      });
      if (fitsIndex >= 0) {
        // Red where the row's GPU cannot hold the model: its fits cell, its speed figures and the note.
        const fitsRef = `$${a1(first, fitsCol)}`; // column fixed, row relative: each row's own fits cell
        const columns = [
          fitsCol,
          ...section.metrics.flatMap((m, j) => (m.speed ? [metricsCol + j] : [])),
          metricsCol + section.metrics.length + 1,
        ];
        for (const col of columns) {
          out.conditionalFormats.push({ row: first, col, rows: n, cols: 1, formula: noFit(fitsRef), ...NO_FIT_COLORS });
        }
      }
      return first + n + 1;
    }
    case 'sweep': {
      const batches = withValue(section.batches, request.batch);
      const contexts = withValue(section.contexts, request.context);
      let top = row;
      let axes: { batchRange: string; contextRange: string; firstValue: string } | undefined;
      for (const table of section.tables) {
        out.blocks.push({ row: top, col: 1, style: 'header', values: [[table.label, '']] });
        const axisRow = top + 1;
        const first = axisRow + 1;
        const axisValues: CellContent[] = axes
          ? contexts.map((_, j) => formula(`=${a1(row + 1, 2 + j)}`))
          : [...contexts];
        out.blocks.push({
          row: axisRow,
          col: 1,
          style: 'axis',
          values: [['Batch \\ context', ...axisValues]],
          note: axes ? undefined : 'Edit the batch sizes (down) and context lengths (across).',
        });
        out.blocks.push({
          row: first,
          col: 1,
          style: 'axis',
          values: batches.map((b, i) => [axes ? formula(`=${a1(row + 2 + i, 1)}`) : b]),
        });
        const batchRange = axes?.batchRange ?? range(first, 1, batches.length, 1, true);
        const contextRange = axes?.contextRange ?? range(axisRow, 2, 1, contexts.length, true);
        const call = `LLM_ESTIMATE({model},"${table.metric}",${batchRange},${contextRange},{precision},{gpu},{options})`;
        // A speed table says NO_PEAK in every cell for a GPU without a sourced peak: still one array
        // formula (frozen whole), its size the call's. Known: the GPU's memory, the VRAM table's corner.
        const known = [refs.get('out:memory'), axes?.firstValue].filter((k): k is string => k !== undefined);
        const tableFormula = fill(
          table.speed ? `=ARRAYFORMULA(IF(${noPeakTest(known)},"${NO_PEAK}",${call}))` : `=${call}`,
          refs,
        );
        out.blocks.push({
          row: first,
          col: 2,
          style: 'output',
          values: batches.map((_, i) => contexts.map((__, j) => (i === 0 && j === 0 ? tableFormula : null))),
          numberFormats: batches.map(() => contexts.map(() => table.format)),
        });
        const vramTopLeft = axes?.firstValue ?? a1(first, 2);
        // Red where the total VRAM does not fit in the GPUs' memory (the VRAM table's cell).
        out.conditionalFormats.push({
          row: first,
          col: 2,
          rows: batches.length,
          cols: contexts.length,
          formula: `=AND(ISNUMBER(${vramTopLeft}),${vramTopLeft}>${refs.get('out:memory') ?? '0'})`,
          background: '#f4c7c3',
          fontColor: '#a50e0e',
        });
        axes ??= { batchRange, contextRange, firstValue: a1(first, 2) };
        top = first + batches.length + 1;
      }
      return top;
    }
  }
}
