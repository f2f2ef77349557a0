/**
 * The methodology functions of the contract, one per formula of the document.
 *
 * The FLOPs and memory functions are the document's formulas in both methods (the FLOPs ones are
 * its definitions, section 1, which count multiply-adds; architecture-exact FLOPs, 2 per
 * multiply-add, are LLM_ESTIMATE's flops_prefill and flops_per_token). The memory and speed
 * functions go through the one estimator (src/core/estimate.ts) on the architecture of H, L, F, V
 * and the architecture keys of `options`. The speed functions answer in the roofline method unless
 * `method=seed`: at context S, the token latency and tokens/s averaged over `output_tokens`
 * (default 256) generated tokens.
 *
 * Each function declares the option groups it reads (`options(...)`, see OPTION_GROUPS); a key it
 * does not read is an error.
 */
import { modelParams, modelWeightsGib } from '../../core/architecture/memory';
import { DEFAULTS } from '../../core/defaults';
import { estimate } from '../../core/estimate';
import {
  attentionMultiplyAdds,
  feedForwardMultiplyAdds,
  perTokenMultiplyAdds,
  prefillMultiplyAdds,
} from '../../core/seed/flops';
import { efficiencyProduct, multiGpuSpeedup } from '../../core/seed/scaling';
import { defineFunction, type FunctionDef } from '../define';
import { B, F, H, L, N, S, V, count, efficiency, fraction, gpu, options, precision } from '../params';
import { architectureOf, resolveFactors, resolveScenario, type ModelInput } from '../scenario';

const SPEED = [H, L, F, V, B, S, precision, gpu] as const;
const LLAMA2_7B = '4096, 32, 11008, 32000';
/** Llama-3-70B's attention and FFN on the methodology functions: the architecture keys as options. */
const LLAMA3_70B_KEYS = '"kv_heads=8; heads=64; gated_ffn=1; tied_embeddings=0; norm=rmsnorm"';
const DOCUMENT_FLOPS = "The document's FLOPs, which count multiply-adds (a GPU's FLOPS count 2 per multiply-add).";

/**
 * The model of a methodology call: the document's H, L, F, V (with the architecture keys of
 * `options`, which scenario.ts applies). With no architecture keys in `options` it is the
 * document's transformer and gives its numbers exactly. F and V do not enter the KV cache, nor L,
 * F and V the activations; those functions pass 1 for them.
 */
function transformer(hidden: number, layers: number, ffn: number, vocab: number): ModelInput {
  return { hidden, layers, ffn, vocab };
}

// The memory functions size the whole model on one device, as the document does (they do not read
// n_gpus); LLM_ESTIMATE splits memory over n_gpus.

