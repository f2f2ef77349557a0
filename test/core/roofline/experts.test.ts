/**
 * Mixture of experts: the expected distinct experts a step touches, E × (1 − (1 − k/E)^T), and the
 * weight bytes that follow from it.
 */
import { resolveArchitecture } from '../../../src/core/architecture/spec';
import { getModelPreset } from '../../../src/core/models/lookup';
import { findPrecision, type Precision } from '../../../src/core/precision';
import { weightBytesTouched } from '../../../src/core/roofline/bytes';
import { expectedDistinctExperts } from '../../../src/core/roofline/experts';
import { linearFlopsPerToken } from '../../../src/core/roofline/flops';
import { rooflineModel } from '../../../src/core/roofline/model';

describe('expected distinct experts', () => {
  test('by hand', () => {
    // One token uses k experts.
    expect(expectedDistinctExperts(8, 2, 1)).toBe(2);
    // Two tokens: 8 × (1 − 0.75²) = 8 × 0.4375 = 3.5.
    expect(expectedDistinctExperts(8, 2, 2)).toBe(3.5);
    // 128 experts, 8 active, 4 tokens: 128 × (1 − (15/16)^4) = 128 × 14911/65536 = 29.123046875.
    expect(expectedDistinctExperts(128, 8, 4)).toBeCloseTo(29.123046875, 12);
    // Every expert once the batch is large; never more.
    expect(expectedDistinctExperts(8, 2, 1000)).toBeCloseTo(8, 12);
    expect(expectedDistinctExperts(8, 8, 1)).toBe(8);
    expect(expectedDistinctExperts(0, 0, 5)).toBe(0);
  });

  test('non-decreasing in the tokens, at most E', () => {
    let previous = 0;
    for (let t = 1; t <= 512; t++) {
      const d = expectedDistinctExperts(64, 6, t);
      expect(d).toBeGreaterThanOrEqual(previous);
      expect(d).toBeLessThanOrEqual(64);
      previous = d;
    }
  });

  test('Mixtral-8x7B in fp16: a token reads its 2 experts, a large batch all 8', () => {
    const arch = resolveArchitecture(getModelPreset('mixtral-8x7b').architecture);
    const model = rooflineModel(arch, findPrecision('fp16') as Precision, 16);
    // Routed experts: 32 layers × 8 × 3 × 4096 × 14336 = 45,097,156,608 params. The rest,
    // 46,702,792,704 − 45,097,156,608, less the untied embedding (32000 × 4096), is read every step:
    // 1,474,564,096 params.
    const routed = 45_097_156_608;
    const always = 1_474_564_096;
    expect(model.routedExpertParams).toBe(routed);
    expect(model.alwaysReadBytes).toBe(always * 2);
    // Batch 1: 1,474,564,096 + 45,097,156,608 × 2/8 = 12,748,853,248 params (Mixtral's 12.9B
    // active, less the embedding), 2 bytes each.
    expect(weightBytesTouched(model, 1)).toBe(12_748_853_248 * 2);
    // Batch 2: 3.5 of 8 experts.
    expect(weightBytesTouched(model, 2)).toBe((always + (routed * 3.5) / 8) * 2);
    // FLOPs follow the k active experts whatever the batch: the active weights less the output
    // head (32000 × 4096) and the RMSNorm weights (32 × 2 × 4096 + 4096), 2 FLOPs each.
    expect(linearFlopsPerToken(model)).toBe(2 * (12_748_853_248 - 131_072_000 - 266_240));
  });
});
