/**
 * Number formats: how many bits a weight takes in memory and which hardware peak it computes at.
 *
 * Methodology 4 lists fp32 (4 bytes) and fp16/bf16 (2 bytes); the sheet-function contract adds the
 * formats people deploy. The KV cache and activations are held at the format's compute type
 * (8-bit for fp8, 16-bit for weight-only formats) unless `kv_precision` says otherwise.
 *
 * Bits per weight include the scales, zero points and block headers each format stores: a 4-bit
 * format is never exactly 4 bits. Where a format keeps some tensors at their usual precision
 * (embeddings and output head of AWQ/GPTQ, nf4, NVFP4; llama.cpp's per-tensor mixtures), `layout`
 * says so and the architecture model (src/core/architecture) applies it tensor by tensor.
 */
import { MAX_NAME_LENGTH, closestNames, normalizeName } from './names';
import { ggmlBits, type GgufFormat } from './quant/ggml';

/** The kinds of hardware peak a GPU preset can state (dense, TFLOPS or TOPS). */
export const COMPUTE_TYPES = ['fp32', 'tf32', 'fp16', 'bf16', 'fp8', 'int8', 'fp4'] as const;
export type ComputeType = (typeof COMPUTE_TYPES)[number];

/**
 * Which tensors a format stores at `bitsPerWeight`:
 * - `uniform`: every parameter (the methodology's P × b);
 * - `linear`: the linear layers of attention and feed-forward (MoE experts included); token
 *   embeddings, output head, router, norms and biases stay 16-bit, as AWQ/GPTQ, bitsandbytes and
 *   ModelOpt checkpoints keep them. `expertsOnlyInMoe`: in a mixture-of-experts model only the
 *   expert weights are quantized (gpt-oss ships MXFP4 experts and bf16 attention);
 * - `gguf`: llama.cpp's per-tensor mixture for the file type (src/core/quant/ggml.ts).
 */
export type WeightLayout =
  | { readonly kind: 'uniform' }
  | { readonly kind: 'linear'; readonly expertsOnlyInMoe: boolean }
  | { readonly kind: 'gguf'; readonly format: GgufFormat };

export interface Precision {
  /** Canonical name, as a user types it. */
  readonly id: string;
  /** Bits one weight takes in memory, scales included (b of methodology 2.1). */
  readonly bitsPerWeight: number;
  /** The hardware peak the matrix multiplications run at. */
  readonly computeType: ComputeType;
  /** Bits per KV-cache value (b of methodology 2.2) unless `kv_precision` overrides it. */
  readonly kvBits: number;
  /** Bits per activation value (b of methodology 2.3). */
  readonly activationBits: number;
  /** Other names people write for it; matched like the id. */
  readonly aliases: readonly string[];
  /** Which tensors take `bitsPerWeight` (methodology 2.1's b); see WeightLayout. */
  readonly layout: WeightLayout;
  /** Why the numbers are what they are. */
  readonly note: string;
}

const UNIFORM: WeightLayout = { kind: 'uniform' };
const LINEAR: WeightLayout = { kind: 'linear', expertsOnlyInMoe: false };

/** A llama.cpp GGUF file type: weight-only, dequantized to fp16 in the matrix kernels, f16 KV cache by default. */
function gguf(format: GgufFormat, bits: number, aliases: readonly string[], note: string): Precision {
  return {
    id: format,
    bitsPerWeight: bits,
    computeType: 'fp16',
    kvBits: 16,
    activationBits: 16,
    aliases,
    layout: { kind: 'gguf', format },
    note,
  };
}

const GGML_COMMON = 'ggml-org/llama.cpp@01243c58 ggml/src/ggml-common.h';
const LLAMA_QUANT = 'mixture: llama.cpp@007dbbf3 src/llama-quant.cpp';

