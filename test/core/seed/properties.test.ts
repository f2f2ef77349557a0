/**
 * Invariants of the seed method over random valid inputs (fast-check): it equals the document's
 * formulas (retyped in test/helpers/reference.ts) exactly, grows with B, S and L, keeps the KV cache
 * proportional to B·S, and never yields NaN or Infinity.
 *
 * Parameters and memory against the document over random inputs are asserted once, in
 * test/core/architecture/seed-equivalence.test.ts (the core, the sheet functions and LLM_ESTIMATE,
 * at every precision); test/bundle/bundle.test.ts repeats them on the built bundle. Here: FLOPs,
 * speed, options and the section 5 and 6 factors.
 */
import fc from 'fast-check';
import { invoke } from '../../../src/index';
import { doc } from '../../helpers/reference';

const hidden = fc.integer({ min: 1, max: 65_536 });
const layers = fc.integer({ min: 1, max: 512 });
const ffn = fc.integer({ min: 1, max: 262_144 });
const vocab = fc.integer({ min: 1, max: 1_000_000 });
const batch = fc.integer({ min: 1, max: 4096 });
const seqLen = fc.integer({ min: 1, max: 10_000_000 });
const precision = fc.constantFrom('fp32', 'fp16', 'bf16', 'fp8', 'int8', 'tf32');
// Dense fp16 tensor peak and bandwidth of the A100 80GB SXM (ml-engineering table, LLM-Viewer).
const A100 = { tflops: 312, bandwidth: 2039 };
const efficiency = fc.double({ min: 0.01, max: 1, noNaN: true });

const num = (v: unknown): number => {
  expect(typeof v).toBe('number');
  return v as number;
};

describe('seed method equals the document to the last digit', () => {
  test('FLOPs', () => {
    fc.assert(
      fc.property(hidden, layers, ffn, batch, seqLen, (H, L, F, B, S) => {
        expect(invoke('LLM_FLOPS_ATTENTION', [H, B, S])).toBe(doc.attention(H, B, S));
        expect(invoke('LLM_FLOPS_FFN', [H, F, B, S])).toBe(doc.ffn(H, F, B, S));
        expect(invoke('LLM_FLOPS_PREFILL', [H, L, F, B, S])).toBe(doc.prefill(H, L, F, B, S));
        expect(invoke('LLM_FLOPS_PER_TOKEN', [H, L, F, B, S])).toBe(doc.perToken(H, L, F, B, S));
      }),
    );
  });

  test('speed on an A100 at fp16, any efficiency', () => {
    fc.assert(
      fc.property(hidden, layers, ffn, vocab, batch, seqLen, efficiency, (H, L, F, V, B, S, e) => {
        const perToken = doc.perToken(H, L, F, B, S);
        const latency = doc.tokenLatency(perToken, A100.tflops, e, doc.params(H, L, F, V), 2, A100.bandwidth);
        const args = [H, L, F, V, B, S, 'fp16', 'A100', e, 'method=seed'];
        expect(invoke('LLM_TOKENS_PER_SEC', args)).toBe(doc.tokensPerSec(A100.tflops, e, perToken));
        expect(invoke('LLM_PREFILL_LATENCY', args)).toBe(
          doc.prefillLatency(doc.prefill(H, L, F, B, S), A100.tflops, e),
        );
        expect(invoke('LLM_TOKEN_LATENCY', args)).toBe(latency);
        expect(invoke('LLM_GENERATION_TIME', [H, L, F, V, B, S, 'fp16', 'A100', 100, e, 'method=seed'])).toBe(
          doc.generation(latency, 100),
        );
      }),
    );
  });

  test('overhead factors from options replace the defaults', () => {
    const factor = fc.double({ min: 0.5, max: 3, noNaN: true });
    fc.assert(
      fc.property(hidden, layers, batch, seqLen, factor, factor, (H, L, B, S, fkv, fsys) => {
        const options = `kv_overhead=${fkv}; system_overhead=${fsys}; weights_overhead=1; activations_overhead=1`;
        // LLM_VRAM_KV reads only its own factor (issue 12: a key a function does not use is an error).
        expect(invoke('LLM_VRAM_KV', [H, L, B, S, 'bf16', `kv_overhead=${fkv}`])).toBe(doc.kv(H, L, B, S, 16, fkv));
        const W = doc.weights(doc.params(H, L, 1000, 1000), 16, 1);
        const total = doc.total(W, doc.kv(H, L, B, S, 16, fkv), doc.activations(H, B, S, 16, 1), fsys);
        expect(invoke('LLM_VRAM', [H, L, 1000, 1000, B, S, 'bf16', options])).toBe(total);
      }),
    );
  });

  test('efficiency product and speedup', () => {
    const f = fc.double({ min: 0.001, max: 1, noNaN: true });
    fc.assert(
      fc.property(f, f, f, f, fc.integer({ min: 1, max: 100_000 }), (a, b, c, d, n) => {
        expect(invoke('LLM_EFFICIENCY', [a, b, c, d])).toBe(doc.efficiency(a, b, c, d));
        expect(invoke('LLM_MULTI_GPU_SPEEDUP', [n, a])).toBe(doc.speedup(n, a));
      }),
    );
  });
});

