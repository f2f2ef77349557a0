/**
 * The two limits of the roofline: at batch 1 a decode step is bandwidth-bound (time = bytes /
 * (bandwidth × MBU)); at a large batch it becomes compute-bound (time = FLOPs / (peak × MFU)).
 *
 * Every expected byte and FLOP count below is worked by hand from the published Llama-3-8B shapes,
 * as in hand.test.ts, not read from the code's intermediates: H = 4096, L = 32, F = 14,336 (gated,
 * three matrices), V = 128,256 (untied), 32 query heads and 8 KV heads of 128, bf16 (2 bytes per
 * weight, KV value and activation). No overhead, so a step is exactly the larger bound.
 *
 * Per token, by hand:
 * - Linear weights a token multiplies by, per layer: Q 4096 × 4096 = 16,777,216, K and V
 *   4096 × 1024 = 4,194,304 each, O 16,777,216, FFN 3 × 4096 × 14,336 = 176,160,768; together
 *   218,103,808, × 32 layers = 6,979,321,856; 2 FLOPs each: 13,958,643,712.
 * - Output head: 2 × 4096 × 128,256 = 1,050,673,152 FLOPs.
 * - Attention: Q·Kᵀ and attention·V, 2 × 4096 + 2 × 4096 = 16,384 FLOPs per key and layer.
 * - KV cache: 2 (K, V) × 8 heads × 128 × 2 bytes = 4096 bytes per token and layer, 131,072 over 32.
 * - Activations, per layer: attention 4096 + 4096 (Q) + 2 × 1024 (K, V) + 4096 + 4096 = 18,432
 *   values, FFN 4096 + 2 × 14,336 + 14,336 + 4096 = 51,200; × 32 = 2,228,224; the head 4096 +
 *   128,256 = 132,352; 2,360,576 values = 4,721,152 bytes.
 * - Weights read once per step, whatever the batch: 8,030,261,248 parameters less the untied
 *   embedding table (128,256 × 4096 = 525,336,576, gathered, not read) at 2 bytes = 15,009,849,344.
 *
 * The machine: H100 SXM, 989.4 dense bf16 TFLOPS at MFU 0.6 = 593.64e12 FLOP/s; 3350 GB/s at
 * MBU 0.8 = 2.68e12 B/s.
 */
import { resolveArchitecture } from '../../../src/core/architecture/spec';
import { presetSpec, getGpuPreset } from '../../../src/core/gpus/lookup';
import { getModelPreset } from '../../../src/core/models/lookup';
import { findPrecision, type Precision } from '../../../src/core/precision';
import { decodeBytes } from '../../../src/core/roofline/bytes';
import { rooflineDecodeStepSeconds, rooflineSetup } from '../../../src/core/roofline/estimate';
import { decodeFlops } from '../../../src/core/roofline/flops';

const arch = resolveArchitecture(getModelPreset('llama-3-8b').architecture);
const h100 = presetSpec(getGpuPreset('H100'));
const bf16 = findPrecision('bf16') as Precision;
const efficiency = { mfu: 0.6, mbu: 0.8, overheadSeconds: 0 };

const COMPUTE = 989.4e12 * 0.6;
const MEMORY = 3350e9 * 0.8;

function setup(batch: number) {
  return rooflineSetup({
    arch,
    precision: bf16,
    gpu: h100,
    batch,
    seqLen: 1024,
    outputTokens: 1,
    kvBits: 16,
    nGpus: 1,
    parallelism: 'tensor',
    efficiency,
  });
}

/** The hand values are exact integers; the code's seconds are floating point. */
function expectRelative(actual: number, expected: number): void {
  expect(Math.abs(actual - expected) / expected).toBeLessThan(1e-12);
}

