/**
 * Golden values for every seed formula, worked by hand from the methodology document for two
 * configurations. The arithmetic is written next to each expected value; none of it was produced
 * by the code under test.
 */
import { attentionFlops, feedForwardFlops, perTokenFlops, prefillFlops } from '../../../src/core/seed/flops';
import { activationsGib, kvCacheGib, parameterCount, totalVramGib, weightsGib } from '../../../src/core/seed/memory';
import {
  generationTimeSeconds,
  prefillLatencySeconds,
  tokenComputeLatencySeconds,
  tokenLatencySeconds,
  tokenMemoryLatencySeconds,
  tokensPerSecond,
} from '../../../src/core/seed/performance';
import { efficiencyProduct, multiGpuSpeedup } from '../../../src/core/seed/scaling';
import { invoke } from '../../../src/index';

/** The speed functions answer in the roofline method unless told; the document is the seed method. */
const SEED = ['', 'method=seed'] as const;

/** Relative closeness for values that are fractions worked out by hand. */
function expectClose(actual: unknown, expected: number): void {
  expect(typeof actual).toBe('number');
  expect(Math.abs((actual as number) - expected) / Math.abs(expected)).toBeLessThan(1e-13);
}

describe('Llama-2-7B shape: H=4096, L=32, F=11008, V=32000, B=1, S=2048, fp16, A100 (312 TFLOPS, 2039 GB/s)', () => {
  const [H, L, F, V, B, S] = [4096, 32, 11008, 32000, 1, 2048];

  test('1.1 attention = 1 × 2048 × (4096² + 2048 × 4096) = 2048 × (16,777,216 + 8,388,608)', () => {
    expect(attentionFlops(H, B, S)).toBe(51_539_607_552);
  });

  test('1.2 feed-forward = 2 × 1 × 2048 × 4096 × 11008', () => {
    expect(feedForwardFlops(H, F, B, S)).toBe(184_683_593_728);
  });

  test('1.3 prefill = 32 × (51,539,607,552 + 184,683,593,728) = 32 × 236,223,201,280', () => {
    expect(prefillFlops(H, L, F, B, S)).toBe(7_559_142_440_960);
  });

  test('1.4 per token = 32 × (25,165,824 + 2 × 4096 × 11008 = 90,177,536) = 32 × 115,343,360', () => {
    expect(perTokenFlops(H, L, F, B, S)).toBe(3_690_987_520);
  });

  test('2.1 P = 2,147,483,648 + 2,885,681,152 + 131,072,000 + 524,288 + 8,192', () => {
    expect(parameterCount(H, L, F, V)).toBe(5_164_769_280);
  });

  test('2.1 weights = 5,164,769,280 × 16 / 8 / 2^30 × 1.05 = 2,647,953 / 262,144 GiB', () => {
    expectClose(weightsGib(5_164_769_280, 16, 1.05), 2_647_953 / 262_144); // 10.1011390686...
  });

  test('2.2 KV = 2 × 1 × 2048 × 4096 × 32 × 16 / 8 bytes = 2^30 bytes = 1 GiB, × 1.05', () => {
    expectClose(kvCacheGib(H, L, B, S, 16, 1.05), 1.05);
  });

  test('2.3 activations = 4 × 1 × 2048 × 4096 × 2 bytes = 2^26 bytes = 1/16 GiB, × 1.1 = 11/160', () => {
    expectClose(activationsGib(H, B, S, 16, 1.1), 11 / 160);
  });

  test('2.4 total = (2,647,953/262,144 + 21/20 + 11/160) × 1.05 = 308,828,793 / 26,214,400 GiB', () => {
    expectClose(totalVramGib(2_647_953 / 262_144, 1.05, 11 / 160, 1.05), 308_828_793 / 26_214_400);
    expectClose(invoke('LLM_VRAM', [H, L, F, V, B, S, 'fp16']), 308_828_793 / 26_214_400); // 11.7808835...
  });

  test('3.1 tokens/s = 312e12 × 0.25 / 3,690,987,520 = 78e12 / 3,690,987,520', () => {
    expectClose(tokensPerSecond(312, 0.25, 3_690_987_520), 1_904_296_875 / 90_112); // 21,132.56
    expectClose(invoke('LLM_TOKENS_PER_SEC', [H, L, F, V, B, S, 'fp16', 'A100', ...SEED]), 1_904_296_875 / 90_112);
  });

  test('3.2 prefill = 7,559,142,440,960 / 78e12 s', () => {
    expectClose(prefillLatencySeconds(7_559_142_440_960, 312, 0.25), 184_549_376 / 1_904_296_875); // 0.0969 s
    expectClose(
      invoke('LLM_PREFILL_LATENCY', [H, L, F, V, B, S, 'fp16', 'A100', ...SEED]),
      184_549_376 / 1_904_296_875,
    );
  });

  test('3.3 token latency = max(3,690,987,520 / 78e12, 5,164,769,280 × 2 / (2039e9 × 0.25)) = memory term', () => {
    const compute = 90_112 / 1_904_296_875; // 4.73e-5 s
    const memory = 16_139_904 / 796_484_375; // 10,329,538,560 B / 509.75e9 B/s = 0.02026 s
    expectClose(tokenComputeLatencySeconds(3_690_987_520, 312, 0.25), compute);
    expectClose(tokenMemoryLatencySeconds(5_164_769_280, 2, 2039, 0.25), memory);
    expect(tokenLatencySeconds(compute, memory)).toBe(memory);
    expectClose(invoke('LLM_TOKEN_LATENCY', [H, L, F, V, B, S, 'fp16', 'A100', ...SEED]), memory);
  });

  test('3.4 time for 256 tokens = 256 × 16,139,904 / 796,484,375 s', () => {
    expectClose(generationTimeSeconds(16_139_904 / 796_484_375, 256), 4_131_815_424 / 796_484_375); // 5.19 s
    expectClose(
      invoke('LLM_GENERATION_TIME', [H, L, F, V, B, S, 'fp16', 'A100', 256, ...SEED]),
      4_131_815_424 / 796_484_375,
    );
  });
});

