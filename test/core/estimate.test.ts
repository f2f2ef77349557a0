/**
 * The one estimator, src/core/estimate.ts: unit-named fields, the same numbers as the roofline and
 * seed pieces it wires, FLOPs at 2 per multiply-add in both methods, figures computed on demand and
 * failing alone, and the metric table naming every metric.
 */
import { resolveArchitecture } from '../../src/core/architecture/spec';
import { DEFAULTS } from '../../src/core/defaults';
import { METRICS, METRIC_TABLE, estimate, type Scenario } from '../../src/core/estimate';
import { customGpu, getGpuPreset, presetSpec } from '../../src/core/gpus/lookup';
import { getModelPreset } from '../../src/core/models/lookup';
import { findPrecision, type Precision } from '../../src/core/precision';
import { rooflineEstimate } from '../../src/core/roofline/estimate';
import { perTokenMultiplyAdds, prefillMultiplyAdds } from '../../src/core/seed/flops';
import { doc } from '../helpers/reference';

const bf16 = findPrecision('bf16') as Precision;
const fp16 = findPrecision('fp16') as Precision;
const h100 = presetSpec(getGpuPreset('H100'));
const llama = resolveArchitecture(getModelPreset('llama-3.1-8b').architecture);
const efficiency = { mfu: 0.5, mbu: 0.7, overheadSeconds: 0.001 };

const factors = (nGpus = 1) => ({
  efficiency: DEFAULTS.efficiency,
  scaling: DEFAULTS.scaling,
  weightsOverhead: DEFAULTS.weightsOverhead,
  kvOverhead: DEFAULTS.kvOverhead,
  activationsOverhead: DEFAULTS.activationsOverhead,
  systemOverhead: DEFAULTS.systemOverhead,
  nGpus,
  kvBits: 16,
});

const roofline = (overrides: Partial<Scenario> = {}): Scenario => ({
  arch: llama,
  precision: bf16,
  gpu: h100,
  batch: 4,
  context: 2048,
  outputTokens: 128,
  factors: factors(),
  speed: { method: 'roofline', efficiency, parallelism: 'tensor' },
  ...overrides,
});

