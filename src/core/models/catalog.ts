/**
 * The model preset catalog: typed data, one entry per checkpoint, a source on every entry.
 * Adding a model touches only this file.
 *
 * Shapes are the Hugging Face `config.json` fields (read from the copies cited in `source`); the
 * parameter count is computed from them by src/core/architecture/params.ts and must equal the
 * checkpoint's (test/core/models/params.test.ts derives each one by hand and names where the
 * checkpoint's own count was read). `data/models.json` records the same sources.
 */
import type { ArchitectureSpec } from '../architecture/spec';

/** Where a preset's shapes (or its checkpoint's parameter count) were read. */
export interface ModelSource {
  readonly title: string;
  /** A URL, or a repository path pinned to a commit. */
  readonly ref: string;
}

export const MODEL_SOURCES = {
  mlc: {
    title: 'MLC-LLM model presets (copies of the Hugging Face config.json files)',
    ref: 'mlc-ai/mlc-llm@79d603f085f50500e9509fa01785ffa7ecfaaa93:python/mlc_llm/model/model_preset.py',
  },
  llmprof: {
    title: 'LLM-Prof model configs (Hugging Face config.json copies)',
    ref: 'citsjtu2020/LLM-Prof@8434c8d19c396b2f95d92a67845a7c0a0e0dd512:sglang/Model_Config.md',
  },
  kvfit: {
    title: 'kvfit registry: trimmed Hugging Face config.json files and the Hub safetensors parameter totals',
    ref: 'debaditc/kvfit@bd4ccabf914323ee9831bc4dfae6bff777aa7966:src/kvfit/data/models.json (scripts/build_registry.py)',
  },
  meta_sku: {
    title: 'Meta llama-models SKU list (architecture arguments per model)',
    ref: 'meta-llama/llama-models@364ed4ec2bdcc13ab3acb08e364e843b6322b9ae:models/sku_list.py',
  },
  kerashub: {
    title: 'KerasHub preset metadata (parameter counts of the converted checkpoints)',
    ref: 'keras-team/keras-hub@71453d08f59edc90d276e999319fc51e61cbf82c:keras_hub/src/models/*/..._presets.py',
  },
  kerashub_qwen: {
    title: 'KerasHub Qwen presets (parameter counts)',
    ref: 'keras-team/keras-hub@12870d2794fb0f7a098e9afcc1ed37f3ef2e8cd2:keras_hub/src/models/qwen/qwen_presets.py',
  },
  llm_analysis: {
    title: 'llm-analysis model configs',
    ref: 'cli99/llm-analysis@d841e40aec8c84b9e76ba9cfbce67418adb172bd:llm_analysis/model_configs/',
  },
  deepseek: {
    title: 'DeepSeek-V3 inference config and README_WEIGHTS (671B main model + 14B MTP module)',
    ref: 'deepseek-ai/DeepSeek-V3@9b4e9788e4a3a731f7567338ed15d3ec549ce03b:inference/configs/config_671B.json',
  },
  phi3: {
    title: 'transformers Phi3Config defaults (docstring checkpoint microsoft/Phi-3-mini-4k-instruct)',
    ref: 'huggingface/transformers@008e574391258935f3ecc3035c882e73bbcac419:src/transformers/models/phi3/configuration_phi3.py',
  },
  hf_qwen2_72b: {
    title: 'Qwen2-72B-Instruct config.json',
    ref: 'https://huggingface.co/Qwen/Qwen2-72B-Instruct/blob/7c7b4195787f74b15d14d70a52653ca5cf0c4d75/config.json',
  },
  hf_mixtral_8x22b: {
    title: 'Mixtral-8x22B-v0.1 config.json',
    ref: 'https://huggingface.co/mistral-community/Mixtral-8x22B-v0.1/blob/refs%2Fpr%2F19/config.json',
  },
  hf_falcon_40b: {
    title: 'Falcon-40B config.json (new_decoder_architecture, MLP 4 × hidden)',
    ref: 'https://huggingface.co/tiiuae/falcon-40b/blob/refs%2Fpr%2F111/config.json',
  },
  hf_opt_66b: {
    title: 'OPT-66B config.json (copy)',
    ref: 'https://huggingface.co/inverse-scaling/opt-66b_eval/blame/refs%2Fpr%2F13/config.json',
  },
  hf_bloom: {
    title: 'BLOOM model card (70 layers, 112 heads, hidden 14336, 250880-token vocabulary, ALiBi)',
    ref: 'https://huggingface.co/bigscience/bloom',
  },
  hf_gptj: {
    title: 'GPT-J-6B model card and config.json (n_embd 4096, n_layer 28, n_head 16, rotary_dim 64, vocab 50400)',
    ref: 'https://huggingface.co/EleutherAI/gpt-j-6b/blob/main/config.json',
  },
  hf_codellama_34b: {
    title: 'CodeLlama-34b-hf config.json (hidden 8192, 48 layers, 64 heads, 8 KV heads, FFN 22016)',
    ref: 'https://huggingface.co/codellama/CodeLlama-34b-hf/blob/main/config.json',
  },
  hf_llama1: {
    title: 'LLaMA (v1) 13B/30B configs as converted to Hugging Face (huggyllama)',
    ref: 'https://huggingface.co/huggyllama/llama-30b/blob/main/config.json',
  },
  hf_vicuna: {
    title: 'Vicuna-7B v1.5 (fine-tune of Llama-2-7B, same config.json shapes)',
    ref: 'https://huggingface.co/lmsys/vicuna-7b-v1.5/blob/main/config.json',
  },
  hf_mistral_small: {
    title: 'Mistral-Small-24B-Instruct-2501 config.json (text-only; GGUF general.parameter_count 23572403200)',
    ref: 'https://huggingface.co/mistralai/Mistral-Small-24B-Instruct-2501/blob/main/config.json',
  },
} as const satisfies Record<string, ModelSource>;

