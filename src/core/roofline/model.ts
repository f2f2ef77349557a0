/**
 * What the roofline method needs to know of a model in a given format: how many weights every
 * token multiplies by, how many bytes of weights there are to read (split into what every step
 * reads and the routed experts, read only when a token is routed to them), the attention widths
 * and the KV-cache and activation sizes per token.
 *
 * It is read off the architecture model's list of weight tensors (src/core/architecture/params.ts)
 * and the bits each tensor takes in the format (src/core/architecture/weights.ts), so GQA, gated
 * FFNs, experts, untied heads, latent attention and GGUF mixtures all count as they are stored.
 */
import { LINEAR_ROLES, attentionWeights, ffnBias, parameterCount, weightTensors } from '../architecture/params';
import { type Architecture, isMoeLayer, moeLayerCount } from '../architecture/spec';
import { tensorBits } from '../architecture/weights';
import type { Precision } from '../precision';

export interface RooflineModel {
  readonly hidden: number;
  readonly layers: number;
  readonly vocab: number;
  /**
   * Weights of the linear layers every token multiplies by: attention, dense FFNs, routers and
   * shared experts (the output head excluded).
   */
  readonly denseLinearParams: number;
  /** Weights of all routed experts in all MoE layers. */
  readonly routedExpertParams: number;
  /** Routed experts per MoE layer (0: dense). */
  readonly experts: number;
  /** Routed experts a token uses. */
  readonly activeExperts: number;
  /** The output head, V × H (the embedding matrix when tied). */
  readonly headParams: number;
  /** Bytes every forward step reads: all weights but the routed experts, the embedding table and positions. */
  readonly alwaysReadBytes: number;
  /** Bytes of all routed experts. */
  readonly routedExpertBytes: number;
  /** FLOPs of attention scores and the weighted sum of values, per (query, key) pair and layer. */
  readonly attentionFlopsPerPair: number;
  /** KV-cache bytes one token adds to one layer. */
  readonly kvBytesPerTokenLayer: number;
  /** Layers that attend over the whole context, and those that keep only a window. */
  readonly fullLayers: number;
  readonly slidingLayers: number;
  readonly slidingWindow: number;
  /** KV heads, for the share each GPU holds under tensor parallelism (undefined: the cache splits evenly). */
  readonly kvHeads?: number;
  /** Latent attention: every GPU holds the whole (shared) latent cache. */
  readonly latentCache: boolean;
  /** Activation values one token reads and writes through the layers (inputs and outputs of each matrix). */
  readonly activationValuesPerToken: number;
  /** Activation values of the output head for one position (its input and the V logits). */
  readonly headActivationValues: number;
  readonly activationBytesPerValue: number;
}

/** Matrices in one feed-forward block. */
function ffnMatrices(arch: Architecture): number {
  return arch.gatedFfn ? 3 : 2;
}

/**
 * Share of a MoE layer's expert weights that belong to routed experts (the rest are shared
 * experts): both are stored as the same tensors, so they are told apart by their sizes.
 */
function routedShare(arch: Architecture): number {
  const m = ffnMatrices(arch);
  const routed = arch.experts * m * arch.hidden * arch.expertFfn;
  const shared = arch.sharedExperts * m * arch.hidden * arch.sharedExpertFfn;
  return routed / (routed + shared);
}

/**
 * Attention FLOPs per (query, key) pair and layer, 2 per multiply-add: Q·Kᵀ is heads × head_dim
 * multiply-adds, the weighted sum of V as many again (MLA: nope + rope for the scores, v_head_dim
 * for the values, on the decompressed heads).
 */
function attentionFlopsPerPair(arch: Architecture): number {
  if (arch.mla) {
    const heads = arch.heads as number;
    const m = arch.mla;
    return 2 * heads * (m.qkNopeHeadDim + m.qkRopeHeadDim) + 2 * heads * m.vHeadDim;
  }
  return 2 * arch.qDim + 2 * arch.qDim;
}

/** Weights and bytes of a model, by how often a step reads them. */
interface WeightSplit {
  readonly denseLinearParams: number;
  readonly routedExpertParams: number;
  readonly alwaysReadBits: number;
  readonly routedExpertBits: number;
}

/**
 * The split for a format that stores every tensor alike (fp16, bf16, fp8...), in closed form so
 * that it costs the same for any number of layers.
 */
