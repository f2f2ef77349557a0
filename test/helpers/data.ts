/**
 * The project's reference data (data/*.json) and its copy of the specification (docs/spec/*.md):
 * every test reads them through here, so nothing reaches outside the repository.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
export const DATA = join(ROOT, 'data');
export const SPEC = join(ROOT, 'docs', 'spec');

/** A file of data/ parsed as JSON, typed by the caller. */
export function readData<T = unknown>(
  file: 'gpus.json' | 'models.json' | 'measurements.json' | 'serving-measurements.json',
): T {
  return JSON.parse(readFileSync(join(DATA, file), 'utf8')) as T;
}

/** A document of docs/spec/ as text. */
export function readSpec(file: 'functions.md' | 'methodology.md'): string {
  return readFileSync(join(SPEC, file), 'utf8');
}
