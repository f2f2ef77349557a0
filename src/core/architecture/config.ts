/**
 * Reading a Hugging Face `config.json` into an architecture. This is the one path from config
 * fields to an ArchitectureSpec: a config pasted into a sheet and every catalog preset (stored in
 * src/core/models/catalog.ts as its config.json fields) both go through hfConfigToSpec.
 *
 * What the parser knows is written down here, in three tables:
 * - COUNT_FIELDS: every field that can change a parameter count or the KV cache, with its JSON
 *   type. A model type reads those its transformers configuration class defines and its modeling
 *   code uses; a count field that the model type does not read is an error naming it (unless its
 *   value is null, false, 0 or [], which state that the part is absent).
 * - NEUTRAL_FIELDS: fields known to change neither (rope_theta, torch_dtype, token ids, dropouts...).
 * - MODEL_TYPES: per model_type, what the modeling code implies and no field states (norm type,
 *   gated MLP, norms per layer, built-in biases) and the configuration class's defaults.
 * A field in neither table whose name suggests a count (COUNT_LIKE) is an error: "config.json field X
 * is not understood; it may change the parameter count". Any other unknown field is returned in
 * `unread`. A wrong-typed count field (`"num_key_value_heads": "eight"`) is an error naming it, and
 * an unknown model_type is an error: nothing is guessed.
 *
 * Multimodal configs (Gemma-3, Llama-4) are read through their `text_config`; the vision tower
 * (`vision_config`) is not counted and is listed in `notCounted` (the catalog presets add it as
 * `extraParams`).
 */
import { InputError } from '../errors';
import { abbreviate, hasOwnKey, ownLookup, quote, shorten } from '../text';
import type { ArchitectureSpec, NormType } from './spec';

type Json = Readonly<Record<string, unknown>>;
type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Spec = Mutable<Partial<ArchitectureSpec>>;

/** JSON type of a count field: count ≥ 1, whole ≥ 0, flag boolean, list array, text string. */
export type FieldKind = 'count' | 'whole' | 'flag' | 'list' | 'text';

/** Every config.json field that can change a parameter or KV count, with its JSON type. */
export const COUNT_FIELDS = {
  // Shapes.
  hidden_size: 'count',
  n_embd: 'count', // GPT-2, GPT-J
  n_embed: 'count', // BLOOM's older name
  num_hidden_layers: 'count',
  n_layer: 'count', // GPT-2, GPT-J, BLOOM
  num_attention_heads: 'count',
  n_head: 'count', // GPT-2, GPT-J, BLOOM
  num_key_value_heads: 'count',
  num_kv_heads: 'count', // Falcon
  head_dim: 'count',
  intermediate_size: 'count',
  intermediate_size_mlp: 'count', // Llama-4: the dense layers' FFN (intermediate_size is the experts')
  n_inner: 'count', // GPT-2, GPT-J; null: 4 × hidden
  ffn_dim: 'count', // OPT
  ffn_hidden_size: 'count', // Falcon; absent: 4 × hidden
  vocab_size: 'count',
  tie_word_embeddings: 'flag',
  // Positions (learned tables in GPT-2 and OPT; the context everywhere).
  max_position_embeddings: 'count',
  n_positions: 'count',
  // Biases and norms.
  attention_bias: 'flag',
  mlp_bias: 'flag',
  bias: 'flag', // Falcon
  enable_bias: 'flag', // OPT
  lm_head_bias: 'flag', // Phi-4-mini
  qk_layernorm: 'flag', // Phi-2
  layer_norm_elementwise_affine: 'flag', // OPT
  do_layer_norm_before: 'flag', // OPT: false drops the final LayerNorm
  _remove_final_layer_norm: 'flag', // OPT
  word_embed_proj_dim: 'count', // OPT: a projection when it differs from hidden_size
  add_cross_attention: 'flag', // GPT-2
  // Falcon's layout.
  new_decoder_architecture: 'flag',
  multi_query: 'flag',
  parallel_attn: 'flag',
  num_ln_in_parallel_attn: 'count',
  // Sliding-window and chunked attention (KV cache).
  sliding_window: 'count',
  sliding_window_size: 'count', // Gemma-2's older name
  use_sliding_window: 'flag', // Qwen
  max_window_layers: 'whole', // Qwen
  sliding_window_pattern: 'count', // Gemma-3
  layer_types: 'list',
  attention_chunk_size: 'count', // Llama-4
  no_rope_layers: 'list', // Llama-4
  no_rope_layer_interval: 'count', // Llama-4
  // Mixture of experts.
  num_local_experts: 'whole',
  num_experts: 'whole',
  n_routed_experts: 'whole',
  num_experts_per_tok: 'whole',
  experts_per_token: 'whole', // gpt-oss
  moe_intermediate_size: 'count',
  shared_expert_intermediate_size: 'count', // Qwen2-MoE
  n_shared_experts: 'whole', // DeepSeek
  first_k_dense_replace: 'whole', // DeepSeek
  moe_layer_freq: 'count', // DeepSeek
  decoder_sparse_step: 'count', // Qwen MoE
  mlp_only_layers: 'list', // Qwen MoE
  interleave_moe_layer_step: 'count', // Llama-4
  moe_layers: 'list', // Llama-4
  topk_method: 'text', // DeepSeek: noaux_tc adds a correction bias per expert
  // Multi-head latent attention (DeepSeek).
  q_lora_rank: 'whole',
  kv_lora_rank: 'count',
  qk_nope_head_dim: 'count',
  qk_rope_head_dim: 'count',
  v_head_dim: 'count',
  num_nextn_predict_layers: 'whole', // DeepSeek-V3's multi-token-prediction layer: read, not counted
} as const satisfies Record<string, FieldKind>;

