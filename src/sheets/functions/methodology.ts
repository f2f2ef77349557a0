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
/** Llama-3-8B's H, L, F, V and the rest of its shape as architecture keys (data/models.json). */
const LLAMA3_8B = '4096, 32, 14336, 128256';
const LLAMA3_8B_KEYS = 'kv_heads=8; heads=32; gated_ffn=1; tied_embeddings=0; norm=rmsnorm';

// Where the examples' results come from (see `Example`): the document's arithmetic, written out.
const P_LLAMA2 =
  'P (2.1) = 4·4096²·32 + 2·4096·11008·32 + 32000·4096 + 4·4096·32 + 2·4096 = 2,147,483,648 + 2,885,681,152 + 131,072,000 + 524,288 + 8,192 = 5,164,769,280';
const W_LLAMA2 =
  'weights (2.1) = P·16 / (8·1024³) · 1.05 = 10,329,538,560 / 1,073,741,824 · 1.05 = 9.6201324462890625 · 1.05 = 10.101139068603515625 GiB';
const PER_TOKEN_LLAMA2 =
  'FLOPs per token (1.4) = 32·(1·(4096² + 2048·4096) + 2·1·4096·11008) = 32·(25,165,824 + 90,177,536) = 3,690,987,520';
const A100 =
  '"A100" is the A100 80GB SXM: dense FP16 tensor peak 312 TFLOPS (data/gpus.json, source mleng), bandwidth 2039 GB/s (source llmviewer)';
const SEED_LATENCY = `token latency (3.3) = max(3,690,987,520 / (312·10¹²·0.25), 5.16476928·10⁹·2 bytes / (2039·10⁹·0.25)) = max(4.732·10⁻⁵, 10,329,538,560 / 509,750,000,000) = 0.0202639304757234 s (memory bound); ${PER_TOKEN_LLAMA2}`;
/** The measurement the roofline speed examples are checked against, and the tolerance. */
const M032 =
  'm032 (data/measurements.json, source xdai): llama.cpp llama-bench tg512, Llama-3-8B GGUF Q4_K_M on one RTX 4090, batch 1, 512 tokens from an empty context (S = 1, the least S, as the validation does): 130.58 tokens/s measured';
const DECODE_TOLERANCE =
  '±15%: about twice the roofline method\'s median error on batch-1 decode (7.0%) and half its p90 (31.5%), README "Measured error"; the row is one the efficiencies were fitted on';
