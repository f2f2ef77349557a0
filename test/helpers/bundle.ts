/**
 * dist/Code.js loaded as Apps Script loads it: one global scope, no Apps Script services.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';

export const DIST = join(__dirname, '..', '..', 'dist');

export type SheetFunction = (...args: unknown[]) => unknown;

export interface LoadedBundle {
  readonly context: vm.Context;
  /** A top-level function of the bundle, as Sheets would find it. */
  fn(name: string): SheetFunction;
}

export function loadBundle(): LoadedBundle {
  const code = readFileSync(join(DIST, 'Code.js'), 'utf8');
  const context = vm.createContext({});
  vm.runInContext(code, context, { filename: 'Code.js' });
  return {
    context,
    fn(name) {
      const f = vm.runInContext(`typeof ${name} === 'function' ? ${name} : undefined`, context) as
        SheetFunction | undefined;
      if (!f) throw new Error(`dist/Code.js has no top-level function ${name}`);
      return f;
    },
  };
}

/**
 * Arguments of a formula such as `=LLM_VRAM(4096, 32, {1;8}, {2048,8192}, "fp16")`, as Sheets
 * passes them: numbers, text, and array literals as rows of values. An argument left empty between
 * commas (`"RTX 4090", , "engine=llama.cpp"`) is passed as a blank cell, ''.
 */
export function parseFormula(formula: string): { name: string; args: unknown[] } {
  const match = /^=([A-Z_]+)\((.*)\)$/s.exec(formula.trim());
  if (!match) throw new Error(`not a formula: ${formula}`);
  const [, name, body] = match;
  const args: unknown[] = [];
  let i = 0;
  const skip = () => {
    while (body[i] === ' ') i++;
  };
  const scalar = (): unknown => {
    skip();
    if (body[i] === '"') {
      const end = body.indexOf('"', i + 1);
      const text = body.slice(i + 1, end);
      i = end + 1;
      return text;
    }
    const m = /^[-+0-9.eE]+/.exec(body.slice(i));
    if (!m) throw new Error(`cannot read an argument at "${body.slice(i)}" in ${formula}`);
    i += m[0].length;
    return Number(m[0]);
  };
  skip();
  while (i < body.length) {
    skip();
    if (body[i] === ',') {
      args.push('');
      i++;
      continue;
    }
    if (body[i] === '{') {
      i++;
      const rows: unknown[][] = [[]];
      while (body[i] !== '}') {
        rows[rows.length - 1].push(scalar());
        skip();
        if (body[i] === ',') i++;
        else if (body[i] === ';') {
          i++;
          rows.push([]);
        }
      }
      i++;
      args.push(rows);
    } else {
      args.push(scalar());
    }
    skip();
    if (body[i] === ',') i++;
  }
  return { name, args };
}