export type CountField = keyof typeof COUNT_FIELDS;

type KindValue<K extends FieldKind> = K extends 'count' | 'whole'
  ? number
  : K extends 'flag'
    ? boolean
    : K extends 'list'
      ? readonly (string | number)[]
      : string;

type CountFields = { readonly [F in CountField]?: KindValue<(typeof COUNT_FIELDS)[F]> | null };

/** The fields of a config.json that the parser reads, as the catalog stores them (names as on the Hub). */
export interface HfConfig extends CountFields {
  readonly model_type?: string;
  readonly architectures?: readonly string[];
  /** The language model of a multimodal config (Gemma-3, Llama-4). */
  readonly text_config?: HfConfig;
}

/**
 * Fields known to change neither the parameter count nor the KV cache: token ids, activation
 * names, norm epsilons, rotary settings (rotary embeddings have no parameters), dropouts, training
 * and generation settings, quantization settings (the precision argument says how weights are
 * stored), attention scaling and soft-capping, router training losses, and a multimodal config's
 * image-token settings.
 */
export const NEUTRAL_FIELDS: ReadonlySet<string> = new Set([
  'architectures',
  'model_type',
  '_name_or_path',
  'transformers_version',
  'torch_dtype',
  'dtype',
  'use_bfloat16',
  'auto_map',
  'tokenizer_class',
  'task_specific_params',
  'id2label',
  'label2id',
  'bos_token_id',
  'eos_token_id',
  'pad_token_id',
  'unk_token_id',
  'sep_token_id',
  'decoder_start_token_id',
  'hidden_act',
  'hidden_activation',
  'activation_function',
  'initializer_range',
  'init_std',
  'rms_norm_eps',
  'layer_norm_eps',
  'layer_norm_epsilon',
  'rope_theta',
  'rope_scaling',
  'rope_parameters',
  'rope_local_base_freq',
  'partial_rotary_factor',
  'rotary_dim',
  'rotary_pct',
  'rotary_emb_base',
  'original_max_position_embeddings',
  'n_ctx',
  'alibi',
  'offset_alibi',
  'use_cache',
  'cache_implementation',
  'attention_dropout',
  'hidden_dropout',
  'resid_pdrop',
  'embd_pdrop',
  'attn_pdrop',
  'dropout',
  'activation_dropout',
  'classifier_dropout',
  'layerdrop',
  'summary_type',
  'summary_use_proj',
  'summary_activation',
  'summary_proj_to_labels',
  'summary_first_dropout',
  'n_special',
  'predict_special_tokens',
  'scale_attn_weights',
  'scale_attn_by_inverse_layer_idx',
  'reorder_and_upcast_attn',
  'gradient_checkpointing',
  'pretraining_tp',
  'slow_but_exact',
  'apply_residual_connection_post_layernorm',
  'attention_softmax_in_fp32',
  'masked_softmax_fusion',
  'bias_dropout_fusion',
  'skip_bias_add',
  'skip_bias_add_qkv',
  'use_parallel_residual',
  'output_projection',
  'prefix',
  'quantization_config',
  'attn_logit_softcapping',
  'final_logit_softcapping',
  'query_pre_attn_scalar',
  'use_qk_norm', // Llama-4's query/key L2 norm has no weights
  'attn_temperature_tuning',
  'floor_scale',
  'attn_scale',
  'swiglu_limit',
  'initial_context_length',
  'use_mrope',
  'norm_topk_prob',
  'router_aux_loss_coef',
  'router_jitter_noise',
  'output_router_logits',
  'n_group',
  'topk_group',
  'scoring_func',
  'routed_scaling_factor',
  'aux_loss_alpha',
  'seq_aux',
  'ep_size',
  'for_llm_compressor',
  '_attn_implementation',
  '_attn_implementation_autoset',
  '_from_model_config',
  // A multimodal config's top level, besides text_config and vision_config.
  'boi_token_index',
  'eoi_token_index',
  'image_token_index',
  'image_token_id',
  'mm_tokens_per_image',
  'vision_feature_layer',
  'vision_feature_select_strategy',
]);

/** The name of an unknown field that may be a count: sizes, dimensions, counts, experts, layers, heads, biases. */
export const COUNT_LIKE =
  /(_size|_dim|(^|_)num_|(^|_)n_|_rank|expert|layer|(^|_)heads?(_|$)|vocab|embd|ffn|inner|bias)/;

/** Fields that hold the parts of a multimodal config. */
const PART_FIELDS = new Set(['text_config', 'vision_config']);

/** A Hugging Face config with what it says about the model, plus the context length. */
export interface ParsedConfig {
  readonly spec: ArchitectureSpec;
  /** The model_type read (the text model's, for a multimodal config); '' when the config has none. */
  readonly modelType: string;
  readonly contextLength?: number;
  /** `_name_or_path` when the config states it. */
  readonly name?: string;
  /** Fields the config states that no count includes: `vision_config`, `num_nextn_predict_layers`. */
  readonly notCounted: readonly string[];
  /** Fields the parser does not know whose names do not suggest a count (not used). */
  readonly unread: readonly string[];
}

/** A value of the config as a message shows it, at a bounded length (see `quote`). */
function describe(value: unknown): string {
  if (typeof value === 'string') return quote(value);
  const json = JSON.stringify(value);
  return json === undefined ? String(value) : abbreviate(json);
}

function wrongType(key: string, expected: string, value: unknown): InputError {
  return new InputError(`config.json field ${key} must be ${expected}, got ${describe(value)}`);
}

