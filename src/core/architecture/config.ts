/**
 * Reading a Hugging Face `config.json` into an architecture.
 *
 * Field names follow transformers' configuration classes (LlamaConfig, Qwen2/3(Moe)Config,
 * MixtralConfig, Gemma2/3Config, Phi3Config, DeepseekV3Config, Llama4TextConfig, GptOssConfig,
 * GPT2Config, GPTJConfig, OPTConfig, BloomConfig, FalconConfig). What a config leaves implicit
 * (norm type, gated MLP, biases) follows the architecture its `model_type` names; an unknown type is
 * read as a Llama-like decoder (RMSNorm, gated MLP, no biases).
 * Multimodal configs (Gemma-3, Llama-4, Mistral-3) are read through their `text_config`; the vision
 * encoder is not counted (the catalog presets add it as `extra_params`).
 */
import { InputError } from '../errors';
import type { ArchitectureSpec, NormType } from './spec';

type Json = Readonly<Record<string, unknown>>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A Hugging Face config with what it says about the model, plus the context length. */
export interface ParsedConfig {
  readonly spec: ArchitectureSpec;
  readonly modelType: string;
  readonly contextLength?: number;
  /** `_name_or_path` when the config states it. */
  readonly name?: string;
}

function numberField(config: Json, keys: readonly string[]): number | undefined {
  for (const key of keys) {
    const value = config[key];
    if (typeof value === 'number' && Number.isFinite(value)) return value;
  }
  return undefined;
}

function required(config: Json, keys: readonly string[], what: string): number {
  const value = numberField(config, keys);
  if (value === undefined) {
    const also = keys.length > 1 ? ` (also looked for ${keys.slice(1).join(', ')})` : '';
    throw new InputError(`config.json has no "${keys[0]}"${also}: ${what} is required`);
  }
  return value;
}

function boolField(config: Json, key: string): boolean | undefined {
  const value = config[key];
  return typeof value === 'boolean' ? value : undefined;
}

const LAYERNORM_TYPES = new Set(['gpt2', 'gptj', 'opt', 'bloom', 'falcon', 'gpt_neox', 'phi']);
const UNGATED_TYPES = new Set(['gpt2', 'gptj', 'opt', 'bloom', 'falcon', 'gpt_neox', 'phi']);
/** Types whose config class defaults tie_word_embeddings to true. */
const TIED_BY_DEFAULT = new Set(['gpt2', 'opt', 'bloom', 'gemma', 'gemma2', 'gemma3', 'gemma3_text']);

/**
 * Defaults of transformers' config classes that saved config.json files leave out (they store only
 * what differs from the class): Gemma3TextConfig's head_dim 256 and vocab_size 262208,
 * Gemma2Config's head_dim 256.
 */
const TYPE_DEFAULTS: Readonly<Record<string, Json>> = {
  gemma3_text: { head_dim: 256, vocab_size: 262208, sliding_window_pattern: 6 },
  gemma2: { head_dim: 256, vocab_size: 256000 },
};

/** The text part of a multimodal config, merged over the top level, over its class defaults. */
function textConfig(config: Json): Json {
  const text = config.text_config;
  const merged = isObject(text) ? { ...config, ...text, model_type: text.model_type ?? config.model_type } : config;
  const type = typeof merged.model_type === 'string' ? merged.model_type.toLowerCase() : '';
  const key = type === 'gemma3' && isObject(text) ? 'gemma3_text' : type;
  const defaults = TYPE_DEFAULTS[key];
  return defaults ? { ...defaults, ...merged } : merged;
}

