/**
 * The argument rules every custom function shares (src/sheets/define.ts), one row per rule: blanks
 * (all-blank positions, a partly blank call, optional blanks), the selector argument (LLM_ESTIMATE's
 * metrics row), arguments read whole or broadcast (a model as a config.json column or a key/value
 * range, a GPU as a key/value range or a range of names, options as a range), broadcasting and
 * shape errors, argument counts.
 *
 * Each row is checked twice:
 * - `invoke`, as Sheets calls the function. Where a range broadcasts, the expected cells are the
 *   same function called on single values at each position, so the row pins the rule, not a number.
 * - `resultShape`, the size a spreadsheet engine reserves before evaluating (the preview's
 *   HyperFormula uses it where an argument is not computed yet), from the argument shapes alone:
 *   it must be the size `invoke` returns (a single value, and a thrown error, are one cell).
 *
 * Rows marked `shapeFault` disagree today and run their shape check as `test.failing`, so the suite
 * stays green and the fault stays pinned: once it is fixed, that test fails (it passed where it was
 * expected to fail) and the mark goes (see `SHAPE_FAULTS` below). A row marked `invokeFault` does
 * the same for a wrong result from invoke (none today). The other check of a marked row is plain.
 */
import { invoke, resultShape } from '../../src/index';
import type { Shape } from '../../src/sheets/broadcast';
import type { Arg, Output, Result } from '../../src/sheets/cells';

const LLAMA = [4096, 32, 11008, 32000] as const;
const GPU_ARGS = [...LLAMA, 1, 2048, 'fp16'] as const;

/** A call on single values: one cell. */
function one(name: string, args: readonly Arg[]): Output {
  const result = invoke(name, args);
  if (Array.isArray(result)) throw new Error(`${name} on single values gave a range`);
  return result;
}

/** LLM_VRAM on single values. */
const vram = (B: number, S: number, precision = 'fp16') => one('LLM_VRAM', [...LLAMA, B, S, precision]);
/** LLM_TOKENS_PER_SEC on single values, with a GPU and optionally an efficiency. */
const speed = (gpu: Arg, efficiency?: number) =>
  one('LLM_TOKENS_PER_SEC', efficiency === undefined ? [...GPU_ARGS, gpu] : [...GPU_ARGS, gpu, efficiency]);
/** LLM_ESTIMATE on single values. */
const estimate = (model: Arg, metric: string, batch = 1, context = 1024, options?: string) =>
  one('LLM_ESTIMATE', [model, metric, batch, context, 'bf16', 'H100', ...(options ? [options] : [])]);

/** Llama 3.1 8B's config.json, its shape keys only, one line per cell when pasted down a column. */
const CONFIG_LINES = JSON.stringify(
  {
    architectures: ['LlamaForCausalLM'],
    hidden_size: 4096,
    intermediate_size: 14336,
    max_position_embeddings: 131072,
    model_type: 'llama',
    num_attention_heads: 32,
    num_hidden_layers: 32,
    num_key_value_heads: 8,
    tie_word_embeddings: false,
    vocab_size: 128256,
  },
  null,
  2,
).split('\n');
/** The column as a 16-row range passes it: its lines, then blanks. */
const CONFIG_COLUMN = Array.from({ length: 16 }, (_, i) => [CONFIG_LINES[i] ?? '']);
const LLAMA_3_8B_KEYS = [
  ['hidden', 4096],
  ['layers', 32],
  ['ffn', 14336],
  ['vocab', 128256],
  ['heads', 32],
  ['kv_heads', 8],
  ['gated_ffn', 1],
  ['tied_embeddings', 0],
  ['norm', 'rmsnorm'],
];
const LLAMA_3_8B_PARAMS = 8_030_261_248;

