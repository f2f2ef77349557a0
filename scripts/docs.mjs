// npm run docs: regenerates the README's function table from the registry.
// `node scripts/docs.mjs --check` exits 1 when the README's table is stale (used by the tests).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { ROOT, buildCode } from './lib/bundle.mjs';
import { withFunctionTable } from './lib/docs.mjs';

const path = join(ROOT, 'README.md');
const current = readFileSync(path, 'utf8');
const { meta } = await buildCode();
const next = await format(withFunctionTable(current, meta), { ...(await resolveConfig(path)), filepath: path });

if (process.argv.includes('--check')) {
  if (next !== current) {
    console.error('README.md function table is stale: run npm run docs');
    process.exit(1);
  }
  console.log('README.md function table is current');
} else {
  writeFileSync(path, next);
  console.log(`README.md: function table regenerated (${meta.length} functions)`);
}
