/**
 * A transformer's architecture as the memory formulas need it, and the checks that make a
 * specification impossible to misread.
 *
 * Every field beyond the methodology's H, L, F, V is optional. Left out, it takes the value that
 * makes the formulas the methodology's (section 2): multi-head attention whose Q, K, V and O are
 * H × H, a two-matrix feed-forward, one (tied) embedding table, LayerNorm with weight and bias
 * twice per layer plus a final one (the document's 4HL + 2H), no biases on the linear layers, no
 * learned positions, no experts, no latent attention, no sliding window.
 */
import { InputError } from '../errors';

export type NormType = 'layernorm' | 'rmsnorm';

/** What a preset, a config.json or a sheet user states. H, L, F, V are required. */
export interface ArchitectureSpec {
  /** H, hidden size. */
  readonly hidden: number;
  /** L, decoder layers. */
  readonly layers: number;
  /** F, feed-forward (intermediate) size of the dense layers. */
  readonly ffn: number;
  /** V, vocabulary size (rows of the embedding table). */
  readonly vocab: number;
  /** Attention (query) heads. Unset: Q and O are H × H as in the methodology. */
  readonly heads?: number;
  /** Key/value heads (grouped-query attention); default `heads`. */
  readonly kvHeads?: number;
  /** Size of one head; default H / heads (Gemma, Qwen3 and Mistral-Nemo declare another). */
  readonly headDim?: number;
  /** Gated feed-forward (SwiGLU/GeGLU): three matrices gate, up, down instead of two. */
  readonly gatedFfn?: boolean;
  /** The output head shares the token-embedding matrix (default true, as methodology 2.1 counts VH once). */
  readonly tiedEmbeddings?: boolean;
  /** LayerNorm (weight and bias, 2H) or RMSNorm (weight only, H). */
  readonly norm?: NormType;
  /** Norms per layer (2 pre-norm; 4 in Gemma-2/3; 1 in GPT-J's parallel block). */
  readonly normsPerLayer?: number;
  /** A norm after the last layer. */
  readonly finalNorm?: boolean;
  /** RMSNorm of size head_dim on queries and keys (Qwen3, Gemma-3). */
  readonly qkNorm?: boolean;
  /** A norm right after the embedding (BLOOM's word_embeddings_layernorm). */
  readonly embeddingNorm?: boolean;
  /** Biases on the Q, K and V projections (Qwen2). */
  readonly qkvBias?: boolean;
  /** A bias on the attention output projection (GPT-2, OPT, BLOOM, gpt-oss, with qkvBias). */
  readonly attentionOutputBias?: boolean;
  /** Biases on the feed-forward (and expert) matrices. */
  readonly mlpBias?: boolean;
  /** A bias on the output head (GPT-J). */
  readonly outputBias?: boolean;
  /** Rows of a learned absolute position table (GPT-2 1024; OPT 2048 + 2). */
  readonly positionEmbeddings?: number;
  /** One learned attention-sink logit per head and layer (gpt-oss). */
  readonly attentionSinks?: boolean;
  /** Routed experts per MoE layer (0: dense). */
  readonly experts?: number;
  /** Routed experts each token uses. */
  readonly activeExperts?: number;
  /** Shared experts every token uses (DeepSeek, Llama-4). */
  readonly sharedExperts?: number;
  /** Intermediate size of one expert; default F. */
  readonly expertFfn?: number;
  /** Intermediate size of one shared expert; default the expert size. */
  readonly sharedExpertFfn?: number;
  /**
   * A sigmoid gate on the shared expert output, Linear(hidden, 1) without bias in every MoE layer
   * (Qwen2-MoE's shared_expert_gate).
   */
  readonly sharedExpertGate?: boolean;
  /** Leading dense layers before the MoE layers start (DeepSeek first_k_dense_replace). */
  readonly denseLayers?: number;
  /** Every n-th layer after the dense ones is MoE (Llama-4 Maverick: 2); default 1. */
  readonly moeLayerStep?: number;
  /** A bias per expert on the router (gpt-oss; DeepSeek-V3's e_score_correction_bias). */
  readonly routerBias?: boolean;
  /** Multi-head latent attention (DeepSeek-V2/V3): query low-rank size, 0 for a full q_proj. */
  readonly qLoraRank?: number;
  /** MLA: size of the compressed KV latent cached per token and layer. */
  readonly kvLoraRank?: number;
  /** MLA: per-head query/key size without rotary embedding. */
  readonly qkNopeHeadDim?: number;
  /** MLA: per-head rotary query/key size; the rotary key is cached beside the latent. */
  readonly qkRopeHeadDim?: number;
  /** MLA: per-head value size. */
  readonly vHeadDim?: number;
  /** Tokens a sliding-window (or chunked) attention layer keeps in its KV cache. */
  readonly slidingWindow?: number;
  /** How many layers use the window; default all when a window is given. */
  readonly slidingLayers?: number;
  /** Parameters outside the language model that the checkpoint loads (a vision encoder). */
  readonly extraParams?: number;
}

