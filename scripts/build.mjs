// npm run build: dist/Code.js (bundle + stubs) and dist/appsscript.json, ready for `clasp push`.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, buildCode } from './lib/bundle.mjs';

export async function build() {
  const dist = join(ROOT, 'dist');
  mkdirSync(dist, { recursive: true });
  const { text, meta } = await buildCode();
  writeFileSync(join(dist, 'Code.js'), text);
  copyFileSync(join(ROOT, 'appsscript.json'), join(dist, 'appsscript.json'));
  return { bytes: Buffer.byteLength(text), functions: meta.length };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { bytes, functions } = await build();
  console.log(`dist/Code.js: ${functions} custom functions, ${(bytes / 1024).toFixed(1)} KiB`);
  console.log('dist/appsscript.json: copied');
}
