// Deploying to Google Sheets with clasp (the README's "Deploy" steps, in order):
//   npm run deploy:create [-- --title "LLM Sizing"]   a new spreadsheet with a bound script, then push
//   npm run deploy:clone -- <scriptId>               bind an existing spreadsheet's script, then push
//   npm run push                                      build and upload again (updating a deployment)
// Each binds through clasp itself, which writes .clasp.json (scriptId, rootDir dist); a build then
// replaces whatever clasp pulled into dist/, and `clasp push --force` uploads our manifest over the
// default one. Needs `npx clasp login` first and the Apps Script API switched on for your account.
// CLASP_BIN names another clasp executable (the tests use a stand-in; nothing here calls Google).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './lib/bundle.mjs';
import { build } from './build.mjs';

const CLASP = process.env.CLASP_BIN ?? join(ROOT, 'node_modules', '.bin', 'clasp');
const PROJECT = join(ROOT, '.clasp.json');

function fail(message) {
  console.error(`deploy: ${message}`);
  process.exit(1);
}

function clasp(...args) {
  console.log(`> clasp ${args.join(' ')}`);
  const run = spawnSync(CLASP, args, { cwd: ROOT, stdio: 'inherit' });
  if (run.error) fail(`could not run clasp (${run.error.message}); run npm install first`);
  if (run.status !== 0) {
    fail(
      `clasp ${args[0]} failed (exit ${run.status}). "No credentials found": run npx clasp login. ` +
        '"User has not enabled the Apps Script API": switch it on at https://script.google.com/home/usersettings, then retry.',
    );
  }
}

function boundScriptId() {
  if (!existsSync(PROJECT)) return undefined;
  return JSON.parse(readFileSync(PROJECT, 'utf8')).scriptId;
}

function refuseIfBound() {
  const id = boundScriptId();
  if (id !== undefined) {
    fail(
      `.clasp.json already binds this folder to script ${id}. To update that script run npm run push; ` +
        'to bind another, delete .clasp.json first.',
    );
  }
}

async function push() {
  if (!existsSync(PROJECT)) {
    fail('no .clasp.json: bind a script first (npm run deploy:create, or npm run deploy:clone -- <scriptId>)');
  }
  const { removed } = await build();
  for (const file of removed) console.log(`dist/${file}: removed (clasp pulled it; the add-in does not use it)`);
  clasp('push', '--force');
}

const [command, ...rest] = process.argv.slice(2);
if (command === 'create') {
  refuseIfBound();
  const at = rest.indexOf('--title');
  const title = at >= 0 && rest[at + 1] ? rest[at + 1] : 'LLM Sizing';
  clasp('create-script', '--type', 'sheets', '--title', title, '--rootDir', 'dist');
  await push();
} else if (command === 'clone') {
  refuseIfBound();
  const [scriptId] = rest;
  if (!scriptId || !/^[\w-]{20,}$/.test(scriptId)) {
    fail(
      `deploy:clone needs the script ID (Extensions → Apps Script → Project Settings → IDs), got "${scriptId ?? ''}"`,
    );
  }
  clasp('clone-script', scriptId, '--rootDir', 'dist');
  await push();
} else if (command === 'push') {
  await push();
} else {
  fail(`unknown command "${command ?? ''}"; use create, clone <scriptId> or push`);
}