/** A specification with every default applied and every check passed. */
export interface Architecture {
  readonly hidden: number;
  readonly layers: number;
  readonly ffn: number;
  readonly vocab: number;
  /** Undefined when the specification did not state heads (methodology attention). */
  readonly heads?: number;
  readonly kvHeads?: number;
  readonly headDim?: number;
  /** Width of Q (heads × head_dim), H by default. */
  readonly qDim: number;
  /** Width of K and of V (kv_heads × head_dim), H by default. */
  readonly kvDim: number;
  readonly gatedFfn: boolean;
  readonly tiedEmbeddings: boolean;
  readonly norm: NormType;
  readonly normsPerLayer: number;
  readonly finalNorm: boolean;
  readonly qkNorm: boolean;
  readonly embeddingNorm: boolean;
  readonly qkvBias: boolean;
  readonly attentionOutputBias: boolean;
  readonly mlpBias: boolean;
  readonly outputBias: boolean;
  readonly positionEmbeddings: number;
  readonly attentionSinks: boolean;
  readonly experts: number;
  readonly activeExperts: number;
  readonly sharedExperts: number;
  readonly expertFfn: number;
  readonly sharedExpertFfn: number;
  readonly sharedExpertGate: boolean;
  readonly denseLayers: number;
  readonly moeLayerStep: number;
  readonly routerBias: boolean;
  /** Present for multi-head latent attention. */
  readonly mla?: {
    readonly qLoraRank: number;
    readonly kvLoraRank: number;
    readonly qkNopeHeadDim: number;
    readonly qkRopeHeadDim: number;
    readonly vHeadDim: number;
  };
  readonly slidingWindow: number;
  readonly slidingLayers: number;
  readonly extraParams: number;
}

function fail(key: string, why: string): never {
  throw new InputError(`${key} ${why}`);
}

function positiveInteger(key: string, value: number | undefined): void {
  if (value === undefined) return;
  if (!Number.isInteger(value) || value <= 0) fail(key, `must be a positive whole number, got ${value}`);
}

function nonNegativeInteger(key: string, value: number | undefined): void {
  if (value === undefined) return;
  if (!Number.isInteger(value) || value < 0) fail(key, `must be a whole number of 0 or more, got ${value}`);
}

