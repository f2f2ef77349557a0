/**
 * dist/Code.js as Apps Script runs it: loaded in a bare vm context (no Apps Script services), every
 * custom function found as a top-level function and called as Sheets calls it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { SERVER_FUNCTIONS, describeFunctions } from '../../src/index';
import type { Example, ExampleCell, ExampleResult } from '../../src/sheets/define';
import { DIST, loadBundle, parseFormula } from '../helpers/bundle';
import { readData, readSpec } from '../helpers/data';
import { doc } from '../helpers/reference';

const ROOT = join(__dirname, '..', '..');
const code = readFileSync(join(DIST, 'Code.js'), 'utf8');
const bundle = loadBundle();
const registry = describeFunctions();
const LLAMA = [4096, 32, 11008, 32000];

describe('the bundle', () => {
  test('is one script with no import or export left', () => {
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    // The library is minified; the stubs after it keep their JSDoc (checked below).
    expect(code).toMatch(/^(?:"use strict";)?var LLMSizing ?= ?\(\(\) ?=> ?\{/m);
  });

  test('loads with no Apps Script globals and defines only the namespace, the stubs and the entry points', () => {
    const names = Object.keys(bundle.context).sort();
    expect(names).toEqual(['LLMSizing', ...registry.map((f) => f.name), ...SERVER_FUNCTIONS].sort());
    // The menu and the sidebar call these by name.
    expect(SERVER_FUNCTIONS).toEqual(
      expect.arrayContaining(['onOpen', 'onInstall', 'showSidebar', 'insertSizingGrid']),
    );
  });

  test('every registry entry has a stub with @customfunction, its parameters, and an example', () => {
    for (const f of registry) {
      const signature = `function ${f.name}(${f.params.map((p) => p.name).join(', ')}) {`;
      const at = code.indexOf(`\n${signature}`);
      expect(at).toBeGreaterThan(0);
      const jsdoc = code.slice(code.lastIndexOf('/**', at), at);
      expect(jsdoc).toContain('@customfunction');
      expect(jsdoc).toContain(f.summary);
      for (const example of f.examples) {
        const shown = shownResult(jsdoc, example);
        expect(shown).not.toBe('');
        expectShown(shown, example);
      }
      for (const p of f.params) expect(jsdoc).toMatch(new RegExp(`@param \\{[^}]+\\} \\[?${p.name}\\]? \\S`));
    }
  });

  test('the contract methodology functions and LLM_GPU are all there', () => {
    const contract = readSpec('functions.md');
    const section = contract.slice(
      contract.indexOf('## Methodology functions'),
      contract.indexOf('## Catalog functions'),
    );
    const names = new Set([...section.matchAll(/`(LLM_[A-Z_]+)\(/g)].map((m) => m[1]));
    expect(names.size).toBe(15);
    names.add('LLM_GPU');
    for (const name of names) expect(code).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
  });
});

/** A result that spills: rows of cells (Array.isArray does not narrow a readonly array). */
const isRange = (r: ExampleResult): r is readonly (readonly ExampleCell[])[] => Array.isArray(r);

/** Every example of the registry with its function's name. */
const EXAMPLES = registry.flatMap((f) => f.examples.map((example) => ({ fn: f.name, example })));

/** The text after "→" on the JSDoc line of an example ('' when the line is missing). */
function shownResult(jsdoc: string, example: Example): string {
  const prefix = ` * Example: ${example.formula} → `;
  const line = jsdoc.split('\n').find((l) => l.startsWith(prefix));
  return line === undefined ? '' : line.slice(prefix.length);
}

/** A number as shown ("11.78", "5,164,769,280", "≈ 130.6"). */
const shownNumber = (text: string) => Number(text.replace(/^≈ /, '').replace(/,/g, ''));

/**
 * What the JSDoc shows agrees with the example's result: the number to the 4 significant digits it
 * is shown with (an integer in full), the tolerance of an approximate figure, and the unit.
 */
