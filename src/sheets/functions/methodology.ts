/**
 * The methodology functions of the contract, one per formula of the document.
 *
 * The FLOPs and memory functions are the document's formulas in both methods (the FLOPs ones are
 * its definitions, section 1; architecture-exact FLOPs are LLM_ESTIMATE's flops_prefill and
 * flops_per_token). The speed functions answer in the roofline method unless `method=seed`: on the
 * architecture of H, L, F, V and the architecture keys of `options`, at context S, the token
 * latency and tokens/s averaged over `output_tokens` (default 256) generated tokens.
 */
import { modelActivationsGib, modelKvCacheGib, modelMemory, modelWeightsGib } from '../../core/architecture/memory';
import { parameterCount } from '../../core/architecture/params';
import { DEFAULTS } from '../../core/defaults';
import { attentionFlops, feedForwardFlops, perTokenFlops, prefillFlops } from '../../core/seed/flops';
import {
  seedGenerationSeconds,
  seedPrefillSeconds,
  seedTokenLatency,
  seedTokensPerSecond,
} from '../../core/seed/estimate';
import { efficiencyProduct, multiGpuSpeedup } from '../../core/seed/scaling';
import type { RooflineEstimate } from '../../core/roofline/estimate';
import type { GpuSpec } from '../../core/gpus/lookup';
import type { Precision } from '../../core/precision';
import { defineFunction, type FunctionDef } from '../define';
import { dimensions, methodologyArchitecture, resolveFactors } from '../factors';
import type { Options } from '../options';
import { B, F, H, L, N, S, V, count, efficiency, fraction, gpu, options, precision } from '../params';
import { methodOf, rooflineOf } from '../roofline';

const SPEED = [H, L, F, V, B, S, precision, gpu] as const;
const LLAMA2_7B = '4096, 32, 11008, 32000';
/** Llama-3-70B's attention and FFN on the methodology functions: the architecture keys as options. */
const LLAMA3_70B_KEYS = '"kv_heads=8; heads=64; gated_ffn=1; tied_embeddings=0; norm=rmsnorm"';

// The memory functions go through the architecture model (src/core/architecture): with no
// architecture keys in `options` it is the document's transformer and gives its numbers exactly.
// F and V do not enter the KV cache; LLM_VRAM_KV passes 1 for them. They size the whole model on
// one device, as the document does (n_gpus changes only the speed functions here); LLM_ESTIMATE
// splits memory over n_gpus.
const ONE_DEVICE = 1;

/** The roofline estimate of a methodology speed function's call, generating `tokens` tokens. */
function roofline(
  h: number,
  l: number,
  f: number,
  v: number,
  b: number,
  s: number,
  p: Precision,
  g: GpuSpec,
  e: number | undefined,
  o: Options | undefined,
  tokens = o?.outputTokens ?? DEFAULTS.outputTokens,
): RooflineEstimate {
  return rooflineOf(methodologyArchitecture(h, l, f, v, o), p, g, b, s, tokens, o, e);
}