function unsupported(key: string, value: unknown, why: string): InputError {
  return new InputError(`config.json field ${key} ${describe(value)} is not supported: ${why}`);
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value that states a part is absent: null, false, 0 or []. */
function statesAbsence(value: unknown): boolean {
  return value === null || value === false || value === 0 || (Array.isArray(value) && value.length === 0);
}

/**
 * The fields of one config object, read with their types checked. Every field read is recorded, so
 * that what was not read can be checked afterwards. A field set to null reads as absent (the class
 * default, as transformers reads None).
 */
class Fields {
  readonly used = new Set<string>();

  constructor(
    readonly own: Json,
    private readonly defaults: Json,
  ) {}

  private value(key: CountField): unknown {
    this.used.add(key);
    const value = hasOwnKey(this.own, key) ? this.own[key] : ownLookup(this.defaults, key);
    return value === null ? undefined : value;
  }

  has(key: CountField): boolean {
    return this.value(key) !== undefined;
  }

  /** A whole number: at least 1 for a 'count' field, at least 0 for a 'whole' one. */
  number(key: CountField): number | undefined {
    const value = this.value(key);
    if (value === undefined) return undefined;
    const min = COUNT_FIELDS[key] === 'count' ? 1 : 0;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > 1e12) {
      throw wrongType(key, `a whole number of ${min} or more`, value);
    }
    return value;
  }

  flag(key: CountField): boolean | undefined {
    const value = this.value(key);
    if (value === undefined) return undefined;
    if (typeof value !== 'boolean') throw wrongType(key, 'true or false', value);
    return value;
  }

  text(key: CountField): string | undefined {
    const value = this.value(key);
    if (value === undefined) return undefined;
    if (typeof value !== 'string') throw wrongType(key, 'text', value);
    return value;
  }

  list(key: CountField): readonly unknown[] | undefined {
    const value = this.value(key);
    if (value === undefined) return undefined;
    if (!Array.isArray(value)) throw wrongType(key, 'a list ([...])', value);
    return value;
  }

  /** The first of the names a field goes by (all of them are read); two that disagree are an error. */
  first(keys: readonly CountField[]): number | undefined {
    let found: { key: CountField; value: number } | undefined;
    for (const key of keys) {
      const value = this.number(key);
      if (value === undefined) continue;
      if (found && found.value !== value) {
        throw new InputError(`config.json fields ${found.key} (${found.value}) and ${key} (${value}) disagree`);
      }
      found ??= { key, value };
    }
    return found?.value;
  }

  required(keys: readonly CountField[], what: string): number {
    const value = this.first(keys);
    if (value === undefined) {
      const also = keys.length > 1 ? ` (also looked for ${keys.slice(1).join(', ')})` : '';
      throw new InputError(`config.json has no "${keys[0]}"${also}: ${what} is required`);
    }
    return value;
  }
}

/** What one model type's modeling code builds, and how its fields are read. */
interface ModelType {
  readonly norm: NormType;
  /** Three-matrix gated MLP (SwiGLU/GeGLU). */
  readonly gated: boolean;
  readonly normsPerLayer: number;
  /** The configuration class's default for tie_word_embeddings. */
  readonly tied: boolean;
  /** RMSNorm of head_dim on queries and keys. */
  readonly qkNorm?: boolean;
  /** Class defaults of fields that saved configs of this type leave out. */
  readonly defaults?: Json;
  /** Further class defaults, for a config saved as a text_config (transformers saves only what differs). */
  readonly nestedDefaults?: Json;
  /** The text_config model type of a multimodal wrapper: its own fields are then only the parts. */
  readonly textType?: string;
  /** Reads the type's fields into a specification and the context length. */
  readonly read?: (f: Fields) => { spec: Spec; context?: number; notCounted?: string[] };
}

/** hidden_size, num_hidden_layers, heads, KV heads, head_dim, vocab_size, intermediate_size (Llama's names). */
function core(f: Fields): Spec {
  const hidden = f.required(['hidden_size'], 'the hidden size');
  const layers = f.required(['num_hidden_layers'], 'the number of layers');
  const heads = f.required(['num_attention_heads'], 'the number of attention heads');
  const vocab = f.required(['vocab_size'], 'the vocabulary size');
  const ffn = f.required(['intermediate_size'], 'the feed-forward size');
  return { hidden, layers, heads, vocab, ffn, kvHeads: f.number('num_key_value_heads'), headDim: f.number('head_dim') };
}

/** attention_bias: biases on Q, K, V and O (Llama, Qwen3, Gemma, Llama-4, gpt-oss). */
function attentionBias(f: Fields, fallback = false): Spec {
  const bias = f.flag('attention_bias') ?? fallback;
  return bias ? { qkvBias: true, attentionOutputBias: true } : {};
}

/** A list of layer_types: how many of num_hidden_layers are of the sliding kind, or undefined without one. */
function slidingFromLayerTypes(f: Fields, layers: number, sliding: string): number | undefined {
  const types = f.list('layer_types');
  if (types === undefined || types.length === 0) return undefined;
  if (types.length !== layers) {
    throw new InputError(
      `config.json field layer_types has ${types.length} entries, but num_hidden_layers is ${layers}`,
    );
  }
  const known = new Set([sliding, 'full_attention']);
  const other = types.find((t) => typeof t !== 'string' || !known.has(t));
  if (other !== undefined) throw unsupported('layer_types', other, `entries must be "${sliding}" or "full_attention"`);
  return types.filter((t) => t === sliding).length;
}

/** A window of `size` tokens on `layers` layers (none when either is absent or 0). */
function windowOn(size: number | undefined, layers: number | undefined): Spec {
  return size !== undefined && layers !== undefined && layers > 0 ? { slidingWindow: size, slidingLayers: layers } : {};
}

