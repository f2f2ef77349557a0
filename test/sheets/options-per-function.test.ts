/**
 * Options are declared per function (issue 12): each function reads the groups of keys it names,
 * and a key it does not read is an error naming the function and the key, never ignored.
 * LLM_ESTIMATE takes one options cell for all its metrics, so it reads every key.
 */
import { invoke } from '../../src/index';
import { OPTION_KEYS, OPTION_SPECS, functionsReading } from '../../src/sheets/options';
import { FUNCTIONS, getFunction } from '../../src/sheets/registry';

const LLAMA2 = [4096, 32, 11008, 32000];
const SPEED = [...LLAMA2, 1, 2048, 'fp16', 'A100', ''];
const isShape = (key: string) => OPTION_SPECS[key].groups.includes('shape');

/** What each function reads, the architecture keys (`shape`) summed up as one flag. */
const DECLARED: Record<string, { keys: string[]; shape: boolean }> = {
  LLM_PARAMS: { keys: ['method'], shape: true },
  LLM_FLOPS_ATTENTION: { keys: ['method'], shape: false },
  LLM_FLOPS_FFN: { keys: ['method'], shape: false },
  LLM_FLOPS_PREFILL: { keys: ['method'], shape: false },
  LLM_FLOPS_PER_TOKEN: { keys: ['method'], shape: false },
  LLM_VRAM_WEIGHTS: { keys: ['method', 'weights_overhead'], shape: true },
  LLM_VRAM_KV: { keys: ['method', 'kv_overhead', 'kv_precision'], shape: true },
  LLM_VRAM_ACTIVATIONS: { keys: ['method', 'activations_overhead'], shape: false },
  LLM_VRAM: {
    keys: ['method', 'weights_overhead', 'kv_overhead', 'activations_overhead', 'system_overhead', 'kv_precision'],
    shape: true,
  },
  LLM_TOKENS_PER_SEC: {
    keys: [
      'method',
      'efficiency',
      'scaling',
      'n_gpus',
      'output_tokens',
      'kv_precision',
      'engine',
      'mfu',
      'mbu',
      'parallelism',
    ],
    shape: true,
  },
  LLM_PREFILL_LATENCY: {
    keys: ['method', 'efficiency', 'scaling', 'n_gpus', 'kv_precision', 'engine', 'mfu', 'mbu', 'parallelism'],
    shape: true,
  },
  LLM_TOKEN_LATENCY: {
    keys: [
      'method',
      'efficiency',
      'scaling',
      'n_gpus',
      'output_tokens',
      'kv_precision',
      'engine',
      'mfu',
      'mbu',
      'parallelism',
    ],
    shape: true,
  },
  // N is its argument: output_tokens is not read from options.
  LLM_GENERATION_TIME: {
    keys: ['method', 'efficiency', 'scaling', 'n_gpus', 'kv_precision', 'engine', 'mfu', 'mbu', 'parallelism'],
    shape: true,
  },
  LLM_MULTI_GPU_SPEEDUP: { keys: ['method', 'scaling'], shape: false },
};

describe('each function declares the keys it reads', () => {
  test.each(Object.entries(DECLARED))('%s', (name, declared) => {
    const keys = getFunction(name).optionKeys;
    expect(keys.filter((k) => !isShape(k))).toEqual(declared.keys);
    expect(keys.some(isShape)).toBe(declared.shape);
    if (declared.shape) expect(keys.filter(isShape)).toEqual(OPTION_KEYS.filter(isShape));
  });

  test('LLM_ESTIMATE reads every key, max_model_len and H, L, F, V (a what-if) only it', () => {
    expect(getFunction('LLM_ESTIMATE').optionKeys).toEqual(OPTION_KEYS);
    for (const key of ['max_model_len', 'hidden', 'layers', 'ffn', 'vocab']) {
      expect(functionsReading(key)).toEqual(['LLM_ESTIMATE']);
    }
  });

  test('every function with an options argument declares its keys; the others read none', () => {
    for (const f of FUNCTIONS) {
      const hasOptions = f.params.some((p) => p.name === 'options');
      expect(f.optionKeys.length > 0).toBe(hasOptions);
      expect(DECLARED[f.name] !== undefined || f.name === 'LLM_ESTIMATE' || !hasOptions).toBe(true);
    }
  });

  test('the options argument of a function lists its keys in its JSDoc', () => {
    const param = getFunction('LLM_VRAM_KV').params.find((p) => p.name === 'options')!;
    expect(param.description).toContain('keys: method, kv_overhead, kv_precision, the architecture keys');
    const flops = getFunction('LLM_FLOPS_PREFILL').params.find((p) => p.name === 'options')!;
    expect(flops.description).toContain('keys: method.');
  });
});