/** Why a row's `resultShape` disagrees with `invoke` today (issue 12 item 7). */
const SHAPE_FAULTS = {
  // gpu's wholeShape says "two columns" while invoke reads a range whole only when its first
  // column holds custom-GPU keys (isKeyValueGrid): a two-column range of GPU names broadcasts.
  gpuNames: 'resultShape is shape-only: issue 12 item 7 (gpu wholeShape: any 2-column range is whole)',
  // model has no wholeShape, so resultShape broadcasts what invoke reads whole.
  modelWhole: 'resultShape is shape-only: issue 12 item 7 (model has no wholeShape)',
  // resultShape does not apply checkSelectors: it sizes the broadcast of a call invoke rejects.
  selector: 'resultShape is shape-only: issue 12 item 7 (selector rules not applied)',
} as const;

interface Row {
  readonly rule: string;
  readonly fn: string;
  readonly args: readonly Arg[];
  /** What invoke returns, or the message it throws. */
  readonly expected: Result | { readonly throws: string };
  readonly shapeFault?: string;
  /** A fault in invoke's own result (the row's invoke test runs as test.failing). */
  readonly invokeFault?: string;
}

const ROWS: readonly Row[] = [
  // Blanks.
  {
    rule: 'single values, every required number blank: a blank cell',
    fn: 'LLM_VRAM',
    args: ['', '', '', '', '', '', 'fp16'],
    expected: '',
  },
  {
    rule: 'single values, every argument blank: a blank cell',
    fn: 'LLM_VRAM',
    args: ['', '', '', '', '', '', ''],
    expected: '',
  },
  {
    rule: 'single values, one required number blank: an error naming it',
    fn: 'LLM_VRAM',
    args: [4096, '', 11008, 32000, 1, 2048, 'fp16'],
    expected: { throws: 'LLM_VRAM: L (layers) is required, got blank' },
  },
  {
    rule: 'single values, the numbers given and a required text blank: an error naming it',
    fn: 'LLM_VRAM',
    args: [...LLAMA, 1, 2048, ''],
    expected: { throws: 'LLM_VRAM: precision is required, got blank' },
  },
  {
    rule: 'a function without number arguments: a blank required argument is an error, not a blank',
    fn: 'LLM_GPU',
    args: ['', 'memory_gb'],
    expected: { throws: 'LLM_GPU: name (GPU name) is required, got blank' },
  },
  {
    rule: 'a range position where every range argument is blank: a blank cell there',
    fn: 'LLM_VRAM',
    args: [...LLAMA, [[1], [''], ['']], [[2048], [''], ['']], 'fp16'],
    expected: [[vram(1, 2048)], [''], ['']],
  },
  {
    rule: 'a range position where only some range arguments are blank: an error in that cell, naming it',
    fn: 'LLM_VRAM',
    args: [...LLAMA, [[1], [2]], [[2048], ['']], 'fp16'],
    expected: [[vram(1, 2048)], ['ERROR: LLM_VRAM: S (sequence length) is required, got blank']],
  },
  {
    rule: 'a blank single argument beside ranges: the error in each filled position, blank elsewhere',
    fn: 'LLM_VRAM',
    args: [...LLAMA, [[1], ['']], [[2048], ['']], ''],
    expected: [['ERROR: LLM_VRAM: precision is required, got blank'], ['']],
  },
  {
    rule: 'a blank optional argument takes its default',
    fn: 'LLM_TOKENS_PER_SEC',
    args: [...GPU_ARGS, 'A100', '', ''],
    expected: speed('A100'),
  },
  {
    rule: 'an optional argument blank at one position of a range takes its default there',
    fn: 'LLM_TOKENS_PER_SEC',
    args: [...LLAMA, [[1], [1]], 2048, 'fp16', 'A100', [[0.5], ['']]],
    expected: [[speed('A100', 0.5)], [speed('A100')]],
  },
  {
    rule: 'an optional range blank where it is the only range: every range argument is blank there',
    fn: 'LLM_TOKENS_PER_SEC',
    args: [...GPU_ARGS, 'A100', [[0.5], ['']]],
    expected: [[speed('A100', 0.5)], ['']],
  },
  {
    rule: 'trailing omitted arguments are absent, not blank',
    fn: 'LLM_TOKENS_PER_SEC',
    args: [...GPU_ARGS, 'A100', undefined, undefined],
    expected: speed('A100'),
  },

  // The selector (LLM_ESTIMATE's metrics).
  {
    rule: 'a row of metrics gives one column each, alone',
    fn: 'LLM_ESTIMATE',
    args: ['llama-3-8b', [['params', 'kv_cache_gib']], 1, 1024, 'bf16', 'H100'],
    expected: [[estimate('llama-3-8b', 'params'), estimate('llama-3-8b', 'kv_cache_gib')]],
  },
  {
    rule: 'a row of metrics against a column of batches; its cells do not count for the all-blank rule',
    fn: 'LLM_ESTIMATE',
    args: ['llama-3-8b', [['params', 'kv_cache_gib']], [[1], [4], ['']], 1024, 'bf16', 'H100'],
    expected: [
      [estimate('llama-3-8b', 'params', 1), estimate('llama-3-8b', 'kv_cache_gib', 1)],
      [estimate('llama-3-8b', 'params', 4), estimate('llama-3-8b', 'kv_cache_gib', 4)],
      ['', ''],
    ],
  },
  {
    rule: 'metrics as a column: an error',
    fn: 'LLM_ESTIMATE',
    args: ['llama-3-8b', [['params'], ['fits']], 1, 1024, 'bf16', 'H100'],
    expected: { throws: 'LLM_ESTIMATE: metrics (metric) must be one name or a one-row range of names, got 2x1' },
    // resultShape is shape-only: issue 12 item 7
    shapeFault: SHAPE_FAULTS.selector,
  },
  {
    rule: 'several metrics with a row in another argument: an error naming it',
    fn: 'LLM_ESTIMATE',
    args: ['llama-3-8b', [['params', 'fits']], 1, [[1024, 2048]], 'bf16', 'H100'],
    expected: {
      throws:
        'LLM_ESTIMATE: with several metrics (one column each), the other arguments must be single values or columns; context is 1x2',
    },
    // resultShape is shape-only: issue 12 item 7
    shapeFault: SHAPE_FAULTS.selector,
  },
  {
    rule: 'one metric broadcasts like any argument',
    fn: 'LLM_ESTIMATE',
    args: ['llama-3-8b', 'kv_cache_gib', [[1], [2]], [[1024, 2048]], 'bf16', 'H100'],
    expected: [
      [estimate('llama-3-8b', 'kv_cache_gib', 1, 1024), estimate('llama-3-8b', 'kv_cache_gib', 1, 2048)],
      [estimate('llama-3-8b', 'kv_cache_gib', 2, 1024), estimate('llama-3-8b', 'kv_cache_gib', 2, 2048)],
    ],
  },

  // Read whole, or broadcast.
  {
    rule: 'a model as a config.json pasted down a column: one model',
    fn: 'LLM_ESTIMATE',
    args: [CONFIG_COLUMN, 'params', 1, 1024, 'bf16', 'H100'],
    expected: LLAMA_3_8B_PARAMS,
    // resultShape is shape-only: issue 12 item 7
    shapeFault: SHAPE_FAULTS.modelWhole,
  },
  {
    rule: 'a model as a config.json column, against a column of batches: one result per batch',
    fn: 'LLM_ESTIMATE',
    args: [CONFIG_COLUMN, 'kv_cache_gib', [[1], [2]], 1024, 'bf16', 'H100'],
    expected: [[estimate('llama-3-8b', 'kv_cache_gib', 1)], [estimate('llama-3-8b', 'kv_cache_gib', 2)]],
    // resultShape is shape-only: issue 12 item 7
    shapeFault: SHAPE_FAULTS.modelWhole,
  },
  {
    rule: 'a model as a two-column key/value range: one model',
    fn: 'LLM_ESTIMATE',
    args: [LLAMA_3_8B_KEYS, 'params', 1, 1024, 'bf16', 'H100'],
    expected: LLAMA_3_8B_PARAMS,
    // resultShape is shape-only: issue 12 item 7
    shapeFault: SHAPE_FAULTS.modelWhole,
  },
  {
    rule: 'a model key/value range in LLM_MODEL: one model',
    fn: 'LLM_MODEL',
    args: [LLAMA_3_8B_KEYS, 'params'],
    expected: LLAMA_3_8B_PARAMS,
    // resultShape is shape-only: issue 12 item 7
    shapeFault: SHAPE_FAULTS.modelWhole,
  },
  {
    rule: 'a column of model names broadcasts',
    fn: 'LLM_ESTIMATE',
    args: [[['llama-3-8b'], ['qwen2.5-7b']], 'params', 1, 1024, 'bf16', 'H100'],
    expected: [[estimate('llama-3-8b', 'params')], [estimate('qwen2.5-7b', 'params')]],
  },
  {
    rule: 'a two-column range of model names broadcasts',
    fn: 'LLM_MODEL',
    args: [[['llama-3-8b', 'gpt2']], 'params'],
    expected: [[one('LLM_MODEL', ['llama-3-8b', 'params']), one('LLM_MODEL', ['gpt2', 'params'])]],
  },
  {
    rule: 'a GPU as a two-column key/value range: one custom GPU, as its text form',
    fn: 'LLM_TOKENS_PER_SEC',
    args: [
      ...GPU_ARGS,
      [
        ['tflops', 312],
        ['bandwidth_gbs', 2039],
      ],
    ],
    expected: speed('tflops=312; bandwidth_gbs=2039'),
  },
  {
    rule: 'a column of GPU names broadcasts',
    fn: 'LLM_TOKENS_PER_SEC',
    args: [...GPU_ARGS, [['H100'], ['A100']]],
    expected: [[speed('H100')], [speed('A100')]],
  },
  {
    rule: 'a row of two GPU names broadcasts',
    fn: 'LLM_TOKENS_PER_SEC',
    args: [...GPU_ARGS, [['H100', 'A100']]],
    expected: [[speed('H100'), speed('A100')]],
    // resultShape is shape-only: issue 12 item 7
    shapeFault: SHAPE_FAULTS.gpuNames,
  },
  {
    rule: 'a two-column range of GPU names broadcasts',
    fn: 'LLM_TOKENS_PER_SEC',
    args: [
      ...GPU_ARGS,
      [
        ['H100', 'A100'],
        ['L4', 'T4'],
      ],
    ],
    expected: [
      [speed('H100'), speed('A100')],
      [speed('L4'), speed('T4')],
    ],
    // resultShape is shape-only: issue 12 item 7
    shapeFault: SHAPE_FAULTS.gpuNames,
  },
  {
    rule: 'options as a key/value range: read whole, as their text form',
    fn: 'LLM_ESTIMATE',
    args: [
      'llama-3-8b',
      'kv_cache_gib',
      1,
      1024,
      'bf16',
      'H100',
      [
        ['kv_overhead', 1],
        ['kv_precision', 'fp8'],
      ],
    ],
    expected: estimate('llama-3-8b', 'kv_cache_gib', 1, 1024, 'kv_overhead=1; kv_precision=fp8'),
  },
  {
    rule: 'options as a range beside a column of batches: the options do not broadcast',
    fn: 'LLM_VRAM',
    args: [...LLAMA, [[1], [2], [3]], 2048, 'fp16', [['kv_overhead', 1]]],
    expected: [1, 2, 3].map((B) => [one('LLM_VRAM', [...LLAMA, B, 2048, 'fp16', 'kv_overhead=1'])]),
  },
  {
    rule: 'options as a one-column range: an error, not a broadcast',
    fn: 'LLM_ESTIMATE',
    args: ['llama-3-8b', 'params', 1, 1024, 'bf16', 'H100', [['kv_overhead'], ['n_gpus']]],
    expected: { throws: 'LLM_ESTIMATE: options must be a two-column range of keys and values, got 1 columns' },
  },

  // Broadcasting and shapes.
  {
    rule: 'a column against a row gives the whole table',
    fn: 'LLM_VRAM',
    args: [...LLAMA, [[1], [8], [32]], [[2048, 8192]], 'fp16'],
    expected: [1, 8, 32].map((B) => [vram(B, 2048), vram(B, 8192)]),
  },
  {
    rule: 'equal shapes pair up element by element',
    fn: 'LLM_VRAM',
    args: [...LLAMA, [[1], [8]], [[2048], [8192]], [['fp16'], ['fp8']]],
    expected: [[vram(1, 2048, 'fp16')], [vram(8, 8192, 'fp8')]],
  },
  {
    rule: 'a 1x1 range is a single value but keeps the range form',
    fn: 'LLM_PARAMS',
    args: [[[4096]], 32, 11008, 32000],
    expected: [[one('LLM_PARAMS', [...LLAMA])]],
  },
  {
    rule: 'a bad position stays in its cell',
    fn: 'LLM_VRAM',
    args: [...LLAMA, [[1], [-8]], 2048, 'fp16'],
    expected: [[vram(1, 2048)], ['ERROR: LLM_VRAM: B (batch size) must be a positive whole number, got -8']],
  },
  {
    rule: 'shapes that cannot pair: an error naming both shapes',
    fn: 'LLM_VRAM',
    args: [...LLAMA, [[1, 2, 3]], [[1, 2]], 'fp16'],
    expected: {
      throws:
        'LLM_VRAM: cannot pair B (1x3) with S (1x2); ranges must have equal sizes or a size of 1 in each direction',
    },
  },
  {
    rule: 'shapes that cannot pair, in rows after a column widened the result: the error names the two that conflict',
    fn: 'LLM_VRAM',
    args: [...LLAMA, [[1], [2], [3]], [[1024, 2048]], [['fp16'], ['fp8'], ['fp16'], ['fp8']]],
    // B (3x1) and precision (4x1) conflict; S (1x2) pairs with either.
    expected: { throws: 'LLM_VRAM: cannot pair B (3x1) with precision (4x1)' },
  },

  // Counting.
  {
    rule: 'too many arguments: an error with the usage',
    fn: 'LLM_PARAMS',
    args: [1, 2, 3, 4, '', 6],
    expected: { throws: 'LLM_PARAMS: takes at most 5 arguments, got 6; usage LLM_PARAMS(H, L, F, V, [options])' },
  },
  {
    rule: 'too few arguments: an error with the usage',
    fn: 'LLM_PARAMS',
    args: [1, 2],
    expected: { throws: 'LLM_PARAMS: needs at least 4 arguments, got 2; usage LLM_PARAMS(H, L, F, V, [options])' },
  },
];

