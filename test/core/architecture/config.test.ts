/**
 * A pasted config.json gives the same numbers as the preset. The configs are the published files
 * (copies cited in the catalog: citsjtu2020/LLM-Prof sglang/Model_Config.md, debaditc/kvfit
 * models.json, mlc-llm model_preset.py), trimmed of fields that play no part.
 */
import { invoke } from '../../../src/index';

const LLAMA_3_1_8B = `{
  "architectures": ["LlamaForCausalLM"], "attention_bias": false, "hidden_act": "silu",
  "hidden_size": 4096, "intermediate_size": 14336, "max_position_embeddings": 131072,
  "mlp_bias": false, "model_type": "llama", "num_attention_heads": 32, "num_hidden_layers": 32,
  "num_key_value_heads": 8, "rms_norm_eps": 1e-05, "rope_theta": 500000.0,
  "tie_word_embeddings": false, "torch_dtype": "bfloat16", "vocab_size": 128256
}`;

const QWEN2_5_14B = `{
  "architectures": ["Qwen2ForCausalLM"], "hidden_act": "silu", "hidden_size": 5120,
  "intermediate_size": 13824, "max_position_embeddings": 131072, "max_window_layers": 48,
  "model_type": "qwen2", "num_attention_heads": 40, "num_hidden_layers": 48, "num_key_value_heads": 8,
  "rms_norm_eps": 1e-05, "rope_theta": 1000000.0, "sliding_window": 131072,
  "tie_word_embeddings": false, "use_sliding_window": false, "vocab_size": 152064
}`;

const QWEN3_30B_A3B = `{
  "architectures": ["Qwen3MoeForCausalLM"], "attention_bias": false, "decoder_sparse_step": 1,
  "head_dim": 128, "hidden_act": "silu", "hidden_size": 2048, "intermediate_size": 6144,
  "max_position_embeddings": 40960, "max_window_layers": 48, "mlp_only_layers": [],
  "model_type": "qwen3_moe", "moe_intermediate_size": 768, "norm_topk_prob": true,
  "num_attention_heads": 32, "num_experts": 128, "num_experts_per_tok": 8, "num_hidden_layers": 48,
  "num_key_value_heads": 4, "rms_norm_eps": 1e-06, "sliding_window": null,
  "tie_word_embeddings": false, "use_sliding_window": false, "vocab_size": 151936
}`;

const DEEPSEEK_V3 = `{
  "architectures": ["DeepseekV3ForCausalLM"], "first_k_dense_replace": 3, "hidden_size": 7168,
  "intermediate_size": 18432, "kv_lora_rank": 512, "max_position_embeddings": 163840,
  "model_type": "deepseek_v3", "moe_intermediate_size": 2048, "moe_layer_freq": 1,
  "n_routed_experts": 256, "n_shared_experts": 1, "num_attention_heads": 128,
  "num_experts_per_tok": 8, "num_hidden_layers": 61, "num_key_value_heads": 128,
  "q_lora_rank": 1536, "qk_nope_head_dim": 128, "qk_rope_head_dim": 64,
  "tie_word_embeddings": false, "v_head_dim": 128, "vocab_size": 129280,
  "quantization_config": {"quant_method": "fp8"}
}`;

const sliding = (n: number) =>
  JSON.stringify(Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 'sliding_attention' : 'full_attention')));
const GPT_OSS_20B = `{
  "architectures": ["GptOssForCausalLM"], "experts_per_token": 4, "head_dim": 64, "hidden_size": 2880,
  "intermediate_size": 2880, "layer_types": ${sliding(24)}, "max_position_embeddings": 131072,
  "model_type": "gpt_oss", "num_attention_heads": 64, "num_experts_per_tok": 4,
  "num_hidden_layers": 24, "num_key_value_heads": 8, "num_local_experts": 32, "sliding_window": 128,
  "tie_word_embeddings": false, "vocab_size": 201088, "quantization_config": {"quant_method": "mxfp4"}
}`;

