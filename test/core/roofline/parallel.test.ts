/**
 * Tensor parallelism (FLOPs and bytes split, two all-reduces per layer) and the pipeline (no
 * speedup for one sequence; micro-batches of a long prompt overlap, each reading its stage's weights).
 *
 * Expected bytes and FLOPs are worked by hand from the published Llama-3.1-70B shapes, as in
 * hand.test.ts, not read from the code's intermediates: H = 8192, L = 80, F = 28,672 (gated, three
 * matrices), V = 128,256 (untied), 64 query heads and 8 KV heads of 128; fp8 (1 byte per weight,
 * KV value and activation). Per token:
 * - Linear weights, per layer: Q and O 8192 × 8192 = 67,108,864 each, K and V 8192 × 1024 =
 *   8,388,608 each, FFN 3 × 8192 × 28,672 = 704,643,072; together 855,638,016, × 80 =
 *   68,451,041,280; 2 FLOPs each: 136,902,082,560. Output head: 2 × 8192 × 128,256 = 2,101,346,304.
 * - Attention: 2 × 8192 + 2 × 8192 = 32,768 FLOPs per (query, key) pair and layer.
 * - KV cache: 2 × 8 heads × 128 × 1 byte = 2048 bytes per token and layer, 163,840 over 80.
 * - Activations: per layer 8192 + 8192 + 2 × 1024 + 8192 + 8192 = 34,816 (attention) and
 *   8192 + 2 × 28,672 + 28,672 + 8192 = 102,400 (FFN), × 80 = 10,977,280 bytes; the head for one
 *   position 8192 + 128,256 = 136,448.
 * - Weights read per step: 70,553,706,496 parameters less the untied embedding table
 *   (128,256 × 8192 = 1,050,673,152) = 69,503,033,344 bytes.
 * The machine: H100 SXM, 1978.9 dense fp8 TFLOPS at MFU 0.5 = 989.45e12 FLOP/s; 3350 GB/s at MBU
 * 0.8 = 2.68e12 B/s; 2 ms overhead per step.
 */
import { resolveArchitecture } from '../../../src/core/architecture/spec';
import { getGpuPreset, presetSpec } from '../../../src/core/gpus/lookup';
import { getModelPreset } from '../../../src/core/models/lookup';
import { findPrecision, type Precision } from '../../../src/core/precision';
import { decodeBytes, prefillBytes } from '../../../src/core/roofline/bytes';
import {
  rooflineDecodeStepSeconds,
  rooflinePrefillFlops,
  rooflinePrefillSeconds,
  rooflineSetup,
} from '../../../src/core/roofline/estimate';
import { decodeFlops } from '../../../src/core/roofline/flops';
import {
  allReduceSeconds,
  communicationSeconds,
  gpuLink,
  kvShare,
  pipelineSchedule,
  type Parallelism,
} from '../../../src/core/roofline/parallel';

const arch = resolveArchitecture(getModelPreset('llama-3.1-70b').architecture);
const h100 = presetSpec(getGpuPreset('H100'));
const fp8 = findPrecision('fp8') as Precision;

function setup(nGpus: number, parallelism: Parallelism, batch = 1, seqLen = 1000) {
  return rooflineSetup({
    arch,
    precision: fp8,
    gpu: h100,
    batch,
    seqLen,
    outputTokens: 1,
    kvBits: 8,
    nGpus,
    parallelism,
    efficiency: { mfu: 0.5, mbu: 0.8, overheadSeconds: 0.002 },
  });
}

const COMPUTE = 1978.9e12 * 0.5;
const MEMORY = 3350e9 * 0.8;

/** The hand values are exact integers; the code's seconds are floating point. */
function expectRelative(actual: number, expected: number): void {
  expect(Math.abs(actual - expected) / expected).toBeLessThan(1e-12);
}