const PREFILL_TOLERANCE =
  '±35%: about twice the roofline method\'s median error on prefill (16.9%; p90 105%), README "Measured error"; the row is one the efficiencies were fitted on';
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
    examples: [
      { formula: `=LLM_PARAMS(${LLAMA2_7B})`, result: 5_164_769_280, why: P_LLAMA2 },
      {
        formula: `=LLM_PARAMS(${LLAMA3_8B}, "${LLAMA3_8B_KEYS}")`,
        result: 8_030_261_248,
        why: "Llama-3-8B's published count, data/models.json exact_params (KerasHub llama3_8b_en metadata). By hand: per layer 2·4096² (Q, O) + 2·4096·1024 (K, V: 8 heads of 128) + 3·4096·14336 (gated FFN) + 2·4096 (two RMSNorms) = 218,112,000; 32 layers + 2·128256·4096 (embedding and untied head) + 4096 (final norm) = 8,030,261,248",
      },
    ],
    params: [H, L, F, V, options('method', 'shape')],
    compute: (h, l, f, v, o) => modelParams(architectureOf(transformer(h, l, f, v), o)),
  }),
  defineFunction({
    name: 'LLM_FLOPS_ATTENTION',
    summary: 'Attention FLOPs (multiply-adds) for B sequences of S tokens: B × S × (H² + S × H).',
    section: '1.1',
    returns: DOCUMENT_FLOPS,
    examples: [
      {
        formula: '=LLM_FLOPS_ATTENTION(4096, 1, 2048)',
        result: 51_539_607_552,
        why: '1.1: 1·2048·(4096² + 2048·4096) = 2048·(16,777,216 + 8,388,608) = 2048·25,165,824 = 51,539,607,552',
      },
    ],
    params: [H, B, S, options('method')],
    compute: (h, b, s) => attentionMultiplyAdds(h, b, s),
  }),
  defineFunction({
    name: 'LLM_FLOPS_FFN',
    summary: 'Feed-forward FLOPs for B sequences of S tokens: 2 × B × S × H × F.',
    section: '1.2',
    returns: DOCUMENT_FLOPS,
    examples: [
      {
        formula: '=LLM_FLOPS_FFN(4096, 11008, 1, 2048)',
        result: 184_683_593_728,
        why: '1.2: 2·1·2048·4096·11008 = 2·8,388,608·11008 = 2·92,341,796,864 = 184,683,593,728',
      },
    ],
    params: [H, F, B, S, options('method')],
    compute: (h, f, b, s) => feedForwardMultiplyAdds(h, f, b, s),
  }),
  defineFunction({
    name: 'LLM_FLOPS_PREFILL',
    summary: 'FLOPs to process the whole prompt (prefill): L × (attention + feed-forward FLOPs).',
    section: '1.3',
    returns: DOCUMENT_FLOPS,
    examples: [
      {
        formula: '=LLM_FLOPS_PREFILL(4096, 32, 11008, 1, 2048)',
        result: 7_559_142_440_960,
        why: '1.3: 32·(51,539,607,552 + 184,683,593,728) (the attention and FFN examples) = 32·236,223,201,280 = 7,559,142,440,960',
      },
    ],
    params: [H, L, F, B, S, options('method')],
    compute: (h, l, f, b, s) => prefillMultiplyAdds(h, l, f, b, s),
  }),
  defineFunction({
    name: 'LLM_FLOPS_PER_TOKEN',
    summary: 'FLOPs to generate one token per sequence at context S: L × (B(H² + SH) + 2BHF).',
    section: '1.4',
    returns: DOCUMENT_FLOPS,
    examples: [
      { formula: '=LLM_FLOPS_PER_TOKEN(4096, 32, 11008, 1, 2048)', result: 3_690_987_520, why: PER_TOKEN_LLAMA2 },
    ],
    params: [H, L, F, B, S, options('method')],
    compute: (h, l, f, b, s) => perTokenMultiplyAdds(h, l, f, b, s),
  }),
  defineFunction({
    name: 'LLM_VRAM_WEIGHTS',
    summary: 'GPU memory for the weights: P × bits / (8 × 1024³) × weights overhead (1.05).',
    section: '2.1',
    returns: 'GiB (2^30 bytes).',
    examples: [
      {
        formula: `=LLM_VRAM_WEIGHTS(${LLAMA2_7B}, "fp16")`,
        result: 10.101139068603516,
        unit: 'GiB',
        why: `${W_LLAMA2}; ${P_LLAMA2}`,
      },
    ],
    params: [H, L, F, V, precision, options('method', 'weights_overhead', 'shape')],
    compute: (h, l, f, v, p, o) =>
      modelWeightsGib(architectureOf(transformer(h, l, f, v), o), p, resolveFactors(p, o).weightsOverhead),
  }),
  defineFunction({
    name: 'LLM_VRAM_KV',
    summary: 'GPU memory for the KV cache: 2 × B × S × H × L × bits / (8 × 1024³) × KV overhead (1.05).',
    section: '2.2',
    returns: 'GiB (2^30 bytes).',
    examples: [
      {
        formula: '=LLM_VRAM_KV(4096, 32, 1, 2048, "fp16")',
        result: 1.05,
        unit: 'GiB',
        why: '2.2: 2·1·2048·4096·32·16 / (8·1024³) · 1.05 = 2³³ / 2³³ · 1.05 = 1.05 GiB',
      },
    ],
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
    examples: [
      {
        formula: '=LLM_VRAM_ACTIVATIONS(4096, 1, 2048, "fp16")',
        result: 0.06875,
        unit: 'GiB',
        why: '2.3: 4·1·2048·4096·16 / (8·1024³) · 1.1 = 2²⁹ / 2³³ · 1.1 = 0.0625 · 1.1 = 0.06875 GiB',
      },
    ],
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
      {
        formula: `=LLM_VRAM(${LLAMA2_7B}, 1, 2048, "fp16")`,
        result: 11.780883522033692,
        unit: 'GiB',
        why: `2.4: (10.101139068603515625 + 1.05 + 0.06875) · 1.05 = 11.219889068603515625 · 1.05 = 11.78088352203369140625 GiB, the weights, KV cache and activations of the examples of LLM_VRAM_WEIGHTS, LLM_VRAM_KV and LLM_VRAM_ACTIVATIONS`,
      },
      {
        formula: `=LLM_VRAM(${LLAMA2_7B}, {1;8;32}, {2048,8192}, "bf16")`,
        result: [
          [11.780883522033692, 15.304946022033691],
          [20.00369602203369, 48.19619602203369],
          [48.19619602203369, 160.9661960220337],
        ],
        unit: 'GiB',
        why: `A column of B against a row of S spills B × S. With k = B·S/2048, KV cache (2.2) = 1.05·k and activations (2.3) = 0.06875·k GiB (bf16 is 16 bits, as fp16), so total (2.4) = (10.101139068603515625 + 1.11875·k) · 1.05: k = 1, 4, 8, 32, 32, 128 give 11.78088352203369140625, 15.30494602203369140625, 20.00369602203369140625, 48.19619602203369140625 (twice), 160.96619602203369140625 GiB; ${W_LLAMA2}`,
      },
      {
        formula: `=LLM_VRAM(8192, 80, 28672, 128256, 1, 8192, "bf16", ${LLAMA3_70B_KEYS})`,
        result: 148.22046237945557,
        unit: 'GiB',
        why: "Llama-3-70B's shape (data/models.json, Llama-3.1-70B: 64 heads, 8 KV heads of 128, gated FFN, untied, RMSNorm), which has no published HF-checkpoint count there, so P by hand: per layer 2·8192² + 2·8192·1024 + 3·8192·28672 + 2·8192 = 855,654,400; 80 layers + 2·128256·8192 + 8192 = 70,553,706,496. Weights (2.1) = P·16 / (8·1024³) · 1.05 = 137.987345123291015625; KV cache (2.2, K/V width 8·128 = 1024 in place of H) = 2·8192·1024·80·16 / (8·1024³) · 1.05 = 2.5 · 1.05 = 2.625; activations (2.3) = 4·8192·8192·16 / (8·1024³) · 1.1 = 0.55; total (2.4) = 141.162345123291015625 · 1.05 = 148.22046237945556640625 GiB",
      },
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
      {
        formula: `=LLM_TOKENS_PER_SEC(${LLAMA3_8B}, 1, 1, "q4_k_m", "RTX 4090", , "${LLAMA3_8B_KEYS}; engine=llama.cpp; output_tokens=512")`,
        result: { approx: 130.58, within: 0.15 },
        unit: 'tokens/s',
        why: `${M032}. ${DECODE_TOLERANCE}`,
      },
      {
        formula: `=LLM_TOKENS_PER_SEC(${LLAMA2_7B}, 1, 2048, "fp16", "A100", 0.25, "method=seed")`,
        result: 21132.55587491122,
        unit: 'tokens/s',
        why: `3.1: 312·10¹²·0.25 / 3,690,987,520 = 78·10¹² / 3,690,987,520 = 21,132.5558749112 tokens/s; ${A100}; ${PER_TOKEN_LLAMA2}`,
      },
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
    examples: [
      {
        formula: `=LLM_PREFILL_LATENCY(${LLAMA3_8B}, 1, 512, "q4_k_m", "RTX 4090", , "${LLAMA3_8B_KEYS}; engine=llama.cpp")`,
        result: { approx: 512 / 7138.99, within: 0.35 },
        unit: 's',
        why: `512 / 7138.99 = 0.0717188 s: m034 (data/measurements.json, source xdai), llama.cpp llama-bench pp512, Llama-3-8B GGUF Q4_K_M on one RTX 4090: 7138.99 prompt tokens/s measured. ${PREFILL_TOLERANCE}`,
      },
      {
        formula: `=LLM_PREFILL_LATENCY(${LLAMA2_7B}, 1, 2048, "fp16", "A100", 0.25, "method=seed")`,
        result: 0.09691208257641025,
        unit: 's',
        why: `3.2: 7,559,142,440,960 (LLM_FLOPS_PREFILL's example) / (312·10¹²·0.25) = 0.0969120825764103 s; ${A100}`,
      },
    ],
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
    examples: [
      {
        formula: `=LLM_TOKEN_LATENCY(${LLAMA3_8B}, 1, 1, "q4_k_m", "RTX 4090", , "${LLAMA3_8B_KEYS}; engine=llama.cpp; output_tokens=512")`,
        result: { approx: 1 / 130.58, within: 0.15 },
        unit: 's',
        why: `1 / 130.58 = 0.00765814 s per token: ${M032}. ${DECODE_TOLERANCE}`,
      },
      {
        formula: `=LLM_TOKEN_LATENCY(${LLAMA2_7B}, 1, 2048, "fp16", "A100", 0.25, "method=seed")`,
        result: 0.020263930475723394,
        unit: 's',
        why: `${SEED_LATENCY}; ${A100}`,
      },
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
      ).tokenLatencySeconds,
  }),
  defineFunction({
    name: 'LLM_GENERATION_TIME',
    summary:
      'Time to generate N tokens after the prompt: roofline (each token at its context S+1 … S+N); method=seed: token latency × N.',
    section: '3.4',
    returns: 'Seconds.',
    examples: [
      {
        formula: `=LLM_GENERATION_TIME(${LLAMA3_8B}, 1, 1, "q4_k_m", "RTX 4090", 512, , "${LLAMA3_8B_KEYS}; engine=llama.cpp")`,
        result: { approx: 512 / 130.58, within: 0.15 },
        unit: 's',
        why: `512 / 130.58 = 3.92097 s for 512 tokens: ${M032}. ${DECODE_TOLERANCE}`,
      },
      {
        formula: `=LLM_GENERATION_TIME(${LLAMA2_7B}, 1, 2048, "fp16", "A100", 256, 0.25, "method=seed")`,
        result: 5.187566201785189,
        unit: 's',
        why: `3.4: 0.0202639304757234 · 256 = 5.18756620178519 s; ${SEED_LATENCY}; ${A100}`,
      },
    ],
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
    examples: [
      {
        formula: '=LLM_EFFICIENCY(0.4, 0.7, 0.75, 0.85)',
        result: 0.1785,
        why: '5: 0.4·0.7·0.75·0.85 = 0.28·0.6375 = 0.1785',
      },
    ],
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
    examples: [
      {
        formula: '=LLM_MULTI_GPU_SPEEDUP(8)',
        result: 6.4,
        why: "6: 8·0.8 = 6.4, with the document's f_scaling of 0.8 (the default)",
      },
      { formula: '=LLM_MULTI_GPU_SPEEDUP(8, 0.9)', result: 7.2, why: '6: 8·0.9 = 7.2' },
    ],
    params: [
      count('n_gpus', 'number of GPUs', 'Number of GPUs N_GPU, e.g. 8.', 'n_gpus'),
      { ...efficiency, name: 'scaling', label: 'scaling efficiency', description: 'f_scaling in (0, 1]; default 0.8.' },
      options('method', 'scaling'),
    ],
    compute: (n, scaling, o) => multiGpuSpeedup(n, scaling ?? o?.scaling ?? DEFAULTS.scaling),
  }),
];
