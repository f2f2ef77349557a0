/**
 * KV cache per token = 2 × layers × kv_heads × head_dim × bytes, worked by hand from each config:
 * grouped-query attention, declared head sizes, latent attention, sliding windows, and the split
 * over tensor-parallel GPUs.
 */
import { invoke } from '../../../src/index';

const GIB = 2 ** 30;
const kv = (model: string, S: number, options = 'kv_overhead=1', B = 1, precision = 'bf16') =>
  invoke('LLM_ESTIMATE', [model, 'kv_cache_gib', B, S, precision, 'H100', options]) as number;
const bytes = (gib: number) => gib * GIB;

describe('KV cache per token', () => {
  test('Llama-3.1-70B grows by exactly 2 × 80 layers × 8 KV heads × 128 × 2 bytes = 327,680 bytes per token', () => {
    expect(2 * 80 * 8 * 128 * 2).toBe(327_680);
    for (const S of [1, 2, 1000, 4096, 8191, 8192, 131072]) {
      expect(bytes(kv('meta-llama/Llama-3.1-70B', S))).toBe(S * 327_680);
      // One token past the maximum context needs the deployment's max_model_len raised.
      const next = kv('meta-llama/Llama-3.1-70B', S + 1, 'kv_overhead=1; max_model_len=131073');
      expect(bytes(next) - bytes(kv('meta-llama/Llama-3.1-70B', S))).toBe(327_680);
    }
    // The methodology's 2 × H × L × 2 bytes counts 64 KV heads: 8 times as much.
    expect(bytes(invoke('LLM_VRAM_KV', [8192, 80, 1, 1, 'bf16', 'kv_overhead=1']) as number)).toBe(2 * 8192 * 80 * 2);
  });

  test('batch and the default 1.05 overhead multiply it', () => {
    expect(bytes(kv('llama-3.1-70b', 1000, '', 4))).toBeCloseTo(4 * 1000 * 327_680 * 1.05, 3);
  });

  test('a declared head_dim is used, not hidden / heads', () => {
    // Qwen3-32B: 64 layers × 8 KV heads × head_dim 128 (hidden/heads would be 80).
    expect(bytes(kv('qwen3-32b', 1))).toBe(2 * 64 * 8 * 128 * 2);
    // Gemma-2-27B: 46 layers × 16 KV heads × 128 (hidden/heads would be 144), below its window.
    expect(bytes(kv('gemma-2-27b', 4096))).toBe(4096 * 2 * 46 * 16 * 128 * 2);
    expect(invoke('LLM_MODEL', ['gemma-2-27b', 'kv_bytes_per_token'])).toBe(2 * 46 * 16 * 128 * 2);
  });

  test('sliding-window layers hold at most their window', () => {
    // Gemma-2-27B at 8192 tokens: 23 global layers hold 8192, 23 sliding layers 4096.
    expect(bytes(kv('gemma-2-27b', 8192))).toBe(2 * 16 * 128 * 2 * (23 * 8192 + 23 * 4096));
    // Mistral-7B-v0.1 slides on every layer (window 4096): 32 × 8 × 128.
    expect(bytes(kv('mistral-7b-v0.1', 32768))).toBe(4096 * 2 * 32 * 8 * 128 * 2);
    expect(kv('mistral-7b-v0.1', 32768)).toBe(kv('mistral-7b-v0.1', 4096));
    // gpt-oss-20b: 12 full layers, 12 with a 128-token window, 8 KV heads × 64.
    expect(bytes(kv('gpt-oss-20b', 10000))).toBe(2 * 8 * 64 * 2 * (12 * 10000 + 12 * 128));
    // Gemma-3-27B: 10 global layers of 62, the others a 1024-token window.
    expect(bytes(kv('gemma-3-27b', 100000))).toBe(2 * 16 * 128 * 2 * (10 * 100000 + 52 * 1024));
    // Llama-4-Scout: chunked attention (8192) on 36 of 48 layers.
    expect(bytes(kv('llama-4-scout', 65536))).toBe(2 * 8 * 128 * 2 * (12 * 65536 + 36 * 8192));
  });

  test('latent attention caches kv_lora_rank + qk_rope_head_dim values per layer (DeepSeek-V3: 70,272 bytes)', () => {
    expect(bytes(kv('deepseek-v3', 1))).toBe(61 * (512 + 64) * 2);
    expect(bytes(kv('deepseek-r1', 1000))).toBe(1000 * 70_272);
    expect(invoke('LLM_MODEL', ['deepseek-v3', 'kv_bytes_per_token'])).toBe(70_272);
  });

  test('kv_precision stores the cache in fp8 (8 bits) or llama.cpp q8_0 / q4_0 (8.5 / 4.5 bits)', () => {
    const S = 1024;
    expect(bytes(kv('llama-3.1-8b', S, 'kv_overhead=1; kv_precision=fp8'))).toBe((S * 2 * 32 * 8 * 128 * 8) / 8);
    expect(bytes(kv('llama-3.1-8b', S, 'kv_overhead=1; kv_precision=q8_0'))).toBe((S * 2 * 32 * 8 * 128 * 8.5) / 8);
    expect(bytes(kv('llama-3.1-8b', S, 'kv_overhead=1; kv_precision=q4_0'))).toBe((S * 2 * 32 * 8 * 128 * 4.5) / 8);
    // fp8 weights keep an 8-bit cache; int4 and GGUF formats a 16-bit one; NVFP4 an FP8 one.
    expect(bytes(kv('llama-3.1-8b', S, 'kv_overhead=1', 1, 'fp8'))).toBe(S * 2 * 32 * 8 * 128);
    expect(bytes(kv('llama-3.1-8b', S, 'kv_overhead=1', 1, 'int4'))).toBe(S * 2 * 32 * 8 * 128 * 2);
    expect(bytes(kv('llama-3.1-8b', S, 'kv_overhead=1', 1, 'q4_k_m'))).toBe(S * 2 * 32 * 8 * 128 * 2);
    expect(bytes(kv('llama-3.1-8b', S, 'kv_overhead=1', 1, 'fp4'))).toBe(S * 2 * 32 * 8 * 128);
  });
});

