/**
 * Exact parameter counts (methodology 2.1, generalised) and the list of weight tensors a checkpoint
 * holds, for formats that store different tensors at different precisions.
 *
 * With every option at its default the total is the document's
 * `P = 4H²L + 2HFL + VH + 4HL + 2H`, evaluated in the same order so that it matches to the last
 * digit; each generalisation adds a term that is 0 by default.
 */
import { type Architecture, isMoeLayer, moeLayerCount } from './spec';

/** Parameters of a LayerNorm (weight and bias) or RMSNorm (weight) over `width` features, per feature. */
function normFactor(arch: Architecture): number {
  return arch.norm === 'layernorm' ? 2 : 1;
}

/** Matrices of one feed-forward block: gate, up, down (gated) or up, down. */
function ffnMatrices(arch: Architecture): number {
  return arch.gatedFfn ? 3 : 2;
}

/** Biases of one feed-forward block of intermediate size `f`: every matrix but the down one has f, down has H. */
export function ffnBias(arch: Architecture, f: number): number {
  return arch.mlpBias ? (ffnMatrices(arch) - 1) * f + arch.hidden : 0;
}

/**
 * Attention weight matrices of one layer.
 * Plain/grouped attention: Q (H × q) + O (q × H) + K and V (H × kv each) = 2qH + 2kvH, which is
 * the document's 4H² when q = kv = H.
 * Latent attention (DeepSeek-V3 `modeling_deepseek.py`): q_a (H × q_lora) and q_b (q_lora × heads ×
 * (nope + rope)), or a full q_proj; kv_a_proj_with_mqa (H × (kv_lora + rope)); kv_b (kv_lora × heads ×
 * (nope + v)); o_proj (heads × v × H).
 */
export function attentionWeights(arch: Architecture): number {
  const H = arch.hidden;
  if (arch.mla === undefined) return 2 * (arch.qDim * H) + 2 * (arch.kvDim * H);
  const m = arch.mla;
  const heads = arch.heads as number;
  const qHead = m.qkNopeHeadDim + m.qkRopeHeadDim;
  const q = m.qLoraRank > 0 ? H * m.qLoraRank + m.qLoraRank * heads * qHead : H * heads * qHead;
  const kvA = H * (m.kvLoraRank + m.qkRopeHeadDim);
  const kvB = m.kvLoraRank * heads * (m.qkNopeHeadDim + m.vHeadDim);
  return q + kvA + kvB + heads * m.vHeadDim * H;
}

/** Per-layer attention parameters beyond the weight matrices: biases, q/k norms, sinks, MLA's latent norms. */
function attentionExtras(arch: Architecture): number {
  const bias = (arch.qkvBias ? arch.qDim + 2 * arch.kvDim : 0) + (arch.attentionOutputBias ? arch.hidden : 0);
  const qkNorm = arch.qkNorm && arch.headDim !== undefined ? 2 * arch.headDim : 0;
  const sinks = arch.attentionSinks && arch.heads !== undefined ? arch.heads : 0;
  const latentNorms = arch.mla ? arch.mla.qLoraRank + arch.mla.kvLoraRank : 0;
  return bias + qkNorm + sinks + latentNorms;
}

/**
 * Parameters of one MoE block: router, `experts` routed experts, the shared experts and the gate on
 * them (Qwen2-MoE's shared_expert_gate, H × 1).
 */
function moeBlock(arch: Architecture, experts: number): number {
  const H = arch.hidden;
  const m = ffnMatrices(arch);
  const router = H * arch.experts + (arch.routerBias ? arch.experts : 0);
  const expert = m * H * arch.expertFfn + ffnBias(arch, arch.expertFfn);
  const shared = m * H * arch.sharedExpertFfn + ffnBias(arch, arch.sharedExpertFfn);
  const sharedGate = arch.sharedExpertGate ? H : 0;
  return router + experts * expert + arch.sharedExperts * shared + sharedGate;
}

