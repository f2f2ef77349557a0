// npm run docs: regenerates the README's function table from the registry.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, buildCode } from './lib/bundle.mjs';
import { withFunctionTable } from './lib/docs.mjs';

const path = join(ROOT, 'README.md');
const { meta } = await buildCode();
writeFileSync(path, withFunctionTable(readFileSync(path, 'utf8'), meta));
console.log(`README.md: function table regenerated (${meta.length} functions)`);
