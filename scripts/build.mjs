// npm run build: dist/Code.js (bundle + stubs) and dist/appsscript.json, ready for `clasp push`.
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, buildCode } from './lib/bundle.mjs';
import { buildSidebarHtml } from './lib/sidebar.mjs';

/** What the build writes: exactly what clasp pushes (.claspignore keeps the manifest, *.js, *.html). */
export const OUTPUTS = ['Code.js', 'appsscript.json', 'Sidebar.html'];

export async function build() {
  const dist = join(ROOT, 'dist');
  mkdirSync(dist, { recursive: true });
  const { text, meta } = await buildCode();
  writeFileSync(join(dist, 'Code.js'), text);
  copyFileSync(join(ROOT, 'appsscript.json'), join(dist, 'appsscript.json'));
  const sidebar = await buildSidebarHtml();
  writeFileSync(join(dist, 'Sidebar.html'), sidebar);
  // `clasp create-script` and `clasp clone-script` pull the remote project's files (a Code.gs, the
  // default manifest) into dist/; a push would upload them beside ours, so anything else goes.
  const removed = readdirSync(dist).filter((file) => !OUTPUTS.includes(file));
  for (const file of removed) rmSync(join(dist, file), { recursive: true, force: true });
  return { bytes: Buffer.byteLength(text), functions: meta.length, sidebarBytes: Buffer.byteLength(sidebar), removed };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { bytes, functions, sidebarBytes, removed } = await build();
  console.log(`dist/Code.js: ${functions} custom functions, ${(bytes / 1024).toFixed(1)} KiB`);
  console.log(`dist/Sidebar.html: ${(sidebarBytes / 1024).toFixed(1)} KiB, self-contained`);
  console.log('dist/appsscript.json: copied');
  for (const file of removed) console.log(`dist/${file}: removed (not part of the add-in; clasp pulled it)`);
}
