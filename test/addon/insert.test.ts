/**
 * Inserting templates through the real server code (dist/Code.js) against a SpreadsheetApp over a
 * HyperFormula workbook in which the bundle's custom functions are registered: the written values
 * and formulas are recalculated and checked against direct function calls.
 */
import { customFunctionCalls } from '../../src/addon/plan';
import { renderTemplate } from '../../src/addon/render';
import { DEFAULT_REQUEST, TEMPLATE_IDS, parseRequest, type TemplateId } from '../../src/addon/request';
import { createWorkbook, type Workbook } from '../helpers/workbook';

const request = (template: TemplateId, changes: Record<string, unknown> = {}) => ({
  ...DEFAULT_REQUEST,
  template,
  ...changes,
});

function insert(wb: Workbook, template: TemplateId, changes: Record<string, unknown> = {}): string {
  return wb.global.insertSizingGrid(request(template, changes)) as string;
}

function errorCells(values: unknown[][]): string[] {
  const errors: string[] = [];
  values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (typeof v === 'string' && (v.startsWith('#') || v.startsWith('ERROR')))
        errors.push(`R${r + 1}C${c + 1}: ${v}`);
    }),
  );
  return errors;
}

/** The row whose column A holds `label`, 1-based. */
function rowOf(wb: Workbook, sheet: string, label: string): number {
  const index = wb.values(sheet).findIndex((row) => row[0] === label);
  if (index < 0) throw new Error(`no row labelled ${label}`);
  return index + 1;
}

describe('sizing template', () => {
  const wb = createWorkbook();
  const name = insert(wb, 'sizing');
  const direct = (metric: string, batch = DEFAULT_REQUEST.batch) =>
    wb.bundle.invoke('LLM_ESTIMATE', [
      DEFAULT_REQUEST.model,
      metric,
      batch,
      DEFAULT_REQUEST.context,
      DEFAULT_REQUEST.precision,
      DEFAULT_REQUEST.gpu,
      'n_gpus=1; output_tokens=256; engine=vllm; method=roofline',
    ]);

  test('goes into a new sheet and recalculates with no error cells', () => {
    expect(name).toBe('LLM sizing');
    expect(errorCells(wb.values(name))).toEqual([]);
  });

  test('the total VRAM cell equals a direct call with the same inputs', () => {
    const vramRow = rowOf(wb, name, 'Total VRAM (GiB)');
    expect(wb.cell(name, `B${vramRow}`)).toBe(direct('vram_gib'));
    expect(wb.cell(name, `B${rowOf(wb, name, 'Time to first token (s)')}`)).toBe(direct('prefill_s'));
    expect(wb.cell(name, `B${rowOf(wb, name, 'Tokens/s (all sequences)')}`)).toBe(direct('tokens_per_s'));
  });

  test('editing the batch cell changes the outputs to the new direct values', () => {
    const vramRow = rowOf(wb, name, 'Total VRAM (GiB)');
    const before = wb.cell(name, `B${vramRow}`);
    wb.edit(name, `B${rowOf(wb, name, 'Batch size')}`, 32);
    const after = wb.cell(name, `B${vramRow}`);
    expect(after).not.toBe(before);
    expect(after).toBe(direct('vram_gib', 32));
  });

  test('at most 15 custom-function calls, each block written in one call', () => {
    const plan = renderTemplate(parseRequest(request('sizing')));
    expect(customFunctionCalls(plan)).toBeLessThanOrEqual(15);
    const writes = wb.shim.calls.filter((c) => c.target.startsWith(`${name}!`) && c.method === 'setValues');
    expect(writes).toHaveLength(plan.blocks.length);
  });

  test('dropdowns for GPU, precision, engine and method; a stacked VRAM chart', () => {
    const extras = wb.shim.extras.get(name)!;
    const lists = extras.validations.filter((v) => v.rule.list).map((v) => v.range);
    const at = (label: string) => `B${rowOf(wb, name, label)}`;
    for (const label of ['GPU', 'Precision', 'Engine', 'Method']) expect(lists).toContain(at(label));
    expect(extras.charts).toHaveLength(1);
    expect(extras.charts[0]).toMatchObject({ type: 'bar', stacked: true });
  });
});

