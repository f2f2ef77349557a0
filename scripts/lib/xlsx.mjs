// The preview's workbook as .xlsx: formulas with their cached values and number formats, so a
// planning sheet made in the preview imports into Google Sheets (where the add-in supplies LLM_*).
import ExcelJS from 'exceljs';

const ERRORS = new Set(['#N/A', '#REF!', '#NAME?', '#DIV/0!', '#NULL!', '#VALUE!', '#NUM!']);

function cellValue(value) {
  if (value && typeof value === 'object' && 'error' in value) {
    // Excel knows a fixed set of error codes; others (#ERROR!, #SPILL!) are written as #VALUE!.
    return { error: ERRORS.has(value.error) ? value.error : '#VALUE!' };
  }
  return value;
}

/** `sheets`: [{ name, cells: [{ row, col, formula?, value, numFmt? }] }], rows and columns from 0. */
export async function workbookToXlsx(sheets) {
  if (!Array.isArray(sheets)) throw new Error('expected { sheets: [...] }');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'LLM Sizing for Sheets (local preview)';
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(String(sheet.name).slice(0, 31));
    for (const c of sheet.cells ?? []) {
      const cell = ws.getCell(c.row + 1, c.col + 1);
      const value = cellValue(c.value);
      cell.value = c.formula ? { formula: c.formula.replace(/^=/, ''), result: value ?? undefined } : value;
      if (c.numFmt && c.numFmt !== 'General') cell.numFmt = c.numFmt;
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