export const PRECISIONS: readonly Precision[] = [
  {
    id: 'fp32',
    bitsPerWeight: 32,
    computeType: 'fp32',
    kvBits: 32,
    activationBits: 32,
    aliases: ['float32', 'float', 'f32', 'single'],
    layout: UNIFORM,
    note: 'IEEE single precision; methodology 4: 4 bytes per parameter; computes at the non-tensor FP32 peak.',
  },
  {
    id: 'tf32',
    bitsPerWeight: 32,
    computeType: 'tf32',
    kvBits: 32,
    activationBits: 32,
    aliases: ['tensorfloat32'],
    layout: UNIFORM,
    note: 'Stored as fp32 (4 bytes); matrix multiplications run at the TF32 tensor-core peak.',
  },
  {
    id: 'fp16',
    bitsPerWeight: 16,
    computeType: 'fp16',
    kvBits: 16,
    activationBits: 16,
    aliases: ['float16', 'half', 'f16'],
    layout: UNIFORM,
    note: 'IEEE half precision; methodology 4: 2 bytes per parameter; FP16 tensor-core peak.',
  },
  {
    id: 'bf16',
    bitsPerWeight: 16,
    computeType: 'bf16',
    kvBits: 16,
    activationBits: 16,
    aliases: ['bfloat16', 'brainfloat16'],
    layout: UNIFORM,
    note: 'bfloat16; methodology 4: 2 bytes per parameter; BF16 tensor-core peak.',
  },
  {
    id: 'fp8',
    bitsPerWeight: 8,
    computeType: 'fp8',
    kvBits: 8,
    activationBits: 8,
    aliases: ['float8', 'e4m3', 'fp8e4m3', 'w8a8fp8'],
    layout: UNIFORM,
    note: 'FP8 (E4M3) weights and activations, per-tensor scales (negligible); KV cache in 8 bits as the contract states.',
  },
  {
    id: 'int8',
    bitsPerWeight: 8,
    computeType: 'int8',
    kvBits: 16,
    activationBits: 16,
    aliases: ['w8a8', 'w8a8int8'],
    layout: UNIFORM,
    note: 'INT8 weights (W8A8, per-channel scales, negligible) at the INT8 tensor peak; KV cache stays 16-bit as in vLLM and TensorRT-LLM defaults.',
  },
  {
    id: 'int4',
    // 4-bit weights + one fp16 scale and one packed 4-bit zero point per group of 128:
    // AutoAWQ WQLinear_GEMM (casper-hansen/AutoAWQ@d9dc8e56 awq/modules/linear/gemm.py) stores
    // qweight int32[in, out/8], qzeros int32[in/128, out/8], scales fp16[in/128, out].
    bitsPerWeight: 4 + (16 + 4) / 128,
    computeType: 'fp16',
    kvBits: 16,
    activationBits: 16,
    aliases: ['awq', 'gptq', 'w4a16', 'int4-g128', 'awq-int4', 'gptq-int4'],
    layout: LINEAR,
    note: 'Weight-only INT4, group size 128 (AWQ/GPTQ): 4 + (16-bit scale + 4-bit zero) / 128 = 4.15625 bits; embeddings and output head stay fp16; dequantized to fp16 for the matrix multiplications.',
  },
  {
    id: 'nf4',
    // QLoRA (Dettmers et al. 2023, arXiv 2305.14314, section 3): 4-bit NormalFloat in blocks of 64
    // with the block absmax quantized to 8 bits, and one fp32 constant per 256 of those (double
    // quantization): 4 + 8/64 + 32/(64 × 256) = 4.127 bits, "0.127 bits per parameter" of overhead.
    bitsPerWeight: 4 + 8 / 64 + 32 / (64 * 256),
    computeType: 'bf16',
    kvBits: 16,
    activationBits: 16,
    aliases: ['bnb-nf4', 'bnb-4bit', 'bitsandbytes-4bit', 'qlora', 'nf4-dq'],
    layout: LINEAR,
    note: 'bitsandbytes NF4 with double quantization: 4.127 bits per weight; only nn.Linear layers are replaced (embeddings and lm_head stay 16-bit); computes in bf16.',
  },
  {
    id: 'fp4',
    // NVFP4: E2M1 values with one FP8 (E4M3) scale per 16 (ModelOpt "group_size": 16; ggml
    // block_nvfp4 = 4 scale bytes + 32 bytes per 64 weights) and one fp32 scale per tensor.
    bitsPerWeight: 4 + 8 / 16,
    computeType: 'fp4',
    kvBits: 8,
    activationBits: 16,
    aliases: ['nvfp4', 'e2m1', 'w4a4-fp4', 'modelopt-fp4'],
    layout: LINEAR,
    note: `NVIDIA NVFP4 (W4A4): 4 + 8/16 = 4.5 bits per weight (${GGML_COMMON} block_nvfp4); ModelOpt checkpoints leave lm_head unquantized and ship an FP8 KV cache ("kv_cache_quant_algo": "FP8"); FP4 tensor peak where the GPU has one (Blackwell), else the next type it has.`,
  },
  {
    id: 'mxfp4',
    // OCP Microscaling MXFP4: E2M1 values with one E8M0 scale byte per 32 (ggml block_mxfp4 =
    // 1 + 16 bytes per 32 weights).
    bitsPerWeight: 4 + 8 / 32,
    computeType: 'bf16',
    kvBits: 16,
    activationBits: 16,
    aliases: ['mxfp4-moe', 'ocp-mxfp4'],
    layout: { kind: 'linear', expertsOnlyInMoe: true },
    note: `OCP MXFP4: 4 + 8/32 = 4.25 bits per weight (${GGML_COMMON} block_mxfp4). In a mixture-of-experts model only the experts are MXFP4, as gpt-oss ships them (attention, router, embeddings bf16); dequantized to bf16 on GPUs without FP4 tensor cores (Hopper), counted at the bf16 peak.`,
  },
  gguf(
    'q8_0',
    ggmlBits('q8_0'),
    ['gguf-q8_0'],
    `GGUF Q8_0: blocks of 32 int8 weights + one fp16 scale = 34 bytes, 8.5 bits (${GGML_COMMON}); every 2-D tensor Q8_0, norms f32 (${LLAMA_QUANT}).`,
  ),
  gguf(
    'q6_k',
    ggmlBits('q6_k'),
    ['gguf-q6_k'],
    `GGUF Q6_K: 256-weight super-blocks of 210 bytes, 6.5625 bits (${GGML_COMMON} block_q6_K); every 2-D tensor Q6_K (${LLAMA_QUANT}).`,
  ),
  gguf(
    'q5_k_m',
    ggmlBits('q5_k'),
    ['gguf-q5_k_m'],
    `GGUF Q5_K_M: Q5_K (176 bytes per 256 weights, 5.5 bits; ${GGML_COMMON}) with attn_v and ffn_down in Q6_K on the use_more_bits layers and the output head in Q6_K (${LLAMA_QUANT}).`,
  ),
  gguf(
    'q4_k_m',
    ggmlBits('q4_k'),
    ['gguf-q4_k_m'],
    `GGUF Q4_K_M: Q4_K (144 bytes per 256 weights, 4.5 bits; ${GGML_COMMON}) with attn_v and ffn_down in Q6_K on the use_more_bits layers (half of them) and the output head in Q6_K (${LLAMA_QUANT}).`,
  ),
  gguf(
    'q4_0',
    ggmlBits('q4_0'),
    ['gguf-q4_0'],
    `GGUF Q4_0: blocks of 32 4-bit weights + one fp16 scale = 18 bytes, 4.5 bits (${GGML_COMMON}); output head Q6_K (${LLAMA_QUANT}).`,
  ),
  gguf(
    'q3_k_m',
    ggmlBits('q3_k'),
    ['gguf-q3_k_m'],
    `GGUF Q3_K_M: Q3_K (110 bytes per 256 weights, 3.4375 bits; ${GGML_COMMON}) with attn_v Q4_K (Q5_K in the first two layers), attn_output Q4_K, ffn_down Q4_K (Q5_K in the first 1/16 of layers), output Q6_K (${LLAMA_QUANT}).`,
  ),
  gguf(
    'q2_k',
    ggmlBits('q2_k'),
    ['gguf-q2_k'],
    `GGUF Q2_K: Q2_K (84 bytes per 256 weights, 2.625 bits; ${GGML_COMMON}) with attn_v Q3_K (Q4_K when heads/kv_heads >= 4), attn_output and ffn_down Q3_K, output Q6_K (${LLAMA_QUANT}).`,
  ),
];

/**
 * Formats the KV cache can be stored in (`kv_precision`): the 16-bit types, FP8/INT8 (vLLM,
 * TensorRT-LLM) and llama.cpp's `--cache-type-k/v q8_0 | q4_0` (8.5 and 4.5 bits with scales).
 */
export const KV_PRECISIONS = ['fp32', 'fp16', 'bf16', 'fp8', 'int8', 'q8_0', 'q4_0'] as const;

const PRECISION_BY_KEY = new Map<string, Precision>();
for (const precision of PRECISIONS) {
  for (const name of [precision.id, ...precision.aliases]) {
    PRECISION_BY_KEY.set(normalizeName(name), precision);
  }
}

/**
 * Looks a precision up by name or alias (case-insensitive); undefined when unknown, also for a name
 * longer than MAX_NAME_LENGTH (not matched at all).
 */
export function findPrecision(name: string): Precision | undefined {
  return name.length > MAX_NAME_LENGTH ? undefined : PRECISION_BY_KEY.get(normalizeName(name));
}

/** The closest known precision names to an unknown one, for error messages. */
export function suggestPrecisions(name: string): string[] {
  return closestNames(
    name,
    PRECISIONS.map((p) => p.id),
  );
}
