/**
 * GGUF weight formats: the ggml block layouts (bytes per block, scales included) and the tensor-type
 * mixture llama.cpp's quantizer picks for each tensor of a `Q4_K_M`, `Q3_K_M`, ... file.
 *
 * Block layouts: ggml-org/llama.cpp@01243c587feceaa5d6a6c2305535ef2f549c48b8 `ggml/src/ggml-common.h`
 * (`block_q4_0` … `block_q6_K`, each with a `static_assert` on its size).
 * Mixture rules: ggml-org/llama.cpp@007dbbf3fd17eefe9b47fee45f48f7ba5e62b714 `src/llama-quant.cpp`
 * (`llama_tensor_get_type_impl`, `tensor_type_fallback`, `tensor_allows_quantization`).
 */

/** The ggml tensor types a GGUF file of the supported formats holds. */
export type GgmlType = 'f32' | 'f16' | 'q8_0' | 'q6_k' | 'q5_k' | 'q5_1' | 'q5_0' | 'q4_k' | 'q4_0' | 'q3_k' | 'q2_k';

interface BlockLayout {
  /** Weights per block (QK). */
  readonly blockSize: number;
  /** Bytes per block, scales and mins included. */
  readonly blockBytes: number;
  /** The struct, as ggml-common.h declares it. */
  readonly layout: string;
}

/** ggml-common.h block structures (QK_K = 256 for the K-quants, 32 for the legacy quants). */
export const GGML_TYPES: Readonly<Record<GgmlType, BlockLayout>> = {
  f32: { blockSize: 1, blockBytes: 4, layout: 'float' },
  f16: { blockSize: 1, blockBytes: 2, layout: 'ggml_half' },
  q8_0: { blockSize: 32, blockBytes: 34, layout: 'block_q8_0: half d; int8 qs[32]' },
  q6_k: {
    blockSize: 256,
    blockBytes: 210,
    layout: 'block_q6_K: uint8 ql[128]; uint8 qh[64]; int8 scales[16]; half d',
  },
  q5_k: {
    blockSize: 256,
    blockBytes: 176,
    layout: 'block_q5_K: half d, dmin; uint8 scales[12]; uint8 qh[32]; uint8 qs[128]',
  },
  q5_1: { blockSize: 32, blockBytes: 24, layout: 'block_q5_1: half d, m; uint8 qh[4]; uint8 qs[16]' },
  q5_0: { blockSize: 32, blockBytes: 22, layout: 'block_q5_0: half d; uint8 qh[4]; uint8 qs[16]' },
  q4_k: { blockSize: 256, blockBytes: 144, layout: 'block_q4_K: half d, dmin; uint8 scales[12]; uint8 qs[128]' },
  q4_0: { blockSize: 32, blockBytes: 18, layout: 'block_q4_0: half d; uint8 qs[16]' },
  q3_k: {
    blockSize: 256,
    blockBytes: 110,
    layout: 'block_q3_K: uint8 hmask[32]; uint8 qs[64]; uint8 scales[12]; half d',
  },
  q2_k: { blockSize: 256, blockBytes: 84, layout: 'block_q2_K: uint8 scales[16]; uint8 qs[64]; half d, dmin' },
};

/** Bits one weight takes in a ggml type: block bytes × 8 / block size (Q4_K: 144 × 8 / 256 = 4.5). */
export function ggmlBits(type: GgmlType): number {
  const { blockBytes, blockSize } = GGML_TYPES[type];
  return (blockBytes * 8) / blockSize;
}

/** The llama.cpp file types (`llama-quantize ... Q4_K_M`) the contract lists. */
export type GgufFormat = 'q8_0' | 'q6_k' | 'q5_k_m' | 'q4_k_m' | 'q4_0' | 'q3_k_m' | 'q2_k';

/** Each file type's default tensor type (llama-quant.cpp `llama_model_quantize_impl`). */
export const GGUF_BASE_TYPE: Readonly<Record<GgufFormat, GgmlType>> = {
  q8_0: 'q8_0',
  q6_k: 'q6_k',
  q5_k_m: 'q5_k',
  q4_k_m: 'q4_k',
  q4_0: 'q4_0',
  q3_k_m: 'q3_k',
  q2_k: 'q2_k',
};

/** How llama.cpp categorizes a tensor for quantization (`tensor_get_category`). */
export type GgufCategory =
  | 'token_embd'
  | 'output'
  | 'attn_q'
  | 'attn_k'
  | 'attn_v'
  | 'attn_kv_b'
  | 'attn_output'
  | 'ffn_gate'
  | 'ffn_up'
  | 'ffn_down'
  | 'other';