/** Mistral, Mixtral, Phi-3: sliding_window on every layer (null: none). */
function slidingEverywhere(f: Fields, layers: number): Spec {
  return windowOn(f.number('sliding_window'), layers);
}

/**
 * Qwen2/Qwen3: with use_sliding_window, the layers from max_window_layers on slide (or as
 * layer_types says); without it, none does.
 */
function slidingQwen(f: Fields, layers: number): Spec {
  const size = f.number('sliding_window');
  const use = f.flag('use_sliding_window') ?? false;
  const full = f.number('max_window_layers') ?? 28;
  const listed = slidingFromLayerTypes(f, layers, 'sliding_attention');
  return use ? windowOn(size, listed ?? Math.max(0, layers - full)) : {};
}

/** Qwen MoE: every decoder_sparse_step-th layer is MoE, except mlp_only_layers (a leading run of them). */
function qwenMoeLayers(f: Fields): Spec {
  const step = f.number('decoder_sparse_step') ?? 1;
  const dense = f.list('mlp_only_layers') ?? [];
  const leading = dense.every((v, i) => v === i);
  if (!leading || (dense.length > 0 && step !== 1)) {
    throw unsupported(
      'mlp_only_layers',
      dense,
      'only a leading run of dense layers (0, 1, 2, ...) with decoder_sparse_step 1 is',
    );
  }
  return { moeLayerStep: step, denseLayers: dense.length > 0 ? dense.length : undefined };
}

/** Routed experts: how many, how many a token uses, their size. No experts (0 or null): a dense model. */
function routedExperts(
  f: Fields,
  experts: number | undefined,
  activeKeys: readonly CountField[],
  expertFfn: number | undefined,
): Spec {
  const active = f.first(activeKeys);
  if (experts === undefined || experts === 0) return {};
  if (active === undefined) {
    throw new InputError(
      `config.json has no "${activeKeys[0]}": the experts used per token are required for a MoE model`,
    );
  }
  return { experts, activeExperts: active, expertFfn };
}

function qwen2(f: Fields): Spec {
  const spec = core(f);
  return { ...spec, qkvBias: true, ...slidingQwen(f, spec.layers as number) };
}

function qwen3(f: Fields): Spec {
  const spec = core(f);
  return { ...spec, ...attentionBias(f), ...slidingQwen(f, spec.layers as number) };
}

/** Gemma: the attention takes head_dim, biases as attention_bias says. */
function gemma(f: Fields): Spec {
  return { ...core(f), ...attentionBias(f) };
}

/** DeepSeek-V2/V3: MLA, leading dense layers, routed and shared experts. */
function deepseek(f: Fields, routerBias: boolean): { spec: Spec; context?: number; notCounted?: string[] } {
  const spec = core(f);
  const ropeDim = f.number('qk_rope_head_dim');
  // transformers' DeepseekV3Config sets head_dim to qk_rope_head_dim; the attention does not use it.
  const headDim = spec.headDim;
  if (headDim !== undefined && headDim !== ropeDim) {
    throw unsupported(
      'head_dim',
      headDim,
      `latent attention sizes heads by qk_nope_head_dim and qk_rope_head_dim (${ropeDim})`,
    );
  }
  const freq = f.number('moe_layer_freq') ?? 1;
  if (freq !== 1) {
    throw unsupported('moe_layer_freq', freq, 'only 1 (every layer after first_k_dense_replace is MoE) is');
  }
  const experts = routedExperts(
    f,
    f.number('n_routed_experts'),
    ['num_experts_per_tok'],
    f.number('moe_intermediate_size'),
  );
  const sharedExperts = f.number('n_shared_experts');
  const denseLayers = f.number('first_k_dense_replace');
  const method = f.text('topk_method');
  const correction = routerBias || method === 'noaux_tc';
  const kvLoraRank = f.number('kv_lora_rank');
  if (kvLoraRank === undefined) {
    throw new InputError('config.json has no "kv_lora_rank": the latent attention size is required');
  }
  const mtp = f.number('num_nextn_predict_layers') ?? 0;
  return {
    spec: {
      ...spec,
      headDim: undefined,
      ...experts,
      ...(experts.experts ? { sharedExperts, denseLayers, routerBias: correction || undefined } : {}),
      kvLoraRank,
      qLoraRank: f.number('q_lora_rank') ?? 0,
      qkNopeHeadDim: f.number('qk_nope_head_dim'),
      qkRopeHeadDim: ropeDim,
      vHeadDim: f.number('v_head_dim'),
    },
    // The multi-token-prediction layer is not loaded for inference (transformers skips it; vLLM loads
    // it only as a speculative-decoding draft).
    notCounted: mtp > 0 ? ['num_nextn_predict_layers'] : [],
  };
}

/** A Llama-style decoder: RMSNorm, gated MLP, two norms per layer, untied head by default. */
const LLAMA_STYLE = { norm: 'rmsnorm', gated: true, normsPerLayer: 2, tied: false } as const;
/** Gemma: the same with a tied head. */
const GEMMA_STYLE = { norm: 'rmsnorm', gated: true, normsPerLayer: 2, tied: true } as const;
/** GPT-2 era: LayerNorm with bias, two-matrix MLP. */
const GPT_STYLE = { norm: 'layernorm', gated: false, normsPerLayer: 2, tied: false } as const;

/**
 * Each model_type the parser reads: the transformers configuration and modeling classes named in
 * the comments (LlamaConfig/LlamaForCausalLM, ...). The empty type (a config without model_type) is
 * read as a Llama-style decoder, with Mixtral/Qwen-style expert fields.
 */
