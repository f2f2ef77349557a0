/**
 * The preview's workbook (HyperFormula with dist/Code.js's functions, as test/helpers/workbook.ts
 * builds it) computes as Google Sheets does for what a newcomer types: TRUE/FALSE literals, MATCH,
 * INDEX, FILTER, SORT, ARRAYFORMULA, IFERROR, and a range passed whole to a custom function (a
 * config.json pasted one line per cell, a key/value GPU) sized exactly as the bundle computes it.
 */
import { DetailedCellError, HyperFormula } from 'hyperformula';
import { createEditor, undoDepth } from '../../preview/app/editor';
import {
  SHEETS_ONLY_FUNCTIONS,
  explainError,
  parseInput,
  parseTsv,
  shiftFormula,
  toTsv,
} from '../../preview/engine/format';
import { SHEETS_LIKE_CONFIG, refreshSpills } from '../../preview/engine/functions';
import { loadBundle } from '../helpers/bundle';
import { createWorkbook, type Workbook } from '../helpers/workbook';

const bundle = loadBundle();
const LLM_ESTIMATE = bundle.fn('LLM_ESTIMATE');

/** Llama 3.1 8B's config.json, as it reads on the Hub (one line per cell when pasted into a sheet). */
const CONFIG_LINES = JSON.stringify(
  {
    architectures: ['LlamaForCausalLM'],
    attention_bias: false,
    hidden_act: 'silu',
    hidden_size: 4096,
    intermediate_size: 14336,
    max_position_embeddings: 131072,
    mlp_bias: false,
    model_type: 'llama',
    num_attention_heads: 32,
    num_hidden_layers: 32,
    num_key_value_heads: 8,
    rms_norm_eps: 1e-5,
    rope_scaling: { factor: 8.0, low_freq_factor: 1.0, high_freq_factor: 4.0, rope_type: 'llama3' },
    rope_theta: 500000.0,
    tie_word_embeddings: false,
    torch_dtype: 'bfloat16',
    vocab_size: 128256,
  },
  null,
  2,
).split('\n');

/** The config column as a 35-row range passes it: its lines, then blanks. */
const CONFIG_COLUMN = Array.from({ length: 35 }, (_, i) => [CONFIG_LINES[i] ?? '']);
const NINE_METRICS = [
  'params',
  'weights_gib',
  'kv_cache_gib',
  'activations_gib',
  'vram_gib',
  'prefill_s',
  'token_latency_s',
  'tokens_per_s',
  'generation_s',
];

let wb: Workbook;

function write(a1: string, rows: unknown[][]): void {
  const at = wb.hf.simpleCellAddressFromString(a1, 0)!;
  wb.hf.setCellContents(
    at,
    rows.map((row) => row.map((v) => (v === '' ? null : (v as string | number)))),
  );
}

/** The values of a range by A1 ("B1:B3"), errors as "#CODE message". */
function range(a1: string): unknown[][] {
  const r = wb.hf.simpleCellRangeFromString(a1.includes(':') ? a1 : `${a1}:${a1}`, 0)!;
  return wb.hf
    .getRangeValues(r)
    .map((row) => row.map((v) => (v instanceof DetailedCellError ? `${v.value} ${v.message}` : v)));
}

beforeEach(() => {
  wb = createWorkbook();
});