describe('GPT-2 shape: H=768, L=12, F=3072, V=50257, B=4, S=1024, fp32, T4 (8.1 TFLOPS fp32, 320 GB/s)', () => {
  const [H, L, F, V, B, S] = [768, 12, 3072, 50257, 4, 1024];

  test('1.1 attention = 4 × 1024 × (768² + 1024 × 768) = 4096 × (589,824 + 786,432)', () => {
    expect(attentionFlops(H, B, S)).toBe(5_637_144_576);
    expect(invoke('LLM_FLOPS_ATTENTION', [H, B, S])).toBe(5_637_144_576);
  });

  test('1.2 feed-forward = 2 × 4 × 1024 × 768 × 3072', () => {
    expect(feedForwardFlops(H, F, B, S)).toBe(19_327_352_832);
    expect(invoke('LLM_FLOPS_FFN', [H, F, B, S])).toBe(19_327_352_832);
  });

  test('1.3 prefill = 12 × (5,637,144,576 + 19,327,352,832) = 12 × 24,964,497,408', () => {
    expect(prefillFlops(H, L, F, B, S)).toBe(299_573_968_896);
    expect(invoke('LLM_FLOPS_PREFILL', [H, L, F, B, S])).toBe(299_573_968_896);
  });

  test('1.4 per token = 12 × (4 × 1,376,256 + 2 × 4 × 768 × 3072) = 12 × (5,505,024 + 18,874,368)', () => {
    expect(perTokenFlops(H, L, F, B, S)).toBe(292_552_704);
    expect(invoke('LLM_FLOPS_PER_TOKEN', [H, L, F, B, S])).toBe(292_552_704);
  });

  test('2.1 P = 28,311,552 + 56,623,104 + 38,597,376 + 36,864 + 1,536 (the real checkpoint adds positions and biases)', () => {
    expect(parameterCount(H, L, F, V)).toBe(123_570_432);
    expect(invoke('LLM_PARAMS', [H, L, F, V])).toBe(123_570_432);
  });

  test('2.1 weights = 123,570,432 × 4 bytes / 2^30 × 1.05 = 10,136,637 / 20,971,520 GiB', () => {
    expectClose(invoke('LLM_VRAM_WEIGHTS', [H, L, F, V, 'fp32']), 10_136_637 / 20_971_520);
  });

  test('2.2 KV = 2 × 4 × 1024 × 768 × 12 × 4 bytes = 301,989,888 B = 0.28125 GiB, × 1.05 = 189/640', () => {
    expectClose(invoke('LLM_VRAM_KV', [H, L, B, S, 'fp32']), 189 / 640);
  });

  test('2.3 activations = 4 × 4 × 1024 × 768 × 4 bytes = 3/64 GiB, × 1.1 = 33/640', () => {
    expectClose(invoke('LLM_VRAM_ACTIVATIONS', [H, B, S, 'fp32']), 33 / 640);
  });

  test('2.4 total = (10,136,637/20,971,520 + 189/640 + 33/640) × 1.05 = 365,633,793 / 419,430,400 GiB', () => {
    expectClose(invoke('LLM_VRAM', [H, L, F, V, B, S, 'fp32']), 365_633_793 / 419_430_400);
  });

  test('3.1 tokens/s = 8.1e12 × 0.25 / 292,552,704', () => {
    expectClose(invoke('LLM_TOKENS_PER_SEC', [H, L, F, V, B, S, 'fp32', 'T4', ...SEED]), 439_453_125 / 63_488);
  });

  test('3.2 prefill = 299,573,968,896 / 2.025e12 s', () => {
    expectClose(invoke('LLM_PREFILL_LATENCY', [H, L, F, V, B, S, 'fp32', 'T4', ...SEED]), 65_011_712 / 439_453_125);
  });

  test('3.3 token latency = max(292,552,704 / 2.025e12, 494,281,728 B / 80e9 B/s) = 0.0061785216 s', () => {
    expectClose(invoke('LLM_TOKEN_LATENCY', [H, L, F, V, B, S, 'fp32', 'T4', ...SEED]), 482_697 / 78_125_000);
  });

  test('3.4 time for 256 tokens = 256 × 0.0061785216 = 1.5817015296 s', () => {
    expectClose(invoke('LLM_GENERATION_TIME', [H, L, F, V, B, S, 'fp32', 'T4', 256, ...SEED]), 1.5817015296);
  });
});

