/**
 * One configuration worked by hand: every number below was computed on paper from the formulas of
 * src/core/roofline (FLOPs 2 per multiply-add, bytes read per step, max of the two bounds plus
 * the overhead), not read from the code's output.
 *
 * Model: the methodology's plain transformer, H = 1024, L = 2, F = 4096, V = 1000 (multi-head
 * attention, two-matrix FFN, tied embeddings, LayerNorm), fp16. GPU: 100 TFLOPS, 1000 GB/s.
 * MFU = MBU = 0.5, overhead 1 ms per step. Prompt S = 100, B = 1, N = 2 generated tokens.
 */
import { resolveArchitecture } from '../../../src/core/architecture/spec';
import { findPrecision, type Precision } from '../../../src/core/precision';
import { rooflineEstimate } from '../../../src/core/roofline/estimate';
import { rooflineModel } from '../../../src/core/roofline/model';

const arch = resolveArchitecture({ hidden: 1024, layers: 2, ffn: 4096, vocab: 1000 });
const fp16 = findPrecision('fp16') as Precision;
const gpu = { name: 'paper GPU', bandwidthGbs: 1000, peaks: { fp16: 100 } };
const input = {
  arch,
  precision: fp16,
  gpu,
  batch: 1,
  seqLen: 100,
  outputTokens: 2,
  kvBits: 16,
  nGpus: 1,
  parallelism: 'tensor' as const,
  efficiency: { mfu: 0.5, mbu: 0.5, overheadSeconds: 0.001 },
};

/** Relative closeness: the hand values are exact decimals, the code's are floating point. */
function expectRelative(actual: number, expected: number): void {
  expect(Math.abs(actual - expected) / expected).toBeLessThan(1e-12);
}

describe('a configuration worked by hand', () => {
  test('the model summary', () => {
    const m = rooflineModel(arch, fp16, 16);
    // P = 4H²L + 2HFL + VH + 4HL + 2H = 8,388,608 + 16,777,216 + 1,024,000 + 8,192 + 2,048 = 26,200,064;
    // every weight is read each step (the tied embedding is the output head): 2 bytes each.
    expect(m.alwaysReadBytes).toBe(52_400_128);
    // Linear weights a token multiplies by: 4H²L + 2HFL = 25,165,824.
    expect(m.denseLinearParams).toBe(25_165_824);
    // Q·Kᵀ and attention·V: 2 × 1024 + 2 × 1024 FLOPs per (query, key) pair and layer.
    expect(m.attentionFlopsPerPair).toBe(4096);
    // K and V of 1024 values at 2 bytes: 4096 bytes per token and layer.
    expect(m.kvBytesPerTokenLayer).toBe(4096);
    // Per layer: attention H + 3H + H + H = 6144 values, FFN H + F + F + H = 10,240; two layers.
    expect(m.activationValuesPerToken).toBe(32_768);
  });

  test('prefill: memory-bound even for a 100-token prompt on this small model', () => {
    const e = rooflineEstimate(input);
    // FLOPs = S × 2 × 25,165,824 + L × S(S+1)/2 × 4096 + 2HV (last token's logits)
    //       = 5,033,164,800 + 2 × 5,050 × 4,096 + 2,048,000 = 5,076,582,400.
    expect(e.flopsPrefill).toBe(5_076_582_400);
    // Compute: 5,076,582,400 / (100e12 × 0.5) = 1.01531648e-4 s.
    // Bytes: weights 52,400,128 + KV written 100 × 2 × 4,096 = 819,200
    //        + activations (100 × 32,768 + 2,024) × 2 = 6,557,648; total 59,776,976.
    // Memory: 59,776,976 / (1000e9 × 0.5) = 1.19553952e-4 s > compute. Plus 1 ms overhead.
    expectRelative(e.prefillSeconds, 1.119553952e-3);
  });

  test('decode: each token at its own context, averaged', () => {
    const e = rooflineEstimate(input);
    // Token 1 attends to 101 tokens, token 2 to 102.
    // FLOPs at context c: 2 × 25,165,824 + 2,048,000 + c × 2 layers × 4096 = 52,379,648 + 8,192c,
    // at most 53,215,232 → 1.06e-6 s of compute; memory dominates.
    // Bytes at c: 52,400,128 + c × 2 × 4,096 + (32,768 + 2,024) × 2
    //   c = 101: 52,400,128 + 827,392 + 69,584 = 53,297,104 → 1.06594208e-4 s
    //   c = 102: 52,400,128 + 835,584 + 69,584 = 53,305,296 → 1.06610592e-4 s
    // With 1 ms each: 1.106594208e-3 + 1.106610592e-3 = 2.2132048e-3 s for both tokens.
    expectRelative(e.decodeSeconds, 2.2132048e-3);
    expectRelative(e.tokenLatencySeconds, 1.1066024e-3);
    expectRelative(e.tokensPerSecond, 1 / 1.1066024e-3);
    // Per-token FLOPs are reported at context S = 100: 52,379,648 + 819,200 = 53,198,848.
    expect(e.flopsPerToken).toBe(53_198_848);
    // The whole request: 1.119553952e-3 + 2.2132048e-3.
    expectRelative(e.generationSeconds, 3.332758752e-3);
  });
});