describe('formulas a newcomer types', () => {
  beforeEach(() => {
    // J2:J11 names, K2:K11 a test on each (booleans computed by formulas), L numbers.
    write(
      'J2',
      ['a100', 'h100', 'l4', 'a10', 'b200', 'rtx4090', 'mi300x', 'h200', 'v100', 't4'].map((name, i) => [
        name,
        `=L${i + 2}>100`,
        [40, 80, 24, 24, 192, 24, 192, 141, 32, 16][i],
      ]),
    );
  });

  test('TRUE and FALSE are literals: the MATCH(TRUE, …) lookup works', () => {
    write('A1', [
      ['=INDEX(J2:J11, MATCH(TRUE, K2:K11, 0))'],
      ['=TRUE'],
      ['=false'],
      ['=IF(FALSE, 1, 2)'],
      ['={TRUE,FALSE}'],
    ]);
    expect(range('A1:B5')).toEqual([
      ['b200', null],
      [true, null],
      [false, null],
      [2, null],
      [true, false],
    ]);
    // The formula keeps its text (the .xlsx export and Sheets read TRUE as the literal).
    expect(wb.hf.getCellFormula({ sheet: 0, row: 0, col: 0 })).toBe('=INDEX(J2:J11, MATCH(TRUE, K2:K11, 0))');
  });

  test('MATCH, INDEX, IFERROR, FILTER and ARRAYFORMULA', () => {
    write('A1', [
      ['=MATCH("l4", J2:J11, 0)'],
      ['=INDEX(L2:L11, MATCH("h200", J2:J11, 0))'],
      ['=IFERROR(MATCH("x", J2:J11, 0), "none")'],
      ['=IFERROR(1/0)'],
    ]);
    expect(range('A1:A4')).toEqual([[3], [141], ['none'], [null]]);
    write('B1', [['=FILTER(J2:J11, K2:K11)']]);
    expect(range('B1:B4')).toEqual([['b200'], ['mi300x'], ['h200'], [null]]);
    write('C1', [['=ARRAYFORMULA(L2:L4 * 2)']]);
    expect(range('C1:C3')).toEqual([[80], [160], [48]]);
  });

  test("SORT is Google Sheets' SORT(range, column, is_ascending, …)", () => {
    write('A1', [['=SORT(J2:L11, 3, FALSE, 1, TRUE)']]);
    expect(range('A1:A10').flat()).toEqual([
      'b200',
      'mi300x',
      'h200',
      'h100',
      'a100',
      'v100',
      'a10',
      'l4',
      'rtx4090',
      't4',
    ]);
    write('E1', [['=SORT(J2:J4, L2:L4, TRUE)'], [''], [''], ['=SORT({"b";2;TRUE;"A"})']]);
    expect(range('E1:E7').flat()).toEqual(['l4', 'a100', 'h100', 2, 'A', 'b', true]);
  });

  test('what the preview lacks is said plainly', () => {
    write('A1', [['=QUERY(J2:L11, "select J")'], ['=SUM(1;2)'], ['=llama']]);
    const [[query], [semicolon], [name]] = range('A1:A3') as string[][];
    expect(query).toMatch(/^#NAME\?/);
    const message = (a1: string) => {
      const value = wb.hf.getCellValue(wb.hf.simpleCellAddressFromString(a1, 0)!) as DetailedCellError;
      return explainError(value.message);
    };
    expect(message('A1')).toBe('QUERY is not available in the local preview (it works in Google Sheets).');
    expect(semicolon).toMatch(/^#ERROR!/);
    expect(message('A2')).toMatch(/^Arguments are separated by commas/);
    expect(name).toMatch(/^#NAME\?/);
    expect(message('A3')).toBe(
      'Unknown name llama: put text in double quotes ("llama"); a named range the workbook lacks is unknown too.',
    );
    expect(explainError('Function name FOOBAR not recognized.')).toMatch(
      /^FOOBAR is not a function the local preview knows/,
    );
    // Every function the message calls Sheets-only is indeed missing here; the ones asked for are not.
    const registered = new Set(HyperFormula.getRegisteredFunctionNames('enGB'));
    expect([...SHEETS_ONLY_FUNCTIONS].filter((f) => registered.has(f))).toEqual([]);
    expect(
      ['MATCH', 'INDEX', 'FILTER', 'SORT', 'ARRAYFORMULA', 'IFERROR', 'TRUE', 'FALSE'].filter(
        (f) => !registered.has(f),
      ),
    ).toEqual([]);
  });
});

describe('a range passed whole computes as the bundle does', () => {
  const direct = (...args: unknown[]) => LLM_ESTIMATE(...args) as unknown[][] | number;

  test('a config.json pasted one line per cell (A1:A35) with a batch column: one result per batch', () => {
    write('A1', CONFIG_COLUMN);
    write('H40', [[1], [2], [8]]);
    write('C1', [['=LLM_ESTIMATE(A1:A35,"vram_gib",H40:H42,4096,"bf16","a100-80gb-sxm")']]);
    const expected = direct(CONFIG_COLUMN, 'vram_gib', [[1], [2], [8]], 4096, 'bf16', 'a100-80gb-sxm') as number[][];
    expect(expected).toHaveLength(3);
    expect(range('C1:C4')).toEqual([...expected, [null]]);
    // The same model as the preset: the pasted config is read whole.
    expect(expected[0][0]).toBeCloseTo(
      direct('llama-3.1-8b', 'vram_gib', 1, 4096, 'bf16', 'a100-80gb-sxm') as number,
      6,
    );
  });

  test('nine metrics from a config column spill one row, with filled cells below (no #SPILL!)', () => {
    write('A20', CONFIG_COLUMN);
    write('B11', [['a label below the result']]);
    write('B10', [
      [`=LLM_ESTIMATE(A20:A54, {${NINE_METRICS.map((m) => `"${m}"`).join(',')}}, 8, 8192, "bf16", "h100-sxm")`],
    ]);
    const expected = direct(CONFIG_COLUMN, [NINE_METRICS], 8, 8192, 'bf16', 'h100-sxm') as unknown[][];
    expect(expected).toHaveLength(1);
    expect(range('B10:K10')).toEqual([[...expected[0], null]]);
  });

  test('a config pasted after the formula was typed: the spill is re-sized (refreshSpills)', () => {
    write('H40', [[1], [2], [8]]);
    write('C1', [['=LLM_ESTIMATE(A1:A35,"vram_gib",H40:H42,4096,"bf16","a100-80gb-sxm")']]);
    write('A1', CONFIG_COLUMN);
    expect(refreshSpills(wb.hf)).toEqual([{ sheet: 0, row: 0, col: 2 }]);
    expect(range('C1:C3')).toEqual(direct(CONFIG_COLUMN, 'vram_gib', [[1], [2], [8]], 4096, 'bf16', 'a100-80gb-sxm'));
    expect(refreshSpills(wb.hf)).toEqual([]);
  });

  test('a custom GPU as a two-column key/value range, and a row of GPU names (broadcast)', () => {
    const gpu = [
      ['tflops', 312],
      ['bandwidth_gbs', 2039],
      ['memory_gb', 80],
    ];
    write('A1', gpu);
    write('D1', [['=LLM_ESTIMATE("llama-3.1-8b", "tokens_per_s", {1;8}, 4096, "bf16", A1:B3)']]);
    expect(range('D1:D3')).toEqual([
      ...(direct('llama-3.1-8b', 'tokens_per_s', [[1], [8]], 4096, 'bf16', gpu) as unknown[][]),
      [null],
    ]);
    // Two columns of preset names are not a key/value range: they broadcast, one result each.
    write('F1', [['a100-80gb-sxm', 'h100-sxm']]);
    write('F2', [['=LLM_ESTIMATE("llama-3.1-8b", "tokens_per_s", 1, 4096, "bf16", F1:G1)']]);
    const both = direct('llama-3.1-8b', 'tokens_per_s', 1, 4096, 'bf16', [
      ['a100-80gb-sxm', 'h100-sxm'],
    ]) as unknown[][];
    expect(both[0]).toHaveLength(2);
    expect(range('F2:G2')).toEqual(both);
  });

  test('a model as a key/value range and options as a two-column range', () => {
    const model = [
      ['hidden', 4096],
      ['layers', 32],
      ['ffn', 14336],
      ['vocab', 128256],
    ];
    const options = [
      ['n_gpus', 2],
      ['output_tokens', 256],
    ];
    write('A1', model);
    write('A6', options);
    write('D1', [['=LLM_ESTIMATE(A1:B4, {"vram_gib","tokens_per_s"}, 8, 8192, "bf16", "h100-sxm", A6:B7)']]);
    const expected = direct(model, [['vram_gib', 'tokens_per_s']], 8, 8192, 'bf16', 'h100-sxm', options) as unknown[][];
    expect(range('D1:F2')).toEqual([
      [...expected[0], null],
      [null, null, null],
    ]);
  });
});

describe('undo, as the preview uses it', () => {
  const A = (row: number, col = 0) => ({ sheet: 0, row, col });

  test('HyperFormula: one batch is one undo; suspendEvaluation alone does not group', () => {
    const hf = HyperFormula.buildFromSheets({ Sheet1: [] }, { ...SHEETS_LIKE_CONFIG });
    hf.batch(() => {
      hf.setCellContents(A(0), [[1], [2]]);
      hf.setCellContents(A(5), [[3]]);
    });
    hf.undo();
    expect([hf.getCellValue(A(0)), hf.getCellValue(A(1)), hf.getCellValue(A(5))]).toEqual([null, null, null]);
    hf.suspendEvaluation();
    hf.setCellContents(A(0), [[1]]);
    hf.setCellContents(A(1), [[2]]);
    hf.resumeEvaluation();
    hf.undo();
    expect([hf.getCellValue(A(0)), hf.getCellValue(A(1))]).toEqual([1, null]);
    hf.destroy();
  });

  test('a new workbook has nothing to undo; an edit, a paste, a template are one step each', () => {
    const { hf } = wb;
    expect(hf.isThereSomethingToUndo()).toBe(false);
    expect(undoDepth(hf)).toBe(0);
    const editor = createEditor(hf);
    editor.apply(() => hf.setCellContents(A(0), [[5]]));
    editor.apply(() =>
      hf.setCellContents(A(1), [
        [1, 2],
        [3, 4],
      ]),
    );
    editor.track(() => wb.global.insertSizingGrid({ ...REQUEST, template: 'sizing' }));
    expect(hf.getSheetNames()).toEqual(['Sheet1', 'LLM sizing']);
    expect(editor.undo()).toBe(true);
    expect(hf.getSheetNames()).toEqual(['Sheet1']);
    expect(editor.undo()).toBe(true);
    expect(range('A1:B3')).toEqual([
      [5, null],
      [null, null],
      [null, null],
    ]);
    expect(editor.redo()).toBe(true);
    expect(range('A2:B3')).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(editor.undo()).toBe(true);
    expect(editor.undo()).toBe(true);
    expect(range('A1')).toEqual([[null]]);
    expect(editor.undo()).toBe(false);
  });

  test('a spill blocked by a value comes back once the value is cleared (HyperFormula alone keeps #SPILL!)', () => {
    const { hf } = wb;
    const editor = createEditor(hf);
    editor.apply(() => hf.setCellContents(A(0), [['=SEQUENCE(3)']]));
    editor.apply(() => hf.setCellContents(A(1), [[9]]));
    expect(range('A1')[0][0]).toMatch(/^#SPILL!/);
    editor.apply(() => hf.setCellContents(A(1), null));
    expect(range('A1:A3')).toEqual([[1], [2], [3]]);
    // Undo of the clear brings the blocking value (and the #SPILL!) back in one step.
    editor.undo();
    expect(range('A1:A2')).toEqual([[expect.stringMatching(/^#SPILL!/)], [9]]);
    editor.undo();
    expect(range('A1:A3')).toEqual([[1], [2], [3]]);
  });
});

const REQUEST = {
  model: 'llama-3.1-8b',
  gpu: 'h100-sxm',
  precision: 'bf16',
  kvPrecision: '',
  batch: 8,
  context: 8192,
  outputTokens: 256,
  nGpus: 1,
  engine: 'vllm',
  method: 'roofline',
};

describe('reading and writing cells as a sheet does', () => {
  test('shiftFormula moves relative references only, never text in quotes or sheet names', () => {
    expect(shiftFormula('=A1+$B$2+C$3+$D4', 2, 1)).toBe('=B3+$B$2+D$3+$D6');
    expect(shiftFormula('=LLM_GPU("H100", "memory_gb")+LOG10(A1)', 1, 0)).toBe(
      '=LLM_GPU("H100", "memory_gb")+LOG10(A2)',
    );
    expect(shiftFormula("='Q1 2024'!A1+Q1!B2", 1, 1)).toBe("='Q1 2024'!B2+Q1!C3");
    expect(shiftFormula('=SUM(A1:A35)', -1, 0)).toBe('=SUM(#REF!:A34)');
  });

  test('tab-separated values round trip, quotes and line breaks included', () => {
    const rows = [
      ['name', 'note'],
      ['say "hi"', 'two\nlines'],
      ['a\tb', ''],
    ];
    expect(parseTsv(toTsv(rows))).toEqual(rows);
    expect(parseTsv('1\t2\r\n3\t4\r\n')).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(['8', ' 1,234.5 ', '', '=A1', 'TRUE', 'text'].map(parseInput)).toEqual([
      8,
      1234.5,
      null,
      '=A1',
      'TRUE',
      'text',
    ]);
  });
});
