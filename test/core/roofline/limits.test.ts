/**
 * The two limits of the roofline: at batch 1 a decode step is bandwidth-bound (time ≈ bytes /
 * (bandwidth × MBU)); at a large batch it becomes compute-bound (time ≈ FLOPs / (peak × MFU)).
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

describe('roofline limits (Llama-3-8B bf16, H100 SXM: 989.4 TFLOPS, 3350 GB/s)', () => {
  test('batch 1 is bandwidth-bound: the weights (16.06 GB) dominate', () => {
    const s = setup(1);
    const bytes = decodeBytes(s.model, 1, 1025);
    const total = bytes.weights + bytes.kvCache + bytes.activations;
    // 8,030,261,248 params less the untied embedding (525,336,576) are read: 15.01 GB at 2 bytes.
    expect(bytes.weights).toBe((8_030_261_248 - 128_256 * 4096) * 2);
    expect(rooflineDecodeStepSeconds(s, 1025)).toBe(total / (3350e9 * 0.8));
    // About 5.6 ms; the compute (16 GFLOPs) would take 27 µs.
    expect(decodeFlops(s.model, 1, 1025) / (989.4e12 * 0.6)).toBeLessThan(total / (3350e9 * 0.8) / 100);
  });

  test('a large batch of short sequences is compute-bound', () => {
    const s = setup(4096);
    const flops = decodeFlops(s.model, 4096, 17);
    expect(rooflineDecodeStepSeconds(s, 17)).toBe(flops / (989.4e12 * 0.6));
  });

  test('a large batch of long sequences is bound by reading the KV cache', () => {
    const s = setup(4096);
    const bytes = decodeBytes(s.model, 4096, 1025);
    // 4096 × 1025 tokens × 131,072 bytes (32 layers × 2 × 8 KV heads × 128 × 2 bytes) = 550 GB.
    expect(bytes.kvCache).toBe(4096 * 1025 * 131_072);
    expect(rooflineDecodeStepSeconds(s, 1025)).toBe(
      (bytes.weights + bytes.kvCache + bytes.activations) / (3350e9 * 0.8),
    );
  });

  test('the crossover: per-token time falls with the batch until compute binds', () => {
    const perToken = (b: number) => rooflineDecodeStepSeconds(setup(b), 17) / b;
    expect(perToken(2)).toBeLessThan(perToken(1));
    expect(perToken(64)).toBeLessThan(perToken(8));
    // Past the ridge point the per-token time stops falling much.
    expect(perToken(8192) / perToken(4096)).toBeGreaterThan(0.95);
  });
});
