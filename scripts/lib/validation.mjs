// Loads the validation library (src/validation, TypeScript) for the scripts: esbuild bundles it into
// one ES module in a temporary directory, which is imported and then removed.
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, readJson } from './bundle.mjs';

export const MEASUREMENTS = join(ROOT, 'data', 'measurements.json');

export async function loadValidation() {
  const result = await build({
    entryPoints: [join(ROOT, 'src', 'validation', 'index.ts')],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    write: false,
    logLevel: 'silent',
  });
  const dir = mkdtempSync(join(tmpdir(), 'llm-sizing-validation-'));
  const file = join(dir, 'validation.mjs');
  try {
    writeFileSync(file, result.outputFiles[0].text);
    return await import(pathToFileURL(file).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function readMeasurements() {
  return readJson(MEASUREMENTS);
}
