/**
 * A1 notation, the one copy the add-on, the preview and its shim share. Column numbers worked by
 * hand: Z is 26, AA is 26 + 1, ZZ is 26 × 26 + 26, AAA is 26² + 26 + 1.
 */
import fc from 'fast-check';
import { a1, columnLetter, columnNumber, parseRange, range } from '../../src/addon/a1';

test.each([
  ['A', 1],
  ['Z', 26],
  ['AA', 27],
  ['AZ', 52],
  ['BA', 53],
  ['ZZ', 702],
  ['AAA', 703],
])('column %s is %d', (letters, n) => {
  expect(columnNumber(letters)).toBe(n);
  expect(columnNumber(letters.toLowerCase())).toBe(n);
  expect(columnLetter(n)).toBe(letters);
});

test('letters and numbers round-trip for every column Sheets has (up to 18,278)', () => {
  fc.assert(fc.property(fc.integer({ min: 1, max: 18278 }), (n) => columnNumber(columnLetter(n)) === n));
});

test('parseRange reads cells and ranges, absolute or not, in either corner order', () => {
  expect(parseRange('C2')).toEqual({ row: 2, col: 3, rows: 1, cols: 1 });
  expect(parseRange('$B$2:C4')).toEqual({ row: 2, col: 2, rows: 3, cols: 2 });
  expect(parseRange('c4:b2')).toEqual({ row: 2, col: 2, rows: 3, cols: 2 });
  expect(parseRange('B2:')).toBeUndefined();
  expect(parseRange('Sheet1!A1')).toBeUndefined();
  expect(parseRange(range(2, 1, 3, 2))).toEqual({ row: 2, col: 1, rows: 3, cols: 2 });
  expect(a1(2, 3, true)).toBe('$C$2');
});
