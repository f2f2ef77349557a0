// Building the Apps Script bundle: esbuild output plus one generated top-level stub per custom
// function, all from the metadata registry in src/sheets/registry.ts.
import { build as esbuild } from 'esbuild';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const GLOBAL_NAME = 'LLMSizing';

/**
 * Bundles `entry` into one IIFE (ES2019, no import/export) assigned to `globalName`, minified: Apps
 * Script parses the whole file on every execution, and nobody reads the library part (the stubs
 * after it, with the JSDoc Sheets shows, are not minified). `minify: false` for reading it.
 */
export async function bundle(entry = join(ROOT, 'src', 'index.ts'), globalName = GLOBAL_NAME, { minify = true } = {}) {
  const result = await esbuild({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    globalName,
    target: 'es2019',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    charset: 'utf8',
    legalComments: 'none',
    minify,
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

/** Loads bundle text in a fresh context (no Apps Script globals) and returns its global. */
export function loadBundle(code, globalName = GLOBAL_NAME) {
  const context = vm.createContext({});
  vm.runInContext(code, context, { filename: 'Code.js' });
  return vm.runInContext(globalName, context);
}

function jsdocLine(text) {
  return text.replace(/\*\//g, '* /');
}

/**
 * A number as an example's result shows it: an integer in full (grouped in thousands unless
 * `grouped` is false), a large number to the unit, a short decimal as it is (1.05, 0.06875), and
 * anything else to 4 significant digits (10.10).
 */
export function numberText(value, grouped = true) {
  const group = (n) => (grouped ? n.toLocaleString('en-US') : String(n));
  if (Number.isInteger(value)) return group(value);
  if (Math.abs(value) >= 1000) return group(Math.round(value));
  const rounded = value.toPrecision(4);
  return Number(rounded) === value ? String(value) : rounded;
}

/** One cell of an example's result (see `Example` in src/sheets/define.ts). */
function cellText(cell, grouped) {
  if (typeof cell === 'number') return numberText(cell, grouped);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (typeof cell === 'string') return JSON.stringify(cell);
  if ('approx' in cell) return `≈ ${numberText(cell.approx, grouped)} (±${Math.round(cell.within * 1000) / 10}%)`;
  return `text containing ${JSON.stringify(cell.contains)}`;
}

/**
 * What an example gives, as the JSDoc and the README show it: `11.78 GiB`, `≈ 130.6 tokens/s
 * (±15%)`, a spilled range as an array literal `{a, b; c, d}`, or a row of a spilled table.
 */
export function resultText({ result, unit }) {
  const withUnit = (text) => (unit ? `${text} ${unit}` : text);
  if (Array.isArray(result)) {
    return withUnit(`{${result.map((row) => row.map((c) => cellText(c, false)).join(', ')).join('; ')}}`);
  }
  if (typeof result === 'object' && 'tableRow' in result) {
    const cells = Object.entries(result.tableRow).map(([header, c]) => `${header} ${cellText(c, true)}`);
    return withUnit(`a table with a header row, among its rows: ${cells.join(', ')}`);
  }
  if (typeof result === 'object' && 'approx' in result) {
    const within = Math.round(result.within * 1000) / 10;
    return `≈ ${numberText(result.approx)}${unit ? ` ${unit}` : ''} (±${within}%)`;
  }
  return withUnit(cellText(result, true));
}

/** An example as one line: the formula, an arrow, what it gives. */
export function exampleText(example) {
  return `${example.formula} → ${resultText(example)}`;
}

/** The JSDoc-carrying top-level function Sheets finds for one registry entry. */
export function stubFor(meta) {
  const section = meta.section ? ` (methodology ${meta.section})` : '';
  const lines = [
    '/**',
    ` * ${jsdocLine(meta.summary)}${section}`,
    ' *',
    ...meta.examples.map((e) => ` * Example: ${jsdocLine(exampleText(e))}`),
    ' *',
    ...meta.params.map(
      (p) => ` * @param {${p.jsdocType}} ${p.optional ? `[${p.name}]` : p.name} ${jsdocLine(p.description)}`,
    ),
    ` * @return ${jsdocLine(meta.returns)}`,
    ' * @customfunction',
    ' */',
    `function ${meta.name}(${meta.params.map((p) => p.name).join(', ')}) {`,
    `  return ${GLOBAL_NAME}.invoke(${JSON.stringify(meta.name)}, Array.prototype.slice.call(arguments));`,
    '}',
  ];
  return lines.join('\n');
}

/** A top-level function Apps Script can call by name (menu item, trigger, google.script.run). */
export function serverStubFor(name) {
  const args = name === 'insertSizingGrid' ? 'request' : name.startsWith('on') ? 'e' : '';
  return [
    `/** Apps Script entry point: ${name} (src/addon/server.ts). */`,
    `function ${name}(${args}) {`,
    `  return ${GLOBAL_NAME}.server.${name}(${args});`,
    '}',
  ].join('\n');
}

/** The whole dist/Code.js text and the metadata it was made from. */
export async function buildCode() {
  const code = await bundle();
  const loaded = loadBundle(code);
  const meta = loaded.describeFunctions();
  const serverStubs = loaded.SERVER_FUNCTIONS.map(serverStubFor).join('\n\n');
  const header = [
    '// LLM Sizing for Sheets: generated by `npm run build`; do not edit.',
    `// Source: src/ (bundled and minified with esbuild; the stubs at the end are not). ${meta.length} custom functions.`,
    '',
  ].join('\n');
  const stubs = meta.map(stubFor).join('\n\n');
  return {
    text: `${header}${code}\n${stubs}\n\n${serverStubs}\n`,
    meta,
    gpus: loaded.describeGpus(),
    models: loaded.describeModels(),
    precisions: loaded.describePrecisions(),
    options: loaded.describeOptions(),
    metrics: loaded.describeMetrics(),
  };
}

export function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}
