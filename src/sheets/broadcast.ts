/**
 * NumPy-style broadcasting on two dimensions (sheet-function contract, "Ranges and broadcasting"):
 * a dimension of 1 stretches, equal dimensions pair up, anything else is an error naming both shapes.
 */
import { InputError } from '../core/errors';

export interface Shape {
  readonly rows: number;
  readonly cols: number;
}

export interface NamedShape extends Shape {
  readonly name: string;
}

export function formatShape(shape: Shape): string {
  return `${shape.rows}x${shape.cols}`;
}

function stretch(a: number, b: number): number | undefined {
  if (a === b || b === 1) return a;
  if (a === 1) return b;
  return undefined;
}

/** The common shape of several ranges; throws when two cannot pair up. */
export function broadcastShapes(shapes: readonly NamedShape[]): Shape {
  let result: Shape = { rows: 1, cols: 1 };
  let from: NamedShape | undefined;
  for (const shape of shapes) {
    const rows = stretch(result.rows, shape.rows);
    const cols = stretch(result.cols, shape.cols);
    if (rows === undefined || cols === undefined) {
      const other = from ? `${from.name} (${formatShape(from)})` : formatShape(result);
      throw new InputError(
        `cannot pair ${other} with ${shape.name} (${formatShape(shape)}); ranges must have equal sizes or a size of 1 in each direction`,
      );
    }
    if (from === undefined || rows !== result.rows || cols !== result.cols) from = shape;
    result = { rows, cols };
  }
  return result;
}

/** The index into a dimension of size `size` for output position `i` (size 1 stretches). */
export function pick(size: number, i: number): number {
  return size === 1 ? 0 : i;
}
