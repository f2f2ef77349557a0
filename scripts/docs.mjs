// npm run docs: regenerates the README's generated tables: functions (from the registry), GPU
// catalog, model presets and precisions (from the catalogs).
// `node scripts/docs.mjs --check` exits 1 when a table is stale (used by the tests).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { ROOT, buildCode } from './lib/bundle.mjs';
import { withGeneratedTables } from './lib/docs.mjs';

const path = join(ROOT, 'README.md');
const current = readFileSync(path, 'utf8');
const built = await buildCode();
const next = await format(withGeneratedTables(current, built), { ...(await resolveConfig(path)), filepath: path });

if (process.argv.includes('--check')) {
  if (next !== current) {
    console.error('README.md generated tables are stale: run npm run docs');
    process.exit(1);
  }
  console.log('README.md generated tables are current');
} else {
  writeFileSync(path, next);
  console.log(
    `README.md: tables regenerated (${built.meta.length} functions, ${built.gpus.presets.length} GPUs, ${built.models.rows.length} models, ${built.precisions.length} precisions)`,
  );
}
