/**
 * Freezing LLM_ results as values: the pure planner (src/addon/freeze.ts) on hand-made grids, and
 * the real server code (dist/Code.js's freezeSelectedResults / freezeSheetResults) against the
 * Apps Script shim over a HyperFormula workbook with the bundle's functions registered. Expected
 * values are what HyperFormula showed before freezing and formulas as they were typed.
 */
import { DetailedCellError } from 'hyperformula';
import {
  freezeMessage,
  freezeWindow,
  isLlmFormula,
  planFreeze,
  predictShape,
  protectValue,
  type FreezeInput,
} from '../../src/addon/freeze';
import { getFunction } from '../../src/sheets/registry';
import { createWorkbook, type Workbook } from '../helpers/workbook';

const shapeOf = (name: string, shapes: readonly { rows: number; cols: number }[]) =>
  getFunction(name).resultShape(shapes);

const VRAM = '=LLM_VRAM(4096,32,11008,32000,1,2048,"fp16")';
const VRAM_2 = '=LLM_VRAM(4096,32,11008,32000,{1;8},2048,"fp16")';

describe('which formulas are LLM_ formulas', () => {
  test.each([
    [VRAM, true],
    ['=IFERROR(llm_vram(4096,32,11008,32000,1,2048,"fp16"),0)', true],
    ['=1+ LLM_GPU ("h100","memory_gb")', true],
    ['=LLM_GPU(B6,"memory_gb")*10^9/2^30', true],
    ['=A1+1', false],
    ['="LLM_VRAM(1)"', false],
    ['=CONCATENATE("x", "LLM_GPU(")', false],
    ["='LLM_X('!A1+1", false],
    ['=MY_LLM_X(1)', false],
    ['=SUM(A1:A3)', false],
    ['LLM_VRAM(1) as text', false],
  ])('%s: %s', (formula, expected) => {
    expect(isLlmFormula(formula)).toBe(expected);
  });
});

describe('the size of a result, from the formula', () => {
  const gpus = getFunction('LLM_GPUS').invoke([]) as unknown[][];
  test.each([
    [VRAM, { rows: 1, cols: 1 }],
    [VRAM_2, { rows: 2, cols: 1 }],
    ['=LLM_VRAM(4096,32,11008,32000,{1,8,16},2048,"fp16")', { rows: 1, cols: 3 }],
    ['=LLM_ESTIMATE($B$5,{"vram_gib","fits"},$B$8,$B$9,$B$6,$A$17:$A$31,$B$14)', { rows: 15, cols: 2 }],
    ['=LLM_ESTIMATE($B$5,"vram_gib",$A$18:$A$25,$B$17:$I$17,$B$7,$B$6,$B$13)', { rows: 8, cols: 8 }],
    ['=LLM_GPU($B$6,"memory_gb")*10^9/2^30*$B$10', { rows: 1, cols: 1 }],
    ['=IFERROR(llm_vram(4096,32,11008,32000,1,2048,"fp16"),0)', { rows: 1, cols: 1 }],
    ['=LOG10(LLM_GPU(B2,"memory_gb"))', { rows: 1, cols: 1 }],
    ['=SUM(LLM_VRAM(4096,32,11008,32000,{1;8},2048,"fp16"))', { rows: 1, cols: 1 }],
    ['=ARRAYFORMULA(LLM_GPU(A1:A3,"memory_gb")*2)', { rows: 3, cols: 1 }],
    ['=LLM_GPU(\'My sheet\'!B2,"memory_gb")+Other!C3', { rows: 1, cols: 1 }],
    ['=LLM_GPUS()', { rows: gpus.length, cols: gpus[0].length }],
    ['=LLM_GPU(A1:A3,"memory_gb")*2', undefined],
    ['=LLM_GPU(A:A,"memory_gb")', undefined],
    ['=LLM_GPU(A2:A,"memory_gb")', undefined],
    ['=LLM_GPU(MyGpus,"memory_gb")', undefined],
    ['=LLM_GPU(SEQUENCE(3),"memory_gb")', undefined],
    ['=LLM_GPU(', undefined],
  ])('%s', (formula, expected) => {
    expect(predictShape(formula, shapeOf)).toEqual(expected);
  });
});