function expectShown(shown: string, example: Example): void {
  const { result, unit } = example;
  if (unit !== undefined) expect(shown).toContain(unit);
  if (typeof result === 'number') {
    const value = shownNumber(shown.split(' ')[0]);
    if (Number.isInteger(result)) expect(value).toBe(result);
    // Shown to 4 significant digits, or to the unit from 1000 on.
    else expect(Math.abs(value - result)).toBeLessThanOrEqual(Math.abs(result) >= 1000 ? 0.5 : Math.abs(result) * 5e-4);
  } else if (typeof result === 'object' && 'approx' in result) {
    const m = /^≈ ([0-9.,e+-]+) .*\(±([0-9.]+)%\)$/.exec(shown);
    expect(m).not.toBeNull();
    expect(Math.abs(shownNumber(m![1]) - result.approx)).toBeLessThanOrEqual(Math.abs(result.approx) * 5e-4);
    expect(Number(m![2])).toBeCloseTo(result.within * 100, 6);
  } else if (isRange(result)) {
    expect(shown).toMatch(/^\{.*\}/);
    expect(shown.split(';')).toHaveLength(result.length);
  }
}

/** One cell of a result against the example's: see `ExampleCell`. */
function expectCell(actual: unknown, expected: ExampleCell): void {
  if (typeof expected === 'number') {
    expect(typeof actual).toBe('number');
    if (Number.isInteger(expected)) expect(actual).toBe(expected);
    // 12 significant digits.
    else expect(actual).toBeCloseTo(expected, 11 - Math.floor(Math.log10(Math.abs(expected))));
  } else if (typeof expected === 'string' || typeof expected === 'boolean') {
    expect(actual).toBe(expected);
  } else if ('approx' in expected) {
    expect(typeof actual).toBe('number');
    expect(actual).toBeGreaterThanOrEqual(expected.approx * (1 - expected.within));
    expect(actual).toBeLessThanOrEqual(expected.approx * (1 + expected.within));
  } else {
    expect(typeof actual).toBe('string');
    expect(actual).toContain(expected.contains);
  }
}

function expectResult(actual: unknown, expected: ExampleResult): void {
  if (isRange(expected)) {
    expect(Array.isArray(actual)).toBe(true);
    const rows = actual as unknown[][];
    expect(rows.map((r) => r.length)).toEqual(expected.map((r) => r.length));
    expected.forEach((row, r) => row.forEach((cell, c) => expectCell(rows[r][c], cell)));
  } else if (typeof expected === 'object' && 'tableRow' in expected) {
    expect(Array.isArray(actual)).toBe(true);
    const [header, ...rows] = actual as unknown[][];
    const columns = Object.keys(expected.tableRow);
    for (const column of columns) expect(header).toContain(column);
    const [key, ...rest] = columns;
    const found = rows.filter((row) => row[header.indexOf(key)] === expected.tableRow[key]);
    expect(found).toHaveLength(1);
    for (const column of rest) expectCell(found[0][header.indexOf(column)], expected.tableRow[column]);
  } else {
    expect(Array.isArray(actual)).toBe(false);
    expectCell(actual, expected);
  }
}