const GEMMA_2_9B = `{
  "architectures": ["Gemma2ForCausalLM"], "head_dim": 256, "hidden_act": "gelu_pytorch_tanh",
  "hidden_size": 3584, "intermediate_size": 14336, "max_position_embeddings": 8192,
  "model_type": "gemma2", "num_attention_heads": 16, "num_hidden_layers": 42,
  "num_key_value_heads": 8, "sliding_window": 4096, "vocab_size": 256000
}`;

const GPT2 = `{
  "activation_function": "gelu_new", "architectures": ["GPT2LMHeadModel"], "model_type": "gpt2",
  "n_ctx": 1024, "n_embd": 768, "n_head": 12, "n_inner": null, "n_layer": 12, "n_positions": 1024,
  "vocab_size": 50257
}`;

const MISTRAL_7B = `{
  "architectures": ["MistralForCausalLM"], "hidden_size": 4096, "intermediate_size": 14336,
  "max_position_embeddings": 32768, "model_type": "mistral", "num_attention_heads": 32,
  "num_hidden_layers": 32, "num_key_value_heads": 8, "sliding_window": 4096,
  "tie_word_embeddings": false, "vocab_size": 32000
}`;

const noRope = JSON.stringify(Array.from({ length: 48 }, (_, i) => ((i + 1) % 4 === 0 ? 0 : 1)));
const LLAMA_4_SCOUT = `{
  "architectures": ["Llama4ForConditionalGeneration"], "model_type": "llama4",
  "text_config": {
    "model_type": "llama4_text", "attention_chunk_size": 8192, "head_dim": 128, "hidden_size": 5120,
    "intermediate_size": 8192, "intermediate_size_mlp": 16384, "max_position_embeddings": 10485760,
    "no_rope_layers": ${noRope}, "num_attention_heads": 40, "num_experts_per_tok": 1,
    "num_hidden_layers": 48, "num_key_value_heads": 8, "num_local_experts": 16,
    "interleave_moe_layer_step": 1, "tie_word_embeddings": false, "vocab_size": 202048
  },
  "vision_config": {"hidden_size": 1408, "num_hidden_layers": 34}
}`;

/** As Hugging Face saves it: text_config without the Gemma3TextConfig defaults (head_dim 256, vocab 262208). */
const GEMMA_3_12B = `{
  "architectures": ["Gemma3ForConditionalGeneration"], "model_type": "gemma3",
  "text_config": {
    "hidden_size": 3840, "intermediate_size": 15360, "model_type": "gemma3_text",
    "num_attention_heads": 16, "num_hidden_layers": 48, "num_key_value_heads": 8,
    "sliding_window": 1024
  },
  "vision_config": {"hidden_size": 1152, "intermediate_size": 4304, "num_hidden_layers": 27}
}`;

const METRICS = [
  'params',
  'active_params',
  'weights_gib',
  'kv_cache_gib',
  'vram_gib',
  'flops_prefill',
  'tokens_per_s',
  'token_latency_s',
];

function estimate(model: string, precision = 'bf16', S = 32768) {
  // GPT-2 serves 1024 tokens; the shapes are compared beyond it, as a rope-scaled deployment would run.
  return invoke('LLM_ESTIMATE', [
    model,
    [METRICS],
    4,
    S,
    precision,
    'H100',
    `n_gpus=2; max_model_len=${S}`,
  ]) as unknown[][];
}

