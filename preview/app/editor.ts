/**
 * Changing the preview's workbook as a person in the sheet does: every action (an edit, a paste, a
 * clear, a template inserted) is one undoable step, whatever number of HyperFormula operations it
 * takes, and spill sizes are corrected after each (refreshSpills).
 *
 * HyperFormula's undo: `hf.batch(fn)` puts everything done in `fn` on the undo stack as ONE entry,
 * undone by one `hf.undo()`; suspendEvaluation/resumeEvaluation only defers computing, each
 * operation in between stays its own entry. An action here is one batch, plus a second batch when
 * refreshSpills has to enter formulas again, plus whatever server code (a template) does; so each
 * action records how deep the undo stack was before and after it, and Ctrl+Z undoes down to the
 * depth before the last action.
 */
import type { HyperFormula } from 'hyperformula';
import { refreshSpills } from '../engine/functions';

interface Step {
  before: number;
  after: number;
}

/** The number of entries on HyperFormula's undo stack (its UndoRedo is not public). */
export function undoDepth(hf: HyperFormula): number {
  const undoRedo = (hf as unknown as { _crudOperations?: { undoRedo?: { undoStack?: unknown[] } } })._crudOperations
    ?.undoRedo;
  if (!Array.isArray(undoRedo?.undoStack)) throw new Error('HyperFormula internals changed: no undo stack to read');
  return undoRedo.undoStack.length;
}

export interface Editor {
  /** Runs `change` as one undoable step (one HyperFormula batch); call it only for a real change. */
  apply(change: () => void): boolean;
  /** Runs code that changes the workbook itself (server code inserting a template) as one step. */
  track<T>(run: () => T): T;
  undo(): boolean;
  redo(): boolean;
}

export function createEditor(hf: HyperFormula): Editor {
  const done: Step[] = [];
  const undone: Step[] = [];
  let known = undoDepth(hf);

  /** Changes made around the editor (not through it) become one step of their own. */
  const sync = () => {
    const depth = undoDepth(hf);
    if (depth > known) {
      done.push({ before: known, after: depth });
      undone.length = 0;
    }
    known = depth;
  };

  /** Re-sizes spills; the entries it adds belong to the step just taken (or undone). */
  const refresh = () => {
    if (refreshSpills(hf).length === 0) return;
    const depth = undoDepth(hf);
    const last = done[done.length - 1];
    if (last && last.after === known) last.after = depth;
    else done.push({ before: known, after: depth });
    // Entering formulas again cleared HyperFormula's redo stack.
    undone.length = 0;
    known = depth;
  };

  /** Runs `run` and records what it put on the undo stack as one step; true when it put anything. */
  const step = (run: () => void): boolean => {
    sync();
    const before = known;
    try {
      run();
    } finally {
      known = undoDepth(hf);
      if (known > before) {
        done.push({ before, after: known });
        undone.length = 0;
        refresh();
      }
    }
    return known > before;
  };

  return {
    apply: (change) => step(() => hf.batch(change)),
    track<T>(run: () => T): T {
      let result: T | undefined;
      step(() => {
        result = run();
      });
      return result as T;
    },
    undo() {
      sync();
      const last = done.pop();
      if (!last) return false;
      while (undoDepth(hf) > last.before && hf.isThereSomethingToUndo()) hf.undo();
      known = undoDepth(hf);
      undone.push(last);
      refresh();
      return true;
    },
    redo() {
      sync();
      const next = undone.pop();
      if (!next) return false;
      const before = known;
      for (let i = next.before; i < next.after && hf.isThereSomethingToRedo(); i++) hf.redo();
      known = undoDepth(hf);
      done.push({ before, after: known });
      refresh();
      return true;
    },
  };
}