export type ModelSourceId = keyof typeof MODEL_SOURCES;

export interface ModelPreset {
  /** Short id, e.g. `llama-3.1-70b`. */
  readonly id: string;
  /** Display name. */
  readonly name: string;
  /** The Hugging Face repository id. */
  readonly hfId: string;
  /** Other names and Hugging Face ids of checkpoints with the same shapes (Instruct variants). */
  readonly aliases: readonly string[];
  readonly family: string;
  readonly architecture: ArchitectureSpec;
  /** max_position_embeddings of the config, tokens. */
  readonly contextLength: number;
  /** Where the shapes were read. */
  readonly source: ModelSourceId;
  /** What the parameter count covers, where it differs from a plain count of the config. */
  readonly note?: string;
}

/** A Llama-style decoder: RMSNorm, SwiGLU, no biases, untied head unless stated. */
function llamaLike(
  hidden: number,
  layers: number,
  ffn: number,
  vocab: number,
  heads: number,
  kvHeads: number,
  more: Partial<ArchitectureSpec> = {},
): ArchitectureSpec {
  return {
    hidden,
    layers,
    ffn,
    vocab,
    heads,
    kvHeads,
    gatedFfn: true,
    tiedEmbeddings: false,
    norm: 'rmsnorm',
    ...more,
  };
}

const QWEN2_BIAS = { qkvBias: true } as const;
const QWEN3 = { headDim: 128, qkNorm: true } as const;
/** Gemma: four RMSNorms per layer (pre/post attention, pre/post FFN), tied embeddings. */
const GEMMA = { normsPerLayer: 4, tiedEmbeddings: true } as const;

/**
 * Llama-4's vision encoder, adapter and projector: the Hub checkpoints hold 108,641,793,536 (Scout)
 * and 401,583,781,376 (Maverick) parameters, the text decoders 107,769,861,120 and 400,711,848,960.
 */
const LLAMA4_VISION_PARAMS = 871_932_416;

/**
 * Gemma-3's SigLIP vision tower (416,866,032 parameters, derived in the tests from its vision_config)
 * plus the multimodal projector (1152 × hidden) and its RMSNorm (1152).
 */
const SIGLIP_PARAMS = 416_866_032;
function gemma3Vision(hidden: number): number {
  return SIGLIP_PARAMS + 1152 * hidden + 1152;
}

const GPT2 = {
  gatedFfn: false,
  tiedEmbeddings: true,
  norm: 'layernorm',
  qkvBias: true,
  attentionOutputBias: true,
  mlpBias: true,
  positionEmbeddings: 1024,
} as const;