export const METHODOLOGY_FUNCTIONS: readonly FunctionDef[] = [
  defineFunction({
    name: 'LLM_PARAMS',
    summary: 'Parameter count P of a transformer: 4H²L + 2HFL + VH + 4HL + 2H.',
    section: '2.1',
    returns: 'Parameter count P.',
    examples: [`=LLM_PARAMS(${LLAMA2_7B})`, `=LLM_PARAMS(8192, 80, 28672, 128256, ${LLAMA3_70B_KEYS})`],
    params: [H, L, F, V, options('method', 'shape')],
    compute: (h, l, f, v, o) => modelParams(architectureOf(transformer(h, l, f, v), o)),
  }),
  defineFunction({
    name: 'LLM_FLOPS_ATTENTION',
    summary: 'Attention FLOPs (multiply-adds) for B sequences of S tokens: B × S × (H² + S × H).',
    section: '1.1',
    returns: DOCUMENT_FLOPS,
    examples: ['=LLM_FLOPS_ATTENTION(4096, 1, 2048)'],
    params: [H, B, S, options('method')],
    compute: (h, b, s) => attentionMultiplyAdds(h, b, s),
  }),
  defineFunction({
    name: 'LLM_FLOPS_FFN',
    summary: 'Feed-forward FLOPs for B sequences of S tokens: 2 × B × S × H × F.',
    section: '1.2',
    returns: DOCUMENT_FLOPS,
    examples: ['=LLM_FLOPS_FFN(4096, 11008, 1, 2048)'],
    params: [H, F, B, S, options('method')],
    compute: (h, f, b, s) => feedForwardMultiplyAdds(h, f, b, s),
  }),
  defineFunction({
    name: 'LLM_FLOPS_PREFILL',
    summary: 'FLOPs to process the whole prompt (prefill): L × (attention + feed-forward FLOPs).',
    section: '1.3',
    returns: DOCUMENT_FLOPS,
    examples: ['=LLM_FLOPS_PREFILL(4096, 32, 11008, 1, 2048)'],
    params: [H, L, F, B, S, options('method')],
    compute: (h, l, f, b, s) => prefillMultiplyAdds(h, l, f, b, s),
  }),
  defineFunction({
    name: 'LLM_FLOPS_PER_TOKEN',
    summary: 'FLOPs to generate one token per sequence at context S: L × (B(H² + SH) + 2BHF).',
    section: '1.4',
    returns: DOCUMENT_FLOPS,
    examples: ['=LLM_FLOPS_PER_TOKEN(4096, 32, 11008, 1, 2048)'],
    params: [H, L, F, B, S, options('method')],
    compute: (h, l, f, b, s) => perTokenMultiplyAdds(h, l, f, b, s),
  }),
  defineFunction({
    name: 'LLM_VRAM_WEIGHTS',
    summary: 'GPU memory for the weights: P × bits / (8 × 1024³) × weights overhead (1.05).',
    section: '2.1',
    returns: 'GiB (2^30 bytes).',
    examples: [`=LLM_VRAM_WEIGHTS(${LLAMA2_7B}, "fp16")`],
    params: [H, L, F, V, precision, options('method', 'weights_overhead', 'shape')],
    compute: (h, l, f, v, p, o) =>
      modelWeightsGib(architectureOf(transformer(h, l, f, v), o), p, resolveFactors(p, o).weightsOverhead),
  }),
  defineFunction({
    name: 'LLM_VRAM_KV',
    summary: 'GPU memory for the KV cache: 2 × B × S × H × L × bits / (8 × 1024³) × KV overhead (1.05).',
    section: '2.2',
    returns: 'GiB (2^30 bytes).',
    examples: ['=LLM_VRAM_KV(4096, 32, 1, 2048, "fp16")'],
    params: [H, L, B, S, precision, options('method', 'kv_overhead', 'kv_precision', 'shape')],
    compute: (h, l, b, s, p, o) =>
      estimate(resolveScenario({ model: transformer(h, l, 1, 1), precision: p, batch: b, context: s, options: o }))
        .kvCacheGib,
  }),
  defineFunction({
    name: 'LLM_VRAM_ACTIVATIONS',
    summary: 'GPU memory for activations: 4 × B × S × H × bits / (8 × 1024³) × activations overhead (1.1).',
    section: '2.3',
    returns: 'GiB (2^30 bytes).',
    examples: ['=LLM_VRAM_ACTIVATIONS(4096, 1, 2048, "fp16")'],
    params: [H, B, S, precision, options('method', 'activations_overhead')],
    compute: (h, b, s, p, o) =>
      estimate(resolveScenario({ model: transformer(h, 1, 1, 1), precision: p, batch: b, context: s, options: o }))
        .activationsGib,
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
    params: [H, L, F, V, B, S, precision, options('method', 'memory', 'shape')],
    compute: (h, l, f, v, b, s, p, o) =>
      estimate(resolveScenario({ model: transformer(h, l, f, v), precision: p, batch: b, context: s, options: o }))
        .vramGib,
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
    params: [...SPEED, efficiency, options('method', 'speed', 'generation', 'shape')],
    compute: (h, l, f, v, b, s, p, g, e, o) =>
      estimate(
        resolveScenario({
          model: transformer(h, l, f, v),
          precision: p,
          gpu: g,
          batch: b,
          context: s,
          efficiency: e,
          options: o,
        }),
      ).tokensPerSecond,
  }),
  defineFunction({
    name: 'LLM_PREFILL_LATENCY',
    summary:
      'Time to process the prompt: roofline (compute or memory bound); method=seed: prefill FLOPs / (GPU FLOPS × efficiency).',
    section: '3.2',
    returns: 'Seconds.',
    examples: [`=LLM_PREFILL_LATENCY(${LLAMA2_7B}, 1, 2048, "fp16", "A100")`],
    params: [...SPEED, efficiency, options('method', 'speed', 'shape')],
    compute: (h, l, f, v, b, s, p, g, e, o) =>
      estimate(
        resolveScenario({
          model: transformer(h, l, f, v),
          precision: p,
          gpu: g,
          batch: b,
          context: s,
          efficiency: e,
          options: o,
        }),
      ).prefillSeconds,
  }),
  defineFunction({
    name: 'LLM_TOKEN_LATENCY',
    summary:
      'Time per generated token: the larger of the compute time and the time to read weights (roofline: and KV cache, over output_tokens).',
    section: '3.3',
    returns: 'Seconds.',
    examples: [`=LLM_TOKEN_LATENCY(${LLAMA2_7B}, 1, 2048, "fp16", "A100")`],
    params: [...SPEED, efficiency, options('method', 'speed', 'generation', 'shape')],
    compute: (h, l, f, v, b, s, p, g, e, o) =>
      estimate(
        resolveScenario({
          model: transformer(h, l, f, v),
          precision: p,
          gpu: g,
          batch: b,
          context: s,
          efficiency: e,
          options: o,
        }),
      ).tokenLatencySeconds,
  }),
  defineFunction({
    name: 'LLM_GENERATION_TIME',
    summary:
      'Time to generate N tokens after the prompt: roofline (each token at its context S+1 … S+N); method=seed: token latency × N.',
    section: '3.4',
    returns: 'Seconds.',
    examples: [`=LLM_GENERATION_TIME(${LLAMA2_7B}, 1, 2048, "fp16", "A100", 256)`],
    params: [...SPEED, N, efficiency, options('method', 'speed', 'shape')],
    compute: (h, l, f, v, b, s, p, g, n, e, o) =>
      estimate(
        resolveScenario({
          model: transformer(h, l, f, v),
          precision: p,
          gpu: g,
          batch: b,
          context: s,
          outputTokens: n,
          efficiency: e,
          options: o,
        }),
      ).decodeSeconds,
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
      count('n_gpus', 'number of GPUs', 'Number of GPUs N_GPU, e.g. 8.', 'n_gpus'),
      { ...efficiency, name: 'scaling', label: 'scaling efficiency', description: 'f_scaling in (0, 1]; default 0.8.' },
      options('method', 'scaling'),
    ],
    compute: (n, scaling, o) => multiGpuSpeedup(n, scaling ?? o?.scaling ?? DEFAULTS.scaling),
  }),
];