export const MODEL_TYPES: Readonly<Record<string, ModelType>> = {
  '': {
    ...LLAMA_STYLE,
    read: (f) => {
      const spec = { ...core(f), ...attentionBias(f), mlpBias: f.flag('mlp_bias') };
      const experts = f.first(['num_local_experts', 'num_experts']);
      const expertFfn = f.number('moe_intermediate_size');
      return {
        spec: { ...spec, ...routedExperts(f, experts, ['num_experts_per_tok'], expertFfn) },
        context: f.number('max_position_embeddings'),
      };
    },
  },
  // LlamaConfig: attention_bias on q, k, v, o; mlp_bias on gate, up, down.
  llama: {
    ...LLAMA_STYLE,
    read: (f) => ({
      spec: { ...core(f), ...attentionBias(f), mlpBias: f.flag('mlp_bias') },
      context: f.number('max_position_embeddings'),
    }),
  },
  // MistralConfig: sliding_window on every layer.
  mistral: {
    ...LLAMA_STYLE,
    read: (f) => {
      const spec = core(f);
      return {
        spec: { ...spec, ...slidingEverywhere(f, spec.layers as number) },
        context: f.number('max_position_embeddings'),
      };
    },
  },
  // MixtralConfig: num_local_experts experts of intermediate_size each, every layer.
  mixtral: {
    ...LLAMA_STYLE,
    read: (f) => {
      const spec = core(f);
      const experts = routedExperts(f, f.number('num_local_experts'), ['num_experts_per_tok'], spec.ffn);
      return {
        spec: { ...spec, ...experts, ...slidingEverywhere(f, spec.layers as number) },
        context: f.number('max_position_embeddings'),
      };
    },
  },
  // Qwen2Config: biases on q, k and v (not o); Qwen2.5 uses the same class.
  qwen2: {
    ...LLAMA_STYLE,
    defaults: { max_window_layers: 28 },
    read: (f) => ({ spec: qwen2(f), context: f.number('max_position_embeddings') }),
  },
  // Qwen2MoeConfig: every layer a MoE block of num_experts routed experts plus one shared expert of
  // shared_expert_intermediate_size whose output a sigmoid gate, Linear(hidden, 1), scales.
  qwen2_moe: {
    ...LLAMA_STYLE,
    defaults: { max_window_layers: 28 },
    read: (f) => {
      const spec = qwen2(f);
      const experts = routedExperts(
        f,
        f.number('num_experts'),
        ['num_experts_per_tok'],
        f.number('moe_intermediate_size'),
      );
      const shared = f.number('shared_expert_intermediate_size');
      if (experts.experts && shared === undefined) {
        throw new InputError(
          'config.json has no "shared_expert_intermediate_size": the shared expert size is required for qwen2_moe',
        );
      }
      const layout = qwenMoeLayers(f);
      const moe = experts.experts
        ? { ...experts, ...layout, sharedExperts: 1, sharedExpertFfn: shared, sharedExpertGate: true }
        : {};
      return { spec: { ...spec, ...moe }, context: f.number('max_position_embeddings') };
    },
  },
  // Qwen3Config: q_norm and k_norm of head_dim, attention_bias on q, k, v, o.
  qwen3: {
    ...LLAMA_STYLE,
    qkNorm: true,
    defaults: { head_dim: 128, max_window_layers: 28 },
    read: (f) => ({ spec: qwen3(f), context: f.number('max_position_embeddings') }),
  },
  // Qwen3MoeConfig: routed experts only (Qwen3MoeSparseMoeBlock has no shared expert).
  qwen3_moe: {
    ...LLAMA_STYLE,
    qkNorm: true,
    defaults: { head_dim: 128, max_window_layers: 28 },
    read: (f) => {
      const spec = qwen3(f);
      const experts = routedExperts(
        f,
        f.number('num_experts'),
        ['num_experts_per_tok'],
        f.number('moe_intermediate_size'),
      );
      const layout = qwenMoeLayers(f);
      return {
        spec: { ...spec, ...experts, ...(experts.experts ? layout : {}) },
        context: f.number('max_position_embeddings'),
      };
    },
  },
  // GemmaConfig: head_dim 256 and a tied 256000-row table by default.
  gemma: {
    ...GEMMA_STYLE,
    defaults: { head_dim: 256, vocab_size: 256000 },
    read: (f) => ({ spec: gemma(f), context: f.number('max_position_embeddings') }),
  },
  // Gemma2Config: four norms per layer; the even layers use the sliding window (modeling_gemma2).
  gemma2: {
    ...GEMMA_STYLE,
    normsPerLayer: 4,
    defaults: { head_dim: 256, vocab_size: 256000, sliding_window: 4096 },
    read: (f) => {
      const spec = gemma(f);
      const layers = spec.layers as number;
      const size = f.first(['sliding_window', 'sliding_window_size']);
      const sliding = slidingFromLayerTypes(f, layers, 'sliding_attention') ?? Math.ceil(layers / 2);
      return { spec: { ...spec, ...windowOn(size, sliding) }, context: f.number('max_position_embeddings') };
    },
  },
  // Gemma3TextConfig: four norms and q/k norms; five of every sliding_window_pattern (6) layers slide.
  gemma3_text: {
    ...GEMMA_STYLE,
    normsPerLayer: 4,
    qkNorm: true,
    defaults: {
      head_dim: 256,
      vocab_size: 262208,
      sliding_window: 4096,
      sliding_window_pattern: 6,
      max_position_embeddings: 131072,
    },
    nestedDefaults: {
      hidden_size: 2304,
      intermediate_size: 9216,
      num_hidden_layers: 26,
      num_attention_heads: 8,
      num_key_value_heads: 4,
    },
    read: (f) => {
      const spec = gemma(f);
      const layers = spec.layers as number;
      const pattern = f.number('sliding_window_pattern') as number; // (i + 1) % pattern != 0 slides
      const sliding = slidingFromLayerTypes(f, layers, 'sliding_attention') ?? layers - Math.floor(layers / pattern);
      return {
        spec: { ...spec, ...windowOn(f.number('sliding_window'), sliding) },
        context: f.number('max_position_embeddings'),
      };
    },
  },
  // Gemma3Config: the language model is its text_config.
  gemma3: { ...GEMMA_STYLE, textType: 'gemma3_text' },
  // Phi3Config (Phi-3, Phi-3.5, Phi-4): fused qkv and gate_up (same counts); sliding_window on every layer.
  phi3: {
    ...LLAMA_STYLE,
    read: (f) => {
      const spec = core(f);
      return {
        spec: { ...spec, outputBias: f.flag('lm_head_bias'), ...slidingEverywhere(f, spec.layers as number) },
        context: f.number('max_position_embeddings'),
      };
    },
  },
  // PhiConfig (Phi-1.5, Phi-2): attention and MLP in parallel under one LayerNorm, biases on every
  // linear layer and on lm_head.
  phi: {
    ...GPT_STYLE,
    normsPerLayer: 1,
    read: (f) => {
      const spec = core(f);
      if (f.flag('qk_layernorm')) throw unsupported('qk_layernorm', true, 'query/key LayerNorms are not counted');
      return {
        spec: { ...spec, qkvBias: true, attentionOutputBias: true, mlpBias: true, outputBias: true },
        context: f.number('max_position_embeddings'),
      };
    },
  },
  // GPTNeoXConfig (Pythia): attention_bias (default true) on query_key_value and dense; biased MLP.
  gpt_neox: {
    ...GPT_STYLE,
    read: (f) => ({
      spec: { ...core(f), ...attentionBias(f, true), mlpBias: true },
      context: f.number('max_position_embeddings'),
    }),
  },
  // GPT2Config: n_inner null is 4 × n_embd; a learned table of n_positions rows; biases everywhere; tied.
  gpt2: {
    ...GPT_STYLE,
    tied: true,
    defaults: { n_positions: 1024 },
    read: (f) => {
      const hidden = f.required(['n_embd', 'hidden_size'], 'the hidden size');
      const layers = f.required(['n_layer', 'num_hidden_layers'], 'the number of layers');
      const heads = f.required(['n_head', 'num_attention_heads'], 'the number of attention heads');
      const vocab = f.required(['vocab_size'], 'the vocabulary size');
      const positions = f.first(['n_positions', 'max_position_embeddings']);
      if (f.flag('add_cross_attention'))
        throw unsupported('add_cross_attention', true, 'cross-attention is not counted');
      const spec = { hidden, layers, heads, vocab, ffn: f.number('n_inner') ?? 4 * hidden };
      return {
        spec: { ...spec, positionEmbeddings: positions, qkvBias: true, attentionOutputBias: true, mlpBias: true },
        context: positions,
      };
    },
  },
  // GPTJConfig: parallel attention and MLP under one LayerNorm (ln_1); rotary positions; biased MLP
  // and lm_head, no attention biases.
  gptj: {
    ...GPT_STYLE,
    normsPerLayer: 1,
    defaults: { n_positions: 2048 },
    read: (f) => {
      const hidden = f.required(['n_embd', 'hidden_size'], 'the hidden size');
      const layers = f.required(['n_layer', 'num_hidden_layers'], 'the number of layers');
      const heads = f.required(['n_head', 'num_attention_heads'], 'the number of attention heads');
      const vocab = f.required(['vocab_size'], 'the vocabulary size');
      const ffn = f.number('n_inner') ?? 4 * hidden;
      return {
        spec: { hidden, layers, heads, vocab, ffn, mlpBias: true, outputBias: true },
        context: f.first(['n_positions', 'max_position_embeddings']),
      };
    },
  },
  // OPTConfig: learned positions with 2 extra rows (OPT offsets positions by 2); biases everywhere;
  // tied head. do_layer_norm_before false (OPT-350m) drops the final LayerNorm.
  opt: {
    ...GPT_STYLE,
    tied: true,
    defaults: { max_position_embeddings: 2048 },
    read: (f) => {
      const hidden = f.required(['hidden_size'], 'the hidden size');
      const layers = f.required(['num_hidden_layers'], 'the number of layers');
      const heads = f.required(['num_attention_heads'], 'the number of attention heads');
      const vocab = f.required(['vocab_size'], 'the vocabulary size');
      const ffn = f.required(['ffn_dim'], 'the feed-forward size');
      const positions = f.number('max_position_embeddings') as number;
      const projection = f.number('word_embed_proj_dim');
      if (projection !== undefined && projection !== hidden) {
        throw unsupported(
          'word_embed_proj_dim',
          projection,
          `project_in and project_out (to hidden_size ${hidden}) are not counted`,
        );
      }
      if (f.flag('layer_norm_elementwise_affine') === false) {
        throw unsupported('layer_norm_elementwise_affine', false, 'LayerNorms without weights are not counted');
      }
      const normBefore = f.flag('do_layer_norm_before') ?? true;
      const removed = f.flag('_remove_final_layer_norm') ?? false;
      const finalNorm = normBefore && !removed;
      const bias = f.flag('enable_bias') ?? true;
      return {
        spec: {
          hidden,
          layers,
          heads,
          vocab,
          ffn,
          positionEmbeddings: positions + 2,
          finalNorm: finalNorm ? undefined : false,
          ...(bias ? { qkvBias: true, attentionOutputBias: true, mlpBias: true } : {}),
        },
        context: positions,
      };
    },
  },
  // BloomConfig: ALiBi (no position table, no max_position_embeddings), MLP 4 × hidden, a LayerNorm
  // after the word embeddings, biases everywhere, tied head.
  bloom: {
    ...GPT_STYLE,
    tied: true,
    read: (f) => {
      const hidden = f.required(['hidden_size', 'n_embed'], 'the hidden size');
      const layers = f.required(['n_layer', 'num_hidden_layers'], 'the number of layers');
      const heads = f.required(['n_head', 'num_attention_heads'], 'the number of attention heads');
      const vocab = f.required(['vocab_size'], 'the vocabulary size');
      return {
        spec: {
          hidden,
          layers,
          heads,
          vocab,
          ffn: 4 * hidden,
          embeddingNorm: true,
          qkvBias: true,
          attentionOutputBias: true,
          mlpBias: true,
        },
      };
    },
  },
  // FalconConfig: MLP ffn_hidden_size (default 4 × hidden); KV heads num_kv_heads with
  // new_decoder_architecture, else 1 (multi_query) or all; ln_attn and ln_mlp (new architecture) or
  // one input_layernorm under parallel attention; bias on every linear layer. The checkpoints store
  // lm_head.weight beside the word embeddings, so both are counted whatever tie_word_embeddings says.
  falcon: {
    ...GPT_STYLE,
    defaults: { max_position_embeddings: 2048 },
    read: (f) => {
      const hidden = f.required(['hidden_size'], 'the hidden size');
      const layers = f.required(['num_hidden_layers'], 'the number of layers');
      const heads = f.required(['num_attention_heads'], 'the number of attention heads');
      const vocab = f.required(['vocab_size'], 'the vocabulary size');
      const ffn = f.number('ffn_hidden_size') ?? 4 * hidden;
      const newArchitecture = f.flag('new_decoder_architecture') ?? false;
      const multiQuery = f.flag('multi_query') ?? true;
      const stated = f.number('num_kv_heads');
      const kvHeads = newArchitecture || !multiQuery ? (stated ?? heads) : 1;
      const parallel = f.flag('parallel_attn') ?? true;
      const lnCount = f.number('num_ln_in_parallel_attn') ?? (newArchitecture ? 2 : 1);
      const bias = f.flag('bias') ?? false;
      f.flag('tie_word_embeddings');
      return {
        spec: {
          hidden,
          layers,
          heads,
          kvHeads,
          vocab,
          ffn,
          normsPerLayer: parallel ? (lnCount === 2 ? 2 : 1) : 2,
          ...(bias ? { qkvBias: true, attentionOutputBias: true, mlpBias: true } : {}),
          tiedEmbeddings: false,
        },
        context: f.number('max_position_embeddings'),
      };
    },
  },
  // DeepseekV2Config: the router has a correction bias only with topk_method noaux_tc.
  deepseek_v2: {
    ...LLAMA_STYLE,
    read: (f) => ({ ...deepseek(f, false), context: f.number('max_position_embeddings') }),
  },
  // DeepseekV3Config: e_score_correction_bias, one per routed expert, in every MoE layer.
  deepseek_v3: {
    ...LLAMA_STYLE,
    read: (f) => ({ ...deepseek(f, true), context: f.number('max_position_embeddings') }),
  },
  // Llama4TextConfig: routed experts and one shared expert of intermediate_size in every
  // interleave_moe_layer_step-th layer (moe_layers); dense layers of intermediate_size_mlp; chunked
  // attention (attention_chunk_size) on the RoPE layers (no_rope_layers 1: every layer but each
  // no_rope_layer_interval-th).
  llama4_text: {
    ...LLAMA_STYLE,
    defaults: { interleave_moe_layer_step: 1, no_rope_layer_interval: 4 },
    read: (f) => {
      const spec = core(f);
      const layers = spec.layers as number;
      const step = f.number('interleave_moe_layer_step') as number;
      const listed = f.list('moe_layers');
      if (listed !== undefined && listed.length > 0) {
        const expected = Array.from({ length: Math.floor(layers / step) }, (_, i) => (i + 1) * step - 1);
        if (JSON.stringify(listed) !== JSON.stringify(expected)) {
          throw unsupported(
            'moe_layers',
            listed,
            `only every interleave_moe_layer_step-th layer (${expected.join(', ')}) is`,
          );
        }
      }
      const denseFfn = f.number('intermediate_size_mlp');
      if (step > 1 && denseFfn === undefined) {
        throw new InputError(
          'config.json has no "intermediate_size_mlp": the dense layers\' feed-forward size is required',
        );
      }
      const experts = routedExperts(f, f.number('num_local_experts'), ['num_experts_per_tok'], spec.ffn);
      const noRope = f.list('no_rope_layers');
      const interval = f.number('no_rope_layer_interval') as number;
      if (noRope !== undefined && noRope.length > 0) {
        if (noRope.length !== layers || noRope.some((v) => v !== 0 && v !== 1)) {
          throw unsupported(
            'no_rope_layers',
            noRope,
            `it must list 1 (RoPE) or 0 (no RoPE) for each of the ${layers} layers`,
          );
        }
      }
      const ropeLayers =
        noRope !== undefined && noRope.length > 0
          ? noRope.filter((v) => v === 1).length
          : layers - Math.floor(layers / interval);
      const chunked = slidingFromLayerTypes(f, layers, 'chunked_attention') ?? ropeLayers;
      return {
        spec: {
          ...spec,
          ...attentionBias(f),
          ffn: denseFfn ?? spec.ffn,
          ...experts,
          ...(experts.experts ? { sharedExperts: 1, sharedExpertFfn: spec.ffn, moeLayerStep: step } : {}),
          ...windowOn(f.number('attention_chunk_size'), chunked),
        },
        context: f.number('max_position_embeddings'),
      };
    },
  },
  // Llama4Config: the language model is its text_config.
  llama4: { ...LLAMA_STYLE, textType: 'llama4_text' },
  // GptOssConfig: every layer MoE (intermediate_size per expert), biases on attention, router and
  // experts, a learned sink per head; layer_types alternate a sliding window with full attention.
  gpt_oss: {
    ...LLAMA_STYLE,
    defaults: { head_dim: 64, sliding_window: 128 },
    read: (f) => {
      const spec = core(f);
      const layers = spec.layers as number;
      const experts = routedExperts(
        f,
        f.number('num_local_experts'),
        ['num_experts_per_tok', 'experts_per_token'],
        spec.ffn,
      );
      const sliding = slidingFromLayerTypes(f, layers, 'sliding_attention') ?? Math.ceil(layers / 2);
      return {
        spec: {
          ...spec,
          ...attentionBias(f, true),
          mlpBias: true,
          attentionSinks: true,
          ...experts,
          routerBias: experts.experts ? true : undefined,
          ...windowOn(f.number('sliding_window'), sliding),
        },
        context: f.number('max_position_embeddings'),
      };
    },
  },
};

