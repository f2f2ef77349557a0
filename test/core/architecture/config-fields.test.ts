/**
 * The config.json parser reads every field that changes a parameter or KV count, and refuses what
 * it does not understand instead of guessing. Expected counts are derived by hand below, tensor by
 * tensor, independently of src/core/architecture/params.ts.
 */
import { COUNT_FIELDS, COUNT_LIKE, NEUTRAL_FIELDS, parseHfConfig } from '../../../src/core/architecture/config';
import { activeParameterCount, parameterCount, weightTensors } from '../../../src/core/architecture/params';
import { resolveArchitecture } from '../../../src/core/architecture/spec';
import { invoke } from '../../../src/index';

const archOf = (config: object) => resolveArchitecture(parseHfConfig(JSON.stringify(config)).spec);
const params = (config: object) => parameterCount(archOf(config));
const active = (config: object) => activeParameterCount(archOf(config));

/** Qwen2-57B-A14B's config.json as the Hub states it (copied in TensorRT-LLM's test_modeling_qwen_moe.py). */
const QWEN2_57B_A14B = {
  architectures: ['Qwen2MoeForCausalLM'],
  attention_dropout: 0.0,
  bos_token_id: 151643,
  decoder_sparse_step: 1,
  eos_token_id: 151643,
  hidden_act: 'silu',
  hidden_size: 3584,
  initializer_range: 0.02,
  intermediate_size: 18944,
  max_position_embeddings: 131072,
  max_window_layers: 28,
  model_type: 'qwen2_moe',
  moe_intermediate_size: 2560,
  norm_topk_prob: false,
  num_attention_heads: 28,
  num_experts: 64,
  num_experts_per_tok: 8,
  num_hidden_layers: 28,
  num_key_value_heads: 4,
  output_router_logits: false,
  rms_norm_eps: 1e-6,
  rope_theta: 1000000.0,
  router_aux_loss_coef: 0.001,
  shared_expert_intermediate_size: 20480,
  sliding_window: 131072,
  tie_word_embeddings: false,
  torch_dtype: 'bfloat16',
  transformers_version: '4.40.1',
  use_cache: true,
  use_sliding_window: false,
  vocab_size: 151936,
};

