// npm run docs: regenerates the README's function table and GPU catalog from the registry and presets.
// `node scripts/docs.mjs --check` exits 1 when either is stale (used by the tests).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { ROOT, bundle, loadBundle } from './lib/bundle.mjs';
import { withFunctionTable, withGpuTable } from './lib/docs.mjs';

const path = join(ROOT, 'README.md');
const current = readFileSync(path, 'utf8');
const api = loadBundle(await bundle());
const meta = api.describeFunctions();
const gpus = api.describeGpus();
const generated = withGpuTable(withFunctionTable(current, meta), gpus);
const next = await format(generated, { ...(await resolveConfig(path)), filepath: path });

if (process.argv.includes('--check')) {
  if (next !== current) {
    console.error('README.md generated sections are stale: run npm run docs');
    process.exit(1);
  }
  console.log('README.md generated sections are current');
} else {
  writeFileSync(path, next);
  console.log(
    `README.md: function table (${meta.length} functions) and GPU catalog (${gpus.presets.length}) regenerated`,
  );
}