describe('roofline limits (Llama-3-8B bf16, H100 SXM: 989.4 TFLOPS, 3350 GB/s)', () => {
  test('batch 1 is bandwidth-bound: the weights (15.01 GB) dominate', () => {
    const s = setup(1);
    // A step at context 1025: the cache of 1025 tokens, 1025 × 131,072 = 134,348,800 bytes.
    expect(decodeBytes(s.model, 1, 1025)).toEqual({
      weights: 15_009_849_344,
      kvCache: 134_348_800,
      activations: 4_721_152,
    });
    // Bytes: 15,009,849,344 + 134,348,800 + 4,721,152 = 15,148,919,296; / 2.68e12 = 5.652581827 ms.
    expectRelative(rooflineDecodeStepSeconds(s, 1025), 15_148_919_296 / MEMORY);
    expectRelative(rooflineDecodeStepSeconds(s, 1025), 5.652581826865672e-3);
    // FLOPs: 13,958,643,712 + 1,050,673,152 + 32 × 1025 × 16,384 (537,395,200) = 15,546,712,064,
    // 26.2 µs of compute: 216 times less than the memory time.
    expect(decodeFlops(s.model, 1, 1025)).toBe(15_546_712_064);
    expect(15_546_712_064 / COMPUTE).toBeLessThan(15_148_919_296 / MEMORY / 200);
  });

  test('a large batch of short sequences is compute-bound', () => {
    const s = setup(4096);
    // FLOPs: 4096 × (13,958,643,712 + 1,050,673,152 + 32 × 17 × 16,384 = 8,912,896)
    //      = 4096 × 15,018,229,760 = 61,514,669,096,960; / 593.64e12 = 103.6 ms.
    expect(decodeFlops(s.model, 4096, 17)).toBe(61_514_669_096_960);
    // Bytes: 15,009,849,344 + 4096 × 17 × 131,072 (9,126,805,504) + 4096 × 4,721,152
    // (19,337,838,592) = 43,474,493,440; / 2.68e12 = 16.2 ms, well under the compute.
    expect(decodeBytes(s.model, 4096, 17)).toEqual({
      weights: 15_009_849_344,
      kvCache: 9_126_805_504,
      activations: 19_337_838_592,
    });
    expectRelative(rooflineDecodeStepSeconds(s, 17), 61_514_669_096_960 / COMPUTE);
    expectRelative(rooflineDecodeStepSeconds(s, 17), 0.10362285071248568);
  });

  test('a large batch of long sequences is bound by reading the KV cache', () => {
    const s = setup(4096);
    // KV: 4096 × 1025 tokens × 131,072 bytes = 550,292,684,800 (550 GB), against 15 GB of weights.
    // Bytes: 15,009,849,344 + 550,292,684,800 + 19,337,838,592 = 584,640,372,736; / 2.68e12 = 218.1 ms.
    // FLOPs: 4096 × 15,546,712,064 = 63,679,332,614,144; / 593.64e12 = 107.3 ms, under the memory time.
    expect(decodeBytes(s.model, 4096, 1025).kvCache).toBe(550_292_684_800);
    expect(decodeFlops(s.model, 4096, 1025)).toBe(63_679_332_614_144);
    expectRelative(rooflineDecodeStepSeconds(s, 1025), 584_640_372_736 / MEMORY);
    expectRelative(rooflineDecodeStepSeconds(s, 1025), 0.2181493928119403);
  });

  test('the crossover at context 17: per-token time falls with the batch until compute binds at B = 247', () => {
    const perToken = (b: number) => rooflineDecodeStepSeconds(setup(b), 17) / b;
    // Memory-bound: (15,009,849,344 + B × 6,949,376) / 2.68e12 per step, where 6,949,376 =
    // 17 × 131,072 (KV) + 4,721,152 (activations) bytes per sequence.
    // Compute-bound: B × 15,018,229,760 / 593.64e12 per step, 25.29854754 µs per token.
    // They cross where B × (15,018,229,760 / 593.64e12 − 6,949,376 / 2.68e12) = 15,009,849,344 / 2.68e12:
    // B = 5.60069e-3 / 2.27054e-5 = 246.7.
    expectRelative(perToken(1), (15_009_849_344 + 6_949_376) / MEMORY);
    expectRelative(perToken(64), (15_009_849_344 + 64 * 6_949_376) / MEMORY / 64);
    expectRelative(perToken(246), (15_009_849_344 + 246 * 6_949_376) / MEMORY / 246);
    const computeBound = 15_018_229_760 / COMPUTE;
    expectRelative(perToken(247), computeBound);
    // Past the ridge point the per-token time no longer falls at all.
    expectRelative(perToken(4096), computeBound);
    expectRelative(perToken(8192), computeBound);
    expectRelative(computeBound, 2.529854753722795e-5);
  });
});
