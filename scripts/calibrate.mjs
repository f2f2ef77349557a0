// npm run calibrate: fits the roofline method's efficiencies (MFU, MBU and per-step overhead per GPU
// class; multipliers per engine) on data/measurements.json and prints them as the TypeScript
// table of src/core/roofline/efficiency.ts. `--write` replaces the table between its markers, dated
// today. The fit is deterministic: the same data gives the same table.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { ROOT } from './lib/bundle.mjs';
import { loadValidation, readMeasurements } from './lib/validation.mjs';

const lib = await loadValidation();
const parsed = lib.parseMeasurements(readMeasurements());
const { prepared, skipped: unprepared } = lib.prepareCases(parsed.cases);
const skipped = [...parsed.skipped, ...unprepared];
const fitted = new Date().toISOString().slice(0, 10);
const result = lib.fitEfficiencies(prepared, lib.startingTable(fitted));

console.log(`Fitted on ${prepared.length} cases (${skipped.length} rows skipped); loss ${result.loss.toFixed(2)}.`);
console.log(`Parameters (${result.parameters.length}): ${result.parameters.map(lib.parameterName).join(', ')}`);
const source = lib.formatEfficiencyTable(result.table);
console.log(source);

if (process.argv.includes('--write')) {
  const path = join(ROOT, 'src', 'core', 'roofline', 'efficiency.ts');
  const text = readFileSync(path, 'utf8');
  const start = text.indexOf('// calibrate:start');
  const end = text.indexOf('// calibrate:end');
  if (start < 0 || end < 0) throw new Error(`${path} has no calibrate markers`);
  const head = text.slice(0, text.indexOf('\n', start) + 1);
  const next = `${head}${source}\n${text.slice(end)}`;
  writeFileSync(path, await format(next, { ...(await resolveConfig(path)), filepath: path }));
  console.log(`wrote ${path}`);
}