describe('tensor parallelism (n_gpus)', () => {
  const perToken = 327_680; // Llama-3.1-70B, bf16

  test('8 KV heads split over 2, 4, 8 GPUs: the total is unchanged', () => {
    for (const n of [2, 4, 8])
      expect(bytes(kv('llama-3.1-70b', 1000, `kv_overhead=1; n_gpus=${n}`))).toBe(1000 * perToken);
  });

  test('more GPUs than KV heads replicate them: 16 GPUs hold one head each, twice the cache', () => {
    expect(bytes(kv('llama-3.1-70b', 1000, 'kv_overhead=1; n_gpus=16'))).toBe(2 * 1000 * perToken);
  });

  test('an uneven split rounds up per GPU: 3 GPUs hold 3 heads each', () => {
    expect(bytes(kv('llama-3.1-70b', 1000, 'kv_overhead=1; n_gpus=3'))).toBe((9 / 8) * 1000 * perToken);
  });

  test('the MLA latent is shared by all heads, so every GPU holds all of it', () => {
    expect(bytes(kv('deepseek-v3', 1000, 'kv_overhead=1; n_gpus=8'))).toBe(8 * 1000 * 70_272);
  });

  test('weights split evenly; activations sit on every GPU; per GPU is the total over n', () => {
    const args = (metric: string, n: number) => ['llama-3.1-70b', metric, 8, 8192, 'fp8', 'H100', `n_gpus=${n}`];
    const one = (m: string) => invoke('LLM_ESTIMATE', args(m, 1)) as number;
    const four = (m: string) => invoke('LLM_ESTIMATE', args(m, 4)) as number;
    expect(four('weights_gib')).toBe(one('weights_gib'));
    expect(four('kv_cache_gib')).toBe(one('kv_cache_gib'));
    expect(four('activations_gib')).toBe(4 * one('activations_gib'));
    expect(four('vram_gib')).toBe((four('weights_gib') + four('kv_cache_gib') + four('activations_gib')) * 1.05);
    expect(four('vram_per_gpu_gib')).toBe(four('vram_gib') / 4);
  });

  test('fits: one GPU’s share against memory_gb (GB = 10^9 bytes)', () => {
    // Llama-3.1-70B bf16 weights alone are 141 GB: not on one 80 GB H100, yes on two.
    expect(invoke('LLM_ESTIMATE', ['llama-3.1-70b', 'fits', 1, 4096, 'bf16', 'H100'])).toBe(false);
    expect(invoke('LLM_ESTIMATE', ['llama-3.1-70b', 'fits', 1, 4096, 'bf16', 'H100', 'n_gpus=2'])).toBe(true);
    // The boundary: a GPU of exactly vram_per_gpu_gib × 2^30 bytes fits, one byte less does not.
    const need = invoke('LLM_ESTIMATE', ['llama-3.1-8b', 'vram_per_gpu_gib', 1, 4096, 'bf16', 'H100']) as number;
    const gpu = (gb: number) => `tflops=989; bandwidth_gbs=3350; memory_gb=${gb}`;
    expect(invoke('LLM_ESTIMATE', ['llama-3.1-8b', 'fits', 1, 4096, 'bf16', gpu((need * GIB) / 1e9)])).toBe(true);
    expect(invoke('LLM_ESTIMATE', ['llama-3.1-8b', 'fits', 1, 4096, 'bf16', gpu((need * GIB - 1) / 1e9)])).toBe(false);
    expect(() => invoke('LLM_ESTIMATE', ['llama-3.1-8b', 'fits', 1, 4096, 'bf16', 'tflops=989'])).toThrow(
      'fits needs the GPU',
    );
  });
});
