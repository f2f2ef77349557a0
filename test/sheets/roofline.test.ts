/**
 * The roofline method through the custom functions: the default, the seed method unchanged, and the
 * options mfu, mbu, efficiency, engine, parallelism and output_tokens.
 */
import { invoke } from '../../src/index';
import { EFFICIENCY } from '../../src/core/roofline/efficiency';
import { doc } from '../helpers/reference';

const num = (v: unknown): number => v as number;
const LLAMA2 = [4096, 32, 11008, 32000];
const args = (options: string, e: number | '' = '') => [...LLAMA2, 1, 2048, 'fp16', 'A100', e, options];

describe('method', () => {
  test('roofline is the default of every speed function', () => {
    for (const name of ['LLM_TOKENS_PER_SEC', 'LLM_PREFILL_LATENCY', 'LLM_TOKEN_LATENCY']) {
      expect(invoke(name, args(''))).toBe(invoke(name, args('method=roofline')));
    }
    expect(invoke('LLM_GENERATION_TIME', [...LLAMA2, 1, 2048, 'fp16', 'A100', 64])).toBe(
      invoke('LLM_GENERATION_TIME', [...LLAMA2, 1, 2048, 'fp16', 'A100', 64, '', 'method=roofline']),
    );
  });

  test('method=seed keeps the document to the digit', () => {
    const perToken = doc.perToken(4096, 32, 11008, 1, 2048);
    expect(invoke('LLM_TOKENS_PER_SEC', args('method=seed'))).toBe(doc.tokensPerSec(312, 0.25, perToken));
    expect(invoke('LLM_PREFILL_LATENCY', args('method=seed'))).toBe(
      doc.prefillLatency(doc.prefill(4096, 32, 11008, 1, 2048), 312, 0.25),
    );
  });

  test('the FLOPs functions are the document’s definitions in both methods', () => {
    expect(invoke('LLM_FLOPS_PREFILL', [4096, 32, 11008, 1, 2048, 'method=roofline'])).toBe(
      doc.prefill(4096, 32, 11008, 1, 2048),
    );
  });

  test('roofline batch-1 decode of a 7B model on an A100 is tens of tokens/s, not thousands', () => {
    // 13.5 GB of fp16 weights over 2039 GB/s: at most 151 tokens/s at full bandwidth.
    const tps = num(invoke('LLM_TOKENS_PER_SEC', args('')));
    expect(tps).toBeGreaterThan(50);
    expect(tps).toBeLessThan(151);
    expect(num(invoke('LLM_TOKENS_PER_SEC', args('method=seed')))).toBeGreaterThan(20000);
  });

  test('generation time is the sum over the tokens; token latency their average', () => {
    const gen = num(invoke('LLM_GENERATION_TIME', [...LLAMA2, 1, 2048, 'fp16', 'A100', 300]));
    const latency = num(invoke('LLM_TOKEN_LATENCY', args('output_tokens=300')));
    expect(gen / 300).toBeCloseTo(latency, 12);
    // A longer generation reads a longer KV cache on average.
    expect(num(invoke('LLM_TOKEN_LATENCY', args('output_tokens=8000')))).toBeGreaterThan(latency);
  });
});