describe('text written back stays the same text', () => {
  test.each([
    ['=A1', "'=A1"],
    ['+1', "'+1"],
    ['-x', "'-x"],
    ['@x', "'@x"],
    ["'quoted", "''quoted"],
    ['#N/A', "'#N/A"],
    ['123', "'123"],
    ['1/2/2024', "'1/2/2024"],
    ['TRUE', "'TRUE"],
    ['Mar 5', "'Mar 5"],
    ['ERROR: LLM_VRAM: bad', "'ERROR: LLM_VRAM: bad"],
    ['llama-3.1-8b', 'llama-3.1-8b'],
    ['NVIDIA H100 SXM5 80GB', 'NVIDIA H100 SXM5 80GB'],
  ])('%s', (text, written) => {
    expect(protectValue(text)).toBe(written);
  });

  test('numbers, booleans and empty cells are written as they are', () => {
    expect(protectValue(27.5)).toBe(27.5);
    expect(protectValue(false)).toBe(false);
    expect(protectValue('')).toBe('');
    expect(protectValue(null)).toBe('');
  });
});

/** A window from A1: rows of [formula, value, note?] per cell ('' for none). */
function grid(cells: readonly (readonly (readonly [string, unknown, string?])[])[], target?: FreezeInput['target']) {
  return {
    origin: { row: 1, col: 1 },
    formulas: cells.map((r) => r.map((c) => c[0])),
    values: cells.map((r) => r.map((c) => c[1])),
    notes: cells.map((r) => r.map((c) => c[2] ?? '')),
    target: target ?? { row: 1, col: 1, rows: cells.length, cols: cells[0].length },
    shapeOf,
  };
}

