// npm run build: dist/Code.js (bundle + stubs) and dist/appsscript.json, ready for `clasp push`.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, buildCode } from './lib/bundle.mjs';
import { buildSidebarHtml } from './lib/sidebar.mjs';

export async function build() {
  const dist = join(ROOT, 'dist');
  mkdirSync(dist, { recursive: true });
  const { text, meta } = await buildCode();
  writeFileSync(join(dist, 'Code.js'), text);
  copyFileSync(join(ROOT, 'appsscript.json'), join(dist, 'appsscript.json'));
  const sidebar = await buildSidebarHtml();
  writeFileSync(join(dist, 'Sidebar.html'), sidebar);
  return { bytes: Buffer.byteLength(text), functions: meta.length, sidebarBytes: Buffer.byteLength(sidebar) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { bytes, functions, sidebarBytes } = await build();
  console.log(`dist/Code.js: ${functions} custom functions, ${(bytes / 1024).toFixed(1)} KiB`);
  console.log(`dist/Sidebar.html: ${(sidebarBytes / 1024).toFixed(1)} KiB, self-contained`);
  console.log('dist/appsscript.json: copied');
}