describe('efficiency overrides', () => {
  const hbm = EFFICIENCY.classes.hbm;
  const vllm = EFFICIENCY.engines.vllm;
  const overhead = hbm.overheadSeconds * vllm.overhead;

  test('mbu: batch-1 decode is memory-bound, so its time beyond the overhead is inverse in MBU', () => {
    const at = (mbu: number) => num(invoke('LLM_TOKEN_LATENCY', args(`mbu=${mbu}`))) - overhead;
    expect(at(0.4) / at(0.8)).toBeCloseTo(2, 10);
  });

  test('mfu: a long prefill is compute-bound, so its time beyond the overhead is inverse in MFU', () => {
    const at = (mfu: number) =>
      num(invoke('LLM_PREFILL_LATENCY', [...LLAMA2, 8, 4096, 'fp16', 'A100', '', `mfu=${mfu}`])) - overhead;
    expect(at(0.25) / at(0.5)).toBeCloseTo(2, 10);
  });

  test('efficiency sets both; a positional efficiency wins over options', () => {
    const both = invoke('LLM_TOKEN_LATENCY', args('mfu=0.6; mbu=0.6'));
    expect(invoke('LLM_TOKEN_LATENCY', args('efficiency=0.6'))).toBe(both);
    expect(invoke('LLM_TOKEN_LATENCY', args('efficiency=0.3', 0.6))).toBe(both);
    expect(invoke('LLM_TOKEN_LATENCY', args('mbu=0.6', 0.6))).toBe(both);
    // mfu and mbu win over efficiency for their own bound.
    expect(invoke('LLM_TOKEN_LATENCY', args('efficiency=0.3; mbu=0.6; mfu=0.6'))).toBe(both);
  });

  test('bad values name the function and the key', () => {
    expect(() => invoke('LLM_TOKEN_LATENCY', args('mbu=1.5'))).toThrow(
      'LLM_TOKEN_LATENCY: options key mbu must be a fraction greater than 0 and at most 1, got "1.5"',
    );
    expect(() => invoke('LLM_TOKEN_LATENCY', args('parallelism=data'))).toThrow(
      'LLM_TOKEN_LATENCY: options key parallelism must be one of tensor, pipeline, got "data"',
    );
  });
});

describe('LLM_ESTIMATE speed metrics', () => {
  const estimate = (metric: string, options = '', b = 1, s = 512) =>
    num(invoke('LLM_ESTIMATE', ['llama-3-8b', metric, b, s, 'q4_k_m', 'RTX 4090', options]));

  test('engines differ: the measured efficiencies of llama.cpp and vLLM', () => {
    expect(estimate('token_latency_s', 'engine=llama.cpp')).not.toBe(estimate('token_latency_s'));
    expect(estimate('token_latency_s', 'engine=vllm')).toBe(estimate('token_latency_s'));
  });

  test('tokens/s, per sequence and generation time agree', () => {
    const latency = estimate('token_latency_s', '', 4);
    expect(estimate('tokens_per_s', '', 4)).toBeCloseTo(4 / latency, 8);
    expect(estimate('tokens_per_s_per_seq', '', 4)).toBeCloseTo(1 / latency, 8);
    expect(estimate('generation_s', 'output_tokens=100', 4)).toBeCloseTo(
      estimate('prefill_s', 'output_tokens=100', 4) + 100 * estimate('token_latency_s', 'output_tokens=100', 4),
      10,
    );
  });

  test('architecture-exact FLOPs: 2 per multiply-add, GQA and the gated FFN, causal prefill', () => {
    // Llama-3-8B: linear weights per token 32 × (2 × 4096² + 2 × 4096 × 1024 + 3 × 4096 × 14336)
    // = 6,979,321,856; head 128,256 × 4096 = 525,336,576.
    const linear = 6_979_321_856;
    const head = 128_256 * 4096;
    // Decode at context 512: 2 × linear + 2 × head + 512 keys × 32 layers × 4 × 4096.
    expect(estimate('flops_per_token')).toBe(2 * linear + 2 * head + 512 * 32 * 4 * 4096);
    // Prefill of 512: 512 × 2 × linear + 32 × 512 × 513 / 2 × 4 × 4096 + 2 × head (last token).
    expect(estimate('flops_prefill')).toBe(512 * 2 * linear + ((32 * 512 * 513) / 2) * 4 * 4096 + 2 * head);
  });

  test('pipeline gives one sequence no speedup; tensor parallelism does', () => {
    const one = estimate('token_latency_s');
    expect(estimate('token_latency_s', 'n_gpus=2; parallelism=pipeline')).toBeGreaterThan(one);
    expect(estimate('token_latency_s', 'n_gpus=2')).toBeLessThan(one);
  });
});