describe('every example of the registry gives its result in the bundle', () => {
  test('every function has at least one example, and every example says where its result comes from', () => {
    for (const f of registry) expect(f.examples.length).toBeGreaterThan(0);
    for (const { example } of EXAMPLES) expect(example.why.trim()).not.toBe('');
  });

  test('every measurement an example cites is a row of data/measurements.json, quoted', () => {
    const rows = new Map(
      readData<{ measurements: { id: string; value: number; weights?: string }[] }>(
        'measurements.json',
      ).measurements.map((m) => [m.id, m]),
    );
    for (const { example } of EXAMPLES) {
      for (const [id] of example.why.matchAll(/\bm\d{3}\b/g)) {
        const row = rows.get(id);
        expect(row).toBeDefined();
        expect(
          example.why.includes(String(row!.value)) ||
            (row!.weights !== undefined && example.why.includes(row!.weights)),
        ).toBe(true);
      }
    }
  });

  test('an approximate result says its tolerance', () => {
    for (const { example } of EXAMPLES) {
      const r = example.result;
      const cells = isRange(r) ? r.flat() : typeof r === 'object' && 'tableRow' in r ? Object.values(r.tableRow) : [r];
      for (const cell of cells) {
        if (typeof cell === 'object' && 'approx' in cell) {
          expect(example.why).toContain(`±${Math.round(cell.within * 1000) / 10}%`);
        }
      }
    }
  });

  test.each(EXAMPLES.map(({ fn, example }) => [example.formula, fn, example] as const))('%s', (_, fn, example) => {
    const { name, args } = parseFormula(example.formula);
    expect(name).toBe(fn);
    expectResult(bundle.fn(name)(...args), example.result);
  });
});

describe('custom functions called as Sheets calls them', () => {
  const LLM_VRAM = bundle.fn('LLM_VRAM');
  const vram = (B: number, S: number) => {
    const [H, L, F, V] = LLAMA;
    return doc.total(doc.weights(doc.params(H, L, F, V), 16), doc.kv(H, L, B, S, 16), doc.activations(H, B, S, 16));
  };

  test('=LLM_VRAM(4096,32,11008,32000,1,2048,"fp16") is the document to the last digit', () => {
    expect(LLM_VRAM(...LLAMA, 1, 2048, 'fp16')).toBe(vram(1, 2048));
  });

  test('a column against a row', () => {
    expect(LLM_VRAM(...LLAMA, [[1], [8]], [[1024, 4096, 16384]], 'fp16')).toEqual([
      [vram(1, 1024), vram(1, 4096), vram(1, 16384)],
      [vram(8, 1024), vram(8, 4096), vram(8, 16384)],
    ]);
  });

  test('an open range with a blank tail, and a bad row among good ones', () => {
    const result = LLM_VRAM(...LLAMA, [[1], ['-2'], [4], [''], ['']], 2048, 'fp16');
    expect(result).toEqual([
      [vram(1, 2048)],
      ['ERROR: LLM_VRAM: B (batch size) must be a positive whole number, got "-2"'],
      [vram(4, 2048)],
      [''],
      [''],
    ]);
  });

  test('a bad single value throws an Error whose message names function, argument and value', () => {
    expect(() => LLM_VRAM(...LLAMA, 1, -5, 'fp16')).toThrow(
      'LLM_VRAM: S (sequence length) must be a positive whole number, got -5',
    );
  });

  test('property: every methodology function in the bundle equals the document (method=seed)', () => {
    const f = (name: string) => bundle.fn(name);
    const n = (max: number) => fc.integer({ min: 1, max });
    fc.assert(
      fc.property(n(32768), n(256), n(131072), n(300000), n(1024), n(1_000_000), (H, L, F, V, B, S) => {
        const P = doc.params(H, L, F, V);
        const W = doc.weights(P, 16);
        const KV = doc.kv(H, L, B, S, 16);
        const A = doc.activations(H, B, S, 16);
        const opts = 'method=seed';
        expect(f('LLM_PARAMS')(H, L, F, V, opts)).toBe(P);
        expect(f('LLM_VRAM_WEIGHTS')(H, L, F, V, 'bf16', opts)).toBe(W);
        expect(f('LLM_VRAM_KV')(H, L, B, S, 'bf16', opts)).toBe(KV);
        expect(f('LLM_VRAM_ACTIVATIONS')(H, B, S, 'bf16', opts)).toBe(A);
        expect(f('LLM_VRAM')(H, L, F, V, B, S, 'bf16', opts)).toBe(doc.total(W, KV, A));
        expect(f('LLM_FLOPS_ATTENTION')(H, B, S, opts)).toBe(doc.attention(H, B, S));
        expect(f('LLM_FLOPS_FFN')(H, F, B, S, opts)).toBe(doc.ffn(H, F, B, S));
        expect(f('LLM_FLOPS_PREFILL')(H, L, F, B, S, opts)).toBe(doc.prefill(H, L, F, B, S));
        const perToken = doc.perToken(H, L, F, B, S);
        expect(f('LLM_FLOPS_PER_TOKEN')(H, L, F, B, S, opts)).toBe(perToken);
        // H100 SXM: dense BF16 tensor peak and HBM3 bandwidth of the preset's sources.
        const speed = [H, L, F, V, B, S, 'bf16', 'tflops_bf16=989; bandwidth_gbs=3350'];
        const latency = doc.tokenLatency(perToken, 989, 0.25, P, 2, 3350);
        expect(f('LLM_TOKENS_PER_SEC')(...speed, '', opts)).toBe(doc.tokensPerSec(989, 0.25, perToken));
        expect(f('LLM_PREFILL_LATENCY')(...speed, '', opts)).toBe(
          doc.prefillLatency(doc.prefill(H, L, F, B, S), 989, 0.25),
        );
        expect(f('LLM_TOKEN_LATENCY')(...speed, '', opts)).toBe(latency);
        expect(f('LLM_GENERATION_TIME')(...speed, 512, '', opts)).toBe(doc.generation(latency, 512));
      }),
      { numRuns: 200 },
    );
  });

  test('LLM_GPU and LLM_GPUS', () => {
    expect(bundle.fn('LLM_GPU')('NVIDIA GeForce RTX 4090', 'memory_gb')).toBe(24);
    const table = bundle.fn('LLM_GPUS')() as unknown[][];
    expect(table[0].slice(0, 6)).toEqual(['id', 'name', 'vendor', 'family', 'memory_gb', 'bandwidth_gbs']);
    expect(table.length).toBeGreaterThan(10);
    for (const row of table) expect(row).toHaveLength(table[0].length);
  });
});

