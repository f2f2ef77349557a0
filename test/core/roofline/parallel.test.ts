/**
 * Tensor parallelism (FLOPs and bytes split, two all-reduces per layer) and the pipeline (no
 * speedup for one sequence; micro-batches of a long prompt overlap, each reading its stage's weights).
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
    const bytes = decodeBytes(one.model, 1, 1001);
    expect(kvShare(two.model, 2)).toBe(0.5);
    // 8 KV heads on 16 GPUs: one head each, every head held twice.
    expect(kvShare(two.model, 16)).toBe(1 / 8);
    // Each all-reduce carries one token's hidden state: 8192 values at fp8 = 8192 bytes;
    // 2 per layer × 80 layers × (2 × 1/2 × 8192 / 450e9 + 8e-6).
    const communication = 160 * (8192 / 450e9 + 8e-6);
    expect(communicationSeconds(two.model, 1, 2, 'tensor', gpuLink(h100))).toBeCloseTo(communication, 15);
    const memory = (bytes.weights / 2 + bytes.kvCache / 2 + bytes.activations / 2) / (3350e9 * 0.8);
    expect(decodeFlops(one.model, 1, 1001) / 2 / (1978.9e12 * 0.5)).toBeLessThan(memory);
    expect(rooflineDecodeStepSeconds(two, 1001)).toBeCloseTo(memory + communication + 0.002, 12);
    // Faster than one GPU, but not twice as fast: the overhead and the all-reduces remain.
    const speedup = rooflineDecodeStepSeconds(one, 1001) / rooflineDecodeStepSeconds(two, 1001);
    expect(speedup).toBeGreaterThan(1.3);
    expect(speedup).toBeLessThan(2);
  });
});

describe('pipeline (layer split)', () => {
  test('no speedup for one sequence: one GPU’s time plus the hops', () => {
    const one = rooflineDecodeStepSeconds(setup(1, 'pipeline'), 1001);
    const four = rooflineDecodeStepSeconds(setup(4, 'pipeline'), 1001);
    // A decode step is one micro-batch: 4 stages of a quarter of the layers each, one after
    // another, is one GPU's time; plus 3 hops of 8192 bytes at 450 GB/s and 8 µs each.
    expect(pipelineSchedule(1)).toEqual({ batches: 1, microBatches: 1 });
    expect(four).toBeCloseTo(one + 3 * (8192 / 450e9 + 8e-6), 12);
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
    const flops = rooflinePrefillFlops(s);
    const bytes = prefillBytes(s.model, 1, 4096);
    // A stage: a quarter of the layers on 512 tokens, 1/(2 × 4 × 4) of the step's FLOPs, KV
    // cache and activations, but a quarter of all the weights.
    const stageCompute = flops / 32 / (1978.9e12 * 0.5);
    const stageMemory = (bytes.weights / 4 + (bytes.kvCache + bytes.activations) / 32) / (3350e9 * 0.8);
    const hops = 3 * ((4096 * 8192) / 450e9 + 8e-6);
    expect(rooflinePrefillSeconds(s)).toBeCloseTo(14 * Math.max(stageCompute, stageMemory) + hops + 0.002, 12);
    // Compute-bound, so the overlap pays: 14 stages of 1/32 of the work against 32 on one GPU.
    const one = rooflinePrefillSeconds(setup(1, 'pipeline', 1, 4096));
    expect(rooflinePrefillSeconds(s)).toBeLessThan(one);
    expect(one / rooflinePrefillSeconds(s)).toBeLessThan(32 / 14);
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
