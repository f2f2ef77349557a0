/**
 * scripts/deploy.mjs without Google: the paths that stop before clasp runs. CLASP_BIN points to a
 * stand-in that fails the test if it is ever called (nothing here may call clasp or Google).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/data';

const dir = mkdtempSync(join(tmpdir(), 'llm-sizing-deploy-'));
const called = join(dir, 'called');
const fakeClasp = join(dir, 'clasp');
writeFileSync(fakeClasp, `#!/bin/sh\necho "$@" >> ${JSON.stringify(called)}\nexit 1\n`);
chmodSync(fakeClasp, 0o755);

function deploy(...args: string[]) {
  const run = spawnSync(process.execPath, [join(ROOT, 'scripts', 'deploy.mjs'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, CLASP_BIN: fakeClasp },
  });
  return { status: run.status, stderr: run.stderr };
}

afterAll(() => expect(existsSync(called) ? readFileSync(called, 'utf8') : '').toBe(''));

test('deploy:clone without a script ID says where to find one', () => {
  const { status, stderr } = deploy('clone');
  expect(status).toBe(1);
  expect(stderr).toContain('Project Settings');
});

test('deploy:clone with something that is not a script ID refuses it', () => {
  const { status, stderr } = deploy('clone', 'my-sheet');
  expect(status).toBe(1);
  expect(stderr).toContain('got "my-sheet"');
});

test('an unknown command lists the commands', () => {
  const { status, stderr } = deploy('publish');
  expect(status).toBe(1);
  expect(stderr).toContain('use create, clone <scriptId> or push');
});

const bound = existsSync(join(ROOT, '.clasp.json'));
(bound ? test.skip : test)('push before any script is bound says how to bind one', () => {
  const { status, stderr } = deploy('push');
  expect(status).toBe(1);
  expect(stderr).toContain('npm run deploy:create');
});