describe('Qwen2-MoE: routed experts, the shared expert and its gate', () => {
  test('Qwen2-57B-A14B holds exactly 57,408,658,944 parameters', () => {
    // H = 3584, 28 layers, 28 heads × 128 (q 3584), 4 KV heads × 128 (k, v 512 each), V = 151936.
    const H = 3584;
    const embeddings = 151936 * H; //                       embed_tokens            544,538,624
    const head = 151936 * H; //                             lm_head (untied)        544,538,624
    const attention = H * 3584 + 2 * H * 512 + 3584 * H; // q, k, v, o           29,360,128
    const qkvBias = 3584 + 2 * 512; //                      Qwen2's q, k, v biases        4,608
    const norms = 2 * H; //                                 input, post-attention         7,168
    const router = H * 64; //                               gate, 64 experts            229,376
    const experts = 64 * 3 * H * 2560; //                   gate/up/down × 64     1,761,607,680
    const shared = 3 * H * 20480; //                        shared_expert           220,200,960
    const sharedGate = H; //                                shared_expert_gate, H × 1     3,584
    const layer = attention + qkvBias + norms + router + experts + shared + sharedGate; // 2,011,413,504
    const finalNorm = H;
    const total = embeddings + 28 * layer + finalNorm + head;
    expect(total).toBe(57_408_658_944);
    expect(params(QWEN2_57B_A14B)).toBe(total);
    expect(invoke('LLM_MODEL', [JSON.stringify(QWEN2_57B_A14B), 'params'])).toBe(57_408_658_944);
    // Before the shared expert was read, the count was 28 × (220,200,960 + 3,584) lower.
    expect(total - 28 * (shared + sharedGate)).toBe(51_242_931_712);
    const arch = archOf(QWEN2_57B_A14B);
    expect(weightTensors(arch).reduce((sum, t) => sum + t.params, 0)).toBe(total);
  });

  test('about 14B active ("A14B"): every token uses 8 of the 64 routed experts, the shared expert and its gate', () => {
    // Active parameters count what one token passes through, as for Mixtral's "12.9B": embeddings,
    // lm_head, attention, norms, router, the shared expert and gate, and 8 routed experts.
    const H = 3584;
    const perLayer = H * 3584 + 2 * H * 512 + 3584 * H + 4608 + 2 * H + H * 64 + 8 * 3 * H * 2560 + 3 * H * 20480 + H;
    expect(perLayer).toBe(470_006_784);
    const expected = 2 * 151936 * H + 28 * perLayer + H;
    expect(active(QWEN2_57B_A14B)).toBe(expected);
    expect(expected).toBe(14_249_270_784);
    expect(invoke('LLM_MODEL', [JSON.stringify(QWEN2_57B_A14B), 'active_params'])).toBe(14_249_270_784);
  });

  test('Qwen1.5-MoE-A2.7B (60 experts, top-4, shared expert 5632): 14,315,784,192', () => {
    // As copied in mlc-ai/mlc-llm model_preset.py ("qwen2moe").
    const config = {
      architectures: ['Qwen2MoeForCausalLM'],
      model_type: 'qwen2_moe',
      hidden_size: 2048,
      intermediate_size: 5632,
      max_position_embeddings: 32768,
      max_window_layers: 21,
      num_attention_heads: 16,
      num_hidden_layers: 24,
      num_key_value_heads: 16,
      sliding_window: 32768,
      tie_word_embeddings: false,
      use_sliding_window: false,
      vocab_size: 151936,
      decoder_sparse_step: 1,
      moe_intermediate_size: 1408,
      shared_expert_intermediate_size: 5632,
      num_experts_per_tok: 4,
      num_experts: 60,
    };
    const H = 2048;
    const layer = 4 * H * H + 3 * H + 2 * H + H * 60 + 60 * 3 * H * 1408 + 3 * H * 5632 + H;
    expect(params(config)).toBe(2 * 151936 * H + 24 * layer + H);
    expect(params(config)).toBe(14_315_784_192);
  });

  test('a qwen2_moe config without the shared expert size is an error, not a guess', () => {
    const config: Record<string, unknown> = { ...QWEN2_57B_A14B };
    delete config.shared_expert_intermediate_size;
    expect(() => parseHfConfig(JSON.stringify(config))).toThrow(
      'config.json has no "shared_expert_intermediate_size": the shared expert size is required for qwen2_moe',
    );
  });

  test('Qwen3-MoE has no shared expert: the field is an error for qwen3_moe', () => {
    const config = {
      model_type: 'qwen3_moe',
      hidden_size: 2048,
      num_hidden_layers: 48,
      num_attention_heads: 32,
      num_key_value_heads: 4,
      head_dim: 128,
      intermediate_size: 6144,
      vocab_size: 151936,
      num_experts: 128,
      num_experts_per_tok: 8,
      moe_intermediate_size: 768,
    };
    expect(params(config)).toBe(30_532_122_624);
    expect(() => params({ ...config, shared_expert_intermediate_size: 768 })).toThrow(
      'config.json field shared_expert_intermediate_size is not read for model_type "qwen3_moe"; it may change the parameter count',
    );
  });

  test('the gate is a sheet key too: shared_expert_gate adds H per MoE layer', () => {
    const keys =
      'hidden=64; layers=2; ffn=128; vocab=100; heads=4; gated_ffn=1; experts=4; active_experts=2; shared_experts=1';
    const without = invoke('LLM_MODEL', [keys, 'params']) as number;
    expect(invoke('LLM_MODEL', [`${keys}; shared_expert_gate=1`, 'params'])).toBe(without + 2 * 64);
    expect(() =>
      invoke('LLM_MODEL', ['hidden=64; layers=2; ffn=128; vocab=100; shared_expert_gate=1', 'params']),
    ).toThrow('shared_expert_gate needs experts');
  });
});