describe('monotonic and proportional', () => {
  const memoryAndTime = (H: number, L: number, B: number, S: number) => ({
    vram: num(invoke('LLM_VRAM', [H, L, 4 * H, 32000, B, S, 'fp16'])),
    prefill: num(invoke('LLM_PREFILL_LATENCY', [H, L, 4 * H, 32000, B, S, 'fp16', 'H100'])),
    latency: num(invoke('LLM_TOKEN_LATENCY', [H, L, 4 * H, 32000, B, S, 'fp16', 'H100'])),
    flops: num(invoke('LLM_FLOPS_PER_TOKEN', [H, L, 4 * H, B, S])),
  });

  test('VRAM, FLOPs and latencies never fall as B, S or L grow', () => {
    fc.assert(
      fc.property(
        hidden,
        layers,
        batch,
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 1, max: 64 }),
        (H, L, B, S, d) => {
          const base = memoryAndTime(H, L, B, S);
          for (const grown of [
            memoryAndTime(H, L, B + d, S),
            memoryAndTime(H, L, B, S + d),
            memoryAndTime(H, L + d, B, S),
          ]) {
            expect(grown.vram).toBeGreaterThan(base.vram);
            expect(grown.prefill).toBeGreaterThan(base.prefill);
            expect(grown.latency).toBeGreaterThanOrEqual(base.latency);
            expect(grown.flops).toBeGreaterThan(base.flops);
          }
        },
      ),
    );
  });

  test('KV cache is proportional to B·S', () => {
    fc.assert(
      fc.property(hidden, layers, batch, seqLen, fc.integer({ min: 2, max: 16 }), (H, L, B, S, k) => {
        const kv = num(invoke('LLM_VRAM_KV', [H, L, B, S, 'fp16']));
        const kvB = num(invoke('LLM_VRAM_KV', [H, L, B * k, S, 'fp16']));
        const kvS = num(invoke('LLM_VRAM_KV', [H, L, B, S * k, 'fp16']));
        expect(kvB / kv).toBeCloseTo(k, 10);
        expect(kvS / kv).toBeCloseTo(k, 10);
        expect(Math.abs(kvB - kvS) / kvS).toBeLessThan(1e-15);
      }),
    );
  });

  test('no NaN or Infinity for any valid input, up to the largest accepted sizes', () => {
    const big = fc.integer({ min: 1, max: 1e12 });
    fc.assert(
      fc.property(big, big, big, big, big, big, precision, efficiency, (H, L, F, V, B, S, p, e) => {
        for (const name of ['LLM_VRAM', 'LLM_PARAMS', 'LLM_FLOPS_PREFILL']) {
          const args =
            name === 'LLM_VRAM' ? [H, L, F, V, B, S, p] : name === 'LLM_PARAMS' ? [H, L, F, V] : [H, L, F, B, S];
          const value = num(invoke(name, args));
          expect(Number.isFinite(value)).toBe(true);
        }
        for (const name of ['LLM_TOKENS_PER_SEC', 'LLM_PREFILL_LATENCY', 'LLM_TOKEN_LATENCY']) {
          const value = num(invoke(name, [H, L, F, V, B, S, p, 'H100', e]));
          expect(Number.isFinite(value)).toBe(true);
          expect(value).toBeGreaterThan(0);
        }
      }),
    );
  });
});