/** Checks a specification and applies the defaults; an impossible one is an error naming the key. */
export function resolveArchitecture(spec: ArchitectureSpec): Architecture {
  const { hidden, layers, ffn, vocab } = spec;
  for (const [key, value] of [
    ['hidden', hidden],
    ['layers', layers],
    ['ffn', ffn],
    ['vocab', vocab],
    ['heads', spec.heads],
    ['kv_heads', spec.kvHeads],
    ['head_dim', spec.headDim],
    ['expert_ffn', spec.expertFfn],
    ['shared_expert_ffn', spec.sharedExpertFfn],
    ['moe_layer_step', spec.moeLayerStep],
    ['kv_lora_rank', spec.kvLoraRank],
    ['qk_rope_head_dim', spec.qkRopeHeadDim],
    ['qk_nope_head_dim', spec.qkNopeHeadDim],
    ['v_head_dim', spec.vHeadDim],
    ['sliding_window', spec.slidingWindow],
  ] as const) {
    positiveInteger(key, value);
  }
  for (const [key, value] of [
    ['norms_per_layer', spec.normsPerLayer],
    ['position_embeddings', spec.positionEmbeddings],
    ['experts', spec.experts],
    ['active_experts', spec.activeExperts],
    ['shared_experts', spec.sharedExperts],
    ['dense_layers', spec.denseLayers],
    ['q_lora_rank', spec.qLoraRank],
    ['sliding_layers', spec.slidingLayers],
    ['extra_params', spec.extraParams],
  ] as const) {
    nonNegativeInteger(key, value);
  }

  // Attention widths.
  const { heads } = spec;
  if (heads === undefined) {
    if (spec.kvHeads !== undefined) fail('kv_heads', 'needs heads (the number of query heads) as well');
    if (spec.headDim !== undefined) fail('head_dim', 'needs heads (the number of query heads) as well');
  }
  let headDim: number | undefined = spec.headDim;
  if (heads !== undefined && headDim === undefined) {
    if (hidden % heads !== 0) {
      fail(
        'heads',
        `(${heads}) does not divide hidden (${hidden}), so the head size is unknown; give head_dim (e.g. head_dim=128)`,
      );
    }
    headDim = hidden / heads;
  }
  const kvHeads = heads === undefined ? undefined : (spec.kvHeads ?? heads);
  if (heads !== undefined && kvHeads !== undefined) {
    if (kvHeads > heads) fail('kv_heads', `(${kvHeads}) cannot exceed heads (${heads})`);
    if (heads % kvHeads !== 0) fail('kv_heads', `(${kvHeads}) must divide heads (${heads}) evenly`);
  }
  const qDim = heads === undefined || headDim === undefined ? hidden : heads * headDim;
  const kvDim = kvHeads === undefined || headDim === undefined ? hidden : kvHeads * headDim;

  // Mixture of experts.
  const experts = spec.experts ?? 0;
  const activeExperts = spec.activeExperts ?? 0;
  const sharedExperts = spec.sharedExperts ?? 0;
  const denseLayers = spec.denseLayers ?? 0;
  if (experts === 0) {
    if (activeExperts > 0) fail('active_experts', 'needs experts (the number of routed experts) as well');
    if (sharedExperts > 0) fail('shared_experts', 'needs experts (the number of routed experts) as well');
    if (spec.sharedExpertGate) fail('shared_expert_gate', 'needs experts (the number of routed experts) as well');
  } else {
    if (activeExperts === 0) fail('active_experts', `is required with experts (${experts}): experts used per token`);
    if (activeExperts > experts) {
      fail(
        'active_experts',
        `(${activeExperts}) cannot exceed experts (${experts}): a token cannot use more experts than exist`,
      );
    }
  }
  if (spec.sharedExpertGate && experts > 0 && sharedExperts === 0) {
    fail('shared_expert_gate', 'needs shared_experts (the expert it gates) as well');
  }
  if (denseLayers > layers) fail('dense_layers', `(${denseLayers}) cannot exceed layers (${layers})`);

  // Multi-head latent attention.
  let mla: Architecture['mla'];
  if (spec.kvLoraRank !== undefined) {
    if (heads === undefined) fail('kv_lora_rank', 'needs heads (multi-head latent attention) as well');
    const parts = {
      qk_nope_head_dim: spec.qkNopeHeadDim,
      qk_rope_head_dim: spec.qkRopeHeadDim,
      v_head_dim: spec.vHeadDim,
    };
    const missing = Object.keys(parts).filter((key) => parts[key as keyof typeof parts] === undefined);
    if (missing.length > 0) fail('kv_lora_rank', `(latent attention) also needs ${missing.join(', ')}`);
    mla = {
      qLoraRank: spec.qLoraRank ?? 0,
      kvLoraRank: spec.kvLoraRank,
      qkNopeHeadDim: spec.qkNopeHeadDim as number,
      qkRopeHeadDim: spec.qkRopeHeadDim as number,
      vHeadDim: spec.vHeadDim as number,
    };
  }

  // Sliding windows.
  const slidingWindow = spec.slidingWindow ?? 0;
  const slidingLayers = spec.slidingLayers ?? (slidingWindow > 0 ? layers : 0);
  if (slidingLayers > 0 && slidingWindow === 0) fail('sliding_layers', 'needs sliding_window (tokens kept) as well');
  if (slidingLayers > layers) fail('sliding_layers', `(${slidingLayers}) cannot exceed layers (${layers})`);

  const expertFfn = spec.expertFfn ?? ffn;
  return {
    hidden,
    layers,
    ffn,
    vocab,
    heads,
    kvHeads,
    headDim,
    qDim,
    kvDim,
    gatedFfn: spec.gatedFfn ?? false,
    tiedEmbeddings: spec.tiedEmbeddings ?? true,
    norm: spec.norm ?? 'layernorm',
    normsPerLayer: spec.normsPerLayer ?? 2,
    finalNorm: spec.finalNorm ?? true,
    qkNorm: spec.qkNorm ?? false,
    embeddingNorm: spec.embeddingNorm ?? false,
    qkvBias: spec.qkvBias ?? false,
    attentionOutputBias: spec.attentionOutputBias ?? false,
    mlpBias: spec.mlpBias ?? false,
    outputBias: spec.outputBias ?? false,
    positionEmbeddings: spec.positionEmbeddings ?? 0,
    attentionSinks: spec.attentionSinks ?? false,
    experts,
    activeExperts,
    sharedExperts,
    expertFfn,
    sharedExpertFfn: spec.sharedExpertFfn ?? expertFfn,
    sharedExpertGate: spec.sharedExpertGate ?? false,
    denseLayers,
    moeLayerStep: spec.moeLayerStep ?? 1,
    routerBias: spec.routerBias ?? false,
    mla,
    slidingWindow,
    slidingLayers,
    extraParams: spec.extraParams ?? 0,
  };
}

/** Layer `i` (0-based) is a mixture-of-experts layer. */
export function isMoeLayer(arch: Architecture, i: number): boolean {
  if (arch.experts === 0 || i < arch.denseLayers) return false;
  return (i - arch.denseLayers) % arch.moeLayerStep === arch.moeLayerStep - 1;
}

/** Number of mixture-of-experts layers. */
export function moeLayerCount(arch: Architecture): number {
  if (arch.experts === 0) return 0;
  return Math.floor((arch.layers - arch.denseLayers) / arch.moeLayerStep);
}
