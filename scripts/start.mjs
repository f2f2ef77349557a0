// npm start: builds the add-in and serves the local preview on loopback: a sheet-like grid over a
// HyperFormula workbook with dist/Code.js's functions, and the real dist/Sidebar.html beside it.
//   npm start -- --port 8766      (or PORT=8766 npm start) to choose the port
import { build as esbuild } from 'esbuild';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { ROOT } from './lib/bundle.mjs';
import { workbookToXlsx } from './lib/xlsx.mjs';
import { build } from './build.mjs';

function portFromArgs() {
  const i = process.argv.indexOf('--port');
  const raw = i >= 0 ? process.argv[i + 1] : process.env.PORT;
  if (raw === undefined) return 8765;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a whole number from 0 to 65535, got "${raw}"`);
    process.exit(2);
  }
  return port;
}

async function bundleScript(entry) {
  const result = await esbuild({
    entryPoints: [join(ROOT, entry)],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
    legalComments: 'none',
  });
  return result.outputFiles[0].text;
}

const port = portFromArgs();
await build();
const [appJs, bridgeJs] = await Promise.all([
  bundleScript('preview/app/main.ts'),
  bundleScript('preview/app/sidebar-bridge.ts'),
]);
const dist = join(ROOT, 'dist');
const sidebarHtml = readFileSync(join(dist, 'Sidebar.html'), 'utf8').replace(
  '<head>',
  () => `<head>\n<script>${bridgeJs.replace(/<\/(script)/gi, '<\\/$1')}</script>`,
);
const files = {
  '/': ['text/html', readFileSync(join(ROOT, 'preview', 'app', 'index.html'))],
  '/app.css': ['text/css', readFileSync(join(ROOT, 'preview', 'app', 'app.css'))],
  '/app.js': ['text/javascript', appJs],
  '/Code.js': ['text/javascript', readFileSync(join(dist, 'Code.js'))],
  '/Sidebar.html': ['text/html', sidebarHtml],
};

function readBody(request) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    request.on('data', (chunk) => {
      size += chunk.length;
      if (size > 50 * 1024 * 1024) reject(new Error('workbook too large'));
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

const server = createServer(async (request, response) => {
  const path = new URL(request.url ?? '/', 'http://localhost').pathname;
  try {
    if (request.method === 'POST' && path === '/export.xlsx') {
      const { sheets, spills } = JSON.parse(await readBody(request));
      const xlsx = await workbookToXlsx(sheets, { spills });
      response.writeHead(200, {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': 'attachment; filename="llm-sizing.xlsx"',
      });
      response.end(xlsx);
      return;
    }
    const file = files[path];
    if (request.method !== 'GET' || !file) {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': `${file[0]}; charset=utf-8`, 'cache-control': 'no-store' });
    response.end(file[1]);
  } catch (error) {
    response.writeHead(400, { 'content-type': 'text/plain' });
    response.end(error instanceof Error ? error.message : String(error));
  }
});

server.on('error', (error) => {
  if (error.code === 'EADDRINUSE') {
    console.error(
      `Port ${port} is busy (is another preview running?). Choose another port:\n` +
        `  npm start -- --port ${port + 1}\n  PORT=${port + 1} npm start`,
    );
    process.exit(1);
  }
  throw error;
});

server.listen(port, '127.0.0.1', () => {
  const { port: actual } = server.address();
  console.log(`LLM Sizing preview: http://127.0.0.1:${actual}/  (Ctrl-C to stop)`);
});

function stop() {
  console.log('\nStopping the preview.');
  server.close(() => process.exit(0));
  server.closeAllConnections();
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
