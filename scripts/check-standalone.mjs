// npm run check:standalone: fails when a tracked file reaches a path outside the repository
// (scripts/lib/standalone.mjs says what counts). Part of npm test, so CI runs it.
import { ROOT } from './lib/bundle.mjs';
import { checkRepository } from './lib/standalone.mjs';

const found = await checkRepository(ROOT);
if (found.length > 0) {
  console.error(`The repository must stand alone; ${found.length} reference(s) leave it:`);
  for (const line of found) console.error(`  ${line}`);
  process.exit(1);
}
console.log('check:standalone: every path named in the repository stays inside it');
