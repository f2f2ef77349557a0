/**
 * Bytes of the weights in a given format, tensor by tensor (methodology 2.1's P × b, where b may
 * differ between tensors).
 */
import type { Precision } from '../precision';
import { ggmlBits, ggufTensorType, type GgufCategory, type GgufFormat } from '../quant/ggml';
import { LINEAR_ROLES, parameterCount, weightTensors, type TensorRole, type WeightTensor } from './params';
import type { Architecture } from './spec';

/** Bits of tensors a weight-only format leaves alone (fp16/bf16 checkpoints). */
const UNQUANTIZED_BITS = 16;

/** GGUF keeps 1-D tensors (norms, biases, sinks) in f32 (llama-quant.cpp quantizes 2-D and 3-D tensors only). */
const GGUF_VECTOR_BITS = 32;

const GGUF_CATEGORY: Partial<Record<TensorRole, GgufCategory>> = {
  embedding: 'token_embd',
  output: 'output',
  attn_q: 'attn_q',
  attn_k: 'attn_k',
  attn_v: 'attn_v',
  attn_kv_b: 'attn_kv_b',
  attn_output: 'attn_output',
  ffn_gate: 'ffn_gate',
  ffn_up: 'ffn_up',
  ffn_down: 'ffn_down',
  attn_q_a: 'other',
  attn_q_b: 'other',
  attn_kv_a: 'other',
};

function ggufBits(arch: Architecture, format: GgufFormat, tensor: WeightTensor): number {
  const category = GGUF_CATEGORY[tensor.role];
  if (category === undefined) {
    // Norms, biases and sinks are 1-D (f32); the router, positions and a vision tower are not quantized.
    return tensor.role === 'norm' || tensor.role === 'bias' || tensor.role === 'sink'
      ? GGUF_VECTOR_BITS
      : UNQUANTIZED_BITS;
  }
  const gqa = arch.heads !== undefined && arch.kvHeads !== undefined ? Math.floor(arch.heads / arch.kvHeads) : 1;
  const type = ggufTensorType(format, {
    category,
    columns: tensor.columns,
    layer: Math.max(tensor.layer, 0),
    layers: arch.layers,
    tiedEmbeddings: arch.tiedEmbeddings,
    gqa,
    experts: arch.experts,
    is70bClass: arch.layers === 80 && gqa > 1,
  });
  return ggmlBits(type);
}

/** Bits one tensor takes in `precision`. */
export function tensorBits(arch: Architecture, precision: Precision, tensor: WeightTensor): number {
  const layout = precision.layout;
  if (layout.kind === 'uniform') return precision.bitsPerWeight;
  if (layout.kind === 'gguf') return ggufBits(arch, layout.format, tensor);
  const quantized = LINEAR_ROLES.has(tensor.role) && (!layout.expertsOnlyInMoe || arch.experts === 0 || tensor.expert);
  return quantized ? precision.bitsPerWeight : UNQUANTIZED_BITS;
}

/**
 * Total bits of the weights. A uniform format is the document's P × b; the others add up their
 * tensors (a GGUF Q4_K_M file of Llama-3-8B: Q4_K, Q6_K and f32 tensors).
 */
export function weightBits(arch: Architecture, precision: Precision): number {
  if (precision.layout.kind === 'uniform') return parameterCount(arch) * precision.bitsPerWeight;
  let bits = 0;
  for (const tensor of weightTensors(arch)) bits += tensor.params * tensorBits(arch, precision, tensor);
  return bits;
}
