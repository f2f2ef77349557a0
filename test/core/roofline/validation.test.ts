/**
 * How far the roofline method's calibration carries to data it has not seen, on
 * data/measurements.json, computed by the same library `npm run validate` prints (src/validation).
 *
 * The in-sample medians are not asserted: `EFFICIENCY` is fitted by `npm run calibrate` on this same
 * file, so the fit all but guarantees them (test/core/roofline/efficiency-fresh.test.ts checks the
 * table is that fit). Asserted instead are the held-out medians, each row predicted by a table
 * refitted without it:
 *
 * - by source ("held-out median (by source)"): the refit leaves out every row of the row's source,
 *   so a source that alone measures a GPU class or an engine is predicted from the fit's starting
 *   values for it. The figure for an engine or a class without measurements.
 * - 5-fold ("held-out median (5-fold)"): rows left out by position, every fifth; their source's other
 *   rows stay in. The figure for a new row of a kind already measured.
 *
 * The refits start from the fit's starting values, not from the committed table, so these figures
 * judge the prediction code and the fit; efficiency-fresh.test.ts judges the committed numbers.
 *
 * Today's values (2026-12, 260 cases) and the thresholds: the next whole 5% that leaves a margin of
 * 12–16% over today's value, so that a real loss of fidelity fails and a new measurement or two does
 * not; for 5-fold decode and prefill, the targets (15%, 25%), met with more room:
 *
 * | class              | n   | by source | threshold | 5-fold | threshold       | seed median |
 * | ------------------ | --- | --------- | --------- | ------ | --------------- | ----------- |
 * | batch-1 decode     | 124 | 21.9%     | 25%       | 8.4%   | 15% (the issue) | 50.0%       |
 * | prefill            | 91  | 60.6%     | 70%       | 18.8%  | 25% (the issue) | 199.0%      |
 * | max-load tokens/s  | 35  | 22.3%     | 25%       | 17.2%  | 20%             | 83.6%       |
 *
 * "Better than the seed method" is kept for these three: the seed method is not fitted on the
 * measurements at all, so the held-out roofline against the seed compares two predictions of
 * unseen rows. Not asserted: batched decode and TTFT (one row each) and ITL under load (8 rows, 7
 * of them from one source: held out by source 39.6% against the seed's 51.8%); a median of so few
 * rows is noise.
 */
import { EFFICIENCY } from '../../../src/core/roofline/efficiency';
import type { MeasurementFile } from '../../../src/validation/measurements';
import { validate } from '../../../src/validation/report';
import { readData } from '../../helpers/data';

const FILE = readData<MeasurementFile>('measurements.json');

describe('validation against the measurements, held out', () => {
  // Twelve refits, one per source (7) and per fold (5): most of this file's time (about 8 s under
  // ts-jest; `npm run validate` takes 1.3 s).
  const v = validate(FILE, EFFICIENCY, { heldOut: true });
  const byClass = Object.fromEntries(v.classes.map((c) => [c.metricClass, c]));

  test('batch-1 decode: held out by source at most 25% (21.9% today), 5-fold at most 15%', () => {
    const c = byClass.decode_b1;
    expect(c.count).toBeGreaterThan(100);
    expect(c.heldOutSourceMedian).toBeLessThanOrEqual(0.25);
    expect(c.heldOutFoldMedian).toBeLessThanOrEqual(0.15);
    // Held out by source, still about half the seed method's error (50%).
    expect(c.heldOutSourceMedian).toBeLessThan(c.seedMedian);
  });

  test('prefill: held out by source at most 70% (60.6% today), 5-fold at most 25%', () => {
    const c = byClass.prefill;
    expect(c.count).toBeGreaterThan(80);
    expect(c.heldOutSourceMedian).toBeLessThanOrEqual(0.7);
    expect(c.heldOutFoldMedian).toBeLessThanOrEqual(0.25);
    expect(c.heldOutSourceMedian).toBeLessThan(c.seedMedian);
  });

  test('max-load throughput: held out by source at most 25% (22.3% today), 5-fold at most 20%', () => {
    const c = byClass.max_load;
    expect(c.count).toBeGreaterThan(30);
    expect(c.heldOutSourceMedian).toBeLessThanOrEqual(0.25);
    expect(c.heldOutFoldMedian).toBeLessThanOrEqual(0.2);
    expect(c.heldOutSourceMedian).toBeLessThan(c.seedMedian);
  });

  test('every row is scored or skipped with a reason', () => {
    const ids = new Set([...v.scored.map((s) => s.case.id.split(':')[0]), ...v.skipped.map((s) => s.id.split(':')[0])]);
    for (const row of FILE.measurements) expect(ids.has(row.id)).toBe(true);
    for (const s of v.skipped) expect(s.reason.length).toBeGreaterThan(10);
  });
});