describe('gpu-comparison template', () => {
  const wb = createWorkbook();
  const name = insert(wb, 'gpu-comparison');

  test('no error cells; each GPU row equals direct calls; blank rows stay blank', () => {
    const values = wb.values(name);
    expect(errorCells(values)).toEqual([]);
    const header = rowOf(wb, name, 'GPU');
    const first = values[header];
    expect(first[0]).toBe('h100-sxm');
    expect(first[1]).toBe(wb.bundle.invoke('LLM_GPU', ['h100-sxm', 'memory_gb']));
    const vram = wb.bundle.invoke('LLM_ESTIMATE', [
      DEFAULT_REQUEST.model,
      'vram_gib',
      DEFAULT_REQUEST.batch,
      DEFAULT_REQUEST.context,
      DEFAULT_REQUEST.precision,
      'h100-sxm',
      'n_gpus=1; output_tokens=256; engine=vllm; method=roofline',
    ]);
    expect(first[2]).toBe(vram);
    const lastRow = values[header + 14];
    expect(lastRow.slice(0, 7).every((v) => v === null || v === '')).toBe(true);
  });

  test('a GPU typed into a blank row is computed', () => {
    const header = rowOf(wb, name, 'GPU');
    wb.edit(name, `A${header + 10}`, 'mi300x');
    const row = wb.values(name)[header + 9];
    expect(typeof row[1]).toBe('number');
  });
});

describe('sweep template', () => {
  const wb = createWorkbook();
  const name = insert(wb, 'sweep');

  test('at most 4 custom-function calls whatever its size: two tables, the GPU memory and its peak', () => {
    for (const changes of [{}, { batch: 3, context: 3000 }]) {
      expect(customFunctionCalls(renderTemplate(parseRequest(request('sweep', changes))))).toBeLessThanOrEqual(4);
    }
  });

  test('the VRAM table equals direct calls cell by cell; no error cells', () => {
    const values = wb.values(name);
    expect(errorCells(values)).toEqual([]);
    const axis = rowOf(wb, name, 'Batch \\ context');
    const contexts = values[axis - 1].slice(1, 10) as number[];
    for (let i = 0; i < 3; i++) {
      const batch = values[axis + i][0] as number;
      contexts.forEach((context, j) => {
        const expected = wb.bundle.invoke('LLM_ESTIMATE', [
          DEFAULT_REQUEST.model,
          'vram_gib',
          batch,
          context,
          DEFAULT_REQUEST.precision,
          DEFAULT_REQUEST.gpu,
          'n_gpus=1; output_tokens=256; engine=vllm; method=roofline',
        ]);
        expect(values[axis + i][1 + j]).toBe(expected);
      });
    }
  });

  test('conditional formatting marks what does not fit', () => {
    const rules = wb.shim.extras.get(name)!.conditionalFormats;
    expect(rules).toHaveLength(2);
    expect(rules[0].formula).toMatch(/^=AND\(ISNUMBER\(B\d+\),B\d+>\$B\$\d+\)$/);
  });
});

describe('the server', () => {
  test('never overwrites: a second insertion and a user sheet of the same name get new sheets', () => {
    const wb = createWorkbook();
    wb.hf.addSheet('LLM sweep');
    wb.edit('LLM sweep', 'A1', 'my notes');
    expect(insert(wb, 'sweep')).toBe('LLM sweep 2');
    expect(insert(wb, 'sweep')).toBe('LLM sweep 3');
    expect(wb.cell('LLM sweep', 'A1')).toBe('my notes');
  });

  test('each insertion takes and releases the document lock', () => {
    const wb = createWorkbook();
    for (const template of TEMPLATE_IDS) insert(wb, template);
    expect(wb.shim.lock).toEqual({ acquired: 3, held: false });
  });

  test('a bad request is an error naming the field, and writes nothing', () => {
    const wb = createWorkbook();
    expect(() => insert(wb, 'sizing', { batch: -1 })).toThrow(
      'request field batch must be a positive whole number, got -1',
    );
    expect(() => insert(wb, 'nope' as TemplateId)).toThrow(
      'request field template must be one of sizing, gpu-comparison, sweep',
    );
    expect(wb.hf.getSheetNames()).toEqual(['Sheet1']);
  });

  test('onOpen builds the add-on menu and nothing else; loading the bundle touched nothing', () => {
    const wb = createWorkbook();
    expect(wb.shim.calls).toEqual([]);
    wb.global.onOpen();
    expect(wb.shim.calls.map((c) => c.method)).toEqual(['addToUi']);
    const [menu] = wb.shim.ui.menus;
    expect(menu.map((item) => item.caption)).toEqual([
      'Open sizing sidebar',
      'Insert template',
      '---',
      'Freeze selected results as values',
      "Freeze whole sheet's results as values",
      '---',
      'About',
    ]);
    expect(menu[1].items?.map((i) => i.functionName)).toEqual([
      'insertSizingTemplate',
      'insertGpuComparisonTemplate',
      'insertSweepTemplate',
    ]);
  });

  test('showSidebar serves dist/Sidebar.html', () => {
    const wb = createWorkbook();
    wb.global.showSidebar();
    expect(wb.shim.ui.sidebars).toEqual([expect.objectContaining({ file: 'Sidebar', title: 'LLM Sizing' })]);
  });
});
