/**
 * Scoring both methods on the measurements: absolute percentage errors per metric class (median
 * and 90th percentile), a held-out figure for the roofline (every case predicted by a fit that did
 * not see its source; and a 5-fold split), the worst rows and the skipped rows.
 */
import type { EfficiencyTable } from '../core/roofline/efficiency';
import { fitEfficiencies, startingTable } from './fit';
import {
  CLASS_LABELS,
  METRIC_CLASSES,
  parseMeasurements,
  type Case,
  type MeasurementFile,
  type MetricClass,
  type Skipped,
} from './measurements';
import { predictRoofline, predictSeed, prepareCases, type PreparedCase } from './predict';

/** |predicted − measured| / measured; Infinity when the method gives no finite positive number. */
export function absolutePercentageError(predicted: number, measured: number): number {
  return predicted > 0 && Number.isFinite(predicted) ? Math.abs(predicted - measured) / measured : Infinity;
}

/** The q-quantile (0..1) with linear interpolation between order statistics. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  if (!Number.isFinite(sorted[high])) return sorted[high];
  return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
}

export interface Scored {
  readonly case: Case;
  readonly batch: number;
  readonly seed: number;
  readonly roofline: number;
  readonly seedError: number;
  readonly rooflineError: number;
  /** Roofline error of the fit that left the case's source out. */
  readonly heldOutSourceError: number;
  /** Roofline error of the 5-fold fit that left the case's fold out. */
  readonly heldOutFoldError: number;
}

export interface ClassSummary {
  readonly metricClass: MetricClass;
  readonly label: string;
  readonly count: number;
  readonly seedMedian: number;
  readonly seedP90: number;
  readonly rooflineMedian: number;
  readonly rooflineP90: number;
  readonly heldOutSourceMedian: number;
  readonly heldOutFoldMedian: number;
}

export interface Validation {
  readonly scored: readonly Scored[];
  readonly classes: readonly ClassSummary[];
  readonly skipped: readonly Skipped[];
}

export const FOLDS = 5;

/** Held-out roofline errors: each case predicted by a table fitted without its group. */
function heldOut(prepared: readonly PreparedCase[], groupOf: (c: PreparedCase, i: number) => string): number[] {
  const groups = new Map<string, number[]>();
  prepared.forEach((c, i) => {
    const g = groupOf(c, i);
    groups.set(g, [...(groups.get(g) ?? []), i]);
  });
  const errors = new Array<number>(prepared.length);
  for (const members of groups.values()) {
    const held = new Set(members);
    const training = prepared.filter((_, i) => !held.has(i));
    const { table } = fitEfficiencies(training, startingTable('held-out'));
    for (const i of members) {
      errors[i] = absolutePercentageError(predictRoofline(prepared[i], table), prepared[i].case.measured);
    }
  }
  return errors;
}

export interface ValidateOptions {
  /** Skip the held-out refits (they take most of the time). */
  readonly heldOut?: boolean;
}

/** Scores both methods on the measurement file, the roofline with the efficiencies of `table`. */
export function validate(file: MeasurementFile, table: EfficiencyTable, options: ValidateOptions = {}): Validation {
  const parsed = parseMeasurements(file);
  const ready = prepareCases(parsed.cases);
  const skipped = [...parsed.skipped, ...ready.skipped];
  const prepared = ready.prepared;
  const withHeldOut = options.heldOut ?? true;
  const bySource = withHeldOut ? heldOut(prepared, (c) => c.case.source) : prepared.map(() => NaN);
  const byFold = withHeldOut ? heldOut(prepared, (_, i) => String(i % FOLDS)) : prepared.map(() => NaN);
  const scored = prepared.map((p, i): Scored => {
    const seed = predictSeed(p);
    const roofline = predictRoofline(p, table);
    return {
      case: p.case,
      batch: p.batch,
      seed,
      roofline,
      seedError: absolutePercentageError(seed, p.case.measured),
      rooflineError: absolutePercentageError(roofline, p.case.measured),
      heldOutSourceError: bySource[i],
      heldOutFoldError: byFold[i],
    };
  });
  const classes = METRIC_CLASSES.map((metricClass): ClassSummary => {
    const rows = scored.filter((s) => s.case.metricClass === metricClass);
    const errors = (pick: (s: Scored) => number) => rows.map(pick);
    return {
      metricClass,
      label: CLASS_LABELS[metricClass],
      count: rows.length,
      seedMedian: quantile(
        errors((s) => s.seedError),
        0.5,
      ),
      seedP90: quantile(
        errors((s) => s.seedError),
        0.9,
      ),
      rooflineMedian: quantile(
        errors((s) => s.rooflineError),
        0.5,
      ),
      rooflineP90: quantile(
        errors((s) => s.rooflineError),
        0.9,
      ),
      heldOutSourceMedian: quantile(
        errors((s) => s.heldOutSourceError),
        0.5,
      ),
      heldOutFoldMedian: quantile(
        errors((s) => s.heldOutFoldError),
        0.5,
      ),
    };
  }).filter((c) => c.count > 0);
  return { scored, classes, skipped };
}

function percent(x: number): string {
  if (Number.isNaN(x)) return '-';
  if (!Number.isFinite(x)) return 'inf';
  return `${(100 * x).toFixed(x >= 10 ? 0 : 1)}%`;
}

function number(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  return Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 1 ? x.toFixed(2) : x.toPrecision(3);
}

/** A Markdown table (the README shows the same text). */
function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** The validation as text: the error table, the worst rows, the skipped rows. */
export function formatValidation(v: Validation, worst = 12): string {
  const summary = table(
    [
      'metric class',
      'n',
      'seed median',
      'seed p90',
      'roofline median',
      'roofline p90',
      'held-out median (by source)',
      `held-out median (${FOLDS}-fold)`,
    ],
    v.classes.map((c) => [
      c.label,
      String(c.count),
      percent(c.seedMedian),
      percent(c.seedP90),
      percent(c.rooflineMedian),
      percent(c.rooflineP90),
      percent(c.heldOutSourceMedian),
      percent(c.heldOutFoldMedian),
    ]),
  );
  const worstRows = [...v.scored].sort((a, b) => b.rooflineError - a.rooflineError).slice(0, worst);
  const worstTable = table(
    ['row', 'class', 'configuration', 'measured', 'roofline', 'error', 'seed error'],
    worstRows.map((s) => [
      s.case.id,
      s.case.metricClass,
      s.case.label,
      number(s.case.measured),
      number(s.roofline),
      percent(s.rooflineError),
      percent(s.seedError),
    ]),
  );
  const reasons = new Map<string, string[]>();
  for (const s of v.skipped) reasons.set(s.reason, [...(reasons.get(s.reason) ?? []), s.id]);
  const skippedTable = table(
    ['skipped', 'reason', 'rows'],
    [...reasons.entries()].map(([reason, ids]) => [String(ids.length), reason, ids.join(', ')]),
  );
  return [
    `Cases scored: ${v.scored.length}; rows skipped: ${v.skipped.length}.`,
    '',
    'Absolute percentage error, |predicted − measured| / measured:',
    '',
    summary,
    '',
    `Worst ${worstRows.length} rows (roofline):`,
    '',
    worstTable,
    '',
    'Skipped:',
    '',
    skippedTable,
  ].join('\n');
}
