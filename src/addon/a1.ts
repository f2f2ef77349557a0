/** A1 notation for template rendering: columns are letters, rows and columns count from 1. */

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
