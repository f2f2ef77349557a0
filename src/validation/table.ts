/**
 * The efficiency table as TypeScript source, for `npm run calibrate --write` to place between the
 * markers of src/core/roofline/efficiency.ts.
 */
import { ENGINES, type EfficiencyTable } from '../core/roofline/efficiency';
import { GPU_CLASSES } from '../core/roofline/gpu-class';

function quote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function key(name: string): string {
  return /^[a-z]\w*$/i.test(name) ? name : quote(name);
}

export function formatEfficiencyTable(table: EfficiencyTable): string {
  const lines = ['export const EFFICIENCY: EfficiencyTable = {', `  fitted: ${quote(table.fitted)},`, '  classes: {'];
  for (const c of GPU_CLASSES) {
    const e = table.classes[c];
    lines.push(`    ${c}: { mfu: ${e.mfu}, mbu: ${e.mbu}, overheadSeconds: ${e.overheadSeconds} },`);
  }
  lines.push('  },', '  engines: {');
  for (const engine of ENGINES) {
    const e = table.engines[engine];
    lines.push(
      `    ${key(engine)}: { mfu: ${e.mfu}, mbu: ${e.mbu}, overhead: ${e.overhead}, basis: ${quote(e.basis)} },`,
    );
  }
  lines.push('  },', '};');
  return lines.join('\n');
}
