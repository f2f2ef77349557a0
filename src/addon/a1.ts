/**
 * A1 notation, the one copy for the add-on, the preview and its shim: columns are letters, rows and
 * columns count from 1.
 */

export function columnLetter(col: number): string {
  let n = col;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** `a1(2, 3)` is `C2`; `a1(2, 3, true)` is `$C$2`. */
export function a1(row: number, col: number, absolute = false): string {
  return absolute ? `$${columnLetter(col)}$${row}` : `${columnLetter(col)}${row}`;
}

/** `range(2, 1, 3, 2)` is `A2:B4` (top-left row and column, then rows and columns). */
export function range(row: number, col: number, rows: number, cols: number, absolute = false): string {
  const start = a1(row, col, absolute);
  return rows === 1 && cols === 1 ? start : `${start}:${a1(row + rows - 1, col + cols - 1, absolute)}`;
}

/** `columnNumber("C")` is 3, `columnNumber("aa")` 27. */
export function columnNumber(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

/** `parseRange("B2:C4")` is {row: 2, col: 2, rows: 3, cols: 2}; `$` is allowed; undefined if not A1. */
export function parseRange(ref: string): { row: number; col: number; rows: number; cols: number } | undefined {
  const m = /^\$?([A-Za-z]+)\$?(\d+)(?::\$?([A-Za-z]+)\$?(\d+))?$/.exec(ref.trim());
  if (!m) return undefined;
  const row = Number(m[2]);
  const col = columnNumber(m[1]);
  const endRow = m[4] ? Number(m[4]) : row;
  const endCol = m[3] ? columnNumber(m[3]) : col;
  return {
    row: Math.min(row, endRow),
    col: Math.min(col, endCol),
    rows: Math.abs(endRow - row) + 1,
    cols: Math.abs(endCol - col) + 1,
  };
}