describe('planning a freeze', () => {
  const E = ['', ''] as const;
  // A1 spills A1:A2; B1 is another formula; C1 text; A3 a scalar result; C3 an error.
  const sheet = [
    [
      [VRAM_2, 20.5, 'my note'],
      ['=A1+1', 21.5],
      ['', 'label'],
    ],
    [['', 31.5], E, E],
    [
      ['=LLM_GPU("h100-sxm","memory_gb")', '=oops'],
      ['', 5],
      ['=LLM_GPU("nope","memory_gb")', '#ERROR!'],
    ],
  ] as const;

  test('one write for the block; the array whole; other cells unchanged; the error left', () => {
    const plan = planFreeze(grid(sheet));
    expect(plan.frozen.map((f) => [f.a1, f.area])).toEqual([
      ['A1', 'A1:A2'],
      ['A3', 'A3'],
    ]);
    expect(plan.cells).toBe(3);
    expect(plan.skipped).toEqual([{ a1: 'C3', formula: '=LLM_GPU("nope","memory_gb")', reason: 'error' }]);
    expect(plan.writes).toHaveLength(1);
    const [write] = plan.writes;
    expect(write).toMatchObject({ row: 1, col: 1, rows: 3, cols: 1 });
    expect(write.values).toEqual([[20.5], [31.5], ["'=oops"]]);
    expect(write.notes).toEqual([
      [`my note\n\nFrozen from: ${VRAM_2}\n(an array result; frozen over A1:A2)`],
      [''],
      ['Frozen from: =LLM_GPU("h100-sxm","memory_gb")'],
    ]);
  });

  test('a selected cell of an array freezes the whole array and nothing else', () => {
    const plan = planFreeze(grid(sheet, { row: 2, col: 1, rows: 1, cols: 1 }));
    expect(plan.frozen.map((f) => f.area)).toEqual(['A1:A2']);
    expect(plan.writes).toEqual([
      expect.objectContaining({ row: 1, col: 1, rows: 2, cols: 1, values: [[20.5], [31.5]] }),
    ]);
  });

  test('cells between frozen ones are written back as they were: formulas as formulas, blanks blank', () => {
    const plan = planFreeze(
      grid([
        [
          [VRAM, 1],
          ['=B9*2', 4],
          [VRAM, 2],
        ],
        [E, E, E],
      ]),
    );
    expect(plan.writes).toEqual([
      expect.objectContaining({ row: 1, col: 1, rows: 1, cols: 3, values: [[1, '=B9*2', 2]] }),
    ]);
  });

  test("another formula's array (plain-looking values) is never written", () => {
    // A1 =SEQUENCE(3) spilled into A2:A3; B1:B3 are LLM_ results.
    const plan = planFreeze(
      grid([
        [
          ['=SEQUENCE(3)', 1],
          [VRAM, 10],
        ],
        [
          ['', 2],
          [VRAM, 11],
        ],
        [
          ['', 3],
          [VRAM, 12],
        ],
      ]),
    );
    expect(plan.writes.map((w) => [w.row, w.col, w.rows, w.cols])).toEqual([[1, 2, 3, 1]]);
  });

  test('a formula of unknown size is frozen when nothing beside it could be its array, else left', () => {
    const unknown = '=LLM_GPU(MyGpus,"memory_gb")';
    const alone = planFreeze(
      grid([
        [[unknown, 80], E],
        [E, E],
      ]),
    );
    expect(alone.frozen.map((f) => f.area)).toEqual(['A1']);
    const crowded = planFreeze(
      grid([
        [
          [unknown, 80],
          ['', 40],
        ],
        [E, E],
      ]),
    );
    expect(crowded.frozen).toEqual([]);
    expect(crowded.skipped).toEqual([{ a1: 'A1', formula: unknown, reason: 'size-unknown' }]);
    expect(crowded.writes).toEqual([]);
  });

  test('a formula still loading stays a formula', () => {
    const plan = planFreeze(grid([[[VRAM, 'Loading...']]]));
    expect(plan.skipped.map((s) => s.reason)).toEqual(['loading']);
    expect(plan.writes).toEqual([]);
  });

  test('how far to read: past the target to the end of an array reaching into it, plus one', () => {
    const head = [
      ['=LLM_VRAM(4096,32,11008,32000,{1;8;16;32},{1024,2048,4096},"fp16")', ''],
      ['', ''],
    ];
    expect(freezeWindow(head, { row: 2, col: 2, rows: 1, cols: 1 }, { row: 100, col: 100 }, shapeOf)).toEqual({
      rows: 5,
      cols: 4,
    });
    expect(freezeWindow(head, { row: 2, col: 2, rows: 1, cols: 1 }, { row: 3, col: 3 }, shapeOf)).toEqual({
      rows: 3,
      cols: 3,
    });
  });

  test('the message counts what was frozen and skipped', () => {
    expect(freezeMessage([planFreeze(grid(sheet))], 'sheet')).toBe(
      "Froze 2 LLM_ formulas (3 cells) as values; each formula is kept in its cell's note. " +
        'Skipped 1 formula showing an error (left as a formula).',
    );
    expect(freezeMessage([planFreeze(grid([[['=A1', 1]]]))], 'selection')).toBe(
      'No LLM_ formulas in the selection: nothing to freeze.',
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Through the server code and the shim.

const LLM_CALL = /\bLLM_[A-Z_]+\s*\(/i;

interface Cell {
  a1: string;
  formula?: string;
  value: unknown;
  serialized: unknown;
  array: boolean;
}

/** Every non-empty cell of a sheet, as HyperFormula holds it. */
function snapshot(wb: Workbook, sheet: string): Map<string, Cell> {
  const id = wb.hf.getSheetId(sheet)!;
  const { height, width } = wb.hf.getSheetDimensions(id);
  const cells = new Map<string, Cell>();
  for (let row = 0; row < height; row++) {
    for (let col = 0; col < width; col++) {
      const address = { sheet: id, row, col };
      const a1 = wb.hf.simpleCellAddressToString(address, id)!;
      const value = wb.hf.getCellValue(address);
      cells.set(a1, {
        a1,
        formula: wb.hf.getCellFormula(address),
        value: value instanceof DetailedCellError ? value.value : value,
        serialized: wb.hf.getCellSerialized(address),
        array: wb.hf.isCellPartOfArray(address),
      });
    }
  }
  return cells;
}

const writesTo = (wb: Workbook, sheet: string, method: string, since: number) =>
  wb.shim.calls.slice(since).filter((c) => c.target.startsWith(`${sheet}!`) && c.method === method);

const notesOf = (wb: Workbook, sheet: string) => wb.shim.extras.get(sheet)?.notes ?? new Map<string, string>();

type Summary = { formulas: number; cells: number; skipped: number; writes: number; message: string };

describe('freezing a whole sizing sheet', () => {
  const wb = createWorkbook();
  const name = wb.global.insertSizingTemplate() as string;
  const before = snapshot(wb, name);
  const llmCells = [...before.values()].filter((c) => c.formula && LLM_CALL.test(c.formula));
  const since = wb.shim.calls.length;
  const lockBefore = wb.shim.lock.acquired;
  const summary = wb.global.freezeSheetResults() as Summary;
  const after = snapshot(wb, name);

  test('every LLM_ formula became the value it showed; its note holds the formula', () => {
    expect(llmCells.length).toBeGreaterThanOrEqual(10);
    for (const cell of llmCells) {
      const now = after.get(cell.a1)!;
      expect([cell.a1, now.formula]).toEqual([cell.a1, undefined]);
      expect([cell.a1, now.value]).toEqual([cell.a1, cell.value]);
      expect(notesOf(wb, name).get(cell.a1)).toBe(`Frozen from: ${cell.formula}`);
    }
  });

  test('every other cell kept its formula or value exactly', () => {
    const others = [...before.values()].filter((c) => !llmCells.includes(c));
    expect(others.some((c) => c.formula === '=ROUNDUP($B$23/$B$25,0)')).toBe(true);
    for (const cell of others) {
      expect(after.get(cell.a1)).toEqual(cell);
    }
  });

  test('one setValues and one setNotes for the column of results, under the document lock', () => {
    expect(writesTo(wb, name, 'setValues', since)).toHaveLength(1);
    expect(writesTo(wb, name, 'setNotes', since)).toHaveLength(1);
    expect(writesTo(wb, name, 'setValue', since)).toHaveLength(0);
    expect(writesTo(wb, name, 'setNote', since)).toHaveLength(0);
    expect(wb.shim.lock).toEqual({ acquired: lockBefore + 1, held: false });
    expect(summary).toEqual({
      formulas: llmCells.length,
      cells: llmCells.length,
      skipped: 0,
      writes: 1,
      message: `Froze ${llmCells.length} LLM_ formulas (${llmCells.length} cells) as values; each formula is kept in its cell's note.`,
    });
    expect(wb.shim.ui.toasts.at(-1)).toEqual({ message: summary.message, title: 'LLM Sizing' });
  });

  test('the frozen cells no longer follow the inputs; the other formulas still do', () => {
    const row = (label: string) => [...after.values()].find((c) => c.value === label)!.a1.replace(/^A/, '');
    const total = `B${row('Total VRAM (GiB)')}`;
    wb.edit(name, `B${row('Batch size')}`, 32);
    expect(wb.cell(name, total)).toBe(before.get(total)!.value);
    wb.edit(name, total, 100);
    expect(wb.cell(name, `B${row('GPUs needed (by memory)')}`)).toBe(2);
  });

  test('freezing again finds nothing and writes nothing; notes are not doubled', () => {
    const again = wb.shim.calls.length;
    const second = wb.global.freezeSheetResults() as Summary;
    expect(second).toMatchObject({ formulas: 0, writes: 0 });
    expect(second.message).toBe('No LLM_ formulas in this sheet: nothing to freeze.');
    expect(writesTo(wb, name, 'setValues', again)).toHaveLength(0);
    expect(notesOf(wb, name).get(llmCells[0].a1)).toBe(`Frozen from: ${llmCells[0].formula}`);
  });
});

describe('freezing the selection', () => {
  test('a selected cell inside an array result freezes the whole array, in one write', () => {
    const wb = createWorkbook();
    const name = wb.global.insertGpuComparisonTemplate() as string;
    const before = snapshot(wb, name);
    const anchor = [...before.values()].find((c) => c.formula?.startsWith('=LLM_ESTIMATE('))!;
    expect(anchor.a1).toBe('C17');
    const since = wb.shim.calls.length;
    wb.shim.setActiveRange(name, 'D20');
    const summary = wb.global.freezeSelectedResults() as Summary;
    const after = snapshot(wb, name);
    expect(summary).toMatchObject({ formulas: 1, cells: 15 * 4, skipped: 0, writes: 1 });
    for (const cell of before.values()) {
      const now = after.get(cell.a1)!;
      const [col, row] = [cell.a1.charCodeAt(0), Number(cell.a1.slice(1))];
      const inArray = col >= 'C'.charCodeAt(0) && col <= 'F'.charCodeAt(0) && row >= 17 && row <= 31;
      if (inArray) {
        expect([cell.a1, now.value, now.formula, now.array]).toEqual([cell.a1, cell.value, undefined, false]);
      } else {
        // The GPU memory column (B17's own array) and the GPUs-needed formulas stay as they were.
        expect(now).toEqual(cell);
      }
    }
    expect(after.get('B18')?.array).toBe(true);
    expect(notesOf(wb, name).get('C17')).toBe(`Frozen from: ${anchor.formula}\n(an array result; frozen over C17:F31)`);
    expect(writesTo(wb, name, 'setValues', since).map((c) => c.target)).toEqual([`${name}!C17:F31`]);
  });

  test('several selected ranges: each is frozen, one write per block of results', () => {
    const wb = createWorkbook();
    const name = wb.global.insertSizingTemplate() as string;
    const before = snapshot(wb, name);
    const since = wb.shim.calls.length;
    wb.shim.setActiveRange(name, ['B18', 'B20:B21']);
    const summary = wb.global.freezeSelectedResults() as Summary;
    expect(summary).toMatchObject({ formulas: 3, cells: 3, writes: 2 });
    for (const a1 of ['B18', 'B20', 'B21']) {
      expect(wb.hf.getCellFormula(wb.hf.simpleCellAddressFromString(a1, wb.hf.getSheetId(name)!)!)).toBeUndefined();
      expect(wb.cell(name, a1)).toBe(before.get(a1)!.value);
    }
    expect(before.get('B19')!.formula).toMatch(LLM_CALL);
    expect(snapshot(wb, name).get('B19')).toEqual(before.get('B19'));
    expect(writesTo(wb, name, 'setValues', since).map((c) => c.target)).toEqual([`${name}!B18`, `${name}!B20:B21`]);
  });

  describe('a sheet of typed formulas', () => {
    const wb = createWorkbook();
    const sheet = 'Sheet1';
    const typed: Record<string, string | number> = {
      A1: VRAM_2,
      B1: '=A1+1',
      C1: "'=not a formula",
      A4: '=LLM_VRAM(4096,32,11008,32000,1,-5,"fp16")',
      A6: '=IFERROR(llm_vram(4096,32,11008,32000,1,2048,"fp16"),0)',
      B6: '=SUM(1,2)',
      A8: 'plain',
      B8: 7,
      C8: '=LLM_GPU("h100-sxm","tflops_source","fp16")',
      A10: '=TRANSPOSE({1,2,3})',
      B10: '=LLM_GPU("h100-sxm","memory_gb")',
      B11: '=LLM_GPU("h200-sxm","memory_gb")',
      B12: '=LLM_GPU("l4","memory_gb")',
    };
    for (const [a1, content] of Object.entries(typed)) wb.edit(sheet, a1, content);
    const ss = (wb.shim.globals.SpreadsheetApp as { getActiveSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet })
      .getActiveSpreadsheet()
      .getSheetByName(sheet)!;
    ss.getRange('A1').setNote('my note');
    const before = snapshot(wb, sheet);
    const since = wb.shim.calls.length;
    wb.shim.setActiveRange(sheet, 'A1:C12');
    const summary = wb.global.freezeSelectedResults() as Summary;
    const after = snapshot(wb, sheet);
    const frozen = ['A1', 'A2', 'A6', 'C8', 'B10', 'B11', 'B12'];

    test('the LLM_ results are values equal to what they showed', () => {
      expect(before.get('A2')!.array).toBe(true);
      for (const a1 of frozen) {
        expect([a1, after.get(a1)!.formula, after.get(a1)!.value]).toEqual([a1, undefined, before.get(a1)!.value]);
      }
      // Text that starts like a link or a number would read back the same.
      expect(typeof after.get('C8')!.value).toBe('string');
    });

    test('a note already there is kept, the formula appended', () => {
      expect(notesOf(wb, sheet).get('A1')).toBe(
        `my note\n\nFrozen from: ${VRAM_2}\n(an array result; frozen over A1:A2)`,
      );
      // Sheets, like HyperFormula, keeps function names upper-case: the note has the formula as the cell held it.
      expect(before.get('A6')!.formula).toBe(typed.A6.toString().replace('llm_vram', 'LLM_VRAM'));
      expect(notesOf(wb, sheet).get('A6')).toBe(`Frozen from: ${before.get('A6')!.formula}`);
      expect(notesOf(wb, sheet).has('A2')).toBe(false);
    });

    test('other formulas, plain values, text and the other array stay exactly as they were', () => {
      for (const a1 of ['B1', 'C1', 'B6', 'A8', 'B8', 'A10', 'A11', 'A12']) {
        expect(after.get(a1)).toEqual(before.get(a1));
      }
      expect(after.get('C1')!.serialized).toBe("'=not a formula");
      expect(after.get('A11')!.array).toBe(true);
      const targets = writesTo(wb, sheet, 'setValues', since).map((c) => c.target);
      expect(targets.some((t) => /!A1[0-2]/.test(t))).toBe(false);
    });

    test('the error stays a formula and is counted; a few writes, none per cell', () => {
      expect(after.get('A4')).toEqual(before.get('A4'));
      expect(after.get('A4')!.value).toBe('#ERROR!');
      expect(summary).toMatchObject({ formulas: 6, cells: 7, skipped: 1 });
      expect(summary.message).toContain('Skipped 1 formula showing an error (left as a formula).');
      const writes = writesTo(wb, sheet, 'setValues', since);
      expect(writes.length).toBe(summary.writes);
      expect(writes.map((c) => c.target)).toEqual([`${sheet}!A1:A2`, `${sheet}!A6`, `${sheet}!C8`, `${sheet}!B10:B12`]);
    });
  });

  test('a selection without LLM_ formulas changes nothing and says so', () => {
    const wb = createWorkbook();
    wb.edit('Sheet1', 'A1', '=1+1');
    const since = wb.shim.calls.length;
    wb.shim.setActiveRange('Sheet1', 'A1:C3');
    const summary = wb.global.freezeSelectedResults() as Summary;
    expect(summary).toMatchObject({ formulas: 0, writes: 0 });
    expect(wb.shim.ui.toasts.at(-1)?.message).toBe('No LLM_ formulas in the selection: nothing to freeze.');
    expect(wb.shim.calls.slice(since).filter((c) => /^set/.test(c.method))).toEqual([]);
    expect(wb.hf.getCellFormula({ sheet: 0, row: 0, col: 0 })).toBe('=1+1');
  });
});

describe('the menu and the shim', () => {
  test('onOpen adds both freeze items, and each calls a top-level function of the bundle', () => {
    const wb = createWorkbook();
    wb.global.onOpen();
    const items = wb.shim.ui.menus[0];
    const freeze = items.filter((i) => i.caption.startsWith('Freeze'));
    expect(freeze).toEqual([
      { caption: 'Freeze selected results as values', functionName: 'freezeSelectedResults' },
      { caption: "Freeze whole sheet's results as values", functionName: 'freezeSheetResults' },
    ]);
    for (const item of freeze) expect(typeof wb.global[item.functionName!]).toBe('function');
  });

  test('the shim reads as Apps Script does: spilled cells have no formula, errors are text, notes', () => {
    const wb = createWorkbook();
    wb.edit('Sheet1', 'A1', VRAM_2);
    wb.edit('Sheet1', 'B1', '=LLM_VRAM(1)');
    const app = wb.shim.globals.SpreadsheetApp as { getActiveSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet };
    const sheet = app.getActiveSpreadsheet().getActiveSheet();
    const range = sheet.getRange('A1:C2');
    expect(range.getFormulas()).toEqual([
      [VRAM_2, '=LLM_VRAM(1)', ''],
      ['', '', ''],
    ]);
    const values = range.getValues();
    expect(typeof values[1][0]).toBe('number');
    expect(values[0][1]).toBe('#ERROR!');
    expect(values[0][2]).toBe('');
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:B2');
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([2, 2]);
    range.setNotes([
      ['a', '', 'c'],
      ['', 'e', ''],
    ]);
    expect(range.getNotes()).toEqual([
      ['a', '', 'c'],
      ['', 'e', ''],
    ]);
    sheet.getRange('C1:C2').setValues([["'=x"], ['=1+1']]);
    expect(sheet.getRange('C1:C2').getFormulas()).toEqual([[''], ['=1+1']]);
    expect(sheet.getRange('C1').getValues()).toEqual([['=x']]);
  });

  test('the selection: A1 of the active sheet until set; then the ranges set, the last one current', () => {
    const wb = createWorkbook();
    const app = wb.shim.globals.SpreadsheetApp as { getActiveSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet };
    const ss = app.getActiveSpreadsheet();
    expect(ss.getActiveRange()?.getA1Notation()).toBe('A1');
    wb.hf.addSheet('Other');
    wb.shim.setActiveRange('Other', ['B2:C3', 'E5']);
    expect(ss.getActiveSheet().getName()).toBe('Other');
    expect(
      ss
        .getActiveRangeList()
        ?.getRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(['B2:C3', 'E5']);
    expect(ss.getActiveRange()?.getA1Notation()).toBe('E5');
    expect(wb.shim.activeSheet()).toBe('Other');
  });
});
