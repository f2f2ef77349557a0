/**
 * The only sidebar file that talks to the server: google.script.run, wrapped in promises.
 * In the local preview, the same global is provided by the preview page.
 */
import type { SizingRequest } from '../src/addon/request';

interface ScriptRun {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRun;
  withFailureHandler(handler: (error: unknown) => void): ScriptRun;
  insertSizingGrid(request: SizingRequest): void;
}

declare const google: { script: { run: ScriptRun } } | undefined;

function errorMessage(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}

/** Inserts a template through the server; resolves to the new sheet's name. */
export function insertSizingGrid(request: SizingRequest): Promise<string> {
  return new Promise((resolve, reject) => {
    if (typeof google === 'undefined' || !google.script?.run) {
      reject(new Error('Not connected to a spreadsheet: open this sidebar from the LLM Sizing menu.'));
      return;
    }
    google.script.run
      .withSuccessHandler((name) => resolve(String(name)))
      .withFailureHandler((error) => reject(new Error(errorMessage(error))))
      .insertSizingGrid(request);
  });
}