// A decode step at context 1001 (a 1000-token prompt), batch 1, by hand:
// bytes: weights 69,503,033,344, KV 1001 × 163,840 = 164,003,840, activations 10,977,280 + 136,448
// = 11,113,728; in all 69,678,150,912.
// FLOPs: 136,902,082,560 + 2,101,346,304 + 80 × 1001 × 32,768 (2,624,061,440) = 141,627,490,304.
const DECODE_BYTES = { weights: 69_503_033_344, kvCache: 164_003_840, activations: 11_113_728 };
const DECODE_FLOPS = 141_627_490_304;
// On one GPU: 69,678,150,912 / 2.68e12 = 25.999310 ms (compute 143 µs), plus 2 ms.
const ONE_GPU_DECODE = 69_678_150_912 / MEMORY + 0.002;

describe('tensor parallelism', () => {
  test('the link: NVLink 4 is 900 GB/s both ways, 450 each way', () => {
    expect(gpuLink(h100)).toEqual({ bandwidthGbs: 450, latencySeconds: 8e-6 });
    // A GeForce card states no interconnect: PCIe Gen4 x16, 64 GB/s both ways.
    expect(gpuLink(presetSpec(getGpuPreset('RTX 4090')))).toEqual({ bandwidthGbs: 32, latencySeconds: 25e-6 });
  });

  test('ring all-reduce by hand: 2 (n − 1) / n of the message each way, plus the latency', () => {
    const link = { bandwidthGbs: 450, latencySeconds: 8e-6 };
    // 1 MB over 4 GPUs: 2 × 3/4 × 1e6 / 450e9 = 3.3333e-6 s, plus 8 µs.
    expect(allReduceSeconds(1e6, 4, link)).toBeCloseTo(3.3333333333e-6 + 8e-6, 15);
    expect(allReduceSeconds(1e6, 1, link)).toBe(0);
  });

  test('a decode step on 2 GPUs: half the FLOPs and weights, 4 of 8 KV heads each, 160 all-reduces', () => {
    const one = setup(1, 'tensor');
    const two = setup(2, 'tensor');
    expect(decodeBytes(one.model, 1, 1001)).toEqual(DECODE_BYTES);
    expect(decodeFlops(one.model, 1, 1001)).toBe(DECODE_FLOPS);
    expectRelative(rooflineDecodeStepSeconds(one, 1001), ONE_GPU_DECODE);
    // 4 of the 8 KV heads on each GPU.
    expect(kvShare(two.model, 2)).toBe(0.5);
    // 8 KV heads on 16 GPUs: one head each, every head held twice.
    expect(kvShare(two.model, 16)).toBe(1 / 8);
    // Each all-reduce carries one token's hidden state: 8192 values at fp8 = 8192 bytes;
    // 2 per layer × 80 layers × (2 × 1/2 × 8192 / 450e9 + 8e-6).
    const communication = 160 * (8192 / 450e9 + 8e-6);
    expect(communicationSeconds(two.model, 1, 2, 'tensor', gpuLink(h100))).toBeCloseTo(communication, 15);
    // Each GPU reads 69,503,033,344 / 2 + 164,003,840 / 2 + 11,113,728 / 2 = 34,839,075,456 bytes:
    // 12.999655 ms; its 141,627,490,304 / 2 FLOPs take 71.6 µs, so memory binds.
    const memory = 34_839_075_456 / MEMORY;
    expect(DECODE_FLOPS / 2 / COMPUTE).toBeLessThan(memory / 100);
    // 12.999655 + 1.282913 (communication) + 2 = 16.282568 ms.
    expectRelative(rooflineDecodeStepSeconds(two, 1001), memory + communication + 0.002);
    expectRelative(rooflineDecodeStepSeconds(two, 1001), 0.016282567732006634);
    // Faster than one GPU, but not twice as fast: the overhead and the all-reduces remain.
    // 27.999310 / 16.282568 = 1.7196.
    const speedup = rooflineDecodeStepSeconds(one, 1001) / rooflineDecodeStepSeconds(two, 1001);
    expect(speedup).toBeCloseTo(1.7196, 4);
  });
});