describe('deployment files', () => {
  test('dist/appsscript.json: V8, Stackdriver logging, exactly the two scopes', () => {
    const manifest = JSON.parse(readFileSync(join(DIST, 'appsscript.json'), 'utf8'));
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.exceptionLogging).toBe('STACKDRIVER');
    expect([...manifest.oauthScopes].sort()).toEqual([
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
    ]);
  });

  test('.clasp.json.example pushes dist/ with a placeholder scriptId; .claspignore keeps only the manifest, js and html', () => {
    // A committed .clasp.json would make `clasp create-script` stop at "Project file already exists".
    // (Checked through .gitignore, so that a copy without .git, such as a downloaded archive, passes too.)
    const ignored = readFileSync(join(ROOT, '.gitignore'), 'utf8').split('\n');
    expect(ignored).toContain('.clasp.json');
    if (existsSync(join(ROOT, '.git'))) {
      expect(execFileSync('git', ['ls-files', '.clasp.json'], { cwd: ROOT, encoding: 'utf8' })).toBe('');
    }
    const clasp = JSON.parse(readFileSync(join(ROOT, '.clasp.json.example'), 'utf8'));
    expect(clasp.rootDir).toBe('dist');
    expect(clasp.scriptId).toMatch(/REPLACE/);
    const ignore = readFileSync(join(ROOT, '.claspignore'), 'utf8').split('\n').filter(Boolean);
    expect(ignore).toEqual(['**/**', '!appsscript.json', '!*.js', '!*.html']);
  });

  test("the README's function table is generated from the current registry", () => {
    expect(() =>
      execFileSync(process.execPath, [join(ROOT, 'scripts', 'docs.mjs'), '--check'], { stdio: 'pipe' }),
    ).not.toThrow();
  });
});
