/**
 * The measured error stays within the targets on data/measurements.json, computed by
 * the same library `npm run validate` prints (src/validation), with the committed efficiencies.
 * A regression guard, not a speed figure: it times nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA } from '../../helpers/data';
import { EFFICIENCY } from '../../../src/core/roofline/efficiency';
import type { MeasurementFile } from '../../../src/validation/measurements';
import { validate } from '../../../src/validation/report';

const FILE = JSON.parse(readFileSync(join(DATA, 'measurements.json'), 'utf8')) as MeasurementFile;

describe('validation against the measurements', () => {
  const v = validate(FILE, EFFICIENCY, { heldOut: false });
  const byClass = Object.fromEntries(v.classes.map((c) => [c.metricClass, c]));

  test('batch-1 decode: median error at most 15%, and far better than the seed method', () => {
    expect(byClass.decode_b1.count).toBeGreaterThan(100);
    expect(byClass.decode_b1.rooflineMedian).toBeLessThanOrEqual(0.15);
    expect(byClass.decode_b1.rooflineMedian).toBeLessThan(byClass.decode_b1.seedMedian / 2);
  });

  test('prefill: median error at most 25%', () => {
    expect(byClass.prefill.count).toBeGreaterThan(80);
    expect(byClass.prefill.rooflineMedian).toBeLessThanOrEqual(0.25);
    expect(byClass.prefill.rooflineMedian).toBeLessThan(byClass.prefill.seedMedian);
  });

  test('max-load throughput is modelled and better than the seed method', () => {
    expect(byClass.max_load.count).toBeGreaterThan(30);
    expect(byClass.max_load.rooflineMedian).toBeLessThan(byClass.max_load.seedMedian);
  });

  test('every row is scored or skipped with a reason', () => {
    const ids = new Set([...v.scored.map((s) => s.case.id.split(':')[0]), ...v.skipped.map((s) => s.id.split(':')[0])]);
    for (const row of FILE.measurements) expect(ids.has(row.id)).toBe(true);
    for (const s of v.skipped) expect(s.reason.length).toBeGreaterThan(10);
  });
});