describe('other families read from their own fields', () => {
  test('DeepSeek-V2-Lite: full q_proj (q_lora_rank null), 2 shared experts, no correction bias (topk_method greedy)', () => {
    // As copied in mlc-ai/mlc-llm model_preset.py ("deepseek_v2_lite").
    const config = {
      architectures: ['DeepseekV2ForCausalLM'],
      attention_bias: false,
      first_k_dense_replace: 1,
      hidden_size: 2048,
      intermediate_size: 10944,
      kv_lora_rank: 512,
      max_position_embeddings: 163840,
      model_type: 'deepseek_v2',
      moe_intermediate_size: 1408,
      moe_layer_freq: 1,
      n_group: 1,
      n_routed_experts: 64,
      n_shared_experts: 2,
      norm_topk_prob: false,
      num_attention_heads: 16,
      num_experts_per_tok: 6,
      num_hidden_layers: 27,
      num_key_value_heads: 16,
      q_lora_rank: null,
      qk_nope_head_dim: 128,
      qk_rope_head_dim: 64,
      routed_scaling_factor: 1.0,
      scoring_func: 'softmax',
      topk_group: 1,
      topk_method: 'greedy',
      v_head_dim: 128,
      vocab_size: 102400,
    };
    const H = 2048;
    // q_proj H × 16 × 192; kv_a H × (512 + 64) and its norm 512; kv_b 512 × 16 × 256; o 16 × 128 × H; 2 norms.
    const attention = H * 16 * 192 + H * 576 + 512 + 512 * 16 * 256 + 16 * 128 * H + 2 * H;
    const dense = 3 * H * 10944;
    const moe = H * 64 + 64 * 3 * H * 1408 + 2 * 3 * H * 1408;
    expect(params(config)).toBe(2 * 102400 * H + 27 * attention + dense + 26 * moe + H);
    expect(params(config)).toBe(15_706_484_224); // the Hub's "15.7B"
    expect(invoke('LLM_MODEL', [JSON.stringify(config), 'kv_bytes_per_token'])).toBe(27 * 576 * 2);
    expect(() => params({ ...config, moe_layer_freq: 2 })).toThrow(
      'config.json field moe_layer_freq 2 is not supported',
    );
  });

  test('Phi-2: parallel block under one LayerNorm, biases on every linear layer and on lm_head', () => {
    const config = {
      architectures: ['PhiForCausalLM'],
      model_type: 'phi',
      hidden_size: 2560,
      intermediate_size: 10240,
      num_hidden_layers: 32,
      num_attention_heads: 32,
      num_key_value_heads: 32,
      max_position_embeddings: 2048,
      partial_rotary_factor: 0.4,
      qk_layernorm: false,
      tie_word_embeddings: false,
      vocab_size: 51200,
    };
    const H = 2560;
    const layer = 4 * (H * H + H) + H * 10240 + 10240 + 10240 * H + H + 2 * H;
    expect(params(config)).toBe(2 * 51200 * H + 51200 + 32 * layer + 2 * H);
    expect(params(config)).toBe(2_779_683_840); // Phi-2's published 2.78B
  });

  test('Pythia-160m (gpt_neox): biased attention and MLP, two LayerNorms, untied embed_out', () => {
    const config = {
      architectures: ['GPTNeoXForCausalLM'],
      model_type: 'gpt_neox',
      hidden_size: 768,
      intermediate_size: 3072,
      num_hidden_layers: 12,
      num_attention_heads: 12,
      max_position_embeddings: 2048,
      rotary_pct: 0.25,
      use_parallel_residual: true,
      tie_word_embeddings: false,
      vocab_size: 50304,
    };
    const H = 768;
    const layer = H * 3 * H + 3 * H + H * H + H + H * 3072 + 3072 + 3072 * H + H + 4 * H;
    expect(params(config)).toBe(2 * 50304 * H + 12 * layer + 2 * H);
    expect(params(config)).toBe(162_322_944);
  });

  test('Falcon-7B (multi-query, one LayerNorm per layer) counts its separate lm_head: 7,217,189,760', () => {
    // data/models.json: the falcon-7b safetensors index total is 14,434,379,520 bytes of bf16.
    const config = {
      architectures: ['FalconForCausalLM'],
      model_type: 'falcon',
      alibi: false,
      bias: false,
      hidden_size: 4544,
      multi_query: true,
      new_decoder_architecture: false,
      num_attention_heads: 71,
      num_hidden_layers: 32,
      parallel_attn: true,
      vocab_size: 65024,
    };
    const H = 4544;
    const layer = H * (H + 2 * 64) + H * H + 2 * H * 4 * H + 2 * H;
    expect(params(config)).toBe(2 * 65024 * H + 32 * layer + 2 * H);
    expect(params(config)).toBe(14_434_379_520 / 2);
  });

  test('a Gemma-3 text_config that leaves out the class defaults (Gemma-3-4B: 8 heads, 4 KV heads, head_dim 256)', () => {
    const config = {
      model_type: 'gemma3',
      text_config: {
        model_type: 'gemma3_text',
        hidden_size: 2560,
        intermediate_size: 10240,
        num_hidden_layers: 34,
        sliding_window: 1024,
      },
      vision_config: { model_type: 'siglip_vision_model', hidden_size: 1152, num_hidden_layers: 27 },
    };
    const parsed = parseHfConfig(JSON.stringify(config));
    expect(parsed.spec).toMatchObject({ heads: 8, kvHeads: 4, headDim: 256, vocab: 262208, slidingLayers: 34 - 5 });
    expect(parsed.contextLength).toBe(131072);
    expect(parsed.notCounted).toEqual(['vision_config']);
  });

  test("Llama-4: an empty no_rope_layers is Llama4TextConfig's default (every 4th layer global)", () => {
    const text = {
      model_type: 'llama4_text',
      hidden_size: 5120,
      intermediate_size: 8192,
      intermediate_size_mlp: 16384,
      num_hidden_layers: 48,
      num_attention_heads: 40,
      num_key_value_heads: 8,
      num_local_experts: 16,
      num_experts_per_tok: 1,
      attention_chunk_size: 8192,
      no_rope_layers: [],
      vocab_size: 202048,
    };
    expect(archOf({ model_type: 'llama4', text_config: text })).toMatchObject({
      slidingWindow: 8192,
      slidingLayers: 36,
    });
    expect(() => archOf({ model_type: 'llama4', text_config: { ...text, moe_layers: [0, 2] } })).toThrow(
      'config.json field moe_layers [0,2] is not supported',
    );
  });

  test('DeepSeek-V3: the multi-token-prediction layer is read and reported as not counted', () => {
    const parsed = parseHfConfig(
      JSON.stringify({
        model_type: 'deepseek_v3',
        hidden_size: 64,
        intermediate_size: 128,
        num_hidden_layers: 2,
        num_attention_heads: 4,
        vocab_size: 100,
        kv_lora_rank: 16,
        qk_nope_head_dim: 8,
        qk_rope_head_dim: 4,
        v_head_dim: 8,
        num_nextn_predict_layers: 1,
      }),
    );
    expect(parsed.notCounted).toEqual(['num_nextn_predict_layers']);
  });
});

