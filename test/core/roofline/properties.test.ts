/**
 * Properties of the roofline method over random configurations: time never falls as B or S grow,
 * and every valid input gives finite, positive numbers.
 */
import fc from 'fast-check';
import { invoke } from '../../../src/index';
import { MODEL_PRESETS } from '../../../src/core/models/catalog';

const num = (v: unknown): number => v as number;
const GPUS = ['H100', 'A100', 'RTX 4090', 'RTX A6000', 'M2 Ultra', 'MI300X', 'L4'];
const PRECISIONS = ['fp16', 'bf16', 'fp8', 'int8', 'int4', 'q4_k_m', 'fp4', 'nf4'];
// Presets whose shapes are quick to summarise; MoE, GQA, MLA and sliding windows among them.
const MODELS = [
  'llama-3-8b',
  'mixtral-8x7b',
  'qwen3-30b-a3b',
  'gemma-2-9b',
  'gpt2',
  'deepseek-v3',
  'llama-3.1-70b',
].filter((id) => MODEL_PRESETS.some((p) => p.id === id));

const config = fc.record({
  model: fc.constantFrom(...MODELS),
  gpu: fc.constantFrom(...GPUS),
  precision: fc.constantFrom(...PRECISIONS),
  engine: fc.constantFrom('vllm', 'llama.cpp', 'tensorrt-llm', 'transformers'),
  parallelism: fc.constantFrom('tensor', 'pipeline'),
  nGpus: fc.constantFrom(1, 2, 8),
  B: fc.integer({ min: 1, max: 256 }),
  S: fc.integer({ min: 1, max: 32768 }),
  N: fc.integer({ min: 1, max: 1024 }),
});

type Config = typeof config extends fc.Arbitrary<infer T> ? T : never;

function metrics(c: Config, B = c.B, S = c.S) {
  // max_model_len: the properties hold at any context, past the model's own maximum too.
  const options = `engine=${c.engine}; parallelism=${c.parallelism}; n_gpus=${c.nGpus}; output_tokens=${c.N}; max_model_len=${S}`;
  const row = invoke('LLM_ESTIMATE', [
    c.model,
    [['prefill_s', 'token_latency_s', 'generation_s', 'tokens_per_s', 'flops_prefill']],
    B,
    S,
    c.precision,
    c.gpu,
    options,
  ]) as unknown[][];
  const [prefill, latency, generation, tps, flops] = row[0].map(num);
  return { prefill, latency, generation, tps, flops };
}

describe('roofline properties', () => {
  test('prefill, time per token and generation time never fall as B or S grow', () => {
    fc.assert(
      fc.property(config, fc.integer({ min: 1, max: 64 }), (c, d) => {
        const base = metrics(c);
        for (const grown of [metrics(c, c.B + d, c.S), metrics(c, c.B, c.S + d)]) {
          expect(grown.prefill).toBeGreaterThanOrEqual(base.prefill);
          expect(grown.latency).toBeGreaterThanOrEqual(base.latency);
          expect(grown.generation).toBeGreaterThanOrEqual(base.generation);
          expect(grown.flops).toBeGreaterThan(base.flops);
        }
      }),
      { numRuns: 60 },
    );
  });

  test('finite and positive, never NaN', () => {
    fc.assert(
      fc.property(config, (c) => {
        for (const value of Object.values(metrics(c))) {
          expect(Number.isFinite(value)).toBe(true);
          expect(value).toBeGreaterThan(0);
        }
      }),
      { numRuns: 60 },
    );
  });

  test('the methodology speed functions on any H, L, F, V: finite, positive, monotone in B and S', () => {
    const size = fc.integer({ min: 1, max: 1e6 });
    fc.assert(
      fc.property(size, fc.integer({ min: 1, max: 200 }), size, size, size, size, (H, L, F, V, B, S) => {
        const at = (b: number, s: number) =>
          ['LLM_PREFILL_LATENCY', 'LLM_TOKEN_LATENCY'].map((name) =>
            num(invoke(name, [H, L, F, V, b, s, 'bf16', 'H100'])),
          );
        const base = at(B, S);
        for (const value of base) expect(Number.isFinite(value) && value > 0).toBe(true);
        const grown = [at(B + 1, S), at(B, S + 1)];
        for (const g of grown) g.forEach((value, i) => expect(value).toBeGreaterThanOrEqual(base[i]));
      }),
      { numRuns: 100 },
    );
  });
});
