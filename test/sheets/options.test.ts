/**
 * The options argument: text or key/value range, case-insensitive keys, overrides, errors.
 */
import { invoke } from '../../src/index';
import { doc } from '../helpers/reference';

const KV = [4096, 32, 1, 2048, 'fp16'];

describe('options', () => {
  test('text and a key/value range mean the same', () => {
    const fromText = invoke('LLM_VRAM_KV', [...KV, 'KV_Overhead = 1; method=seed']);
    const fromRange = invoke('LLM_VRAM_KV', [
      ...KV,
      [
        ['kv_overhead', 1],
        ['', ''],
        ['method', 'seed'],
      ],
    ]);
    // 2 × 2048 × 4096 × 32 × 2 bytes = 2^30 bytes exactly.
    expect(fromText).toBe(1);
    expect(fromRange).toBe(1);
  });

  test('kv_precision changes the KV cache bits', () => {
    expect(invoke('LLM_VRAM_KV', [...KV, 'kv_precision=fp8'])).toBe(doc.kv(4096, 32, 1, 2048, 8));
    // fp8 weights keep an 8-bit KV cache; int8 (W8A8) keeps 16-bit, as engines default to.
    expect(invoke('LLM_VRAM_KV', [4096, 32, 1, 2048, 'fp8'])).toBe(doc.kv(4096, 32, 1, 2048, 8));
    expect(invoke('LLM_VRAM_KV', [4096, 32, 1, 2048, 'int8'])).toBe(doc.kv(4096, 32, 1, 2048, 16));
  });

  test('efficiency: positional wins over options, options over the default', () => {
    const args = [4096, 32, 11008, 32000, 1, 2048, 'fp16', 'A100'];
    const perToken = doc.perToken(4096, 32, 11008, 1, 2048);
    expect(invoke('LLM_TOKENS_PER_SEC', [...args, '', 'efficiency=0.5; method=seed'])).toBe(
      doc.tokensPerSec(312, 0.5, perToken),
    );
    expect(invoke('LLM_TOKENS_PER_SEC', [...args, 0.3, 'efficiency=0.5; method=seed'])).toBe(
      doc.tokensPerSec(312, 0.3, perToken),
    );
    expect(invoke('LLM_TOKENS_PER_SEC', [...args, '', 'method=seed'])).toBe(doc.tokensPerSec(312, 0.25, perToken));
  });

  test('scaling from options feeds the speedup', () => {
    expect(invoke('LLM_MULTI_GPU_SPEEDUP', [4, '', 'scaling=0.5'])).toBe(2);
  });

  test("an unknown key lists the valid keys: the function's own (issue 12), the architecture keys summed up (issue 14)", () => {
    expect(() => invoke('LLM_VRAM_KV', [...KV, 'kv_overheads=1'])).toThrow(
      'LLM_VRAM_KV: options has an unknown key "kv_overheads"; did you mean "kv_overhead"? valid keys: method, kv_overhead, kv_precision and the architecture keys such as heads, kv_heads, gated_ffn',
    );
  });

  test('a bad value names the key', () => {
    expect(() => invoke('LLM_VRAM_KV', [...KV, 'kv_overhead=-1'])).toThrow(
      'LLM_VRAM_KV: options key kv_overhead must be a positive number, got "-1"',
    );
    // Issue 12: engine is a speed setting, so its bad value is tried on a speed function.
    expect(() =>
      invoke('LLM_TOKEN_LATENCY', [4096, 32, 11008, 32000, 1, 2048, 'fp16', 'A100', '', 'engine=ollama']),
    ).toThrow(
      'LLM_TOKEN_LATENCY: options key engine must be one of vllm, llama.cpp, tensorrt-llm, sglang, transformers, tgi, exllamav2, got "ollama"',
    );
    expect(() => invoke('LLM_VRAM_KV', [...KV, 'n_gpus'])).toThrow('must be written key=value');
  });

  test('method: roofline is the default, seed the document; a bad method lists both', () => {
    const args = [4096, 32, 11008, 32000, 1, 2048, 'fp16', 'A100', ''];
    expect(invoke('LLM_TOKEN_LATENCY', [...args, 'method=roofline'])).toBe(invoke('LLM_TOKEN_LATENCY', args));
    expect(invoke('LLM_TOKEN_LATENCY', [...args, 'method=seed'])).not.toBe(invoke('LLM_TOKEN_LATENCY', args));
    // Memory is the same in both methods.
    expect(invoke('LLM_VRAM_KV', [...KV, 'method=roofline'])).toBe(invoke('LLM_VRAM_KV', [...KV, 'method=seed']));
    expect(() => invoke('LLM_VRAM_KV', [...KV, 'method=exact'])).toThrow(
      'LLM_VRAM_KV: options key method must be one of seed, roofline, got "exact"',
    );
  });
});

describe('custom GPUs', () => {
  const args = [4096, 32, 11008, 32000, 1, 2048, 'fp16'];
  // The seed method's memory-bound latency is exactly inverse in the bandwidth.
  const seed = ['', 'method=seed'];
  test('text, range, and a preset with changes', () => {
    const a100 = invoke('LLM_TOKEN_LATENCY', [...args, 'A100', ...seed]);
    expect(invoke('LLM_TOKEN_LATENCY', [...args, 'tflops=312; bandwidth_gbs=2039; memory_gb=80', ...seed])).toBe(a100);
    expect(
      invoke('LLM_TOKEN_LATENCY', [
        ...args,
        [
          ['tflops', 312],
          ['bandwidth_gbs', 2039],
        ],
        ...seed,
      ]),
    ).toBe(a100);
    expect(invoke('LLM_TOKEN_LATENCY', [...args, 'base=A100; name=my A100', ...seed])).toBe(a100);
    // Twice the bandwidth halves the memory-bound latency exactly.
    expect(invoke('LLM_TOKEN_LATENCY', [...args, 'base=A100; bandwidth_gbs=4078', ...seed])).toBe((a100 as number) / 2);
    // The roofline method: a preset based on A100 is the A100 (same class, same efficiencies).
    expect(invoke('LLM_TOKEN_LATENCY', [...args, 'base=A100; name=my A100'])).toBe(
      invoke('LLM_TOKEN_LATENCY', [...args, 'A100']),
    );
  });

  test('bad custom keys and values', () => {
    expect(() => invoke('LLM_TOKEN_LATENCY', [...args, 'teraflops=3'])).toThrow('unknown custom GPU key "teraflops"');
    expect(() => invoke('LLM_TOKEN_LATENCY', [...args, 'tflops=-3; bandwidth_gbs=1'])).toThrow(
      'custom GPU tflops must be a positive number, got "-3"',
    );
  });
});
