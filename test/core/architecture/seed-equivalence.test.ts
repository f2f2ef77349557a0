/**
 * With every architecture option at its default the generalised formulas are the methodology's, to
 * the last digit (methodology 2.1–2.4, retyped in test/helpers/reference.ts): left out, written out
 * with their default values, and through the sheet functions with default options.
 */
import fc from 'fast-check';
import { modelMemory } from '../../../src/core/architecture/memory';
import { activeParameterCount, parameterCount } from '../../../src/core/architecture/params';
import { resolveArchitecture, type ArchitectureSpec } from '../../../src/core/architecture/spec';
import { findPrecision, type Precision } from '../../../src/core/precision';
import { invoke } from '../../../src/index';
import { doc } from '../../helpers/reference';

const BITS: Record<string, { w: number; kv: number; act: number }> = {
  fp32: { w: 32, kv: 32, act: 32 },
  tf32: { w: 32, kv: 32, act: 32 },
  fp16: { w: 16, kv: 16, act: 16 },
  bf16: { w: 16, kv: 16, act: 16 },
  fp8: { w: 8, kv: 8, act: 8 },
  int8: { w: 8, kv: 16, act: 16 },
};

const dims = fc.record({
  H: fc.integer({ min: 1, max: 65_536 }),
  L: fc.integer({ min: 1, max: 512 }),
  F: fc.integer({ min: 1, max: 262_144 }),
  V: fc.integer({ min: 1, max: 1_000_000 }),
  B: fc.integer({ min: 1, max: 4096 }),
  S: fc.integer({ min: 1, max: 10_000_000 }),
  p: fc.constantFrom(...Object.keys(BITS)),
});

const FACTORS = {
  weightsOverhead: 1.05,
  kvOverhead: 1.05,
  activationsOverhead: 1.1,
  systemOverhead: 1.05,
  nGpus: 1,
};

/** The defaults written out: heads that divide H, one KV head per head, LayerNorm twice per layer. */
function explicitDefaults(H: number, L: number, F: number, V: number, heads: number): ArchitectureSpec {
  return {
    hidden: H,
    layers: L,
    ffn: F,
    vocab: V,
    heads,
    kvHeads: heads,
    gatedFfn: false,
    tiedEmbeddings: true,
    norm: 'layernorm',
    normsPerLayer: 2,
    finalNorm: true,
    qkNorm: false,
    qkvBias: false,
    attentionOutputBias: false,
    mlpBias: false,
    positionEmbeddings: 0,
    experts: 0,
    extraParams: 0,
  };
}

describe('seed equivalence (property)', () => {
  test('parameters, weights, KV cache, activations and total equal methodology 2.1–2.4 exactly', () => {
    fc.assert(
      fc.property(dims, fc.integer({ min: 0, max: 63 }), ({ H, L, F, V, B, S, p }, headsSeed) => {
        const precision = findPrecision(p) as Precision;
        const bits = BITS[p];
        const P = doc.params(H, L, F, V);
        const W = doc.weights(P, bits.w);
        const KV = doc.kv(H, L, B, S, bits.kv);
        const A = doc.activations(H, B, S, bits.act);
        const total = doc.total(W, KV, A);
        // Any head count that divides H describes the same Q, K, V, O matrices.
        const divisors = Array.from({ length: Math.min(H, 64) }, (_, i) => i + 1).filter((d) => H % d === 0);
        const heads = divisors[headsSeed % divisors.length];
        for (const spec of [{ hidden: H, layers: L, ffn: F, vocab: V }, explicitDefaults(H, L, F, V, heads)]) {
          const arch = resolveArchitecture(spec);
          expect(parameterCount(arch)).toBe(P);
          expect(activeParameterCount(arch)).toBe(P);
          const memory = modelMemory(arch, precision, { ...FACTORS, kvBits: bits.kv }, B, S);
          expect(memory.weightsGib).toBe(W);
          expect(memory.kvCacheGib).toBe(KV);
          expect(memory.activationsGib).toBe(A);
          expect(memory.totalGib).toBe(total);
          expect(memory.perGpuGib).toBe(total);
        }
        // The methodology functions with the defaults written as options.
        const opts = `heads=${heads}; kv_heads=${heads}; gated_ffn=0; tied_embeddings=1; norm=layernorm; norms_per_layer=2; final_norm=1; experts=0`;
        expect(invoke('LLM_PARAMS', [H, L, F, V, opts])).toBe(P);
        expect(invoke('LLM_VRAM_WEIGHTS', [H, L, F, V, p, opts])).toBe(W);
        expect(invoke('LLM_VRAM_KV', [H, L, B, S, p, opts])).toBe(KV);
        // Activations depend on H alone: LLM_VRAM_ACTIVATIONS reads no architecture keys (issue 12).
        expect(invoke('LLM_VRAM_ACTIVATIONS', [H, B, S, p])).toBe(A);
        expect(invoke('LLM_VRAM', [H, L, F, V, B, S, p, opts])).toBe(total);
        // LLM_ESTIMATE on the same model given by keys.
        const keys = `hidden=${H}; layers=${L}; ffn=${F}; vocab=${V}`;
        const gpu = 'tflops=312; bandwidth_gbs=2039; memory_gb=80';
        expect(invoke('LLM_ESTIMATE', [keys, 'params', B, S, p, gpu])).toBe(P);
        expect(invoke('LLM_ESTIMATE', [keys, 'vram_gib', B, S, p, gpu])).toBe(total);
        expect(invoke('LLM_ESTIMATE', [keys, 'kv_cache_gib', B, S, p, gpu])).toBe(KV);
      }),
      { numRuns: 300 },
    );
  });

  test('speed metrics of LLM_ESTIMATE are the seed functions on the same H, L, F, V', () => {
    fc.assert(
      fc.property(dims, fc.integer({ min: 1, max: 4096 }), ({ H, L, F, V, B, S }, N) => {
        const keys = `hidden=${H}; layers=${L}; ffn=${F}; vocab=${V}`;
        const gpu = 'tflops_fp16=312; bandwidth_gbs=2039';
        const seed = [H, L, F, V, B, S, 'fp16', gpu, '', 'method=seed'];
        const perToken = doc.perToken(H, L, F, B, S);
        const latency = doc.tokenLatency(perToken, 312, 0.25, doc.params(H, L, F, V), 2, 2039);
        const prefill = doc.prefillLatency(doc.prefill(H, L, F, B, S), 312, 0.25);
        const estimate = (metric: string) =>
          invoke('LLM_ESTIMATE', [keys, metric, B, S, 'fp16', gpu, `output_tokens=${N}; method=seed`]);
        // LLM_ESTIMATE's FLOPs are 2 per multiply-add in both methods: twice the document's count (issue 12).
        expect(estimate('flops_prefill')).toBe(2 * doc.prefill(H, L, F, B, S));
        expect(estimate('flops_per_token')).toBe(2 * perToken);
        expect(estimate('tokens_per_s')).toBe(invoke('LLM_TOKENS_PER_SEC', seed));
        expect(estimate('tokens_per_s')).toBe(doc.tokensPerSec(312, 0.25, perToken));
        expect(estimate('tokens_per_s_per_seq')).toBe(doc.tokensPerSec(312, 0.25, perToken) / B);
        expect(estimate('token_latency_s')).toBe(latency);
        expect(estimate('prefill_s')).toBe(prefill);
        expect(estimate('generation_s')).toBe(prefill + doc.generation(latency, N));
      }),
      { numRuns: 100 },
    );
  });
});
