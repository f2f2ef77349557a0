/**
 * Showing a cell as a sheet would: the number formats the templates use, booleans as TRUE/FALSE,
 * errors as their code. Enough of Sheets' formatting for the preview, not all of it.
 */
import { columnLetter, columnNumber } from '../../src/addon/a1';

/** Text for a value under a number format ("" or "General" for the default). */
export function formatValue(value: unknown, format = ''): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value !== 'number') return String(value);
  const m = /^(#,##)?0(?:\.(0+))?$/.exec(format);
  if (m) {
    const decimals = m[2]?.length ?? 0;
    return value.toLocaleString('en-US', {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
      useGrouping: m[1] !== undefined,
    });
  }
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  const abs = Math.abs(value);
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e15)) return value.toExponential(4);
  return String(Number(value.toPrecision(10)));
}

/** An A1 reference (not a function name such as LOG10(, not a sheet name such as Q1!). */
const REFERENCE = /(?<![A-Za-z0-9_.])(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(.!])/g;

/**
 * Shifts the relative A1 references of a formula by rows and columns, as Sheets does when a formula
 * is copied or filled: absolute parts ($A$1) stay, text in quotes and quoted sheet names stay, and
 * a reference shifted off the sheet becomes #REF!.
 */
export function shiftFormula(formula: string, rows: number, cols: number): string {
  const shift = (code: string) =>
    code.replace(REFERENCE, (_m, colAbs: string, letters: string, rowAbs: string, digits: string) => {
      const col = columnNumber(letters) + (colAbs ? 0 : cols);
      const row = Number(digits) + (rowAbs ? 0 : rows);
      if (col < 1 || row < 1) return '#REF!';
      return `${colAbs}${columnLetter(col)}${rowAbs}${row}`;
    });
  let out = '';
  let code = '';
  for (let i = 0; i < formula.length; i++) {
    const ch = formula[i];
    if (ch !== '"' && ch !== "'") {
      code += ch;
      continue;
    }
    // A quoted run: "text" (a doubled "" is a quote inside) or 'sheet name'.
    let end = i + 1;
    while (end < formula.length) {
      if (formula[end] === ch) {
        if (formula[end + 1] === ch) end += 2;
        else break;
      } else end++;
    }
    out += shift(code) + formula.slice(i, end + 1);
    code = '';
    i = end;
  }
  return out + shift(code);
}

// --- Reading typed and pasted text ---------------------------------------------------------------

/** A number as typed or as a spreadsheet copies it: 8, -1.5e3, 1,234.5 (grouped thousands). */
const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;
const GROUPED = /^[-+]?\d{1,3}(,\d{3})+(\.\d*)?$/;

/**
 * What a cell holds for text typed into it or pasted: empty text clears it, a number is a number,
 * anything else goes to the workbook as text, which reads formulas (=…), TRUE/FALSE, percentages
 * and currency as Sheets does.
 */
export function parseInput(text: string): string | number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (NUMBER.test(trimmed)) return Number(trimmed);
  if (GROUPED.test(trimmed)) return Number(trimmed.replace(/,/g, ''));
  return text;
}

/**
 * Tab-separated values, as spreadsheets put a copied range on the clipboard (text/plain): a cell
 * holding a tab, a line break or a quote is quoted, with quotes doubled.
 */
export function toTsv(rows: readonly (readonly string[])[]): string {
  const cell = (text: string) => (/[\t\n\r"]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  return rows.map((row) => row.map(cell).join('\t')).join('\n');
}

/** The cells of tab-separated text (Sheets, Excel, this preview); a final line break ends the last row. */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  const body = text.replace(/\r\n?/g, '\n').replace(/\n$/, '');
  while (i <= body.length) {
    if (cell === '' && body[i] === '"') {
      // A quoted cell runs to the quote that is not doubled.
      let end = i + 1;
      let value = '';
      while (end < body.length) {
        if (body[end] === '"') {
          if (body[end + 1] === '"') {
            value += '"';
            end += 2;
            continue;
          }
          break;
        }
        value += body[end++];
      }
      if (end < body.length && (body[end + 1] === '\t' || body[end + 1] === '\n' || end + 1 === body.length)) {
        cell = value;
        i = end + 1;
        continue;
      }
      // Not a well-formed quoted cell: read it as it stands.
    }
    const ch = body[i];
    if (i === body.length || ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else if (ch === '\t') {
      row.push(cell);
      cell = '';
    } else {
      cell += ch;
    }
    i++;
  }
  return rows;
}

// --- Explaining errors ---------------------------------------------------------------------------

/**
 * Google Sheets functions HyperFormula does not have: a formula using one works in Sheets, and the
 * local preview says so instead of a bare #NAME?.
 */
export const SHEETS_ONLY_FUNCTIONS: ReadonlySet<string> = new Set([
  'BYCOL',
  'BYROW',
  'CHOOSECOLS',
  'CHOOSEROWS',
  'CONCAT',
  'DETECTLANGUAGE',
  'ERROR.TYPE',
  'FLATTEN',
  'GOOGLEFINANCE',
  'GOOGLETRANSLATE',
  'IMAGE',
  'IMPORTDATA',
  'IMPORTFEED',
  'IMPORTHTML',
  'IMPORTRANGE',
  'IMPORTXML',
  'INDIRECT',
  'ISBETWEEN',
  'ISEMAIL',
  'ISURL',
  'JOIN',
  'LAMBDA',
  'LET',
  'LOOKUP',
  'MAKEARRAY',
  'MAP',
  'QUERY',
  'REDUCE',
  'REGEXEXTRACT',
  'REGEXMATCH',
  'REGEXREPLACE',
  'SCAN',
  'SORTN',
  'SPARKLINE',
  'TOCOL',
  'TOROW',
  'TO_DATE',
  'TO_DOLLARS',
  'TO_PERCENT',
  'TO_PURE_NUMBER',
  'TO_TEXT',
  'WRAPCOLS',
  'WRAPROWS',
  'XMATCH',
]);

/**
 * A sentence for the status line about an error cell: HyperFormula's message, or for the errors a
 * newcomer meets, what to do (a function only Sheets has, a `;` separator, an unknown name).
 */
export function explainError(message: string): string {
  const fn = /^Function name (.+) not recognized\.?$/.exec(message);
  if (fn) {
    const name = fn[1].toUpperCase();
    return SHEETS_ONLY_FUNCTIONS.has(name)
      ? `${name} is not available in the local preview (it works in Google Sheets).`
      : `${name} is not a function the local preview knows; check its name (a Google Sheets function the preview lacks works in Sheets).`;
  }
  const name = /^Named expression (.+) not recognized\.?$/.exec(message);
  if (name) {
    return `Unknown name ${name[1]}: put text in double quotes ("${name[1]}"); a named range the workbook lacks is unknown too.`;
  }
  if (message.startsWith('Parsing error')) {
    if (/found --> ';' <--/.test(message)) {
      return 'Arguments are separated by commas, as in Google Sheets in English: =SUM(1, 2), not =SUM(1; 2). (A semicolon separates rows inside {…} only.)';
    }
    return `The formula cannot be read: ${message.split('\n')[0]}`;
  }
  if (message === 'No space for array result.') {
    return 'The result needs more cells than are free: clear the cells it would spill into (in Google Sheets this is #REF!).';
  }
  if (message === 'Cell range not allowed.') {
    return 'A range where one value is expected (Google Sheets computes it per cell inside ARRAYFORMULA).';
  }
  return message;
}
