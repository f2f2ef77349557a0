/**
 * A GPU without a sourced peak for the precision (A10G; TPUs and H100 NVL in fp32): the templates
 * keep its memory figures and write NO_PEAK ("no sourced peak") in its speed cells instead of an
 * error, as the sidebar says "unavailable". A GPU or precision that is not known still shows its
 * error. The GPU comparison's list, whose rows share one array call, leaves such GPUs out.
 */
import { GPU_PRESETS } from '../../src/core/gpus/catalog';
import { sheetChoices } from '../../src/addon/inputs';
import { DEFAULT_REQUEST, type TemplateId } from '../../src/addon/request';
import { GPU_TABLE_CHOICES, NO_PEAK } from '../../src/addon/templates';
import { createWorkbook, type Workbook } from '../helpers/workbook';

const SPEED_LABELS = [
  'Time to first token (s)',
  'Time per output token (s)',
  'Tokens/s (all sequences)',
  'Time for prompt and all output tokens (s)',
];
const MEMORY_LABELS = ['Parameters', 'Weights (GiB)', 'KV cache (GiB)', 'Total VRAM (GiB)', 'Memory per GPU (GiB)'];

function insert(wb: Workbook, template: TemplateId, changes: Record<string, unknown> = {}): string {
  return wb.global.insertSizingGrid({ ...DEFAULT_REQUEST, template, ...changes }) as string;
}

const beside = (wb: Workbook, sheet: string, label: string) => wb.values(sheet).find((r) => r[0] === label)?.[1];
const isError = (v: unknown) => typeof v === 'string' && (v.startsWith('#') || v.startsWith('ERROR'));

describe('sizing sheet', () => {
  const wb = createWorkbook();

  test.each([
    ['a10g', 'bf16'],
    ['tpu-v5e', 'fp32'],
    ['h100-nvl', 'tf32'],
  ])('%s in %s: memory figures, and "no sourced peak" in every speed cell', (gpu, precision) => {
    const name = insert(wb, 'sizing', { gpu, precision });
    for (const label of MEMORY_LABELS) expect([label, typeof beside(wb, name, label)]).toEqual([label, 'number']);
    expect(beside(wb, name, 'Peak used for speed')).toBe(NO_PEAK);
    for (const label of SPEED_LABELS) expect([label, beside(wb, name, label)]).toEqual([label, NO_PEAK]);
    expect(wb.values(name).flat().filter(isError)).toEqual([]);
  });

  test('a GPU with a peak: the compute type it uses (after fallback), and numbers', () => {
    const name = insert(wb, 'sizing', { gpu: 't4', precision: 'bf16' });
    expect(beside(wb, name, 'Peak used for speed')).toBe('fp16');
    for (const label of SPEED_LABELS) expect([label, typeof beside(wb, name, label)]).toEqual([label, 'number']);
  });

  test('an unknown GPU or precision is an error, not "no sourced peak"', () => {
    const name = insert(wb, 'sizing');
    const row = wb.values(name).findIndex((r) => r[0] === 'GPU') + 1;
    wb.edit(name, `B${row}`, 'h100x');
    expect(isError(beside(wb, name, 'Peak used for speed'))).toBe(true);
    for (const label of SPEED_LABELS) expect([label, isError(beside(wb, name, label))]).toEqual([label, true]);
    wb.edit(name, `B${row}`, 'h100-sxm');
    wb.edit(name, `B${row + 1}`, 'bf17');
    expect(String(beside(wb, name, 'Peak used for speed'))).toMatch(/bf17/);
    for (const label of SPEED_LABELS) expect([label, isError(beside(wb, name, label))]).toEqual([label, true]);
  });
});

describe('sweep', () => {
  test('A10G: the VRAM table computes, the tokens/s table says "no sourced peak"; both freeze as arrays', () => {
    const wb = createWorkbook();
    const name = insert(wb, 'sweep', { gpu: 'a10g' });
    const values = wb.values(name);
    const axes = values.flatMap((r, i) => (r[0] === 'Batch \\ context' ? [i] : []));
    expect(axes).toHaveLength(2);
    const table = (axis: number) => values.slice(axis + 1, axis + 9).map((r) => r.slice(1, 10));
    expect(
      table(axes[0])
        .flat()
        .every((v) => typeof v === 'number'),
    ).toBe(true);
    expect(
      table(axes[1])
        .flat()
        .every((v) => v === NO_PEAK),
    ).toBe(true);
    expect(values.flat().filter(isError)).toEqual([]);
    const summary = wb.global.freezeSheetResults() as { skipped: number; formulas: number };
    expect(summary).toMatchObject({ skipped: 0, formulas: 3 });
  });
});

describe('sweep, with an unknown GPU or precision typed in', () => {
  test.each([
    ['GPU', 'h100x'],
    ['Precision', 'bf17'],
  ])('%s %s: the tables show the error, not "no sourced peak"', (label, value) => {
    const wb = createWorkbook();
    const name = insert(wb, 'sweep');
    const row = wb.values(name).findIndex((r) => r[0] === label) + 1;
    wb.edit(name, `B${row}`, value);
    const values = wb.values(name).flat();
    expect(values).not.toContain(NO_PEAK);
    expect(values.filter(isError).length).toBeGreaterThan(0);
  });
});

describe('the GPU comparison list', () => {
  test('offers every GPU preset with a sourced peak: all but A10G', () => {
    const withoutPeak = GPU_PRESETS.filter((g) => Object.keys(g.peaks).length === 0).map((g) => g.id);
    expect(withoutPeak).toEqual(['a10g']);
    expect(GPU_TABLE_CHOICES).toEqual(sheetChoices('gpu').filter((id) => !withoutPeak.includes(id)));
    const wb = createWorkbook();
    const name = insert(wb, 'gpu-comparison');
    const list = wb.shim.extras.get(name)!.validations.find((v) => v.range.startsWith('A'))!;
    expect(list.rule.list).toEqual(GPU_TABLE_CHOICES);
    expect(list.rule.helpText).toContain('A10G');
  });
});
