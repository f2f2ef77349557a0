// The repository stands alone: no tracked file may reach a path outside it. A clone with nothing
// beside it must build, test and run, so every path a file names (a relative string such as
// '../x', a join(__dirname, '..', ...) chain, a Markdown link, an absolute path of this machine, or
// the team's hand-over folder) must resolve inside the repository.
import { dirname, isAbsolute, join, normalize, sep } from 'node:path';

/**
 * Files not to police: generated, binary, the verbatim copies of the team's data and spec, and
 * this check's own test, whose cases are such references on purpose.
 */
const SKIP = [/^package-lock\.json$/, /\.png$/, /^data\//, /^docs\/spec\//, /^test\/scripts\/standalone\.test\.ts$/];

/** The team's hand-over folder named as a path: a sibling folder or its spec, data, research or hooks. */
const HANDOVER = /(^|[^\w.-])(\.\.\/)*shared\/(spec|data|research|hooks)\b/;
/** Absolute paths of the machines this project was built on. */
const MACHINE = /(^|[\s'"`(])\/(work|tmp\/bash_jobs|root)\//;
/** A quoted relative path that climbs: '../x', "../../x". */
const CLIMB = /['"`]((?:\.\.\/)+[^'"`\s]*)['"`]/g;
/** A path built from segments: join(__dirname, '..', 'x') or resolve(ROOT, 'x'). */
const JOIN = /\b(?:join|resolve)\(\s*(__dirname|ROOT|root)\s*,([^)]*)\)/g;
/** A Markdown link or image target. */
const LINK = /\]\(([^)\s#]+)(?:#[^)]*)?\)/g;

const outside = (rel) => rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel);

/**
 * The references of one tracked file that leave the repository: `file` is its path relative to
 * the repository root, `text` its content, `exists(path)` whether a repository path exists.
 */
export function outsideReferences(file, text, exists = () => true) {
  if (SKIP.some((re) => re.test(file))) return [];
  const dir = dirname(file);
  const found = [];
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    const at = `${file}:${i + 1}`;
    if (HANDOVER.test(line)) found.push(`${at}: names the hand-over folder shared/: ${line.trim()}`);
    if (MACHINE.test(line)) found.push(`${at}: names an absolute path of this machine: ${line.trim()}`);
    for (const m of line.matchAll(CLIMB)) {
      if (outside(normalize(join(dir, m[1])))) found.push(`${at}: ${m[1]} leaves the repository`);
    }
    for (const m of line.matchAll(JOIN)) {
      const segments = [...m[2].matchAll(/['"]([^'"]*)['"]/g)].map((s) => s[1]);
      // __dirname is the file's folder; ROOT is the repository root by this project's convention.
      const base = m[1] === '__dirname' ? dir : '.';
      const target = normalize(join(base, ...segments));
      if (outside(target)) found.push(`${at}: ${m[0]} leaves the repository`);
    }
    if (file.endsWith('.md')) {
      for (const m of line.matchAll(LINK)) {
        const target = m[1];
        if (/^[a-z]+:/i.test(target)) continue; // a URL
        const path = normalize(join(dir, target));
        if (outside(path)) found.push(`${at}: link ${target} leaves the repository`);
        else if (!exists(path)) found.push(`${at}: link ${target} points to a missing file`);
      }
    }
  });
  return found;
}

/** Every tracked file's references outside the repository, for `root` (a git work tree). */
export async function checkRepository(root) {
  const { execFileSync } = await import('node:child_process');
  const { existsSync, lstatSync, readFileSync } = await import('node:fs');
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
  })
    .split('\0')
    // Regular files only: a symlinked node_modules or a folder git lists is not a file to read.
    .filter((f) => f !== '' && existsSync(join(root, f)) && lstatSync(join(root, f)).isFile());
  const exists = (path) => existsSync(join(root, path));
  return files.flatMap((file) => outsideReferences(file, readFileSync(join(root, file), 'utf8'), exists));
}
