/**
 * The standalone check (scripts/lib/standalone.mjs, run by npm test): it finds each way a file can
 * reach outside the repository, and finds none in the repository itself.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../helpers/data';

/** Runs the check's ES module in a child Node (Jest here loads CommonJS). */
function outsideReferences(file: string, text: string): string[] {
  const script = `import { outsideReferences } from ${JSON.stringify(join(ROOT, 'scripts', 'lib', 'standalone.mjs'))};
    const [file, text] = JSON.parse(process.argv[1]);
    console.log(JSON.stringify(outsideReferences(file, text, (p) => p === 'docs/spec/functions.md')));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script, JSON.stringify([file, text])], {
    encoding: 'utf8',
  });
  return JSON.parse(out) as string[];
}

describe('check:standalone', () => {
  test.each([
    ['a relative string that climbs out', 'test/a.test.ts', "readFileSync('../../../elsewhere/x.json')"],
    ['a join chain from __dirname that climbs out', 'test/core/a.test.ts', "join(__dirname, '..', '..', '..', 'x')"],
    ['a join chain from ROOT that climbs out', 'scripts/lib/a.mjs', "join(ROOT, '..', 'data', 'x.json')"],
    ['the hand-over folder named as a path', 'README.md', 'see `shared/spec/functions.md`'],
    ['an absolute path of this machine', 'scripts/a.mjs', "const p = '/work/main/data';"],
    ['a Markdown link out of the repository', 'docs/notes.md', '[spec](../../spec/functions.md)'],
    ['a Markdown link to a missing file', 'README.md', '[spec](docs/spec/missing.md)'],
  ])('finds %s', (_, file, text) => {
    expect(outsideReferences(file, text)).toHaveLength(1);
  });

  test.each([
    ['a relative import inside the repository', 'test/core/a.test.ts', "import { x } from '../../src/core/x';"],
    ['a join chain that stays inside', 'test/core/a.test.ts', "join(__dirname, '..', '..', 'data', 'x.json')"],
    ['a link to a file that exists', 'README.md', '[spec](docs/spec/functions.md) and [site](https://example.org/)'],
    ['the word shared in prose', 'src/a.ts', '// routed and shared experts; a shared/latent cache'],
  ])('accepts %s', (_, file, text) => {
    expect(outsideReferences(file, text)).toEqual([]);
  });

  test('the repository itself names no path outside it', () => {
    const out = execFileSync(process.execPath, [join(ROOT, 'scripts', 'check-standalone.mjs')], { encoding: 'utf8' });
    expect(out).toContain('stays inside it');
  });
});