export const MODEL_PRESETS: readonly ModelPreset[] = [
  {
    id: 'gpt2',
    name: 'GPT-2 (124M)',
    hfId: 'openai-community/gpt2',
    aliases: ['GPT-2', 'GPT-2 124M'],
    family: 'GPT-2',
    architecture: { hidden: 768, layers: 12, ffn: 3072, vocab: 50257, heads: 12, ...GPT2 },
    contextLength: 1024,
    source: 'mlc',
  },
  {
    id: 'gpt2-xl',
    name: 'GPT-2 XL (1.5B)',
    hfId: 'openai-community/gpt2-xl',
    aliases: ['GPT-2 XL'],
    family: 'GPT-2',
    architecture: { hidden: 1600, layers: 48, ffn: 6400, vocab: 50257, heads: 25, ...GPT2 },
    contextLength: 1024,
    source: 'llm_analysis',
  },
  {
    id: 'gpt-j-6b',
    name: 'GPT-J-6B',
    hfId: 'EleutherAI/gpt-j-6b',
    aliases: ['GPT-J 6B', 'GPT-J'],
    family: 'GPT-J',
    architecture: {
      hidden: 4096,
      layers: 28,
      ffn: 16384,
      vocab: 50400,
      heads: 16,
      gatedFfn: false,
      tiedEmbeddings: false,
      norm: 'layernorm',
      normsPerLayer: 1,
      mlpBias: true,
      outputBias: true,
    },
    contextLength: 2048,
    source: 'hf_gptj',
    note: 'Parallel attention and MLP under one LayerNorm; lm_head has a bias. The model card states 6,053,381,344 parameters, the Hugging Face GPTJForCausalLM holds 6,050,882,784.',
  },
  {
    id: 'opt-66b',
    name: 'OPT-66B',
    hfId: 'facebook/opt-66b',
    aliases: ['OPT 66B'],
    family: 'OPT',
    architecture: {
      hidden: 9216,
      layers: 64,
      ffn: 36864,
      vocab: 50272,
      heads: 72,
      gatedFfn: false,
      tiedEmbeddings: true,
      norm: 'layernorm',
      qkvBias: true,
      attentionOutputBias: true,
      mlpBias: true,
      positionEmbeddings: 2050,
    },
    contextLength: 2048,
    source: 'hf_opt_66b',
    note: 'Learned positions have 2048 + 2 rows (OPT offsets positions by 2).',
  },
  {
    id: 'bloom-176b',
    name: 'BLOOM-176B',
    hfId: 'bigscience/bloom',
    aliases: ['BLOOM', 'BLOOM 176B'],
    family: 'BLOOM',
    architecture: {
      hidden: 14336,
      layers: 70,
      ffn: 57344,
      vocab: 250880,
      heads: 112,
      gatedFfn: false,
      tiedEmbeddings: true,
      norm: 'layernorm',
      embeddingNorm: true,
      qkvBias: true,
      attentionOutputBias: true,
      mlpBias: true,
    },
    contextLength: 2048,
    source: 'hf_bloom',
    note: 'ALiBi positions (no parameters); a LayerNorm after the word embeddings.',
  },
  {
    id: 'falcon-40b',
    name: 'Falcon-40B',
    hfId: 'tiiuae/falcon-40b',
    aliases: ['Falcon 40B'],
    family: 'Falcon',
    architecture: {
      hidden: 8192,
      layers: 60,
      ffn: 32768,
      vocab: 65024,
      heads: 128,
      kvHeads: 8,
      gatedFfn: false,
      tiedEmbeddings: false,
      norm: 'layernorm',
    },
    contextLength: 2048,
    source: 'hf_falcon_40b',
    note: 'The checkpoint stores lm_head separately from the word embeddings (counted untied).',
  },
  {
    id: 'llama-13b',
    name: 'LLaMA-13B',
    hfId: 'huggyllama/llama-13b',
    aliases: ['Llama 13B', 'LLaMA-1-13B', 'Llama-1-13B'],
    family: 'Llama',
    architecture: llamaLike(5120, 40, 13824, 32000, 40, 40),
    contextLength: 2048,
    source: 'hf_llama1',
  },
  {
    id: 'llama-33b',
    name: 'LLaMA-33B',
    hfId: 'huggyllama/llama-30b',
    aliases: ['Llama 33B', 'LLaMA-30B', 'LLaMA-1-33B', 'Llama-1-33B'],
    family: 'Llama',
    architecture: llamaLike(6656, 60, 17920, 32000, 52, 52),
    contextLength: 2048,
    source: 'hf_llama1',
  },
  {
    id: 'llama-2-7b',
    name: 'Llama-2-7B',
    hfId: 'meta-llama/Llama-2-7b-hf',
    aliases: ['Llama-2-7B-chat', 'meta-llama/Llama-2-7b-chat-hf', 'Llama 2 7B'],
    family: 'Llama',
    architecture: llamaLike(4096, 32, 11008, 32000, 32, 32),
    contextLength: 4096,
    source: 'mlc',
  },
  {
    id: 'vicuna-7b',
    name: 'Vicuna-7B-v1.5',
    hfId: 'lmsys/vicuna-7b-v1.5',
    aliases: ['Vicuna 7B', 'Vicuna-7B'],
    family: 'Llama',
    architecture: llamaLike(4096, 32, 11008, 32000, 32, 32),
    contextLength: 4096,
    source: 'hf_vicuna',
  },
  {
    id: 'llama-2-13b',
    name: 'Llama-2-13B',
    hfId: 'meta-llama/Llama-2-13b-hf',
    aliases: ['Llama-2-13B-chat', 'meta-llama/Llama-2-13b-chat-hf', 'Llama 2 13B'],
    family: 'Llama',
    architecture: llamaLike(5120, 40, 13824, 32000, 40, 40),
    contextLength: 4096,
    source: 'mlc',
  },
  {
    id: 'llama-2-70b',
    name: 'Llama-2-70B',
    hfId: 'meta-llama/Llama-2-70b-hf',
    aliases: ['Llama-2-70B-chat', 'meta-llama/Llama-2-70b-chat-hf', 'Llama 2 70B'],
    family: 'Llama',
    architecture: llamaLike(8192, 80, 28672, 32000, 64, 8),
    contextLength: 4096,
    source: 'mlc',
  },
  {
    id: 'codellama-34b',
    name: 'CodeLlama-34B',
    hfId: 'codellama/CodeLlama-34b-hf',
    aliases: ['CodeLlama 34B', 'Code Llama 34B', 'codellama/CodeLlama-34b-Instruct-hf'],
    family: 'Llama',
    architecture: llamaLike(8192, 48, 22016, 32000, 64, 8),
    contextLength: 16384,
    source: 'hf_codellama_34b',
  },
  {
    id: 'llama-3-8b',
    name: 'Llama-3-8B',
    hfId: 'meta-llama/Meta-Llama-3-8B',
    aliases: ['Meta-Llama-3-8B-Instruct', 'meta-llama/Meta-Llama-3-8B-Instruct', 'Llama-3-8B-Instruct', 'Llama 3 8B'],
    family: 'Llama',
    architecture: llamaLike(4096, 32, 14336, 128256, 32, 8),
    contextLength: 8192,
    source: 'meta_sku',
  },
  {
    id: 'llama-3-70b',
    name: 'Llama-3-70B',
    hfId: 'meta-llama/Meta-Llama-3-70B',
    aliases: [
      'Meta-Llama-3-70B-Instruct',
      'meta-llama/Meta-Llama-3-70B-Instruct',
      'Llama-3-70B-Instruct',
      'Llama 3 70B',
    ],
    family: 'Llama',
    architecture: llamaLike(8192, 80, 28672, 128256, 64, 8),
    contextLength: 8192,
    source: 'kvfit',
  },
  {
    id: 'llama-3.1-8b',
    name: 'Llama-3.1-8B',
    hfId: 'meta-llama/Llama-3.1-8B',
    aliases: [
      'Llama-3.1-8B-Instruct',
      'meta-llama/Llama-3.1-8B-Instruct',
      'meta-llama/Meta-Llama-3.1-8B',
      'meta-llama/Meta-Llama-3.1-8B-Instruct',
    ],
    family: 'Llama',
    architecture: llamaLike(4096, 32, 14336, 128256, 32, 8),
    contextLength: 131072,
    source: 'mlc',
  },
  {
    id: 'llama-3.1-70b',
    name: 'Llama-3.1-70B',
    hfId: 'meta-llama/Llama-3.1-70B',
    aliases: [
      'Llama-3.1-70B-Instruct',
      'meta-llama/Llama-3.1-70B-Instruct',
      'meta-llama/Meta-Llama-3.1-70B',
      'meta-llama/Meta-Llama-3.1-70B-Instruct',
    ],
    family: 'Llama',
    architecture: llamaLike(8192, 80, 28672, 128256, 64, 8),
    contextLength: 131072,
    source: 'mlc',
  },
  {
    id: 'llama-3.1-405b',
    name: 'Llama-3.1-405B',
    hfId: 'meta-llama/Llama-3.1-405B',
    aliases: [
      'Llama-3.1-405B-Instruct',
      'meta-llama/Llama-3.1-405B-Instruct',
      'meta-llama/Meta-Llama-3.1-405B',
      'meta-llama/Meta-Llama-3.1-405B-Instruct',
    ],
    family: 'Llama',
    architecture: llamaLike(16384, 126, 53248, 128256, 128, 8),
    contextLength: 131072,
    source: 'meta_sku',
  },
  {
    id: 'llama-3.2-1b',
    name: 'Llama-3.2-1B',
    hfId: 'meta-llama/Llama-3.2-1B',
    aliases: ['Llama-3.2-1B-Instruct', 'meta-llama/Llama-3.2-1B-Instruct'],
    family: 'Llama',
    architecture: llamaLike(2048, 16, 8192, 128256, 32, 8, { headDim: 64, tiedEmbeddings: true }),
    contextLength: 131072,
    source: 'mlc',
  },
  {
    id: 'llama-3.2-3b',
    name: 'Llama-3.2-3B',
    hfId: 'meta-llama/Llama-3.2-3B',
    aliases: ['Llama-3.2-3B-Instruct', 'meta-llama/Llama-3.2-3B-Instruct'],
    family: 'Llama',
    architecture: llamaLike(3072, 28, 8192, 128256, 24, 8, { headDim: 128, tiedEmbeddings: true }),
    contextLength: 131072,
    source: 'llmprof',
  },
  {
    id: 'llama-3.3-70b',
    name: 'Llama-3.3-70B-Instruct',
    hfId: 'meta-llama/Llama-3.3-70B-Instruct',
    aliases: ['Llama-3.3-70B', 'Llama 3.3 70B'],
    family: 'Llama',
    architecture: llamaLike(8192, 80, 28672, 128256, 64, 8, { headDim: 128 }),
    contextLength: 131072,
    source: 'kvfit',
  },
  {
    id: 'llama-4-scout',
    name: 'Llama-4-Scout-17B-16E',
    hfId: 'meta-llama/Llama-4-Scout-17B-16E',
    aliases: ['Llama-4-Scout', 'Llama-4-Scout-17B-16E-Instruct', 'meta-llama/Llama-4-Scout-17B-16E-Instruct'],
    family: 'Llama',
    architecture: llamaLike(5120, 48, 16384, 202048, 40, 8, {
      headDim: 128,
      experts: 16,
      activeExperts: 1,
      sharedExperts: 1,
      expertFfn: 8192,
      // Chunked attention (attention_chunk_size 8192) on the 36 RoPE layers; every 4th layer is global.
      slidingWindow: 8192,
      slidingLayers: 36,
      extraParams: LLAMA4_VISION_PARAMS,
    }),
    contextLength: 10485760,
    source: 'kvfit',
    note: 'Every layer is MoE (16 routed experts, top-1, plus one shared expert); params include the 871,932,416-parameter vision encoder, active_params the text decoder only.',
  },
  {
    id: 'llama-4-maverick',
    name: 'Llama-4-Maverick-17B-128E',
    hfId: 'meta-llama/Llama-4-Maverick-17B-128E',
    aliases: [
      'Llama-4-Maverick',
      'Llama-4-Maverick-17B-128E-Instruct',
      'meta-llama/Llama-4-Maverick-17B-128E-Instruct',
    ],
    family: 'Llama',
    architecture: llamaLike(5120, 48, 16384, 202048, 40, 8, {
      headDim: 128,
      experts: 128,
      activeExperts: 1,
      sharedExperts: 1,
      expertFfn: 8192,
      moeLayerStep: 2,
      slidingWindow: 8192,
      slidingLayers: 36,
      extraParams: LLAMA4_VISION_PARAMS,
    }),
    contextLength: 1048576,
    source: 'kvfit',
    note: 'Dense (FFN 16384) and MoE layers alternate (interleave_moe_layer_step 2: 128 routed experts, top-1, plus a shared expert); params include the vision encoder.',
  },
  {
    id: 'mistral-7b-v0.1',
    name: 'Mistral-7B-v0.1',
    hfId: 'mistralai/Mistral-7B-v0.1',
    aliases: ['Mistral-7B', 'Mistral 7B', 'Mistral-7B-Instruct-v0.1', 'mistralai/Mistral-7B-Instruct-v0.1'],
    family: 'Mistral',
    architecture: llamaLike(4096, 32, 14336, 32000, 32, 8, { slidingWindow: 4096 }),
    contextLength: 32768,
    source: 'mlc',
  },
  {
    id: 'mistral-7b-v0.3',
    name: 'Mistral-7B-v0.3',
    hfId: 'mistralai/Mistral-7B-v0.3',
    aliases: ['Mistral-7B-Instruct-v0.3', 'mistralai/Mistral-7B-Instruct-v0.3'],
    family: 'Mistral',
    architecture: llamaLike(4096, 32, 14336, 32768, 32, 8),
    contextLength: 32768,
    source: 'kvfit',
  },
  {
    id: 'mistral-nemo-12b',
    name: 'Mistral-Nemo-12B',
    hfId: 'mistralai/Mistral-Nemo-Base-2407',
    aliases: ['Mistral-Nemo', 'Mistral-Nemo-Instruct-2407', 'mistralai/Mistral-Nemo-Instruct-2407'],
    family: 'Mistral',
    architecture: llamaLike(5120, 40, 14336, 131072, 32, 8, { headDim: 128 }),
    contextLength: 131072,
    source: 'kvfit',
  },
  {
    id: 'mistral-small-24b',
    name: 'Mistral-Small-24B',
    hfId: 'mistralai/Mistral-Small-24B-Base-2501',
    aliases: ['Mistral-Small', 'Mistral-Small-24B-Instruct-2501', 'mistralai/Mistral-Small-24B-Instruct-2501'],
    family: 'Mistral',
    architecture: llamaLike(5120, 40, 32768, 131072, 32, 8, { headDim: 128 }),
    contextLength: 32768,
    source: 'hf_mistral_small',
    note: 'The text-only 2501 release; Mistral-Small-3.1/3.2 add a vision encoder.',
  },
  {
    id: 'mixtral-8x7b',
    name: 'Mixtral-8x7B-v0.1',
    hfId: 'mistralai/Mixtral-8x7B-v0.1',
    aliases: ['Mixtral-8x7B', 'Mixtral-8x7B-Instruct-v0.1', 'mistralai/Mixtral-8x7B-Instruct-v0.1'],
    family: 'Mistral',
    architecture: llamaLike(4096, 32, 14336, 32000, 32, 8, { experts: 8, activeExperts: 2 }),
    contextLength: 32768,
    source: 'mlc',
  },
  {
    id: 'mixtral-8x22b',
    name: 'Mixtral-8x22B-v0.1',
    hfId: 'mistral-community/Mixtral-8x22B-v0.1',
    aliases: ['Mixtral-8x22B', 'mistralai/Mixtral-8x22B-v0.1'],
    family: 'Mistral',
    architecture: llamaLike(6144, 56, 16384, 32000, 48, 8, { experts: 8, activeExperts: 2 }),
    contextLength: 65536,
    source: 'hf_mixtral_8x22b',
    note: 'The Instruct release has a 32768-token vocabulary (9.4M more parameters).',
  },
  {
    id: 'qwen2-7b',
    name: 'Qwen2-7B-Instruct',
    hfId: 'Qwen/Qwen2-7B-Instruct',
    aliases: ['Qwen2-7B', 'Qwen/Qwen2-7B'],
    family: 'Qwen',
    architecture: llamaLike(3584, 28, 18944, 152064, 28, 4, QWEN2_BIAS),
    contextLength: 32768,
    source: 'mlc',
  },
  {
    id: 'qwen2-72b',
    name: 'Qwen2-72B-Instruct',
    hfId: 'Qwen/Qwen2-72B-Instruct',
    aliases: ['Qwen2-72B', 'Qwen/Qwen2-72B'],
    family: 'Qwen',
    architecture: llamaLike(8192, 80, 29568, 152064, 64, 8, QWEN2_BIAS),
    contextLength: 32768,
    source: 'hf_qwen2_72b',
  },
  {
    id: 'qwen2.5-7b',
    name: 'Qwen2.5-7B-Instruct',
    hfId: 'Qwen/Qwen2.5-7B-Instruct',
    aliases: ['Qwen2.5-7B', 'Qwen/Qwen2.5-7B'],
    family: 'Qwen',
    architecture: llamaLike(3584, 28, 18944, 152064, 28, 4, QWEN2_BIAS),
    contextLength: 32768,
    source: 'llmprof',
  },
  {
    id: 'qwen2.5-14b',
    name: 'Qwen2.5-14B-Instruct',
    hfId: 'Qwen/Qwen2.5-14B-Instruct',
    aliases: ['Qwen2.5-14B', 'Qwen/Qwen2.5-14B'],
    family: 'Qwen',
    architecture: llamaLike(5120, 48, 13824, 152064, 40, 8, QWEN2_BIAS),
    contextLength: 32768,
    source: 'llmprof',
  },
  {
    id: 'qwen2.5-32b',
    name: 'Qwen2.5-32B-Instruct',
    hfId: 'Qwen/Qwen2.5-32B-Instruct',
    aliases: ['Qwen2.5-32B', 'Qwen/Qwen2.5-32B'],
    family: 'Qwen',
    architecture: llamaLike(5120, 64, 27648, 152064, 40, 8, QWEN2_BIAS),
    contextLength: 32768,
    source: 'llmprof',
  },
  {
    id: 'qwen2.5-72b',
    name: 'Qwen2.5-72B-Instruct',
    hfId: 'Qwen/Qwen2.5-72B-Instruct',
    aliases: ['Qwen2.5-72B', 'Qwen/Qwen2.5-72B'],
    family: 'Qwen',
    architecture: llamaLike(8192, 80, 29568, 152064, 64, 8, QWEN2_BIAS),
    contextLength: 32768,
    source: 'kvfit',
  },
  {
    id: 'qwen2.5-coder-7b',
    name: 'Qwen2.5-Coder-7B-Instruct',
    hfId: 'Qwen/Qwen2.5-Coder-7B-Instruct',
    aliases: ['Qwen2.5-Coder-7B', 'Qwen/Qwen2.5-Coder-7B'],
    family: 'Qwen',
    architecture: llamaLike(3584, 28, 18944, 152064, 28, 4, QWEN2_BIAS),
    contextLength: 32768,
    source: 'kerashub_qwen',
    note: 'Same shapes as Qwen2.5-7B.',
  },
  {
    id: 'qwen2.5-coder-32b',
    name: 'Qwen2.5-Coder-32B-Instruct',
    hfId: 'Qwen/Qwen2.5-Coder-32B-Instruct',
    aliases: ['Qwen2.5-Coder-32B', 'Qwen/Qwen2.5-Coder-32B', 'Qwen2.5-Coder'],
    family: 'Qwen',
    architecture: llamaLike(5120, 64, 27648, 152064, 40, 8, QWEN2_BIAS),
    contextLength: 32768,
    source: 'kerashub_qwen',
    note: 'Same shapes as Qwen2.5-32B.',
  },
  {
    id: 'qwen3-8b',
    name: 'Qwen3-8B',
    hfId: 'Qwen/Qwen3-8B',
    aliases: ['Qwen3 8B'],
    family: 'Qwen',
    architecture: llamaLike(4096, 36, 12288, 151936, 32, 8, QWEN3),
    contextLength: 40960,
    source: 'llmprof',
  },
  {
    id: 'qwen3-32b',
    name: 'Qwen3-32B',
    hfId: 'Qwen/Qwen3-32B',
    aliases: ['Qwen3 32B'],
    family: 'Qwen',
    architecture: llamaLike(5120, 64, 25600, 151936, 64, 8, QWEN3),
    contextLength: 40960,
    source: 'llmprof',
  },
  {
    id: 'qwen3-30b-a3b',
    name: 'Qwen3-30B-A3B',
    hfId: 'Qwen/Qwen3-30B-A3B',
    aliases: ['Qwen3 30B A3B'],
    family: 'Qwen',
    architecture: llamaLike(2048, 48, 6144, 151936, 32, 4, {
      ...QWEN3,
      experts: 128,
      activeExperts: 8,
      expertFfn: 768,
    }),
    contextLength: 40960,
    source: 'llmprof',
  },
  {
    id: 'qwen3-235b-a22b',
    name: 'Qwen3-235B-A22B',
    hfId: 'Qwen/Qwen3-235B-A22B',
    aliases: ['Qwen3 235B A22B'],
    family: 'Qwen',
    architecture: llamaLike(4096, 94, 12288, 151936, 64, 4, {
      ...QWEN3,
      experts: 128,
      activeExperts: 8,
      expertFfn: 1536,
    }),
    contextLength: 40960,
    source: 'kvfit',
  },
  {
    id: 'gemma-2-9b',
    name: 'Gemma-2-9B',
    hfId: 'google/gemma-2-9b',
    aliases: ['gemma-2-9b-it', 'google/gemma-2-9b-it'],
    family: 'Gemma',
    // Even layers use a 4096-token sliding window (modeling_gemma2).
    architecture: llamaLike(3584, 42, 14336, 256000, 16, 8, {
      ...GEMMA,
      headDim: 256,
      slidingWindow: 4096,
      slidingLayers: 21,
    }),
    contextLength: 8192,
    source: 'mlc',
  },
  {
    id: 'gemma-2-27b',
    name: 'Gemma-2-27B',
    hfId: 'google/gemma-2-27b',
    aliases: ['gemma-2-27b-it', 'google/gemma-2-27b-it'],
    family: 'Gemma',
    architecture: llamaLike(4608, 46, 36864, 256000, 32, 16, {
      ...GEMMA,
      headDim: 128,
      slidingWindow: 4096,
      slidingLayers: 23,
    }),
    contextLength: 8192,
    source: 'mlc',
    note: 'heads × head_dim (4096) differs from hidden_size (4608).',
  },
  {
    id: 'gemma-3-12b',
    name: 'Gemma-3-12B',
    hfId: 'google/gemma-3-12b-it',
    aliases: ['gemma-3-12b-pt', 'google/gemma-3-12b-pt', 'Gemma 3 12B'],
    family: 'Gemma',
    // Five of every six layers use a 1024-token window (sliding_window_pattern 6).
    architecture: llamaLike(3840, 48, 15360, 262208, 16, 8, {
      ...GEMMA,
      headDim: 256,
      qkNorm: true,
      slidingWindow: 1024,
      slidingLayers: 40,
      extraParams: gemma3Vision(3840),
    }),
    contextLength: 131072,
    source: 'kvfit',
    note: 'params include the SigLIP vision tower and projector (421,290,864); active_params the text decoder only.',
  },
  {
    id: 'gemma-3-27b',
    name: 'Gemma-3-27B',
    hfId: 'google/gemma-3-27b-it',
    aliases: ['gemma-3-27b-pt', 'google/gemma-3-27b-pt', 'Gemma 3 27B'],
    family: 'Gemma',
    architecture: llamaLike(5376, 62, 21504, 262208, 32, 16, {
      ...GEMMA,
      headDim: 128,
      qkNorm: true,
      slidingWindow: 1024,
      slidingLayers: 52,
      extraParams: gemma3Vision(5376),
    }),
    contextLength: 131072,
    source: 'kvfit',
    note: 'params include the SigLIP vision tower and projector (423,060,336); active_params the text decoder only.',
  },
  {
    id: 'phi-3-mini-4k',
    name: 'Phi-3-mini-4k-instruct',
    hfId: 'microsoft/Phi-3-mini-4k-instruct',
    aliases: ['Phi-3-mini', 'Phi-3-mini-4k'],
    family: 'Phi',
    architecture: llamaLike(3072, 32, 8192, 32064, 32, 32),
    contextLength: 4096,
    source: 'phi3',
    note: 'qkv_proj and gate_up_proj are fused tensors in the checkpoint (same parameter count).',
  },
  {
    id: 'phi-4',
    name: 'Phi-4',
    hfId: 'microsoft/phi-4',
    aliases: ['Phi 4'],
    family: 'Phi',
    architecture: llamaLike(5120, 40, 17920, 100352, 40, 10),
    contextLength: 16384,
    source: 'kvfit',
  },
  {
    id: 'deepseek-v3',
    name: 'DeepSeek-V3',
    hfId: 'deepseek-ai/DeepSeek-V3',
    aliases: ['DeepSeek-V3-0324', 'deepseek-ai/DeepSeek-V3-0324', 'DeepSeek V3'],
    family: 'DeepSeek',
    architecture: deepseekV3(),
    contextLength: 163840,
    source: 'deepseek',
    note: 'The 61-layer main model (671B); the Hub checkpoint adds the 14B multi-token-prediction module and FP8 block scales (685B).',
  },
  {
    id: 'deepseek-r1',
    name: 'DeepSeek-R1',
    hfId: 'deepseek-ai/DeepSeek-R1',
    aliases: ['DeepSeek-R1-0528', 'deepseek-ai/DeepSeek-R1-0528', 'DeepSeek R1'],
    family: 'DeepSeek',
    architecture: deepseekV3(),
    contextLength: 163840,
    source: 'kvfit',
    note: 'Same architecture as DeepSeek-V3 (671B main model, MTP module not counted).',
  },
  {
    id: 'gpt-oss-20b',
    name: 'gpt-oss-20b',
    hfId: 'openai/gpt-oss-20b',
    aliases: ['gpt-oss 20b', 'gptoss-20b'],
    family: 'gpt-oss',
    architecture: gptOss(24, 32),
    contextLength: 131072,
    source: 'kvfit',
    note: 'Ships with MXFP4 experts and bf16 attention: use precision "mxfp4".',
  },
  {
    id: 'gpt-oss-120b',
    name: 'gpt-oss-120b',
    hfId: 'openai/gpt-oss-120b',
    aliases: ['gpt-oss 120b', 'gptoss-120b'],
    family: 'gpt-oss',
    architecture: gptOss(36, 128),
    contextLength: 131072,
    source: 'kvfit',
    note: 'Ships with MXFP4 experts and bf16 attention: use precision "mxfp4".',
  },
];

/** DeepSeek-V3/R1: MLA, 3 dense layers, then 58 MoE layers of 256 routed + 1 shared expert (top-8). */
function deepseekV3(): ArchitectureSpec {
  return llamaLike(7168, 61, 18432, 129280, 128, 128, {
    experts: 256,
    activeExperts: 8,
    sharedExperts: 1,
    expertFfn: 2048,
    denseLayers: 3,
    routerBias: true, // e_score_correction_bias
    qLoraRank: 1536,
    kvLoraRank: 512,
    qkNopeHeadDim: 128,
    qkRopeHeadDim: 64,
    vHeadDim: 128,
  });
}

/**
 * gpt-oss: every layer MoE (top-4), biases on attention, router and experts, a sink per head, and
 * a 128-token window on every other layer (layer_types).
 */
function gptOss(layers: number, experts: number): ArchitectureSpec {
  return llamaLike(2880, layers, 2880, 201088, 64, 8, {
    headDim: 64,
    qkvBias: true,
    attentionOutputBias: true,
    mlpBias: true,
    attentionSinks: true,
    experts,
    activeExperts: 4,
    routerBias: true,
    slidingWindow: 128,
    slidingLayers: layers / 2,
  });
}