const KNOWN_TYPES = Object.keys(MODEL_TYPES).filter((t) => t !== '');

function modelTypeOf(config: Json, fallback = ''): string {
  const type = config.model_type ?? fallback;
  if (typeof type !== 'string') throw wrongType('model_type', 'text', type);
  return type.trim().toLowerCase();
}

function ruleFor(type: string): ModelType {
  const rule = ownLookup(MODEL_TYPES, type);
  if (rule === undefined) {
    throw new InputError(
      `config.json model_type ${quote(type)} is not one this add-in reads (it reads ${KNOWN_TYPES.join(', ')}); ` +
        'give the model as keys instead, e.g. "hidden=4096; layers=32; ffn=14336; vocab=128256; heads=32; kv_heads=8"',
    );
  }
  return rule;
}

/** Checks that every field of `own` was read, is known to be count-neutral, or states an absence. */
function unreadFields(own: Json, used: ReadonlySet<string>, type: string): string[] {
  const unread: string[] = [];
  for (const [key, value] of Object.entries(own)) {
    if (used.has(key) || NEUTRAL_FIELDS.has(key) || PART_FIELDS.has(key)) continue;
    if (hasOwnKey(COUNT_FIELDS, key)) {
      if (statesAbsence(value)) continue;
      const whose =
        type === '' ? 'a config without model_type (read as a Llama-style decoder)' : `model_type "${type}"`;
      throw new InputError(`config.json field ${key} is not read for ${whose}; it may change the parameter count`);
    }
    if (value === null) continue;
    if (COUNT_LIKE.test(key))
      throw new InputError(`config.json field ${shorten(key)} is not understood; it may change the parameter count`);
    unread.push(key);
  }
  return unread;
}

