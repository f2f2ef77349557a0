/**
 * Every custom function, in the order the README lists them. The one source of truth for the
 * Apps Script stubs, the README table and the contract tests.
 */
import type { FunctionDef } from './define';
import { CATALOG_FUNCTIONS } from './functions/catalog';
import { METHODOLOGY_FUNCTIONS } from './functions/methodology';
import { MODEL_FUNCTIONS } from './functions/models';

export const FUNCTIONS: readonly FunctionDef[] = [...METHODOLOGY_FUNCTIONS, ...CATALOG_FUNCTIONS, ...MODEL_FUNCTIONS];

const BY_NAME = new Map(FUNCTIONS.map((f) => [f.name, f]));

export function getFunction(name: string): FunctionDef {
  const def = BY_NAME.get(name);
  if (!def) throw new Error(`no custom function named ${name}`);
  return def;
}
