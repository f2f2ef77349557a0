// Building dist/Sidebar.html: one self-contained page (script and styles inlined, no network), as
// HtmlService.createHtmlOutputFromFile('Sidebar') serves it.
import { build as esbuild } from 'esbuild';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './bundle.mjs';

export async function buildSidebarHtml() {
  const result = await esbuild({
    entryPoints: [join(ROOT, 'sidebar', 'main.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2019',
    platform: 'browser',
    charset: 'utf8',
    legalComments: 'none',
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  // A literal "</script" inside the inlined code would end the script element early.
  const script = result.outputFiles[0].text.replace(/<\/(script)/gi, '<\\/$1');
  const styles = readFileSync(join(ROOT, 'sidebar', 'styles.css'), 'utf8');
  const page = readFileSync(join(ROOT, 'sidebar', 'index.html'), 'utf8');
  return page.replace('/*STYLES*/', () => styles).replace('/*SCRIPT*/', () => script);
}