describe('sections 5 and 6', () => {
  test('5: 0.4 × 0.7 × 0.75 × 0.85 = 0.1785', () => {
    expectClose(efficiencyProduct(0.4, 0.7, 0.75, 0.85), 0.1785);
    expectClose(invoke('LLM_EFFICIENCY', [0.4, 0.7, 0.75, 0.85]), 0.1785);
  });

  test('6: 8 GPUs × 0.8 = 6.4; one GPU × 0.8 = 0.8 as written', () => {
    expectClose(multiGpuSpeedup(8, 0.8), 6.4);
    expectClose(invoke('LLM_MULTI_GPU_SPEEDUP', [8]), 6.4);
    expectClose(invoke('LLM_MULTI_GPU_SPEEDUP', [8, 0.9]), 7.2);
    expectClose(invoke('LLM_MULTI_GPU_SPEEDUP', [1]), 0.8);
  });

  test('6 in the speed functions: 2 GPUs multiply tokens/s by 2 × 0.8 = 1.6', () => {
    const one = 1_904_296_875 / 90_112;
    expectClose(
      invoke('LLM_TOKENS_PER_SEC', [4096, 32, 11008, 32000, 1, 2048, 'fp16', 'A100', '', 'n_gpus=2; method=seed']),
      one * 1.6,
    );
  });
});