function count(arch: Architecture, routedExperts: number, extra: number): number {
  const H = arch.hidden;
  const L = arch.layers;
  const moeLayers = moeLayerCount(arch);
  const denseLayers = L - moeLayers;
  const norms = arch.normsPerLayer * normFactor(arch);
  const finalNorm = (arch.finalNorm ? 1 : 0) * normFactor(arch);
  // The document's five terms, in its order: attention, feed-forward, embedding, norms, final norm.
  const seedTerms =
    attentionWeights(arch) * L +
    ffnMatrices(arch) * H * arch.ffn * denseLayers +
    arch.vocab * H +
    norms * H * L +
    finalNorm * H;
  return (
    seedTerms +
    attentionExtras(arch) * L +
    ffnBias(arch, arch.ffn) * denseLayers +
    moeBlock(arch, routedExperts) * moeLayers +
    (arch.tiedEmbeddings ? 0 : arch.vocab * H) +
    (arch.outputBias ? arch.vocab : 0) +
    arch.positionEmbeddings * H +
    (arch.embeddingNorm ? normFactor(arch) * H : 0) +
    extra
  );
}

/**
 * Total parameters the checkpoint holds (methodology 2.1's P, generalised): every expert, and
 * `extra_params` (a vision encoder) too.
 *
 * @example parameterCount(resolveArchitecture({ hidden: 4096, layers: 32, ffn: 11008, vocab: 32000 })) // 5164769280
 */
export function parameterCount(arch: Architecture): number {
  return count(arch, arch.experts, arch.extraParams);
}

/**
 * Parameters one token passes through: the routed experts it uses (`active_experts`) instead of all
 * of them, and not `extra_params`. Embedding and output head count, as in Mixtral's "12.9B active".
 */
export function activeParameterCount(arch: Architecture): number {
  return count(arch, arch.activeExperts, 0);
}

/** What a tensor is, as the quantizers tell tensors apart. */
export type TensorRole =
  | 'embedding'
  | 'output'
  | 'position'
  | 'attn_q'
  | 'attn_k'
  | 'attn_v'
  | 'attn_output'
  | 'attn_q_a'
  | 'attn_q_b'
  | 'attn_kv_a'
  | 'attn_kv_b'
  | 'ffn_gate'
  | 'ffn_up'
  | 'ffn_down'
  | 'router'
  | 'norm'
  | 'bias'
  | 'sink'
  | 'extra';

/**
 * A group of weights stored alike: one tensor, or the same tensor of every expert of a layer, or
 * that tensor in every layer of a class of identical layers (`layers` of them; see layerClasses).
 */
export interface WeightTensor {
  readonly role: TensorRole;
  /** Parameters of the whole group (all its layers). */
  readonly params: number;
  /** Input width (columns; ggml ne[0]). */
  readonly columns: number;
  /** Layer index (the first layer of its class); -1 outside the decoder layers. */
  readonly layer: number;
  /** Decoder layers the group stands for (1 outside the decoder layers). */
  readonly layers: number;
  /** Part of a routed or shared expert. */
  readonly expert: boolean;
}