describe('pipeline (layer split)', () => {
  test('no speedup for one sequence: one GPU’s time plus the hops', () => {
    const one = rooflineDecodeStepSeconds(setup(1, 'pipeline'), 1001);
    const four = rooflineDecodeStepSeconds(setup(4, 'pipeline'), 1001);
    expectRelative(one, ONE_GPU_DECODE);
    // A decode step is one micro-batch: 4 stages of a quarter of the layers each, one after
    // another, is one GPU's time; plus 3 hops of 8192 bytes at 450 GB/s and 8 µs each.
    expect(pipelineSchedule(1)).toEqual({ batches: 1, microBatches: 1 });
    expectRelative(four, ONE_GPU_DECODE + 3 * (8192 / 450e9 + 8e-6));
    expect(four).toBeGreaterThan(one);
  });

  test('the schedule: logical batches of 2048 tokens, micro-batches of 512, partial ones by their share', () => {
    expect(pipelineSchedule(512)).toEqual({ batches: 1, microBatches: 1 });
    expect(pipelineSchedule(1024)).toEqual({ batches: 1, microBatches: 2 });
    expect(pipelineSchedule(2048)).toEqual({ batches: 1, microBatches: 4 });
    expect(pipelineSchedule(4096)).toEqual({ batches: 2, microBatches: 4 });
    expect(pipelineSchedule(768)).toEqual({ batches: 1, microBatches: 1.5 });
  });

  test('a 4096-token prompt on 4 GPUs by hand: 2 × (4 + 4 − 1) stages of one micro-batch', () => {
    const s = setup(4, 'pipeline', 1, 4096);
    // FLOPs: 4096 × 136,902,082,560 (560,750,930,165,760) + causal attention 80 layers ×
    // 4096 × 4097 / 2 pairs × 32,768 (21,995,601,264,640) + one head 2,101,346,304
    // = 582,748,632,776,704.
    expect(rooflinePrefillFlops(s)).toBe(582_748_632_776_704);
    // Bytes: weights 69,503,033,344; KV written 4096 × 163,840 = 671,088,640; activations
    // 4096 × 10,977,280 + 136,448 = 44,963,075,328.
    expect(prefillBytes(s.model, 1, 4096)).toEqual({
      weights: 69_503_033_344,
      kvCache: 671_088_640,
      activations: 44_963_075_328,
    });
    // A stage: a quarter of the layers on 512 tokens, 1/(2 × 4 × 4) of the step's FLOPs, KV
    // cache and activations, but a quarter of all the weights.
    // Compute: 582,748,632,776,704 / 32 / 989.45e12 = 18.405068 ms.
    // Memory: (69,503,033,344 / 4 + (671,088,640 + 44,963,075,328) / 32) / 2.68e12 = 7.015607 ms.
    const stageCompute = 582_748_632_776_704 / 32 / COMPUTE;
    const stageMemory = (69_503_033_344 / 4 + (671_088_640 + 44_963_075_328) / 32) / MEMORY;
    expect(stageCompute).toBeGreaterThan(stageMemory);
    // 3 hops of the prompt's hidden states, 4096 × 8192 bytes, at 450 GB/s and 8 µs each: 0.247696 ms.
    const hops = 3 * ((4096 * 8192) / 450e9 + 8e-6);
    // 14 × 18.405068 + 0.247696 + 2 = 259.918652 ms.
    expectRelative(rooflinePrefillSeconds(s), 14 * stageCompute + hops + 0.002);
    expectRelative(rooflinePrefillSeconds(s), 0.2599186516328169);
    // Compute-bound, so the overlap pays: 14 stages of 1/32 of the work against 32 on one GPU.
    // One GPU: 582,748,632,776,704 / 989.45e12 + 2 ms = 590.962184 ms, 2.27 times as long
    // (under 32 / 14 = 2.29 by the hops and the overhead).
    const one = rooflinePrefillSeconds(setup(1, 'pipeline', 1, 4096));
    expectRelative(one, 582_748_632_776_704 / COMPUTE + 0.002);
    expect(one / rooflinePrefillSeconds(s)).toBeCloseTo(2.2736, 4);
  });

  test('prefill time grows with the prompt through every micro-batch boundary', () => {
    let last = 0;
    for (const tokens of [256, 511, 512, 513, 700, 1024, 1536, 2047, 2048, 2049, 3000, 4096, 8192]) {
      const t = rooflinePrefillSeconds(setup(2, 'pipeline', 1, tokens));
      expect(t).toBeGreaterThan(last);
      last = t;
    }
  });
});
