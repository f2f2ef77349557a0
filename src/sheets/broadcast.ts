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

/**
 * The common shape of several ranges; throws when two cannot pair up, naming the range that set
 * the conflicting dimension (rows and columns may come from different ranges).
 */
export function broadcastShapes(shapes: readonly NamedShape[]): Shape {
  let result: Shape = { rows: 1, cols: 1 };
  let rowsFrom: NamedShape | undefined;
  let colsFrom: NamedShape | undefined;
  for (const shape of shapes) {
    const rows = stretch(result.rows, shape.rows);
    const cols = stretch(result.cols, shape.cols);
    if (rows === undefined || cols === undefined) {
      const from = (rows === undefined ? rowsFrom : colsFrom) as NamedShape;
      const other = `${from.name} (${formatShape(from)})`;
      throw new InputError(
        `cannot pair ${other} with ${shape.name} (${formatShape(shape)}); ranges must have equal sizes or a size of 1 in each direction`,
      );
    }
    // The first range longer than 1 in a direction sets it; a conflict there is with that range.
    if (shape.rows > 1 && rowsFrom === undefined) rowsFrom = shape;
    if (shape.cols > 1 && colsFrom === undefined) colsFrom = shape;
    result = { rows, cols };
  }
  return result;
}

/** The index into a dimension of size `size` for output position `i` (size 1 stretches). */
export function pick(size: number, i: number): number {
  return size === 1 ? 0 : i;
}
