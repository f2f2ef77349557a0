/**
 * The project's copy of the sheet-function contract (docs/spec/functions.md) against the registry,
 * which stays the one source of truth for names, arguments and examples: every signature the
 * contract writes must be the registry's, and every metric, option key and precision it names must
 * be accepted. What the contract names and this version has not built yet is listed below, with
 * the issue that builds it; an entry that gets built must leave the list, so the list cannot rot.
 */
import { METRICS } from '../../src/core/estimate';
import { PRECISIONS } from '../../src/core/precision';
import { OPTION_KEYS } from '../../src/sheets/options';
import { FUNCTIONS } from '../../src/sheets/registry';
import { readSpec } from '../helpers/data';

const contract = readSpec('functions.md');

/** Contract sections not built yet, by issue: their names are checked to be absent instead. */
const PENDING = {
  functions: { LLM_TRAIN: 'issue 15', LLM_SCALING: 'issue 15', LLM_LOSS: 'issue 15' },
  sections: ['## Serving capacity', '## Training and scaling laws'],
} as const;

function section(heading: string): string {
  const start = contract.indexOf(heading);
  if (start < 0) throw new Error(`the contract has no section "${heading}"`);
  const next = contract.indexOf('\n## ', start + heading.length);
  return contract.slice(start, next < 0 ? undefined : next);
}

/** Every signature `LLM_NAME(a, b, [c])` the contract writes (not its calls with values). */
function signatures(text: string): { name: string; params: { name: string; optional: boolean }[] }[] {
  return [...text.matchAll(/`(LLM_[A-Z_]+)\(([^`]*)\)`/g)]
    .map((m) => ({
      name: m[1],
      args: m[2]
        .split(',')
        .map((p) => p.trim())
        .filter((p) => p !== ''),
    }))
    .filter((s) => s.args.every((p) => /^\[?[A-Za-z_]+\]?$/.test(p)))
    .map((s) => ({
      name: s.name,
      params: s.args.map((p) => ({ name: p.replace(/^\[|\]$/g, ''), optional: p.startsWith('[') })),
    }));
}

/** Backticked lower-case names in a text, e.g. the metric names of a paragraph. */
const backticked = (text: string) => [...text.matchAll(/`([a-z][a-z0-9_.]*)`/g)].map((m) => m[1]);

const registry = new Map(FUNCTIONS.map((f) => [f.name, f]));
const built = signatures(PENDING.sections.reduce((text, heading) => text.replace(section(heading), ''), contract));

describe('docs/spec/functions.md agrees with the registry', () => {
  test('the contract writes at least the 15 methodology functions, the catalog and LLM_ESTIMATE', () => {
    const names = new Set(built.map((s) => s.name));
    expect(names.size).toBeGreaterThanOrEqual(20);
    for (const name of ['LLM_PARAMS', 'LLM_VRAM', 'LLM_GPU', 'LLM_MODELS', 'LLM_ESTIMATE'])
      expect(names).toContain(name);
  });

  test.each(built.map((s) => [s.name, s] as const))('%s: same arguments, order and optionality', (name, sig) => {
    const f = registry.get(name);
    expect(f).toBeDefined();
    expect(f!.params.map((p) => ({ name: p.name, optional: p.optional }))).toEqual(sig.params);
  });

  test('every contract function outside the pending sections is in the registry, and the reverse', () => {
    const named = new Set(built.map((s) => s.name));
    expect([...registry.keys()].filter((n) => !named.has(n))).toEqual([]);
  });

  test('pending functions are not built yet (remove them from PENDING when they are)', () => {
    const pending = signatures(PENDING.sections.map(section).join('\n')).map((s) => s.name);
    expect(new Set(pending)).toEqual(new Set(Object.keys(PENDING.functions)));
    for (const name of pending) expect(registry.has(name)).toBe(false);
  });

  test('every LLM_ESTIMATE metric the contract names is a metric', () => {
    const text = section('## The model-first estimator');
    const paragraph = text.slice(text.indexOf('- `metrics`'), text.indexOf('- `batch`'));
    const named = backticked(paragraph).filter((n) => n !== 'metrics');
    expect(named.length).toBeGreaterThanOrEqual(15);
    expect(METRICS).toEqual(expect.arrayContaining(named));
  });

  test('every option key the contract names is an option key', () => {
    const text = section('## Options');
    // The keys, without the engine names in parentheses and the word `model` of "keys listed under".
    const keys = backticked(
      text.slice(0, text.indexOf('(the serving software')) + text.slice(text.indexOf('),')),
    ).filter((k) => k !== 'model');
    expect(keys.length).toBeGreaterThanOrEqual(11);
    expect(OPTION_KEYS).toEqual(expect.arrayContaining(keys));
  });

  test('every architecture key the contract lists under model is an option key', () => {
    const text = section('## The model-first estimator');
    const keys = backticked(text.slice(text.indexOf('two-column key/value range'), text.indexOf('- `metrics`')));
    expect(keys).toEqual(expect.arrayContaining(['hidden', 'layers', 'kv_heads', 'experts']));
    expect(OPTION_KEYS).toEqual(expect.arrayContaining(keys));
  });

  test('every precision and alias the contract names is accepted', () => {
    const names = backticked(section('## Precisions'));
    const known = new Set(PRECISIONS.flatMap((p) => [p.id, ...p.aliases.map((a) => a.toLowerCase())]));
    expect(names.length).toBeGreaterThanOrEqual(17);
    for (const name of names) expect(known).toContain(name);
  });
});