/** Decoder layers built and stored alike: the first of them and how many there are. */
export interface LayerClass {
  readonly first: number;
  readonly count: number;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/**
 * The decoder layers in classes of identical layers, so that a model of any depth is summed in a
 * few dozen steps. Everything that tells one layer from another is constant on a class: dense or
 * mixture-of-experts (the leading dense layers, then every moe_layer_step-th), and the per-layer
 * rules of GGUF mixtures (llama-quant.cpp: the first 2 layers, the first 1/16 and 1/8 of them, the
 * last 1/8, and every third layer between). So the layers are cut at those boundaries, and within
 * each run grouped by their index modulo lcm(3, moe_layer_step).
 */
export function layerClasses(arch: Architecture): LayerClass[] {
  const L = arch.layers;
  const step = arch.experts > 0 ? arch.moeLayerStep : 1;
  const period = (3 * step) / gcd(3, step);
  const cuts = [0, 2, arch.experts > 0 ? arch.denseLayers : 0, Math.floor(L / 16), Math.floor(L / 8)];
  cuts.push(Math.floor((7 * L) / 8), L);
  const bounds = [...new Set(cuts.map((c) => Math.min(Math.max(c, 0), L)))].sort((a, b) => a - b);
  const classes: LayerClass[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const [start, end] = [bounds[i], bounds[i + 1]];
    for (let first = start; first < Math.min(end, start + period); first++) {
      classes.push({ first, count: Math.floor((end - 1 - first) / period) + 1 });
    }
  }
  return classes;
}

/** Roles of matrices inside attention and feed-forward blocks (what weight-only formats quantize). */
export const LINEAR_ROLES: ReadonlySet<TensorRole> = new Set<TensorRole>([
  'attn_q',
  'attn_k',
  'attn_v',
  'attn_output',
  'attn_q_a',
  'attn_q_b',
  'attn_kv_a',
  'attn_kv_b',
  'ffn_gate',
  'ffn_up',
  'ffn_down',
]);

/**
 * Every weight of the model as groups of tensors. Their parameters add up to parameterCount
 * (the test suite checks it for every preset).
 */
export function weightTensors(arch: Architecture): WeightTensor[] {
  const H = arch.hidden;
  const tensors: WeightTensor[] = [];
  let copies = 1;
  const add = (role: TensorRole, params: number, columns: number, layer = -1, expert = false) => {
    if (params > 0) {
      const layers = layer < 0 ? 1 : copies;
      tensors.push({ role, params: params * layers, columns, layer, layers, expert });
    }
  };
  add('embedding', arch.vocab * H, H);
  if (!arch.tiedEmbeddings) add('output', arch.vocab * H, H);
  if (arch.outputBias) add('bias', arch.vocab, 1);
  add('position', arch.positionEmbeddings * H, H);
  if (arch.embeddingNorm) add('norm', normFactor(arch) * H, 1);
  if (arch.finalNorm) add('norm', normFactor(arch) * H, 1);
  add('extra', arch.extraParams, 1);

  const m = ffnMatrices(arch);
  const ffnBlock = (layer: number, f: number, copies: number, expert: boolean) => {
    if (copies === 0) return;
    add('ffn_up', copies * H * f, H, layer, expert);
    if (m === 3) add('ffn_gate', copies * H * f, H, layer, expert);
    add('ffn_down', copies * f * H, f, layer, expert);
    add('bias', copies * ffnBias(arch, f), 1, layer, expert);
  };

  for (const { first: layer, count } of layerClasses(arch)) {
    copies = count;
    add('norm', arch.normsPerLayer * normFactor(arch) * H, 1, layer);
    if (arch.mla) {
      const a = arch.mla;
      const heads = arch.heads as number;
      const qHead = a.qkNopeHeadDim + a.qkRopeHeadDim;
      if (a.qLoraRank > 0) {
        add('attn_q_a', H * a.qLoraRank, H, layer);
        add('norm', a.qLoraRank, 1, layer);
        add('attn_q_b', a.qLoraRank * heads * qHead, a.qLoraRank, layer);
      } else {
        add('attn_q', H * heads * qHead, H, layer);
      }
      add('attn_kv_a', H * (a.kvLoraRank + a.qkRopeHeadDim), H, layer);
      add('norm', a.kvLoraRank, 1, layer);
      add('attn_kv_b', a.kvLoraRank * heads * (a.qkNopeHeadDim + a.vHeadDim), a.kvLoraRank, layer);
      add('attn_output', heads * a.vHeadDim * H, heads * a.vHeadDim, layer);
    } else {
      add('attn_q', H * arch.qDim, H, layer);
      add('attn_k', H * arch.kvDim, H, layer);
      add('attn_v', H * arch.kvDim, H, layer);
      add('attn_output', arch.qDim * H, arch.qDim, layer);
    }
    add('bias', (arch.qkvBias ? arch.qDim + 2 * arch.kvDim : 0) + (arch.attentionOutputBias ? H : 0), 1, layer);
    if (arch.qkNorm && arch.headDim !== undefined) add('norm', 2 * arch.headDim, 1, layer);
    if (arch.attentionSinks && arch.heads !== undefined) add('sink', arch.heads, 1, layer);

    if (isMoeLayer(arch, layer)) {
      add('router', H * arch.experts, H, layer);
      if (arch.routerBias) add('bias', arch.experts, 1, layer);
      ffnBlock(layer, arch.expertFfn, arch.experts, true);
      ffnBlock(layer, arch.sharedExpertFfn, arch.sharedExperts, true);
      if (arch.sharedExpertGate) add('router', H, H, layer);
    } else {
      ffnBlock(layer, arch.ffn, 1, false);
    }
  }
  return tensors;
}