describe('a key a function does not read is an error naming the function and the key', () => {
  test('the issue’s probes: architecture keys on the document’s FLOPs, engine on memory', () => {
    expect(() => invoke('LLM_FLOPS_PREFILL', [4096, 32, 11008, 1, 2048, 'gated_ffn=1; kv_heads=8; heads=32'])).toThrow(
      /^LLM_FLOPS_PREFILL: options key gated_ffn is not used by LLM_FLOPS_PREFILL \(it uses: method\); gated_ffn is read by LLM_ESTIMATE, LLM_GENERATION_TIME, /,
    );
    expect(() => invoke('LLM_VRAM', [...LLAMA2, 1, 2048, 'fp16', 'engine=llama.cpp'])).toThrow(
      'LLM_VRAM: options key engine is not used by LLM_VRAM (it uses: method, weights_overhead, kv_overhead, activations_overhead, system_overhead, kv_precision and the architecture keys such as heads, kv_heads, gated_ffn); engine is read by LLM_ESTIMATE, LLM_GENERATION_TIME, LLM_PREFILL_LATENCY, LLM_TOKENS_PER_SEC, LLM_TOKEN_LATENCY',
    );
  });

  test('the review’s probes: n_gpus on activations, engine and mfu on the speedup', () => {
    expect(() => invoke('LLM_VRAM_ACTIVATIONS', [4096, 1, 2048, 'fp16', 'n_gpus=8; kv_heads=2'])).toThrow(
      'LLM_VRAM_ACTIVATIONS: options key n_gpus is not used by LLM_VRAM_ACTIVATIONS (it uses: method, activations_overhead)',
    );
    expect(() => invoke('LLM_VRAM_ACTIVATIONS', [4096, 1, 2048, 'fp16', 'kv_heads=2'])).toThrow(
      'options key kv_heads is not used by LLM_VRAM_ACTIVATIONS',
    );
    expect(() => invoke('LLM_MULTI_GPU_SPEEDUP', [8, '', 'engine=tgi'])).toThrow(
      'LLM_MULTI_GPU_SPEEDUP: options key engine is not used by LLM_MULTI_GPU_SPEEDUP (it uses: method, scaling)',
    );
    expect(() => invoke('LLM_MULTI_GPU_SPEEDUP', [8, '', 'mfu=0.1'])).toThrow('key mfu is not used');
  });

  test('memory factors other than its own are not read by a memory function', () => {
    expect(() => invoke('LLM_VRAM_KV', [4096, 32, 1, 2048, 'fp16', 'weights_overhead=1'])).toThrow(
      'LLM_VRAM_KV: options key weights_overhead is not used by LLM_VRAM_KV (it uses: method, kv_overhead, kv_precision and the architecture keys',
    );
    expect(() => invoke('LLM_VRAM_WEIGHTS', [...LLAMA2, 'fp16', 'kv_precision=fp8'])).toThrow(
      'key kv_precision is not used by LLM_VRAM_WEIGHTS',
    );
  });

  test('max_model_len is LLM_ESTIMATE’s only', () => {
    expect(() => invoke('LLM_TOKEN_LATENCY', [...SPEED, 'max_model_len=8192'])).toThrow(
      /^LLM_TOKEN_LATENCY: options key max_model_len is not used by LLM_TOKEN_LATENCY .*; max_model_len is read by LLM_ESTIMATE$/,
    );
  });

  test('a key an argument of the function gives cannot be set in options', () => {
    expect(() => invoke('LLM_VRAM', [...LLAMA2, 1, 2048, 'fp16', 'vocab=128256'])).toThrow(
      'LLM_VRAM: options cannot set vocab: it is an argument of this function (V)',
    );
    expect(() =>
      invoke('LLM_GENERATION_TIME', [...LLAMA2, 1, 2048, 'fp16', 'A100', 64, '', 'output_tokens=8']),
    ).toThrow('LLM_GENERATION_TIME: options cannot set output_tokens: it is an argument of this function (N)');
    expect(() => invoke('LLM_MULTI_GPU_SPEEDUP', [8, '', 'n_gpus=2'])).toThrow(
      'LLM_MULTI_GPU_SPEEDUP: options cannot set n_gpus: it is an argument of this function (n_gpus)',
    );
    // F and V are not arguments of LLM_VRAM_KV, and do not enter the KV cache: not read.
    expect(() => invoke('LLM_VRAM_KV', [4096, 32, 1, 2048, 'fp16', 'ffn=14336'])).toThrow(
      'LLM_VRAM_KV: options key ffn is not used by LLM_VRAM_KV',
    );
  });

  test('in a range every position shows the error once: options are read whole, before the positions', () => {
    expect(() => invoke('LLM_VRAM', [...LLAMA2, [[1], [2]], 2048, 'fp16', 'engine=vllm'])).toThrow(
      'LLM_VRAM: options key engine is not used by LLM_VRAM',
    );
  });

  test('what a function declares it reads changes its result', () => {
    const kv = (options: string) => invoke('LLM_VRAM_KV', [4096, 32, 1, 2048, 'fp16', options]);
    expect(kv('kv_overhead=1')).not.toBe(kv(''));
    expect(kv('kv_precision=fp8')).not.toBe(kv(''));
    expect(kv('heads=32; kv_heads=8')).not.toBe(kv(''));
    const latency = (options: string) => invoke('LLM_TOKEN_LATENCY', [...SPEED, options]);
    for (const options of [
      'n_gpus=2',
      'output_tokens=8000',
      'kv_precision=fp8',
      'engine=llama.cpp',
      'mbu=0.3',
      'efficiency=0.3',
      'kv_heads=8; heads=32',
    ]) {
      expect([options, latency(options)]).not.toEqual([options, latency('')]);
    }
    expect(latency('method=seed; n_gpus=2; scaling=0.5')).not.toBe(latency('method=seed; n_gpus=2'));
    expect(invoke('LLM_MULTI_GPU_SPEEDUP', [8, '', 'scaling=0.5'])).toBe(4);
  });

  test('LLM_ESTIMATE takes one options cell for all its metrics', () => {
    const row = invoke('LLM_ESTIMATE', [
      'llama-3.1-8b',
      [['kv_cache_gib', 'vram_gib', 'token_latency_s']],
      1,
      4096,
      'bf16',
      'H100',
      'kv_overhead=1; system_overhead=1; engine=vllm; n_gpus=1; output_tokens=64; max_model_len=8192; kv_heads=4',
    ]) as unknown[][];
    for (const value of row[0]) expect(value).toEqual(expect.any(Number));
  });
});
