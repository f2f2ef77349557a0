/**
 * Speed figures of a configuration that does not fit are still computed, and the inserted sheets
 * say so beside them: a "does not fit" label and a red conditional format (as the sweep's), driven
 * by the sheet's own Fits cells so they follow edits. Checked by recalculating the inserted sheets
 * and evaluating each conditional-format rule at the cell as Sheets does.
 */
import { shiftFormula } from '../../preview/engine/format';
import { DEFAULT_REQUEST, type TemplateId } from '../../src/addon/request';
import { createWorkbook, type Workbook } from '../helpers/workbook';

function insert(wb: Workbook, template: TemplateId, changes: Record<string, unknown> = {}): string {
  return wb.global.insertSizingGrid({ ...DEFAULT_REQUEST, template, ...changes }) as string;
}

/** The row whose column A holds `label`, 1-based. */
function rowOf(wb: Workbook, sheet: string, label: string): number {
  const index = wb.values(sheet).findIndex((row) => row[0] === label);
  if (index < 0) throw new Error(`no row labelled ${label}`);
  return index + 1;
}

const colIndex = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/** Whether a conditional-format rule of the sheet colours the cell (its formula, shifted to it, is TRUE). */
function highlighted(wb: Workbook, sheet: string, a1: string): boolean {
  const [, letters, digits] = /^([A-Z]+)(\d+)$/.exec(a1) ?? [];
  const row = Number(digits);
  const col = colIndex(letters);
  const sheetId = wb.hf.getSheetId(sheet) as number;
  return (wb.shim.extras.get(sheet)?.conditionalFormats ?? []).some((rule) =>
    rule.ranges.some((range) => {
      const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(range);
      if (!m) return false;
      const [r0, c0] = [Number(m[2]), colIndex(m[1])];
      const [r1, c1] = m[3] ? [Number(m[4]), colIndex(m[3])] : [r0, c0];
      if (row < r0 || row > r1 || col < c0 || col > c1) return false;
      return wb.hf.calculateFormula(shiftFormula(rule.formula, row - r0, col - c0), sheetId) === true;
    }),
  );
}

const SPEED_LABELS = [
  'Time to first token (s)',
  'Time per output token (s)',
  'Tokens/s (all sequences)',
  'Time for prompt and all output tokens (s)',
];

describe('sizing sheet', () => {
  test('does not fit: speed figures stay numbers, marked "does not fit" beside them and coloured', () => {
    const wb = createWorkbook();
    // Llama-3.1-8B in bf16 at batch 8 and 8K context needs about 28 GiB: more than an L4's 24 GB.
    const name = insert(wb, 'sizing', { gpu: 'l4' });
    expect(wb.cell(name, `B${rowOf(wb, name, 'Fits')}`)).toBe(false);
    for (const label of SPEED_LABELS) {
      const row = rowOf(wb, name, label);
      expect(typeof wb.cell(name, `B${row}`)).toBe('number');
      expect(wb.cell(name, `C${row}`)).toBe('does not fit');
      expect(highlighted(wb, name, `B${row}`)).toBe(true);
    }
    expect(highlighted(wb, name, `B${rowOf(wb, name, 'Fits')}`)).toBe(true);
    // Memory rows are not speed figures: no marker.
    expect(highlighted(wb, name, `B${rowOf(wb, name, 'Total VRAM (GiB)')}`)).toBe(false);

    // The marks follow the sheet: at batch 1 it fits and they go.
    wb.edit(name, `B${rowOf(wb, name, 'Batch size')}`, 1);
    expect(wb.cell(name, `B${rowOf(wb, name, 'Fits')}`)).toBe(true);
    for (const label of SPEED_LABELS) {
      const row = rowOf(wb, name, label);
      expect(wb.cell(name, `C${row}`) ?? '').toBe('');
      expect(highlighted(wb, name, `B${row}`)).toBe(false);
    }
  });

  test('fits: no marks', () => {
    const wb = createWorkbook();
    const name = insert(wb, 'sizing');
    expect(wb.cell(name, `B${rowOf(wb, name, 'Fits')}`)).toBe(true);
    for (const label of SPEED_LABELS) {
      const row = rowOf(wb, name, label);
      expect(wb.cell(name, `C${row}`) ?? '').toBe('');
      expect(highlighted(wb, name, `B${row}`)).toBe(false);
    }
  });
});

describe('GPU comparison', () => {
  const wb = createWorkbook();
  const name = insert(wb, 'gpu-comparison');
  const header = rowOf(wb, name, 'GPU');
  const headings = wb.values(name)[header - 1];
  const colOf = (heading: string) => {
    const i = headings.indexOf(heading);
    if (i < 0) throw new Error(`no column ${heading} in ${JSON.stringify(headings)}`);
    return String.fromCharCode(65 + i);
  };
  const rowOfGpu = (gpu: string) => wb.values(name).findIndex((row, i) => i >= header && row[0] === gpu) + 1;

  test('a GPU that does not fit: Fits and speed cells coloured, and a "does not fit" note', () => {
    const row = rowOfGpu('t4');
    expect(wb.cell(name, `${colOf('Fits')}${row}`)).toBe(false);
    for (const heading of ['Fits', 'Tokens/s', 'Time to first token (s)']) {
      expect(highlighted(wb, name, `${colOf(heading)}${row}`)).toBe(true);
    }
    expect(typeof wb.cell(name, `${colOf('Tokens/s')}${row}`)).toBe('number');
    expect(wb.cell(name, `${colOf('Note')}${row}`)).toBe('does not fit');
  });

  test('a GPU that fits and a blank row: no marks, no error cells', () => {
    const row = rowOfGpu('h100-sxm');
    expect(wb.cell(name, `${colOf('Fits')}${row}`)).toBe(true);
    for (const heading of ['Fits', 'Tokens/s', 'Time to first token (s)']) {
      expect(highlighted(wb, name, `${colOf(heading)}${row}`)).toBe(false);
    }
    expect(wb.cell(name, `${colOf('Note')}${row}`) ?? '').toBe('');
    const blank = header + 14;
    expect(wb.cell(name, `A${blank}`) ?? '').toBe('');
    expect(wb.cell(name, `${colOf('Note')}${blank}`) ?? '').toBe('');
    expect(highlighted(wb, name, `${colOf('Tokens/s')}${blank}`)).toBe(false);
    const errors = wb
      .values(name)
      .flat()
      .filter((v) => typeof v === 'string' && (v.startsWith('#') || v.startsWith('ERROR')));
    expect(errors).toEqual([]);
  });
});