export const METHODOLOGY_FUNCTIONS: readonly FunctionDef[] = [
  defineFunction({
    name: 'LLM_PARAMS',
    summary: 'Parameter count P of a transformer: 4H²L + 2HFL + VH + 4HL + 2H.',
    section: '2.1',
    returns: 'Parameter count P.',
    examples: [`=LLM_PARAMS(${LLAMA2_7B})`, `=LLM_PARAMS(8192, 80, 28672, 128256, ${LLAMA3_70B_KEYS})`],
    params: [H, L, F, V, options],
    compute: (h, l, f, v, o) => parameterCount(methodologyArchitecture(h, l, f, v, o)),
  }),
  defineFunction({
    name: 'LLM_FLOPS_ATTENTION',
    summary: 'Attention FLOPs (multiply-adds) for B sequences of S tokens: B × S × (H² + S × H).',
    section: '1.1',
    returns: 'FLOPs.',
    examples: ['=LLM_FLOPS_ATTENTION(4096, 1, 2048)'],
    params: [H, B, S, options],
    compute: (h, b, s) => attentionFlops(h, b, s),
  }),
  defineFunction({
    name: 'LLM_FLOPS_FFN',
    summary: 'Feed-forward FLOPs for B sequences of S tokens: 2 × B × S × H × F.',
    section: '1.2',
    returns: 'FLOPs.',
    examples: ['=LLM_FLOPS_FFN(4096, 11008, 1, 2048)'],
    params: [H, F, B, S, options],
    compute: (h, f, b, s) => feedForwardFlops(h, f, b, s),
  }),
  defineFunction({
    name: 'LLM_FLOPS_PREFILL',
    summary: 'FLOPs to process the whole prompt (prefill): L × (attention + feed-forward FLOPs).',
    section: '1.3',
    returns: 'FLOPs.',
    examples: ['=LLM_FLOPS_PREFILL(4096, 32, 11008, 1, 2048)'],
    params: [H, L, F, B, S, options],
    compute: (h, l, f, b, s) => prefillFlops(h, l, f, b, s),
  }),
  defineFunction({
    name: 'LLM_FLOPS_PER_TOKEN',
    summary: 'FLOPs to generate one token per sequence at context S: L × (B(H² + SH) + 2BHF).',
    section: '1.4',
    returns: 'FLOPs.',
    examples: ['=LLM_FLOPS_PER_TOKEN(4096, 32, 11008, 1, 2048)'],
    params: [H, L, F, B, S, options],
    compute: (h, l, f, b, s) => perTokenFlops(h, l, f, b, s),
  }),
  defineFunction({
    name: 'LLM_VRAM_WEIGHTS',
    summary: 'GPU memory for the weights: P × bits / (8 × 1024³) × weights overhead (1.05).',
    section: '2.1',
    returns: 'GiB (2^30 bytes).',
    examples: [`=LLM_VRAM_WEIGHTS(${LLAMA2_7B}, "fp16")`],
    params: [H, L, F, V, precision, options],
    compute: (h, l, f, v, p, o) =>
      modelWeightsGib(methodologyArchitecture(h, l, f, v, o), p, resolveFactors(p, o).weightsOverhead),
  }),
  defineFunction({
    name: 'LLM_VRAM_KV',
    summary: 'GPU memory for the KV cache: 2 × B × S × H × L × bits / (8 × 1024³) × KV overhead (1.05).',
    section: '2.2',
    returns: 'GiB (2^30 bytes).',
    examples: ['=LLM_VRAM_KV(4096, 32, 1, 2048, "fp16")'],
    params: [H, L, B, S, precision, options],
    compute: (h, l, b, s, p, o) => {
      const factors = resolveFactors(p, o);
      const arch = methodologyArchitecture(h, l, 1, 1, o);
      return modelKvCacheGib(arch, b, s, factors.kvBits, factors.kvOverhead, ONE_DEVICE);
    },
  }),
  defineFunction({
    name: 'LLM_VRAM_ACTIVATIONS',
    summary: 'GPU memory for activations: 4 × B × S × H × bits / (8 × 1024³) × activations overhead (1.1).',
    section: '2.3',
    returns: 'GiB (2^30 bytes).',
    examples: ['=LLM_VRAM_ACTIVATIONS(4096, 1, 2048, "fp16")'],
    params: [H, B, S, precision, options],
    compute: (h, b, s, p, o) => {
      const factors = resolveFactors(p, o);
      return modelActivationsGib(h, b, s, p.activationBits, factors.activationsOverhead, ONE_DEVICE);
    },
  }),
  defineFunction({
    name: 'LLM_VRAM',
    summary: 'Total GPU memory: (weights + KV cache + activations) × system overhead (1.05).',
    section: '2.4',
    returns: 'GiB (2^30 bytes).',
    examples: [
      `=LLM_VRAM(${LLAMA2_7B}, 1, 2048, "fp16")`,
      `=LLM_VRAM(${LLAMA2_7B}, {1;8;32}, {2048,8192}, "bf16")`,
      `=LLM_VRAM(8192, 80, 28672, 128256, 1, 8192, "bf16", ${LLAMA3_70B_KEYS})`,
    ],
    params: [H, L, F, V, B, S, precision, options],
    compute: (h, l, f, v, b, s, p, o) =>
      modelMemory(methodologyArchitecture(h, l, f, v, o), p, { ...resolveFactors(p, o), nGpus: ONE_DEVICE }, b, s)
        .totalGib,
  }),
  defineFunction({
    name: 'LLM_TOKENS_PER_SEC',
    summary:
      'Generation throughput: roofline (batch / time per token over output_tokens); method=seed: GPU FLOPS × efficiency / FLOPs per token.',
    section: '3.1',
    returns: 'Tokens per second (summed over the batch).',
    examples: [
      `=LLM_TOKENS_PER_SEC(${LLAMA2_7B}, 1, 2048, "fp16", "A100")`,
      `=LLM_TOKENS_PER_SEC(${LLAMA2_7B}, 1, 2048, "fp16", "A100", 0.25, "method=seed")`,
    ],
    params: [...SPEED, efficiency, options],
    compute: (h, l, f, v, b, s, p, g, e, o) =>
      methodOf(o) === 'seed'
        ? seedTokensPerSecond(dimensions(h, l, f, v, b, s), p, g, resolveFactors(p, o, { efficiency: e }))
        : roofline(h, l, f, v, b, s, p, g, e, o).tokensPerSecond,
  }),
  defineFunction({
    name: 'LLM_PREFILL_LATENCY',
    summary:
      'Time to process the prompt: roofline (compute or memory bound); method=seed: prefill FLOPs / (GPU FLOPS × efficiency).',
    section: '3.2',
    returns: 'Seconds.',
    examples: [`=LLM_PREFILL_LATENCY(${LLAMA2_7B}, 1, 2048, "fp16", "A100")`],
    params: [...SPEED, efficiency, options],
    compute: (h, l, f, v, b, s, p, g, e, o) =>
      methodOf(o) === 'seed'
        ? seedPrefillSeconds(dimensions(h, l, f, v, b, s), p, g, resolveFactors(p, o, { efficiency: e }))
        : roofline(h, l, f, v, b, s, p, g, e, o).prefillSeconds,
  }),
  defineFunction({
    name: 'LLM_TOKEN_LATENCY',
    summary:
      'Time per generated token: the larger of the compute time and the time to read weights (roofline: and KV cache, over output_tokens).',
    section: '3.3',
    returns: 'Seconds.',
    examples: [`=LLM_TOKEN_LATENCY(${LLAMA2_7B}, 1, 2048, "fp16", "A100")`],
    params: [...SPEED, efficiency, options],
    compute: (h, l, f, v, b, s, p, g, e, o) =>
      methodOf(o) === 'seed'
        ? seedTokenLatency(dimensions(h, l, f, v, b, s), p, g, resolveFactors(p, o, { efficiency: e })).seconds
        : roofline(h, l, f, v, b, s, p, g, e, o).tokenLatencySeconds,
  }),
  defineFunction({
    name: 'LLM_GENERATION_TIME',
    summary:
      'Time to generate N tokens after the prompt: roofline (each token at its context S+1 … S+N); method=seed: token latency × N.',
    section: '3.4',
    returns: 'Seconds.',
    examples: [`=LLM_GENERATION_TIME(${LLAMA2_7B}, 1, 2048, "fp16", "A100", 256)`],
    params: [...SPEED, N, efficiency, options],
    compute: (h, l, f, v, b, s, p, g, n, e, o) =>
      methodOf(o) === 'seed'
        ? seedGenerationSeconds(dimensions(h, l, f, v, b, s), p, g, resolveFactors(p, o, { efficiency: e }), n)
        : roofline(h, l, f, v, b, s, p, g, e, o, n).decodeSeconds,
  }),
  defineFunction({
    name: 'LLM_EFFICIENCY',
    summary: 'Overall efficiency: base × memory-bound × utilization × framework factors.',
    section: '5',
    returns: 'A fraction.',
    examples: ['=LLM_EFFICIENCY(0.4, 0.7, 0.75, 0.85)'],
    params: [
      fraction('base', 'base efficiency', 'f_base, base efficiency, typically 0.3-0.5.'),
      fraction('memory_bound', 'memory-bound factor', 'f_memory_bound, typically 0.5-0.9.'),
      fraction('utilization', 'utilization factor', 'f_utilization, typically 0.6-0.9.'),
      fraction('framework', 'framework factor', 'f_framework, typically 0.7-0.95.'),
    ],
    compute: efficiencyProduct,
  }),
  defineFunction({
    name: 'LLM_MULTI_GPU_SPEEDUP',
    summary: 'Theoretical multi-GPU speedup: number of GPUs × scaling efficiency (0.8).',
    section: '6',
    returns: 'Speedup factor.',
    examples: ['=LLM_MULTI_GPU_SPEEDUP(8)', '=LLM_MULTI_GPU_SPEEDUP(8, 0.9)'],
    params: [
      count('n_gpus', 'number of GPUs', 'Number of GPUs N_GPU, e.g. 8.'),
      { ...efficiency, name: 'scaling', label: 'scaling efficiency', description: 'f_scaling in (0, 1]; default 0.8.' },
      options,
    ],
    compute: (n, scaling, o) => multiGpuSpeedup(n, scaling ?? o?.scaling ?? DEFAULTS.scaling),
  }),
];
