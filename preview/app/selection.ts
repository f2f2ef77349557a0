/**
 * The selected cells, as in Sheets: an active cell (where typing goes, shown in the formula bar)
 * and the range from it to a second corner (shift+click, shift+arrows, a mouse drag).
 */
export interface Cell {
  readonly row: number;
  readonly col: number;
}

export interface Area {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export class Selection {
  /** The active cell. */
  anchor: Cell = { row: 0, col: 0 };
  /** The other corner of the range (the anchor itself for one cell). */
  focus: Cell = { row: 0, col: 0 };

  /** One cell, active. */
  set(cell: Cell): void {
    this.anchor = clamp(cell);
    this.focus = this.anchor;
  }

  /** The range from the active cell to `cell`. */
  extend(cell: Cell): void {
    this.focus = clamp(cell);
  }

  /** A range with its active cell at `anchor` (a paste selects what it wrote). */
  setArea(area: Area, anchor: Cell = { row: area.top, col: area.left }): void {
    this.anchor = clamp(anchor);
    this.focus = clamp({
      row: anchor.row === area.top ? area.bottom : area.top,
      col: anchor.col === area.left ? area.right : area.left,
    });
  }

  area(): Area {
    return {
      top: Math.min(this.anchor.row, this.focus.row),
      left: Math.min(this.anchor.col, this.focus.col),
      bottom: Math.max(this.anchor.row, this.focus.row),
      right: Math.max(this.anchor.col, this.focus.col),
    };
  }

  isSingle(): boolean {
    return this.anchor.row === this.focus.row && this.anchor.col === this.focus.col;
  }

  contains(row: number, col: number): boolean {
    const a = this.area();
    return row >= a.top && row <= a.bottom && col >= a.left && col <= a.right;
  }
}

function clamp(cell: Cell): Cell {
  return { row: Math.max(0, cell.row), col: Math.max(0, cell.col) };
}

/** Every cell of an area, row by row. */
export function* cellsOf(area: Area): Generator<Cell> {
  for (let row = area.top; row <= area.bottom; row++) {
    for (let col = area.left; col <= area.right; col++) yield { row, col };
  }
}

/** The grid cell at a position (row 0 of the table is the column header, column 0 the row number). */
export function cellElement(grid: HTMLTableElement, row: number, col: number): HTMLTableCellElement | undefined {
  return grid.rows[row + 1]?.cells[col + 1];
}

/** Marks the active cell (.selected) and the other cells of a range (.in-range). */
export function paintSelection(grid: HTMLTableElement, selection: Selection): void {
  for (const td of [...grid.querySelectorAll('td.selected, td.in-range')]) td.classList.remove('selected', 'in-range');
  const area = selection.area();
  if (!selection.isSingle()) {
    for (const { row, col } of cellsOf(area)) cellElement(grid, row, col)?.classList.add('in-range');
  }
  cellElement(grid, selection.anchor.row, selection.anchor.col)?.classList.add('selected');
}