/** Parses the text of a config.json; a missing required field is an error naming it. */
export function parseHfConfig(text: string): ParsedConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new InputError(
      `is not valid config.json text: ${shorten(error instanceof Error ? error.message : String(error), 200)}`,
    );
  }
  if (!isObject(raw)) throw new InputError('config.json must be a JSON object ({ ... })');
  return hfConfigToSpec(raw);
}

/** Maps the fields of a parsed config.json (or a catalog preset's) to an architecture. */
export function hfConfigToSpec(raw: Json | HfConfig): ParsedConfig {
  const top = raw as Json;
  const topType = modelTypeOf(top);
  const topRule = ruleFor(topType);
  let own = top;
  let type = topType;
  let rule = topRule;
  let defaults: Json = topRule.defaults ?? {};
  const notCounted: string[] = [];
  const unread: string[] = [];
  if (topRule.textType !== undefined) {
    // A multimodal wrapper: its own fields are the parts and image-token settings.
    const text = top.text_config;
    if (!isObject(text)) throw new InputError(`config.json of model_type "${topType}" has no text_config object`);
    unread.push(...unreadFields(top, new Set(), topType));
    if (top.vision_config !== undefined && top.vision_config !== null) notCounted.push('vision_config');
    own = text;
    type = modelTypeOf(text, topRule.textType);
    rule = ruleFor(type);
    if (rule.textType !== undefined || rule.read === undefined) {
      throw new InputError(`config.json text_config has model_type "${type}", which is not a language model`);
    }
    defaults = { ...rule.nestedDefaults, ...rule.defaults };
  } else {
    if (top.text_config !== undefined) {
      throw new InputError(`config.json field text_config is not read for model_type "${topType}"`);
    }
    if (top.vision_config !== undefined && top.vision_config !== null) notCounted.push('vision_config');
  }
  const read = rule.read as NonNullable<ModelType['read']>;
  const fields = new Fields(own, defaults);
  const { spec: partial, context, notCounted: parts } = read(fields);
  const tied = partial.tiedEmbeddings ?? fields.flag('tie_word_embeddings') ?? rule.tied;
  notCounted.push(...(parts ?? []));
  unread.push(...unreadFields(own, fields.used, type));
  const spec: Spec = {
    gatedFfn: rule.gated,
    norm: rule.norm,
    normsPerLayer: rule.normsPerLayer,
    qkNorm: rule.qkNorm,
    ...partial,
    tiedEmbeddings: tied,
  };
  const name = typeof top._name_or_path === 'string' && top._name_or_path !== '' ? top._name_or_path : undefined;
  return { spec: withoutUndefined(spec), modelType: type, contextLength: context, name, notCounted, unread };
}

function withoutUndefined(spec: Spec): ArchitectureSpec {
  return Object.fromEntries(Object.entries(spec).filter(([, v]) => v !== undefined)) as unknown as ArchitectureSpec;
}
