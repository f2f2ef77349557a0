/**
 * Each position computed once (issue 12): a function with a selector (LLM_ESTIMATE's metrics)
 * computes one result per position and reads every selected column off it; a single value is read
 * once per call; per-position and per-cell errors stay where they belong.
 */
import { estimate as coreEstimate } from '../../src/core/estimate';
import * as core from '../../src/core/estimate';
import { invoke } from '../../src/index';
import type { CellValue, Output } from '../../src/sheets/cells';
import { defineSelectorFunction, type ParamSpec, type SelectorSpec } from '../../src/sheets/define';
import { ArgumentError } from '../../src/sheets/errors';
import { architectureOf, resolveScenario } from '../../src/sheets/scenario';
import { parseOptions } from '../../src/sheets/options';
import { model as modelParam } from '../../src/sheets/model';
import { findPrecision, type Precision } from '../../src/core/precision';

const counting = () => {
  const calls = { compute: 0, coerce: 0 };
  const x: ParamSpec<number, false> = {
    name: 'x',
    label: 'x',
    description: '',
    jsdocType: 'number',
    optional: false,
    numeric: true,
    coerce: (value: CellValue) => {
      calls.coerce++;
      const n = Number(value);
      if (!Number.isFinite(n) || n < 0) throw new ArgumentError(`must be a number of 0 or more, got ${String(value)}`);
      return n;
    },
  };
  const pick: SelectorSpec<'double' | 'square' | 'fail'> = {
    name: 'pick',
    label: 'pick',
    description: '',
    jsdocType: 'string',
    optional: false,
    numeric: false,
    selector: true,
    coerce: (value: CellValue) => {
      if (value === 'double' || value === 'square' || value === 'fail') return value;
      throw new ArgumentError(`must be double, square or fail, got ${String(value)}`);
    },
  };
  const def = defineSelectorFunction({
    name: 'TEST_PICK',
    summary: '',
    returns: '',
    examples: [],
    params: [x, pick, { ...x, name: 'y', label: 'y' }],
    compute: (a, b) => {
      calls.compute++;
      if (a === 13) throw new ArgumentError('thirteen is unlucky');
      return { sum: a + b };
    },
    select: (choice, result): Output => {
      if (choice === 'fail') throw new ArgumentError('failed on purpose');
      return choice === 'double' ? 2 * result.sum : result.sum * result.sum;
    },
  });
  return { def, calls };
};

describe('the machinery: compute once per position, select per cell', () => {
  test('a row of three selections computes each row once', () => {
    const { def, calls } = counting();
    const out = def.invoke([[[1], [2], [3]], [['double', 'square', 'double']], 10]);
    expect(out).toEqual([
      [22, 121, 22],
      [24, 144, 24],
      [26, 169, 26],
    ]);
    expect(calls.compute).toBe(3);
  });

  test('a single selection broadcasts the data as usual: one computation per position', () => {
    const { def, calls } = counting();
    expect(def.invoke([[[1], [2]], 'double', [[10, 20]]])).toEqual([
      [22, 42],
      [24, 44],
    ]);
    expect(calls.compute).toBe(4);
  });

  test('single values are read once per call, however many positions', () => {
    const { def, calls } = counting();
    def.invoke([[[1], [2], [3], [4]], 'double', 10]);
    // Four cells of x, one value of y (not four).
    expect(calls.coerce).toBe(5);
  });

  test('blank rows compute nothing; an error of the position fills its row, an error of a selection its cell', () => {
    const { def, calls } = counting();
    const out = def.invoke([[[1], [''], [13], ['-1']], [['double', 'fail', 'bogus']], 10]) as Output[][];
    expect(out[0]).toEqual([
      22,
      'ERROR: TEST_PICK: failed on purpose',
      'ERROR: TEST_PICK: pick must be double, square or fail, got bogus',
    ]);
    expect(out[1]).toEqual(['', '', '']);
    expect(out[2]).toEqual(Array(3).fill('ERROR: TEST_PICK: thirteen is unlucky'));
    expect(out[3]).toEqual(Array(3).fill('ERROR: TEST_PICK: x must be a number of 0 or more, got -1'));
    expect(calls.compute).toBe(2);
  });

  test('a call on single values throws the error', () => {
    const { def } = counting();
    expect(def.invoke([2, 'square', 1])).toBe(9);
    expect(() => def.invoke([13, 'square', 1])).toThrow('TEST_PICK: thirteen is unlucky');
    expect(() => def.invoke([1, 'fail', 1])).toThrow('TEST_PICK: failed on purpose');
  });
});