describe('what the parser does not understand is an error naming the field', () => {
  const LLAMA = {
    architectures: ['LlamaForCausalLM'],
    model_type: 'llama',
    hidden_size: 4096,
    intermediate_size: 14336,
    num_hidden_layers: 32,
    num_attention_heads: 32,
    num_key_value_heads: 8,
    vocab_size: 128256,
    tie_word_embeddings: false,
  };

  test('an unknown field whose name suggests a count', () => {
    for (const key of ['num_foo_layers', 'adapter_size', 'n_memory_tokens', 'extra_experts', 'qkv_bias']) {
      expect(() => params({ ...LLAMA, [key]: 3 })).toThrow(
        `config.json field ${key} is not understood; it may change the parameter count`,
      );
    }
    expect(() => invoke('LLM_MODEL', [JSON.stringify({ ...LLAMA, num_foo_layers: 3 }), 'params'])).toThrow(
      /^LLM_MODEL: .*config\.json field num_foo_layers is not understood; it may change the parameter count/,
    );
  });

  test('a count field the model type does not read (unless its value states the part is absent)', () => {
    expect(() => params({ ...LLAMA, num_local_experts: 8 })).toThrow(
      'config.json field num_local_experts is not read for model_type "llama"; it may change the parameter count',
    );
    expect(() => params({ ...LLAMA, sliding_window: 4096 })).toThrow('config.json field sliding_window is not read');
    // null, false, 0 and [] say the part is not there: a Llama with them counts as without.
    const absent = { sliding_window: null, multi_query: false, num_local_experts: 0, mlp_only_layers: [] };
    expect(params({ ...LLAMA, ...absent })).toBe(8_030_261_248);
  });

  test('a field known to change no count is accepted; an unknown one that looks neutral is listed as unread', () => {
    const neutral = {
      rope_theta: 500000,
      rope_scaling: { rope_type: 'llama3', factor: 8 },
      torch_dtype: 'bfloat16',
      bos_token_id: 128000,
      eos_token_id: [128001, 128009],
      rms_norm_eps: 1e-5,
      hidden_act: 'silu',
      pretraining_tp: 1,
      quantization_config: { quant_method: 'fp8' },
    };
    const parsed = parseHfConfig(JSON.stringify({ ...LLAMA, ...neutral, my_note: 'x' }));
    expect(parameterCount(resolveArchitecture(parsed.spec))).toBe(8_030_261_248);
    expect(parsed.unread).toEqual(['my_note']);
  });

  test('a wrong-typed count field', () => {
    expect(() => params({ ...LLAMA, num_key_value_heads: 'eight' })).toThrow(
      'config.json field num_key_value_heads must be a whole number of 1 or more, got "eight"',
    );
    expect(() => params({ ...LLAMA, num_key_value_heads: 8.5 })).toThrow(
      'config.json field num_key_value_heads must be a whole number of 1 or more, got 8.5',
    );
    expect(() => params({ ...LLAMA, tie_word_embeddings: 'no' })).toThrow(
      'config.json field tie_word_embeddings must be true or false, got "no"',
    );
    expect(() => params({ ...LLAMA, hidden_size: 0 })).toThrow(
      'config.json field hidden_size must be a whole number of 1 or more, got 0',
    );
    // Every count field, wrong-typed, is an error that names it (as wrong-typed, or as not read for llama).
    for (const key of Object.keys(COUNT_FIELDS)) {
      expect(() => params({ ...LLAMA, [key]: { nested: 1 } })).toThrow(key);
    }
  });

  test('the count fields and the count-neutral fields are two separate lists', () => {
    expect(Object.keys(COUNT_FIELDS).filter((k) => NEUTRAL_FIELDS.has(k))).toEqual([]);
    // The name test catches the usual spellings of counts.
    for (const key of [
      'hidden_size',
      'head_dim',
      'num_layers',
      'n_heads',
      'kv_lora_rank',
      'num_experts',
      'vocab_size',
    ]) {
      expect([key, COUNT_LIKE.test(key)]).toEqual([key, true]);
    }
    for (const key of ['rope_theta', 'torch_dtype', 'bos_token_id', 'hidden_act', 'rms_norm_eps', 'use_cache']) {
      expect([key, COUNT_LIKE.test(key)]).toEqual([key, false]);
    }
  });

  test('an unknown model_type is an error, not a Llama guess', () => {
    expect(() => params({ ...LLAMA, model_type: 'cohere' })).toThrow(
      'config.json model_type "cohere" is not one this add-in reads (it reads llama, mistral,',
    );
    expect(() => params({ ...LLAMA, model_type: 7 })).toThrow('config.json field model_type must be text, got 7');
  });

  test('mlp_only_layers other than a leading run, and layer_types of the wrong length, are refused', () => {
    const moe = { ...QWEN2_57B_A14B, mlp_only_layers: [3, 7] };
    expect(() => params(moe)).toThrow('config.json field mlp_only_layers [3,7] is not supported');
    expect(params({ ...QWEN2_57B_A14B, mlp_only_layers: [0, 1] })).toBeLessThan(params(QWEN2_57B_A14B));
    const gemma2 = {
      model_type: 'gemma2',
      hidden_size: 64,
      intermediate_size: 128,
      num_hidden_layers: 4,
      num_attention_heads: 4,
      layer_types: ['sliding_attention', 'full_attention'],
    };
    expect(() => params(gemma2)).toThrow('config.json field layer_types has 2 entries, but num_hidden_layers is 4');
  });
});
