/**
 * The input table (src/addon/inputs.ts) against what the functions accept, and every dropdown
 * choice of every inserted template: inserted through the real server code (dist/Code.js) on the
 * HyperFormula workbook, recalculated, and every cell of the sheet scanned for errors. Also: the
 * options text the sidebar passes to LLM_ESTIMATE equals what each template's options cell
 * evaluates to, for the same inputs.
 */
import { ARCHITECTURE_KEY_NAMES } from '../../src/core/architecture/keys';
import { GPU_PRESETS } from '../../src/core/gpus/catalog';
import { KV_PRECISIONS, PRECISIONS } from '../../src/core/precision';
import { ENGINES } from '../../src/core/roofline/efficiency';
import { METHODS } from '../../src/sheets/options';
import {
  CUSTOM_DEFAULTS,
  CUSTOM_MODEL_FIELDS,
  INPUTS,
  INPUT_KEYS,
  customModelText,
  optionKey,
  optionsText,
  sheetChoices,
  type InputKey,
  type InputValues,
} from '../../src/addon/inputs';
import { DEFAULT_REQUEST, TEMPLATE_IDS, parseRequest, type TemplateId } from '../../src/addon/request';
import { TEMPLATES } from '../../src/addon/templates';
import { createWorkbook, type Workbook } from '../helpers/workbook';

/** Cells showing an error: a formula error, or a function's per-cell message ("ERROR: …"). */
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

function insert(wb: Workbook, template: TemplateId, changes: Partial<Record<InputKey, unknown>> = {}): string {
  return wb.global.insertSizingGrid({ ...DEFAULT_REQUEST, template, ...changes }) as string;
}

function removeSheet(wb: Workbook, name: string): void {
  wb.hf.removeSheet(wb.hf.getSheetId(name) as number);
  wb.shim.extras.delete(name);
}

/** The value beside a label in column A. */
function beside(wb: Workbook, sheet: string, label: string): unknown {
  const row = wb.values(sheet).find((r) => r[0] === label);
  if (!row) throw new Error(`${sheet}: no row labelled ${label}`);
  return row[1];
}

const A1 = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/;
const colOf = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;

describe('the input table', () => {
  test('domains are the constants the functions check, never re-listed', () => {
    const values = (key: InputKey) => {
      const spec = INPUTS[key];
      return spec.kind === 'choice' ? spec.choices.map((c) => c.value) : [];
    };
    expect(values('precision')).toEqual(PRECISIONS.map((p) => p.id));
    expect(values('kvPrecision')).toEqual(['', ...KV_PRECISIONS]);
    expect(values('engine')).toEqual([...ENGINES]);
    expect(values('method')).toEqual([...METHODS]);
    expect(values('gpu')).toEqual(GPU_PRESETS.map((g) => g.id));
    expect(sheetChoices('kvPrecision')).toEqual([...KV_PRECISIONS]);
  });

  test('each option key is one LLM_ESTIMATE accepts, with every value of its domain', () => {
    const wb = createWorkbook();
    for (const key of INPUT_KEYS.filter((k) => optionKey(k) !== undefined)) {
      const spec = INPUTS[key];
      const domain = spec.kind === 'choice' ? spec.choices.map((c) => c.value) : [1, 3];
      for (const value of domain) {
        const options = optionsText({ ...DEFAULT_REQUEST, [key]: value } as InputValues);
        const result = wb.bundle.invoke('LLM_ESTIMATE', [
          'llama-3.1-8b',
          'vram_gib',
          1,
          1024,
          'bf16',
          'h100-sxm',
          options,
        ]);
        expect([key, value, typeof result]).toEqual([key, value, 'number']);
      }
    }
  });

  test('the request accepts exactly the domain: a KV precision the option rejects is refused', () => {
    const parse = (changes: Record<string, unknown>) =>
      parseRequest({ ...DEFAULT_REQUEST, template: 'sizing', ...changes });
    for (const kv of KV_PRECISIONS) expect(parse({ kvPrecision: kv }).kvPrecision).toBe(kv);
    expect(parse({ kvPrecision: 'FP8' }).kvPrecision).toBe('fp8');
    expect(() => parse({ kvPrecision: 'int4' })).toThrow(
      'request field kvPrecision must be one of (blank), fp32, fp16, bf16, fp8, int8, q8_0, q4_0, got "int4"',
    );
    expect(() => parse({ engine: 'ollama' })).toThrow('request field engine must be one of vllm, llama.cpp');
    expect(parse({ gpu: 'NVIDIA H100 SXM' }).gpu).toBe('h100-sxm');
    const custom = 'tflops=100; bandwidth_gbs=900; memory_gb=40';
    expect(parse({ gpu: custom }).gpu).toBe(custom);
    expect(DEFAULT_REQUEST).toEqual(Object.fromEntries(INPUT_KEYS.map((k) => [k, INPUTS[k].default])));
  });

  test('the custom architecture is key=value text of architecture keys; its defaults are Llama-3.1-8B', () => {
    for (const f of CUSTOM_MODEL_FIELDS) expect(ARCHITECTURE_KEY_NAMES).toContain(f.key);
    const text = customModelText(CUSTOM_DEFAULTS);
    expect(text).toBe(
      'hidden=4096; layers=32; ffn=14336; vocab=128256; heads=32; kv_heads=8; experts=0; norm=rmsnorm; gated_ffn=1; tied_embeddings=0',
    );
    const wb = createWorkbook();
    const params = (model: string) =>
      wb.bundle.invoke('LLM_ESTIMATE', [model, 'params', 1, 1024, 'bf16', 'h100-sxm', '']);
    expect(params(text)).toBe(params('llama-3.1-8b'));
    expect(customModelText({ ...CUSTOM_DEFAULTS, experts: 8, active_experts: 2 })).toContain(
      'experts=8; active_experts=2',
    );
  });
});

