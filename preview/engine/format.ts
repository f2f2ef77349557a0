/**
 * Showing a cell as a sheet would: the number formats the templates use, booleans as TRUE/FALSE,
 * errors as their code. Enough of Sheets' formatting for the preview, not all of it.
 */

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

/** Shifts the relative A1 references of a formula by rows and columns (absolute parts stay). */
export function shiftFormula(formula: string, rows: number, cols: number): string {
  return formula.replace(
    /(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\d(])/g,
    (_m, colAbs: string, letters: string, rowAbs: string, digits: string) => {
      let col = [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
      let row = Number(digits);
      if (!colAbs) col += cols;
      if (!rowAbs) row += rows;
      let s = '';
      for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
      return `${colAbs}${s}${rowAbs}${row}`;
    },
  );
}