describe('estimate(scenario)', () => {
  test('the roofline figures are the roofline estimator’s', () => {
    const e = estimate(roofline({ factors: factors(2) }));
    const r = rooflineEstimate({
      arch: llama,
      precision: bf16,
      gpu: h100,
      batch: 4,
      seqLen: 2048,
      outputTokens: 128,
      kvBits: 16,
      nGpus: 2,
      parallelism: 'tensor',
      efficiency,
    });
    expect(e.flopsPrefill).toBe(r.flopsPrefill);
    expect(e.flopsPerToken).toBe(r.flopsPerToken);
    expect(e.prefillSeconds).toBe(r.prefillSeconds);
    expect(e.tokenLatencySeconds).toBe(r.tokenLatencySeconds);
    expect(e.tokensPerSecond).toBe(r.tokensPerSecond);
    expect(e.tokensPerSecondPerSeq).toBe(r.tokensPerSecondPerSeq);
    expect(e.decodeSeconds).toBe(r.decodeSeconds);
    expect(e.generationSeconds).toBe(r.generationSeconds);
  });

  test('the seed method: the document’s formulas on H, L, F, V; FLOPs are 2 × its multiply-adds', () => {
    const arch = resolveArchitecture({ hidden: 4096, layers: 32, ffn: 11008, vocab: 32000 });
    const a100 = presetSpec(getGpuPreset('A100'));
    const e = estimate({
      arch,
      precision: fp16,
      gpu: a100,
      batch: 1,
      context: 2048,
      outputTokens: 256,
      factors: factors(),
      speed: { method: 'seed' },
    });
    const perToken = doc.perToken(4096, 32, 11008, 1, 2048);
    expect(prefillMultiplyAdds(4096, 32, 11008, 1, 2048)).toBe(doc.prefill(4096, 32, 11008, 1, 2048));
    expect(perTokenMultiplyAdds(4096, 32, 11008, 1, 2048)).toBe(perToken);
    expect(e.flopsPrefill).toBe(2 * doc.prefill(4096, 32, 11008, 1, 2048));
    expect(e.flopsPerToken).toBe(2 * perToken);
    expect(e.tokensPerSecond).toBe(doc.tokensPerSec(312, 0.25, perToken));
    expect(e.prefillSeconds).toBe(doc.prefillLatency(doc.prefill(4096, 32, 11008, 1, 2048), 312, 0.25));
    const latency = doc.tokenLatency(perToken, 312, 0.25, doc.params(4096, 32, 11008, 32000), 2, 2039);
    expect(e.tokenLatencySeconds).toBe(latency);
    expect(e.decodeSeconds).toBe(doc.generation(latency, 256));
    expect(e.generationSeconds).toBe(e.prefillSeconds + doc.generation(latency, 256));
    // Memory is the same in both methods.
    expect(e.vramGib).toBe(
      doc.total(
        doc.weights(doc.params(4096, 32, 11008, 32000), 16),
        doc.kv(4096, 32, 1, 2048, 16),
        doc.activations(4096, 1, 2048, 16),
      ),
    );
  });

  test('memory is the same in both methods', () => {
    const r = estimate(roofline());
    const s = estimate(roofline({ speed: { method: 'seed' } }));
    for (const metric of METRICS) {
      const info = METRIC_TABLE[metric];
      if (!info.dependsOnMethod) expect([metric, info.get(s)]).toEqual([metric, info.get(r)]);
    }
  });

  test('each figure fails alone: a GPU without a compute peak still has memory; no GPU, no fits', () => {
    const noPeak = customGpu(
      new Map([
        ['memory_gb', '80'],
        ['bandwidth_gbs', '3350'],
      ]),
    );
    const e = estimate(roofline({ gpu: noPeak }));
    expect(e.vramGib).toBeGreaterThan(0);
    expect(e.fits).toBe(true);
    expect(e.flopsPrefill).toBeGreaterThan(0); // FLOPs need no GPU
    expect(() => e.prefillSeconds).toThrow(/peak/);
    expect(() => e.tokensPerSecond).toThrow(/peak/);
    const memoryOnly = estimate(roofline({ gpu: undefined, speed: { method: 'roofline', parallelism: 'tensor' } }));
    expect(memoryOnly.kvCacheGib).toBeGreaterThan(0);
    expect(() => memoryOnly.fits).toThrow('fits needs a GPU');
    expect(() => memoryOnly.prefillSeconds).toThrow('speed needs a GPU');
  });

  test('a figure read twice is the same; the derived figures agree', () => {
    const e = estimate(roofline());
    const first = e.tokenLatencySeconds;
    expect(e.tokenLatencySeconds).toBe(first);
    expect(e.tokensPerSecond).toBe(4 / first);
    expect(e.generationSeconds).toBe(e.prefillSeconds + e.decodeSeconds);
  });
});

describe('METRIC_TABLE', () => {
  test('names every metric of the contract, in its order, with a unit', () => {
    expect(Object.keys(METRIC_TABLE)).toEqual([...METRICS]);
    const units = Object.fromEntries(METRICS.map((m) => [m, METRIC_TABLE[m].unit]));
    expect(units).toEqual({
      params: 'count',
      active_params: 'count',
      weights_gib: 'GiB',
      kv_cache_gib: 'GiB',
      activations_gib: 'GiB',
      vram_gib: 'GiB',
      vram_per_gpu_gib: 'GiB',
      fits: 'TRUE/FALSE',
      flops_prefill: 'FLOPs',
      flops_per_token: 'FLOPs',
      prefill_s: 's',
      token_latency_s: 's',
      tokens_per_s: 'tokens/s',
      tokens_per_s_per_seq: 'tokens/s',
      generation_s: 's',
    });
  });

  test('dependsOnMethod holds exactly for the metrics that differ between the methods', () => {
    const r = estimate(roofline());
    const s = estimate(roofline({ speed: { method: 'seed' } }));
    for (const metric of METRICS) {
      const { get, dependsOnMethod } = METRIC_TABLE[metric];
      expect([metric, get(r) !== get(s)]).toEqual([metric, dependsOnMethod]);
    }
  });
});