/** What the mixture rules need to know about the model and the tensor. */
export interface GgufTensorContext {
  readonly category: GgufCategory;
  /** Columns of the tensor (ggml ne[0], the input width); K-quants need a multiple of 256. */
  readonly columns: number;
  /** Layer index for per-layer rules (attn_v, ffn_down); 0 otherwise. */
  readonly layer: number;
  readonly layers: number;
  /** The model ties the output head to the token embeddings (no `output.weight` in the file). */
  readonly tiedEmbeddings: boolean;
  /** n_head / n_head_kv (llama.cpp `n_gqa()`). */
  readonly gqa: number;
  /** Routed experts (0 for a dense model). */
  readonly experts: number;
  /**
   * llama.cpp's LLM_TYPE_70B, which bumps attn_v to Q5_K: an 80-layer Llama/Qwen2 with grouped KV
   * heads (Llama-2/3-70B, Qwen2-72B).
   */
  readonly is70bClass: boolean;
}

/** `use_more_bits` of llama-quant.cpp: the first and last eighth of the layers and every third between. */
export function useMoreBits(layer: number, layers: number): boolean {
  const eighth = Math.floor(layers / 8);
  return layer < eighth || layer >= Math.floor((7 * layers) / 8) || (layer - eighth) % 3 === 2;
}

/** `llama_tensor_get_type_impl` for the file types above (non-Falcon architectures). */
function mixtureType(format: GgufFormat, t: GgufTensorContext): GgmlType {
  const base = GGUF_BASE_TYPE[format];
  if (t.category === 'output' || (t.tiedEmbeddings && t.category === 'token_embd')) {
    // The output head (or the shared embedding) gets Q6_K, or stays Q8_0 in a Q8_0 file.
    if (t.columns % GGML_TYPES[base].blockSize !== 0) return 'q8_0';
    return base === 'q8_0' ? 'q8_0' : 'q6_k';
  }
  if (t.category === 'attn_v' || t.category === 'attn_kv_b') {
    let type = base;
    if (format === 'q2_k') type = t.gqa >= 4 ? 'q4_k' : 'q3_k';
    else if (format === 'q3_k_m') type = t.layer < 2 ? 'q5_k' : 'q4_k';
    else if ((format === 'q4_k_m' || format === 'q5_k_m') && useMoreBits(t.layer, t.layers)) type = 'q6_k';
    if (t.is70bClass && (type === 'q3_k' || type === 'q4_k')) type = 'q5_k';
    if (t.experts === 8) type = 'q8_0';
    return type;
  }
  if (t.category === 'attn_k') return t.experts === 8 ? 'q8_0' : base;
  if (t.category === 'ffn_down') {
    if (format === 'q2_k') return 'q3_k';
    if (format === 'q3_k_m') return t.layer < Math.floor(t.layers / 16) ? 'q5_k' : 'q4_k';
    if ((format === 'q4_k_m' || format === 'q5_k_m') && useMoreBits(t.layer, t.layers)) return 'q6_k';
    return base;
  }
  if (t.category === 'attn_output') {
    if (t.experts === 8) return format === 'q2_k' || format === 'q3_k_m' || format === 'q4_k_m' ? 'q5_k' : base;
    if (format === 'q2_k') return 'q3_k';
    if (format === 'q3_k_m') return 'q4_k';
    return base;
  }
  return base;
}

/** `tensor_type_fallback`'s replacements for K-quants on rows not divisible by 256. */
const FALLBACK: Partial<Record<GgmlType, GgmlType>> = {
  q2_k: 'q4_0',
  q3_k: 'q4_0',
  q4_k: 'q5_0',
  q5_k: 'q5_1',
  q6_k: 'q8_0',
};

/** `tensor_type_fallback`: a K-quant needs columns divisible by 256, else a 32-block type, else F16. */
function fallback(type: GgmlType, columns: number): GgmlType {
  if (columns % GGML_TYPES[type].blockSize === 0) return type;
  const next = FALLBACK[type];
  return next !== undefined && columns % GGML_TYPES[next].blockSize === 0 ? next : 'f16';
}

/** The ggml type llama.cpp stores a 2-D weight tensor in, for a GGUF file type. */
export function ggufTensorType(format: GgufFormat, tensor: GgufTensorContext): GgmlType {
  return fallback(mixtureType(format, tensor), tensor.columns);
}