describe('every dropdown choice of every template, inserted, shows no error anywhere in the sheet', () => {
  const wb = createWorkbook();
  let checked = 0;
  const failures: string[] = [];

  const scan = (what: string, sheet: string) => {
    checked++;
    const errors = errorCells(wb.values(sheet));
    if (errors.length > 0) failures.push(`${what}: ${errors.length} error cells, e.g. ${errors[0]}`);
  };

  test.each(TEMPLATE_IDS)('%s', (template) => {
    const base = insert(wb, template);
    const sheetId = wb.hf.getSheetId(base) as number;
    const lists = wb.shim.extras.get(base)!.validations.filter((v) => v.rule.list);
    const labels = new Map(INPUT_KEYS.map((k) => [INPUTS[k].label, k]));
    const shown = new Set(TEMPLATES[template].inputs);
    expect(lists.length).toBeGreaterThan(0);
    for (const { range, rule } of lists) {
      const [, c0, r0, c1, r1] = A1.exec(range)!;
      const label = wb.values(base)[Number(r0) - 1][colOf(c0) - 1];
      const key = r1 === undefined ? labels.get(String(label)) : undefined;
      if (key !== undefined && shown.has(key)) {
        // An input cell's dropdown: each choice inserted as the sidebar would send it.
        for (const value of rule.list!) {
          const name = insert(wb, template, { [key]: value });
          scan(`${template} ${key}=${value}`, name);
          removeSheet(wb, name);
        }
      } else {
        // A list of cells (the GPU comparison's GPUs): each cell takes each choice once, all cells
        // at a time, rotating through the list.
        const rows = Number(r1 ?? r0) - Number(r0) + 1;
        const col = colOf(c1 ?? c0);
        expect(col).toBe(colOf(c0));
        const list = rule.list!;
        expect(rows).toBeLessThanOrEqual(list.length);
        for (let turn = 0; turn < list.length; turn++) {
          const column = Array.from({ length: rows }, (_, i) => [list[(turn + i) % list.length]]);
          wb.hf.setCellContents({ sheet: sheetId, row: Number(r0) - 1, col }, column);
          checked += rows;
          // One choice per cell: count each row of the list whose sheet row shows an error.
          const errorRows = new Set(
            errorCells(wb.values(base))
              .map((e) => Number(/^R(\d+)/.exec(e)![1]))
              .filter((r) => r >= Number(r0) && r < Number(r0) + rows),
          );
          for (const r of errorRows)
            failures.push(`${template} GPU list ${list[(turn + r - Number(r0)) % list.length]}`);
          const others = errorCells(wb.values(base)).filter((e) => !errorRows.has(Number(/^R(\d+)/.exec(e)![1])));
          if (others.length > 0) failures.push(`${template} GPU list turn ${turn}: ${others[0]}`);
        }
      }
    }
    removeSheet(wb, base);
  });

  test('none of them shows an error', () => {
    console.log(`dropdown choices checked: ${checked}; with error cells: ${failures.length}`);
    expect(checked).toBeGreaterThan(900);
    expect(failures).toEqual([]);
  });
});

describe('the options text the sidebar passes equals what the options cell evaluates to', () => {
  const wb = createWorkbook();
  const scenarios: Partial<InputValues>[] = [
    {},
    ...KV_PRECISIONS.map((kvPrecision) => ({ kvPrecision })),
    ...ENGINES.map((engine) => ({ engine })),
    ...METHODS.map((method) => ({ method })),
    { nGpus: 4, outputTokens: 1 },
    {
      nGpus: 8,
      outputTokens: 4096,
      kvPrecision: 'fp8' as const,
      engine: 'llama.cpp' as const,
      method: 'seed' as const,
    },
  ];

  test.each(TEMPLATE_IDS)('%s', (template) => {
    for (const changes of scenarios) {
      const name = insert(wb, template, changes);
      const expected = optionsText({ ...DEFAULT_REQUEST, ...changes });
      expect([changes, beside(wb, name, 'Options (built from the inputs)')]).toEqual([changes, expected]);
      removeSheet(wb, name);
    }
  });
});