describe('a pasted config.json equals the preset', () => {
  test.each([
    ['llama-3.1-8b', LLAMA_3_1_8B],
    ['qwen2.5-14b', QWEN2_5_14B],
    ['qwen3-30b-a3b', QWEN3_30B_A3B],
    ['deepseek-v3', DEEPSEEK_V3],
    ['gpt-oss-20b', GPT_OSS_20B],
    ['gemma-2-9b', GEMMA_2_9B],
    ['gpt2', GPT2],
    ['mistral-7b-v0.1', MISTRAL_7B],
  ])('%s', (preset, config) => {
    for (const precision of ['bf16', 'q4_k_m', 'int4', 'mxfp4']) {
      expect(estimate(config, precision)).toEqual(estimate(preset, precision));
    }
  });

  test('multimodal configs are read through text_config; the preset adds the vision encoder', () => {
    const vision = (id: string) => invoke('LLM_MODEL', [id, 'extra_params']) as number;
    const params = (model: string) => invoke('LLM_MODEL', [model, 'params']) as number;
    expect(params(LLAMA_4_SCOUT)).toBe(params('llama-4-scout') - vision('llama-4-scout'));
    expect(params(GEMMA_3_12B)).toBe(params('gemma-3-12b') - vision('gemma-3-12b'));
    expect(params(GEMMA_3_12B)).toBe(11_766_034_176); // llama.cpp n_params of the text model
    const kv = (model: string) => invoke('LLM_ESTIMATE', [model, 'kv_cache_gib', 1, 100000, 'bf16', 'H100']);
    expect(kv(LLAMA_4_SCOUT)).toBe(kv('llama-4-scout'));
    expect(kv(GEMMA_3_12B)).toBe(kv('gemma-3-12b'));
  });

  test('the same config pasted down a column, one line per cell', () => {
    const column = LLAMA_3_1_8B.split('\n').map((line) => [line]);
    expect(invoke('LLM_ESTIMATE', [column, 'params', 1, 1, 'bf16', 'H100'])).toBe(8_030_261_248);
    expect(invoke('LLM_MODEL', [[...column, [''], ['']], 'kv_heads'])).toBe(8);
  });

  test('LLM_MODEL reads a config too, and names it by model_type', () => {
    expect(invoke('LLM_MODEL', [DEEPSEEK_V3, 'kv_bytes_per_token'])).toBe(70_272);
    expect(invoke('LLM_MODEL', [DEEPSEEK_V3, 'context'])).toBe(163840);
    expect(invoke('LLM_MODEL', [DEEPSEEK_V3, 'name'])).toBe('config.json (deepseek_v3)');
    expect(() => invoke('LLM_MODEL', [DEEPSEEK_V3, 'hf_id'])).toThrow('field "hf_id" exists only for presets');
  });
});

describe('a config that cannot be read is an error naming the field', () => {
  const params = (config: string) => () => invoke('LLM_ESTIMATE', [config, 'params', 1, 1, 'bf16', 'H100']);

  test('a missing required field', () => {
    expect(params('{"num_hidden_layers": 32, "num_attention_heads": 32, "vocab_size": 32000}')).toThrow(
      'LLM_ESTIMATE: model: config.json has no "hidden_size": the hidden size is required',
    );
    expect(params('{"hidden_size": 4096, "num_hidden_layers": 32, "num_attention_heads": 32}')).toThrow(
      'config.json has no "vocab_size": the vocabulary size is required',
    );
    expect(
      params('{"hidden_size": 4096, "num_hidden_layers": 32, "num_attention_heads": 32, "vocab_size": 1}'),
    ).toThrow('config.json has no "intermediate_size": the feed-forward size is required');
    expect(
      params(
        '{"hidden_size": 64, "num_hidden_layers": 2, "num_attention_heads": 4, "vocab_size": 8, "intermediate_size": 8, "num_experts": 4}',
      ),
    ).toThrow('config.json has no "num_experts_per_tok"');
  });

  test('text that is not JSON, and JSON that is not an object', () => {
    expect(params('{"hidden_size": 4096,')).toThrow('LLM_ESTIMATE: model: is not valid config.json text');
    expect(() => invoke('LLM_MODEL', [[['{'], ['1']], 'params'])).toThrow('is not valid config.json text');
  });

  test('shapes that cannot be right are checked like any model', () => {
    expect(
      params(
        '{"hidden_size": 4096, "num_hidden_layers": 2, "num_attention_heads": 30, "vocab_size": 8, "intermediate_size": 8}',
      ),
    ).toThrow('heads (30) does not divide hidden (4096)');
  });
});