function slidingLayersFrom(config: Json, modelType: string, layers: number): number | undefined {
  const layerTypes = config.layer_types;
  if (Array.isArray(layerTypes)) return layerTypes.filter((t) => t === 'sliding_attention').length;
  if (modelType === 'gemma2') return Math.ceil(layers / 2); // even layers slide (modeling_gemma2)
  if (modelType === 'gemma3' || modelType === 'gemma3_text') {
    const pattern = numberField(config, ['sliding_window_pattern']) ?? 6; // (i + 1) % pattern != 0 slides
    return layers - Math.floor(layers / pattern);
  }
  if (modelType === 'mistral' || modelType === 'mixtral') return layers;
  if ((modelType === 'qwen2' || modelType === 'qwen3' || modelType === 'qwen3_moe') && config.use_sliding_window) {
    return layers - (numberField(config, ['max_window_layers']) ?? layers);
  }
  return undefined;
}

/** Parses the text of a config.json; a missing required field is an error naming it. */
export function parseHfConfig(text: string): ParsedConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new InputError(`is not valid config.json text: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!isObject(raw)) throw new InputError('config.json must be a JSON object ({ ... })');
  return hfConfigToSpec(raw);
}

/** Maps the fields of a parsed config.json to an architecture. */
export function hfConfigToSpec(raw: Json): ParsedConfig {
  const config = textConfig(raw);
  const modelType = typeof config.model_type === 'string' ? config.model_type.toLowerCase() : '';
  const hidden = required(config, ['hidden_size', 'n_embd', 'd_model', 'dim'], 'the hidden size');
  const layers = required(config, ['num_hidden_layers', 'n_layer', 'num_layers', 'n_layers'], 'the number of layers');
  const heads = required(
    config,
    ['num_attention_heads', 'n_head', 'num_heads', 'n_heads'],
    'the number of attention heads',
  );
  const vocab = required(config, ['vocab_size'], 'the vocabulary size');

  // Dense feed-forward size. GPT-2 (n_inner null), BLOOM and Falcon use 4 × hidden.
  const fourH = ['gpt2', 'gptj', 'bloom', 'falcon'].includes(modelType) ? 4 * hidden : undefined;
  const ffnKeys =
    modelType === 'llama4' || modelType === 'llama4_text'
      ? ['intermediate_size_mlp', 'intermediate_size']
      : ['intermediate_size', 'n_inner', 'ffn_dim', 'ffn_hidden_size'];
  const ffn = numberField(config, ffnKeys) ?? fourH;
  if (ffn === undefined) throw new InputError(`config.json has no "${ffnKeys[0]}": the feed-forward size is required`);

  let kvHeads = numberField(config, ['num_key_value_heads', 'n_head_kv', 'num_kv_heads']);
  if (modelType === 'falcon' && config.new_decoder_architecture !== true) {
    kvHeads = config.multi_query === true ? 1 : heads;
  }
  const headDim = numberField(config, ['head_dim']);
  const norm: NormType = LAYERNORM_TYPES.has(modelType) ? 'layernorm' : 'rmsnorm';
  const gemma4Norms = ['gemma2', 'gemma3', 'gemma3_text'].includes(modelType);
  let normsPerLayer = gemma4Norms ? 4 : 2;
  if (modelType === 'gptj' || (modelType === 'falcon' && config.new_decoder_architecture !== true)) normsPerLayer = 1;

  const allBiases = ['gpt2', 'opt', 'bloom', 'gpt_oss'].includes(modelType);
  const falconBias = modelType === 'falcon' && config.bias === true;
  const attentionBias = boolField(config, 'attention_bias') === true;
  const qkvBias = allBiases || falconBias || attentionBias || modelType === 'qwen2' || modelType === 'qwen2_moe';
  const mlpBias = allBiases || falconBias || modelType === 'gptj' || boolField(config, 'mlp_bias') === true;

  // Mixture of experts.
  const experts = numberField(config, ['num_local_experts', 'n_routed_experts', 'num_experts']);
  const isLlama4 = modelType === 'llama4' || modelType === 'llama4_text';
  const moe: Partial<ArchitectureSpec> =
    experts !== undefined && experts > 0
      ? {
          experts,
          activeExperts: numberField(config, ['num_experts_per_tok', 'experts_per_token', 'moe_topk']),
          sharedExperts: isLlama4 ? 1 : numberField(config, ['n_shared_experts']),
          expertFfn: numberField(config, isLlama4 ? ['intermediate_size'] : ['moe_intermediate_size']),
          denseLayers: numberField(config, ['first_k_dense_replace']),
          moeLayerStep: numberField(config, ['interleave_moe_layer_step', 'decoder_sparse_step', 'moe_layer_freq']),
          routerBias: modelType === 'gpt_oss' || modelType === 'deepseek_v3' ? true : undefined,
        }
      : {};
  if (experts !== undefined && experts > 0 && moe.activeExperts === undefined) {
    throw new InputError(
      'config.json has no "num_experts_per_tok": the experts used per token are required for a MoE model',
    );
  }

  // Multi-head latent attention.
  const kvLoraRank = numberField(config, ['kv_lora_rank']);
  const mla: Partial<ArchitectureSpec> =
    kvLoraRank !== undefined
      ? {
          kvLoraRank,
          qLoraRank: numberField(config, ['q_lora_rank']) ?? 0,
          qkNopeHeadDim: numberField(config, ['qk_nope_head_dim']),
          qkRopeHeadDim: numberField(config, ['qk_rope_head_dim']),
          vHeadDim: numberField(config, ['v_head_dim']),
        }
      : {};

  // Sliding-window (Llama-4: chunked) attention.
  let slidingWindow = numberField(config, ['sliding_window']);
  let slidingLayers = slidingWindow === undefined ? undefined : slidingLayersFrom(config, modelType, layers);
  if (isLlama4) {
    slidingWindow = numberField(config, ['attention_chunk_size']);
    const noRope = config.no_rope_layers;
    slidingLayers = Array.isArray(noRope)
      ? noRope.filter((v) => v === 1).length
      : layers - Math.floor(layers / (numberField(config, ['no_rope_layer_interval']) ?? 4));
  }
  if (slidingLayers === undefined || slidingLayers === 0) slidingWindow = undefined;

  // Learned absolute positions: GPT-2 n_positions rows; OPT max_position_embeddings + 2 (offset).
  let positionEmbeddings: number | undefined;
  if (modelType === 'gpt2') positionEmbeddings = numberField(config, ['n_positions', 'max_position_embeddings']);
  if (modelType === 'opt') {
    const max = numberField(config, ['max_position_embeddings']);
    positionEmbeddings = max === undefined ? undefined : max + 2;
  }

  const tied = boolField(config, 'tie_word_embeddings') ?? TIED_BY_DEFAULT.has(modelType);
  const spec: ArchitectureSpec = {
    hidden,
    layers,
    ffn,
    vocab,
    heads,
    kvHeads,
    headDim,
    gatedFfn: !UNGATED_TYPES.has(modelType),
    tiedEmbeddings: modelType === 'falcon' ? false : tied,
    norm,
    normsPerLayer,
    qkNorm: ['qwen3', 'qwen3_moe', 'gemma3', 'gemma3_text'].includes(modelType),
    embeddingNorm: modelType === 'bloom',
    qkvBias,
    attentionOutputBias: allBiases || falconBias || attentionBias,
    mlpBias,
    outputBias: modelType === 'gptj',
    positionEmbeddings,
    attentionSinks: modelType === 'gpt_oss',
    ...moe,
    ...mla,
    slidingWindow,
    slidingLayers: slidingWindow === undefined ? undefined : slidingLayers,
  };
  const name = typeof raw._name_or_path === 'string' && raw._name_or_path !== '' ? raw._name_or_path : undefined;
  const contextLength = numberField(config, ['max_position_embeddings', 'n_positions', 'seq_length']);
  return { spec: withoutUndefined(spec), modelType, contextLength, name };
}

function withoutUndefined(spec: ArchitectureSpec): ArchitectureSpec {
  return Object.fromEntries(Object.entries(spec).filter(([, v]) => v !== undefined)) as unknown as ArchitectureSpec;
}