/** The size a result fills: a single value is one cell. */
function shapeOfResult(result: Result): Shape {
  return Array.isArray(result) ? { rows: result.length, cols: result[0].length } : { rows: 1, cols: 1 };
}

/** The size of an argument as a spreadsheet engine sees it before evaluating. */
function shapeOfArg(arg: Arg): Shape {
  return Array.isArray(arg) ? { rows: arg.length, cols: arg[0].length } : { rows: 1, cols: 1 };
}

/** What invoke gives as a cell value, or the message it throws. */
function run(row: Row): Result | { throws: string } {
  try {
    return invoke(row.fn, row.args);
  } catch (error) {
    return { throws: (error as Error).message };
  }
}

describe.each(ROWS.map((row) => [row.rule, row] as const))('%s', (_, row) => {
  (row.invokeFault ? test.failing : test)('invoke', () => {
    const expected = row.expected;
    if (typeof expected === 'object' && 'throws' in expected) {
      expect(() => invoke(row.fn, row.args)).toThrow(expected.throws);
    } else {
      expect(invoke(row.fn, row.args)).toEqual(expected);
    }
  });

  (row.shapeFault ? test.failing : test)('resultShape is the size invoke returns', () => {
    const result = run(row);
    // A thrown error shows in one cell.
    const returned = typeof result === 'object' && 'throws' in result ? { rows: 1, cols: 1 } : shapeOfResult(result);
    // The engine passes the arguments written in the cell: trailing omitted ones are not there.
    let written = row.args.length;
    while (written > 0 && row.args[written - 1] === undefined) written--;
    expect(resultShape(row.fn, row.args.slice(0, written).map(shapeOfArg))).toEqual(returned);
  });
});

test('every row names its own rule', () => {
  expect(new Set(ROWS.map((r) => r.rule)).size).toBe(ROWS.length);
});