describe('LLM_ESTIMATE: one estimate per row, every metric read off it', () => {
  afterEach(() => jest.restoreAllMocks());

  test('10 rows × 6 metrics call the estimator 10 times', () => {
    const spy = jest.spyOn(core, 'estimate');
    const rows = Array.from({ length: 10 }, (_, i) => [1 + i]);
    const metrics = [['weights_gib', 'vram_gib', 'fits', 'prefill_s', 'token_latency_s', 'tokens_per_s']];
    const out = invoke('LLM_ESTIMATE', ['llama-3.1-8b', metrics, rows, 4096, 'bf16', 'H100']) as Output[][];
    expect(out).toHaveLength(10);
    for (const row of out) expect(row.every((v) => typeof v === 'number' || typeof v === 'boolean')).toBe(true);
    expect(spy).toHaveBeenCalledTimes(10);
  });

  test('a GPU without a compute peak: memory metrics compute, each speed metric says why (the sidebar relies on it)', () => {
    const row = invoke('LLM_ESTIMATE', [
      'llama-3.1-8b',
      [['vram_gib', 'fits', 'prefill_s', 'tokens_per_s']],
      1,
      4096,
      'bf16',
      'memory_gb=24; bandwidth_gbs=900',
    ]) as Output[][];
    expect(row[0][0]).toEqual(expect.any(Number));
    expect(row[0][1]).toBe(true);
    expect(row[0][2]).toMatch(/^ERROR: LLM_ESTIMATE: /);
    expect(row[0][3]).toBe(row[0][2]);
  });

  test('fits without the GPU’s memory is an error of that cell only', () => {
    const row = invoke('LLM_ESTIMATE', [
      'llama-3.1-8b',
      [['params', 'fits']],
      1,
      1024,
      'bf16',
      'tflops=100; bandwidth_gbs=900',
    ]) as Output[][];
    expect(row[0][0]).toBe(8_030_261_248);
    expect(row[0][1]).toMatch(/^ERROR: LLM_ESTIMATE: fits needs the GPU's memory; .* add "memory_gb=\.\.\."/);
  });

  test('the estimate is the core’s, read by the metric table', () => {
    const options = parseOptions('n_gpus=2; output_tokens=64');
    const spec = modelParam.coerce('llama-3.1-8b');
    const e = coreEstimate(
      resolveScenario({
        model: { spec },
        precision: findPrecision('bf16') as Precision,
        gpu: undefined,
        batch: 4,
        context: 2048,
        options,
      }),
    );
    const cell = (metric: string) =>
      invoke('LLM_ESTIMATE', ['llama-3.1-8b', metric, 4, 2048, 'bf16', 'H100', 'n_gpus=2; output_tokens=64']);
    expect(cell('vram_per_gpu_gib')).toBe(e.vramPerGpuGib);
    expect(cell('kv_cache_gib')).toBe(e.kvCacheGib);
  });
});

describe('the architecture is resolved once per distinct input', () => {
  test('the same model and options give the same architecture object; other options another', () => {
    const spec = modelParam.coerce('llama-3.1-8b');
    const options = parseOptions('kv_heads=1');
    expect(architectureOf({ spec }, options)).toBe(architectureOf({ spec }, options));
    expect(architectureOf({ spec }, undefined)).toBe(architectureOf({ spec }, undefined));
    expect(architectureOf({ spec }, options)).not.toBe(architectureOf({ spec }, undefined));
    expect(architectureOf({ spec }, options).kvHeads).toBe(1);
  });

  test('the same H, L, F, V give the same architecture, across alternating inputs too', () => {
    const a = { hidden: 4096, layers: 32, ffn: 11008, vocab: 32000 };
    const b = { hidden: 8192, layers: 80, ffn: 28672, vocab: 128256 };
    const first = architectureOf(a, undefined);
    architectureOf(b, undefined);
    expect(architectureOf(a, undefined)).toBe(first);
    expect(architectureOf(b, undefined).hidden).toBe(8192);
  });
});