function uniformSplit(arch: Architecture, bitsPerWeight: number): WeightSplit {
  const H = arch.hidden;
  const m = ffnMatrices(arch);
  const moeLayers = moeLayerCount(arch);
  const denseLayers = arch.layers - moeLayers;
  const expertMatrices = m * H * arch.expertFfn;
  const sharedLinear = arch.sharedExperts * m * H * arch.sharedExpertFfn;
  const routedLinear = moeLayers * arch.experts * expertMatrices;
  const routedAll = moeLayers * arch.experts * (expertMatrices + ffnBias(arch, arch.expertFfn));
  // Not read by a step: an untied embedding table (its rows are gathered), positions, a vision tower.
  const notRead = (arch.tiedEmbeddings ? 0 : arch.vocab * H) + arch.positionEmbeddings * H + arch.extraParams;
  return {
    denseLinearParams:
      attentionWeights(arch) * arch.layers +
      m * H * arch.ffn * denseLayers +
      moeLayers * (H * arch.experts + sharedLinear),
    routedExpertParams: routedLinear,
    alwaysReadBits: (parameterCount(arch) - notRead - routedAll) * bitsPerWeight,
    routedExpertBits: routedAll * bitsPerWeight,
  };
}

/** The split tensor by tensor, for formats whose tensors differ in bits (GGUF mixtures, AWQ/GPTQ, nf4). */
export function tensorSplit(arch: Architecture, precision: Precision): WeightSplit {
  const share = arch.experts > 0 ? routedShare(arch) : 0;
  let denseLinearParams = 0;
  let routedExpertParams = 0;
  let alwaysReadBits = 0;
  let routedExpertBits = 0;
  for (const tensor of weightTensors(arch)) {
    const bits = tensor.params * tensorBits(arch, precision, tensor);
    if (tensor.expert && tensor.layer >= 0 && isMoeLayer(arch, tensor.layer)) {
      // Expert tensors (routed and shared alike) of an MoE layer.
      routedExpertBits += bits * share;
      alwaysReadBits += bits * (1 - share);
      if (LINEAR_ROLES.has(tensor.role)) {
        routedExpertParams += tensor.params * share;
        denseLinearParams += tensor.params * (1 - share);
      }
      continue;
    }
    switch (tensor.role) {
      case 'embedding':
        // Only the rows of the step's tokens are gathered, unless the matrix is also the output head.
        if (arch.tiedEmbeddings) alwaysReadBits += bits;
        break;
      case 'position':
      case 'extra':
        // Learned positions are gathered row by row; a vision encoder runs only on images.
        break;
      case 'router':
        denseLinearParams += tensor.params;
        alwaysReadBits += bits;
        break;
      default:
        if (LINEAR_ROLES.has(tensor.role)) denseLinearParams += tensor.params;
        alwaysReadBits += bits;
    }
  }
  return { denseLinearParams, routedExpertParams, alwaysReadBits, routedExpertBits };
}

/** The split of a format: in closed form when uniform, tensor by tensor otherwise. */
export function weightSplit(arch: Architecture, precision: Precision): WeightSplit {
  return precision.layout.kind === 'uniform'
    ? uniformSplit(arch, precision.bitsPerWeight)
    : tensorSplit(arch, precision);
}

/** Summarises `arch` stored in `precision` for the roofline; `kvBits` is the KV cache's bits per value. */
export function rooflineModel(arch: Architecture, precision: Precision, kvBits: number): RooflineModel {
  const split = weightSplit(arch, precision);
  const H = arch.hidden;
  const m = ffnMatrices(arch);
  const moeLayers = moeLayerCount(arch);
  // Per layer: attention reads x and writes Q, K, V, feeds the attention output to O and writes its
  // output; the FFN reads x, writes its m − 1 up/gate outputs, and the down projection reads one
  // intermediate and writes H.
  const attention = H + arch.qDim + 2 * arch.kvDim + arch.qDim + H;
  const ffnValues = (width: number): number => H + (m - 1) * width + width + H;
  const moeWidth = arch.activeExperts * arch.expertFfn + arch.sharedExperts * arch.sharedExpertFfn;
  const activationValuesPerToken =
    (arch.layers - moeLayers) * (attention + ffnValues(arch.ffn)) + moeLayers * (attention + ffnValues(moeWidth));

  return {
    hidden: H,
    layers: arch.layers,
    vocab: arch.vocab,
    denseLinearParams: split.denseLinearParams,
    routedExpertParams: split.routedExpertParams,
    experts: moeLayers > 0 ? arch.experts : 0,
    activeExperts: moeLayers > 0 ? arch.activeExperts : 0,
    headParams: arch.vocab * H,
    alwaysReadBytes: split.alwaysReadBits / 8,
    routedExpertBytes: split.routedExpertBits / 8,
    attentionFlopsPerPair: attentionFlopsPerPair(arch),
    kvBytesPerTokenLayer: ((arch.mla ? arch.mla.kvLoraRank + arch.mla.qkRopeHeadDim : 2 * arch.kvDim) * kvBits) / 8,
    fullLayers: arch.layers - arch.slidingLayers,
    slidingLayers: arch.slidingLayers,
    slidingWindow: arch.slidingWindow,
    kvHeads: arch.kvHeads,
    latentCache: arch.mla !== undefined,
    activationValuesPerToken,
    headActivationValues: H + arch.vocab,
    activationBytesPerValue: precision.activationBits / 8,
  };
}
