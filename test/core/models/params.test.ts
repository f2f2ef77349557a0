/**
 * Every preset's parameter count equals its checkpoint's, to the parameter.
 *
 * For each preset the expected count is derived by hand from its config.json (the arithmetic is
 * written out below, tensor by tensor, independently of src/core/architecture/params.ts) and, where
 * a source states the checkpoint's own count, checked against that figure too. Sources:
 * - HF: the Hub's safetensors metadata total, as recorded by
 *   debaditc/kvfit@bd4ccabf914323ee9831bc4dfae6bff777aa7966:src/kvfit/data/models.json
 * - KerasHub: keras-team/keras-hub@71453d08 (models.json) / @12870d27 (qwen_presets.py) preset metadata
 * - GGUF: llama.cpp's general.parameter_count / n_params of the converted file (text decoder only)
 * - others as named on the row.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA } from '../../helpers/data';
import { activeParameterCount, parameterCount, weightTensors } from '../../../src/core/architecture/params';
import { resolveArchitecture } from '../../../src/core/architecture/spec';
import { MODEL_PRESETS, MODEL_SOURCES } from '../../../src/core/models/catalog';
import { findModelPreset, getModelPreset } from '../../../src/core/models/lookup';
import { invoke } from '../../../src/index';

interface Expected {
  /** Derived by hand from the config. */
  readonly params: number;
  /** The checkpoint's own count, where a source states it. */
  readonly checkpoint?: number;
  readonly checkpointSource?: string;
  /** Active parameters per token (MoE), derived by hand. */
  readonly active?: number;
}

// Building blocks, each the plain sum of a config's tensors.
/** Llama-style layer: q (H×qDim), k and v (H×kvDim each), o (qDim×H), SwiGLU 3×H×F, two RMSNorms. */
const llamaLayer = (H: number, qDim: number, kvDim: number, F: number) =>
  H * qDim + 2 * H * kvDim + qDim * H + 3 * H * F + 2 * H;
/** Embedding and untied lm_head, V×H each. */
const untied = (V: number, H: number) => 2 * V * H;

const EXPECTED: Readonly<Record<string, Expected>> = {
  gpt2: {
    // wte 50257×768 + wpe 1024×768 + 12 × (ln_1, ln_2: 4×768; c_attn 768×2304 + 2304; c_proj 768² + 768;
    // c_fc 768×3072 + 3072; mlp c_proj 3072×768 + 768) + ln_f 2×768
    params:
      50257 * 768 +
      1024 * 768 +
      12 * (4 * 768 + 768 * 2304 + 2304 + 768 * 768 + 768 + 768 * 3072 + 3072 + 3072 * 768 + 768) +
      2 * 768,
    checkpoint: 124_439_808,
    checkpointSource: 'KerasHub gpt2_base_en',
  },
  'gpt2-xl': {
    params:
      50257 * 1600 +
      1024 * 1600 +
      48 * (4 * 1600 + 1600 * 4800 + 4800 + 1600 * 1600 + 1600 + 1600 * 6400 + 6400 + 6400 * 1600 + 1600) +
      2 * 1600,
    checkpoint: 1_557_611_200,
    checkpointSource: 'KerasHub gpt2_extra_large_en',
  },
  'gpt-j-6b': {
    // wte + lm_head (with a 50400 bias) + 28 × (ln_1 2×4096; q,k,v,out 4×4096² no bias;
    // fc_in 4096×16384 + 16384; fc_out 16384×4096 + 4096) + ln_f
    params:
      2 * 50400 * 4096 +
      50400 +
      28 * (2 * 4096 + 4 * 4096 * 4096 + 4096 * 16384 + 16384 + 16384 * 4096 + 4096) +
      2 * 4096,
    checkpoint: 6_050_882_784,
    checkpointSource:
      'parameters of the loaded GPTJForCausalLM, as printed in public scripts (the card says 6,053,381,344)',
  },
  'opt-66b': {
    // embed 50272×9216, positions 2050×9216, 64 × (q,k,v,out with bias 4×(9216²+9216); fc1, fc2 with
    // bias 2×9216×36864 + 36864 + 9216; two LayerNorms 4×9216), final LayerNorm 2×9216; tied head
    params:
      50272 * 9216 +
      2050 * 9216 +
      64 * (4 * (9216 * 9216 + 9216) + 2 * 9216 * 36864 + 36864 + 9216 + 4 * 9216) +
      2 * 9216,
  },
  'bloom-176b': {
    // embed 250880×14336 (the card's 3,596,615,680 embedding parameters) + word_embeddings_layernorm
    // + 70 × (query_key_value 14336×43008 + 43008; dense 14336² + 14336; h_to_4h 14336×57344 + 57344;
    // 4h_to_h 57344×14336 + 14336; two LayerNorms) + ln_f
    params:
      250880 * 14336 +
      2 * 14336 +
      70 * (14336 * 43008 + 43008 + 14336 * 14336 + 14336 + 14336 * 57344 + 57344 + 57344 * 14336 + 14336 + 4 * 14336) +
      2 * 14336,
    checkpoint: 176_247_271_424,
    checkpointSource: 'BLOOM model card (176,247,271,424 parameters)',
  },
  'falcon-40b': {
    // word_embeddings + lm_head + 60 × (query_key_value 8192 × (8192 + 2×512); dense 8192²;
    // h_to_4h and 4h_to_h 2×8192×32768; ln_attn, ln_mlp 4×8192) + ln_f
    params: untied(65024, 8192) + 60 * (8192 * 9216 + 8192 * 8192 + 2 * 8192 * 32768 + 4 * 8192) + 2 * 8192,
    checkpoint: 41_835_970_560,
    checkpointSource: 'model-card metadata total_parameters of tiiuae/falcon-40b',
  },
  'llama-13b': {
    params: untied(32000, 5120) + 40 * llamaLayer(5120, 5120, 5120, 13824) + 5120,
    checkpoint: 13_015_864_320,
    checkpointSource: 'LLaMA parameter table (llama-13B 13015864320)',
  },
  'llama-33b': {
    params: untied(32000, 6656) + 60 * llamaLayer(6656, 6656, 6656, 17920) + 6656,
    checkpoint: 32_528_943_616,
    checkpointSource: 'trainable_params of decapoda-research/llama-30b-hf',
  },
  'llama-2-7b': {
    params: untied(32000, 4096) + 32 * llamaLayer(4096, 4096, 4096, 11008) + 4096,
    checkpoint: 6_738_415_616,
    checkpointSource: 'KerasHub llama2_7b_en (HF safetensors 6,738,417,664 adds 32 × 64 rotary inv_freq buffers)',
  },
  'vicuna-7b': { params: untied(32000, 4096) + 32 * llamaLayer(4096, 4096, 4096, 11008) + 4096 },
  'llama-2-13b': {
    params: untied(32000, 5120) + 40 * llamaLayer(5120, 5120, 5120, 13824) + 5120,
    checkpoint: 13_015_866_880 - 40 * 64,
    checkpointSource: 'HF 13,015,866,880 less 40 × 64 rotary inv_freq buffers',
  },
  'llama-2-70b': {
    params: untied(32000, 8192) + 80 * llamaLayer(8192, 8192, 1024, 28672) + 8192,
    checkpoint: 68_976_648_192,
    checkpointSource: 'togethercomputer/llama-2-70b parameter table',
  },
  'codellama-34b': {
    params: untied(32000, 8192) + 48 * llamaLayer(8192, 8192, 1024, 22016) + 8192,
    checkpoint: 33_743_970_304,
    checkpointSource: 'num_parameters of Phind-CodeLlama-34B (a CodeLlama-34B fine-tune)',
  },
  'llama-3-8b': {
    params: untied(128256, 4096) + 32 * llamaLayer(4096, 4096, 1024, 14336) + 4096,
    checkpoint: 8_030_261_248,
    checkpointSource: 'KerasHub llama3_8b_en; HF',
  },
  'llama-3-70b': {
    params: untied(128256, 8192) + 80 * llamaLayer(8192, 8192, 1024, 28672) + 8192,
    checkpoint: 70_553_706_496,
    checkpointSource: 'HF (Meta-Llama-3-70B-Instruct)',
  },
  'llama-3.1-8b': {
    params: untied(128256, 4096) + 32 * llamaLayer(4096, 4096, 1024, 14336) + 4096,
    checkpoint: 8_030_261_248,
    checkpointSource: 'KerasHub llama3.1_8b; HF',
  },
  'llama-3.1-70b': {
    params: untied(128256, 8192) + 80 * llamaLayer(8192, 8192, 1024, 28672) + 8192,
    checkpoint: 70_553_706_496,
    checkpointSource: 'HF (Llama-3.3-70B-Instruct, same shapes)',
  },
  'llama-3.1-405b': {
    params: untied(128256, 16384) + 126 * llamaLayer(16384, 16384, 1024, 53248) + 16384,
    checkpoint: 405_853_388_800,
    checkpointSource: 'HF meta-llama/Llama-3.1-405B count quoted in public code',
  },
  'llama-3.2-1b': {
    // tied: one 128256×2048 table; q 2048×2048 (32 heads × 64), k,v 2048×512
    params: 128256 * 2048 + 16 * llamaLayer(2048, 2048, 512, 8192) + 2048,
    checkpoint: 1_498_482_688 - 128256 * 2048,
    checkpointSource: 'KerasHub llama3.2_1b (1,498,482,688) counts an untied head; the checkpoint ties it',
  },
  'llama-3.2-3b': {
    params: 128256 * 3072 + 28 * llamaLayer(3072, 3072, 1024, 8192) + 3072,
    checkpoint: 3_212_749_824,
    checkpointSource: 'HF',
  },
  'llama-3.3-70b': {
    params: untied(128256, 8192) + 80 * llamaLayer(8192, 8192, 1024, 28672) + 8192,
    checkpoint: 70_553_706_496,
    checkpointSource: 'HF',
  },
  'llama-4-scout': {
    // Text: embed + lm_head 2×202048×5120; 48 × (attention 40×128 q, 8×128 k/v: 5120×5120 + 2×5120×1024
    // + 5120×5120; two RMSNorms; router 5120×16; 16 experts and 1 shared expert of 3×5120×8192);
    // final norm. Vision (SigLIP-style encoder + pixel-shuffle adapter + projector, vision_config of
    // the checkpoint): patch 588×1408, class 1408, positions 577×1408, pre/post LayerNorm 4×1408,
    // 34 layers × (4 × (1408² + 1408) + 1408×5632 + 5632 + 5632×1408 + 1408 + 4×1408),
    // adapter 5632×4096 + 4096×4096, projector 4096×5120.
    params:
      untied(202048, 5120) +
      48 * (2 * 5120 * 5120 + 2 * 5120 * 1024 + 2 * 5120 + 5120 * 16 + 17 * 3 * 5120 * 8192) +
      5120 +
      (588 * 1408 +
        1408 +
        577 * 1408 +
        4 * 1408 +
        34 * (4 * (1408 * 1408 + 1408) + 1408 * 5632 + 5632 + 5632 * 1408 + 1408 + 4 * 1408) +
        5632 * 4096 +
        4096 * 4096 +
        4096 * 5120),
    checkpoint: 108_641_793_536,
    checkpointSource: 'HF',
    // One routed + one shared expert per layer; the vision encoder is not on a text token's path.
    active:
      untied(202048, 5120) +
      48 * (2 * 5120 * 5120 + 2 * 5120 * 1024 + 2 * 5120 + 5120 * 16 + 2 * 3 * 5120 * 8192) +
      5120,
  },
  'llama-4-maverick': {
    // 24 dense layers (SwiGLU 3×5120×16384) alternate with 24 MoE layers (router 5120×128, 128 routed
    // + 1 shared expert of 3×5120×8192); the same vision encoder as Scout (871,932,416).
    params:
      untied(202048, 5120) +
      48 * (2 * 5120 * 5120 + 2 * 5120 * 1024 + 2 * 5120) +
      24 * 3 * 5120 * 16384 +
      24 * (5120 * 128 + 129 * 3 * 5120 * 8192) +
      5120 +
      871_932_416,
    checkpoint: 401_583_781_376,
    checkpointSource: 'HF checkpoint total (401,583,781,376) quoted in public code',
    active:
      untied(202048, 5120) +
      48 * (2 * 5120 * 5120 + 2 * 5120 * 1024 + 2 * 5120) +
      24 * 3 * 5120 * 16384 +
      24 * (5120 * 128 + 2 * 3 * 5120 * 8192) +
      5120,
  },
  'mistral-7b-v0.1': {
    params: untied(32000, 4096) + 32 * llamaLayer(4096, 4096, 1024, 14336) + 4096,
    checkpoint: 7_241_732_096,
    checkpointSource: 'KerasHub mistral_7b_en; HF',
  },
  'mistral-7b-v0.3': {
    params: untied(32768, 4096) + 32 * llamaLayer(4096, 4096, 1024, 14336) + 4096,
    checkpoint: 7_248_023_552,
    checkpointSource: 'HF (Mistral-7B-Instruct-v0.3)',
  },
  'mistral-nemo-12b': {
    // head_dim 128: q is 5120 × (32×128 = 4096), not 5120 × 5120
    params: untied(131072, 5120) + 40 * llamaLayer(5120, 4096, 1024, 14336) + 5120,
    checkpoint: 12_247_782_400,
    checkpointSource: 'HF (Mistral-Nemo-Instruct-2407)',
  },
  'mistral-small-24b': {
    params: untied(131072, 5120) + 40 * llamaLayer(5120, 4096, 1024, 32768) + 5120,
    checkpoint: 23_572_403_200,
    checkpointSource: 'GGUF general.parameter_count of Mistral-Small-24B; KerasHub magistral_small_2506_en',
  },
  'mixtral-8x7b': {
    // per layer: attention, 2 norms, router 4096×8, 8 experts of 3×4096×14336
    params: untied(32000, 4096) + 32 * (llamaLayer(4096, 4096, 1024, 0) + 4096 * 8 + 8 * 3 * 4096 * 14336) + 4096,
    checkpoint: 46_702_792_704,
    checkpointSource: 'KerasHub mixtral_8_7b_en; HF (Mixtral-8x7B-Instruct-v0.1)',
    active: untied(32000, 4096) + 32 * (llamaLayer(4096, 4096, 1024, 0) + 4096 * 8 + 2 * 3 * 4096 * 14336) + 4096,
  },
  'mixtral-8x22b': {
    params: untied(32000, 6144) + 56 * (llamaLayer(6144, 6144, 1024, 0) + 6144 * 8 + 8 * 3 * 6144 * 16384) + 6144,
    checkpoint: 140_620_634_112,
    checkpointSource: 'mistral-community/Mixtral-8x22B-v0.1 total quoted in public model tables',
    active: untied(32000, 6144) + 56 * (llamaLayer(6144, 6144, 1024, 0) + 6144 * 8 + 2 * 3 * 6144 * 16384) + 6144,
  },
  'qwen2-7b': {
    // q, k, v biases: 3584 + 2 × 512 per layer
    params: untied(152064, 3584) + 28 * (llamaLayer(3584, 3584, 512, 18944) + 3584 + 2 * 512) + 3584,
    checkpoint: 7_615_616_512,
    checkpointSource: 'HF (Qwen2.5-7B-Instruct, same shapes)',
  },
  'qwen2-72b': {
    params: untied(152064, 8192) + 80 * (llamaLayer(8192, 8192, 1024, 29568) + 8192 + 2 * 1024) + 8192,
    checkpoint: 72_706_203_648,
    checkpointSource: 'KerasHub qwen2.5_instruct_72b_en (same shapes)',
  },
  'qwen2.5-7b': {
    params: untied(152064, 3584) + 28 * (llamaLayer(3584, 3584, 512, 18944) + 3584 + 2 * 512) + 3584,
    checkpoint: 7_615_616_512,
    checkpointSource: 'HF',
  },
  'qwen2.5-14b': {
    params: untied(152064, 5120) + 48 * (llamaLayer(5120, 5120, 1024, 13824) + 5120 + 2 * 1024) + 5120,
    checkpoint: 14_770_033_664,
    checkpointSource: 'GGUF general.parameter_count of Qwen2.5-14B-Instruct',
  },
  'qwen2.5-32b': {
    params: untied(152064, 5120) + 64 * (llamaLayer(5120, 5120, 1024, 27648) + 5120 + 2 * 1024) + 5120,
    checkpoint: 32_763_876_352,
    checkpointSource: 'KerasHub qwen2.5_instruct_32b_en',
  },
  'qwen2.5-72b': {
    params: untied(152064, 8192) + 80 * (llamaLayer(8192, 8192, 1024, 29568) + 8192 + 2 * 1024) + 8192,
    checkpoint: 72_706_203_648,
    checkpointSource: 'KerasHub qwen2.5_instruct_72b_en; HF',
  },
  'qwen2.5-coder-7b': {
    params: untied(152064, 3584) + 28 * (llamaLayer(3584, 3584, 512, 18944) + 3584 + 2 * 512) + 3584,
  },
  'qwen2.5-coder-32b': {
    params: untied(152064, 5120) + 64 * (llamaLayer(5120, 5120, 1024, 27648) + 5120 + 2 * 1024) + 5120,
    checkpoint: 32_763_876_352,
    checkpointSource: 'KerasHub qwen2.5_coder_32b',
  },
  'qwen3-8b': {
    // head_dim 128, q_norm and k_norm of 128 each
    params: untied(151936, 4096) + 36 * (llamaLayer(4096, 4096, 1024, 12288) + 2 * 128) + 4096,
    checkpoint: 8_190_735_360,
    checkpointSource: 'HF',
  },
  'qwen3-32b': {
    // 64 heads × 128 = 8192-wide q on a 5120 hidden size
    params: untied(151936, 5120) + 64 * (llamaLayer(5120, 8192, 1024, 25600) + 2 * 128) + 5120,
    checkpoint: 32_762_123_264,
    checkpointSource: 'HF',
  },
  'qwen3-30b-a3b': {
    // 48 MoE layers: router 2048×128, 128 experts of 3×2048×768, no shared expert
    params:
      untied(151936, 2048) + 48 * (llamaLayer(2048, 4096, 512, 0) + 2 * 128 + 2048 * 128 + 128 * 3 * 2048 * 768) + 2048,
    checkpoint: 30_532_122_624,
    checkpointSource: 'HF',
    active:
      untied(151936, 2048) + 48 * (llamaLayer(2048, 4096, 512, 0) + 2 * 128 + 2048 * 128 + 8 * 3 * 2048 * 768) + 2048,
  },
  'qwen3-235b-a22b': {
    params:
      untied(151936, 4096) +
      94 * (llamaLayer(4096, 8192, 512, 0) + 2 * 128 + 4096 * 128 + 128 * 3 * 4096 * 1536) +
      4096,
    checkpoint: 235_093_634_560,
    checkpointSource: 'HF',
    active:
      untied(151936, 4096) + 94 * (llamaLayer(4096, 8192, 512, 0) + 2 * 128 + 4096 * 128 + 8 * 3 * 4096 * 1536) + 4096,
  },
  'gemma-2-9b': {
    // tied; head_dim 256: q 3584×4096, k,v 3584×2048; four RMSNorms per layer
    params: 256000 * 3584 + 42 * (llamaLayer(3584, 4096, 2048, 14336) + 2 * 3584) + 3584,
    checkpoint: 9_241_705_984,
    checkpointSource: 'KerasHub gemma2_9b_en; HF',
  },
  'gemma-2-27b': {
    params: 256000 * 4608 + 46 * (llamaLayer(4608, 4096, 2048, 36864) + 2 * 4608) + 4608,
    checkpoint: 27_227_128_320,
    checkpointSource: 'HF',
  },
  'gemma-3-12b': {
    // Text decoder (GGUF n_params 11,766,034,176) + SigLIP vision tower: patch conv 3×14×14×1152 +
    // 1152, 4096 positions × 1152, 27 × (q,k,v,o with bias 4×(1152² + 1152); fc1 1152×4304 + 4304;
    // fc2 4304×1152 + 1152; two LayerNorms 4×1152), post LayerNorm 2×1152 — plus the projector
    // 1152×3840 and its RMSNorm 1152.
    params:
      262208 * 3840 +
      48 * (llamaLayer(3840, 4096, 2048, 15360) + 2 * 3840 + 2 * 256) +
      3840 +
      (3 * 14 * 14 * 1152 +
        1152 +
        4096 * 1152 +
        27 * (4 * (1152 * 1152 + 1152) + 1152 * 4304 + 4304 + 4304 * 1152 + 1152 + 4 * 1152) +
        2 * 1152) +
      1152 * 3840 +
      1152,
    checkpoint: 12_187_325_040,
    checkpointSource: 'HF',
    active: 262208 * 3840 + 48 * (llamaLayer(3840, 4096, 2048, 15360) + 2 * 3840 + 2 * 256) + 3840,
  },
  'gemma-3-27b': {
    params:
      262208 * 5376 +
      62 * (llamaLayer(5376, 4096, 2048, 21504) + 2 * 5376 + 2 * 128) +
      5376 +
      416_866_032 +
      1152 * 5376 +
      1152,
    checkpoint: 27_432_406_640,
    checkpointSource: 'HF',
    active: 262208 * 5376 + 62 * (llamaLayer(5376, 4096, 2048, 21504) + 2 * 5376 + 2 * 128) + 5376,
  },
  'phi-3-mini-4k': {
    params: untied(32064, 3072) + 32 * llamaLayer(3072, 3072, 3072, 8192) + 3072,
    checkpoint: 3_821_079_552,
    checkpointSource: 'HF',
  },
  'phi-4': {
    params: untied(100352, 5120) + 40 * llamaLayer(5120, 5120, 1280, 17920) + 5120,
    checkpoint: 14_659_507_200,
    checkpointSource: 'HF',
  },
  'deepseek-v3': {
    // Per layer MLA: q_a 7168×1536 + q_a_norm 1536 + q_b 1536×(128×192) + kv_a 7168×576 + kv_a_norm 512
    // + kv_b 512×(128×256) + o 16384×7168, two RMSNorms. 3 dense layers (3×7168×18432); 58 MoE layers:
    // router 256×7168 + 256 correction biases, 256 routed + 1 shared expert of 3×7168×2048.
    params:
      untied(129280, 7168) +
      61 * (7168 * 1536 + 1536 + 1536 * 128 * 192 + 7168 * 576 + 512 + 512 * 128 * 256 + 128 * 128 * 7168 + 2 * 7168) +
      3 * 3 * 7168 * 18432 +
      58 * (256 * 7168 + 256 + 257 * 3 * 7168 * 2048) +
      7168,
    // The Hub checkpoint (684,531,386,000, HF) = this + the MTP module (embed and head copies
    // 2 × 129280×7168, enorm/hnorm 2×7168, eh_proj 2×7168×7168, one MoE layer, shared_head norm 7168)
    // + the FP8 weight_scale_inv blocks (one per 128×128 tile of every quantized matrix: 41,540,496).
    checkpoint:
      684_531_386_000 -
      (2 * 129280 * 7168 +
        2 * 7168 +
        2 * 7168 * 7168 +
        (7168 * 1536 +
          1536 +
          1536 * 128 * 192 +
          7168 * 576 +
          512 +
          512 * 128 * 256 +
          128 * 128 * 7168 +
          2 * 7168 +
          256 * 7168 +
          256 +
          257 * 3 * 7168 * 2048) +
        7168) -
      41_540_496,
    checkpointSource: 'HF total less the MTP module and FP8 scales (README: 671B main + 14B MTP)',
    active:
      untied(129280, 7168) +
      61 * (7168 * 1536 + 1536 + 1536 * 128 * 192 + 7168 * 576 + 512 + 512 * 128 * 256 + 128 * 128 * 7168 + 2 * 7168) +
      3 * 3 * 7168 * 18432 +
      58 * (256 * 7168 + 256 + 9 * 3 * 7168 * 2048) +
      7168,
  },
  'gpt-oss-20b': {
    // Per layer: q 2880×4096 + 4096, k and v 2880×512 + 512 each, o 4096×2880 + 2880, 64 sinks,
    // two RMSNorms, router 2880×32 + 32, 32 experts of (gate_up 2880×5760 + 5760, down 2880×2880 + 2880).
    params:
      untied(201088, 2880) +
      24 *
        (2880 * 4096 +
          4096 +
          2 * (2880 * 512 + 512) +
          4096 * 2880 +
          2880 +
          64 +
          2 * 2880 +
          2880 * 32 +
          32 +
          32 * (2880 * 5760 + 5760 + 2880 * 2880 + 2880)) +
      2880,
    checkpoint: 20_914_757_184,
    checkpointSource: 'HF',
    active:
      untied(201088, 2880) +
      24 *
        (2880 * 4096 +
          4096 +
          2 * (2880 * 512 + 512) +
          4096 * 2880 +
          2880 +
          64 +
          2 * 2880 +
          2880 * 32 +
          32 +
          4 * (2880 * 5760 + 5760 + 2880 * 2880 + 2880)) +
      2880,
  },
  'gpt-oss-120b': {
    params:
      untied(201088, 2880) +
      36 *
        (2880 * 4096 +
          4096 +
          2 * (2880 * 512 + 512) +
          4096 * 2880 +
          2880 +
          64 +
          2 * 2880 +
          2880 * 128 +
          128 +
          128 * (2880 * 5760 + 5760 + 2880 * 2880 + 2880)) +
      2880,
    checkpoint: 116_829_156_672,
    checkpointSource: 'HF',
    active:
      untied(201088, 2880) +
      36 *
        (2880 * 4096 +
          4096 +
          2 * (2880 * 512 + 512) +
          4096 * 2880 +
          2880 +
          64 +
          2 * 2880 +
          2880 * 128 +
          128 +
          4 * (2880 * 5760 + 5760 + 2880 * 2880 + 2880)) +
      2880,
  },
};

/** Every preset's expectation; DeepSeek-R1 shares DeepSeek-V3's architecture and checkpoint layout. */
const ALL: Readonly<Record<string, Expected>> = { ...EXPECTED, 'deepseek-r1': EXPECTED['deepseek-v3'] };

const archOf = (id: string) => resolveArchitecture(getModelPreset(id).architecture);

describe('every preset equals its checkpoint', () => {
  test('every preset has a hand derivation', () => {
    expect(MODEL_PRESETS.map((p) => p.id).filter((id) => !(id in ALL))).toEqual([]);
  });

  test.each(MODEL_PRESETS.map((p) => p.id))('%s', (id) => {
    const expected = ALL[id];
    if (expected.checkpoint !== undefined) expect(expected.params).toBe(expected.checkpoint);
    const arch = archOf(id);
    expect(parameterCount(arch)).toBe(expected.params);
    expect(activeParameterCount(arch)).toBe(expected.active ?? expected.params - arch.extraParams);
    expect(invoke('LLM_MODEL', [id, 'params'])).toBe(expected.params);
    // The tensor list used for mixed-precision formats holds exactly the same parameters.
    expect(weightTensors(arch).reduce((sum, t) => sum + t.params, 0)).toBe(expected.params);
  });

  test('published active counts: Mixtral "12.9B", Qwen3-30B-A3B "3.3B", Qwen3-235B-A22B "22B", DeepSeek-V3 "37B"', () => {
    const active = (id: string) => activeParameterCount(archOf(id));
    expect(Math.round(active('mixtral-8x7b') / 1e8) / 10).toBe(12.9); // 12,879,925,248
    expect(Math.floor(active('qwen3-30b-a3b') / 1e8) / 10).toBe(3.3); // 3,353,032,704
    expect(Math.floor(active('qwen3-235b-a22b') / 1e9)).toBe(22); // 22,190,763,520
    expect(Math.floor(active('deepseek-v3') / 1e9)).toBe(37); // 37,552,297,472 (README: 37B activated)
  });

  test("gpt-oss: OpenAI's 3.61B / 5.13B active leave out the 201088 × 2880 embedding table", () => {
    const embedding = 201088 * 2880;
    const billions = (id: string) => Math.round((activeParameterCount(archOf(id)) - embedding) / 1e7) / 100;
    expect(billions('gpt-oss-20b')).toBe(3.61);
    expect(billions('gpt-oss-120b')).toBe(5.13);
  });
});

describe('the catalog', () => {
  test('at least 35 presets, each with a known source and unique names', () => {
    expect(MODEL_PRESETS.length).toBeGreaterThanOrEqual(35);
    for (const preset of MODEL_PRESETS) {
      expect(MODEL_SOURCES[preset.source]).toBeDefined();
      for (const name of [preset.id, preset.name, preset.hfId, ...preset.aliases]) {
        expect(findModelPreset(name)).toBe(preset);
      }
    }
  });

  test('every model of data/models.json is a preset, by Hugging Face id and by name', () => {
    const models = JSON.parse(readFileSync(join(DATA, 'models.json'), 'utf8')) as { name: string; hf_id: string }[];
    for (const m of models) {
      expect(findModelPreset(m.hf_id)).toBeDefined();
      expect(findModelPreset(m.name)).toBe(findModelPreset(m.hf_id));
    }
  });

  test('every model exact_params in models.json equals the preset', () => {
    const models = JSON.parse(readFileSync(join(DATA, 'models.json'), 'utf8')) as {
      hf_id: string;
      exact_params?: number | null;
    }[];
    const exact = models.filter((m) => typeof m.exact_params === 'number');
    expect(exact.length).toBeGreaterThan(0);
    for (const m of exact) {
      const preset = findModelPreset(m.hf_id);
      expect(parameterCount(resolveArchitecture(preset!.architecture))).toBe(m.exact_params);
    }
  });

  test('every model named in data/measurements.json is a preset (the name before any parenthesis)', () => {
    const data = JSON.parse(readFileSync(join(DATA, 'measurements.json'), 'utf8')) as {
      measurements: { model: string }[];
    };
    const names = new Set(data.measurements.map((m) => m.model.replace(/\s*\(.*$/, '').trim()));
    for (const name of names) expect([name, findModelPreset(name)?.id]).toEqual([name, expect.any(String)]);
  });

  test('what people deploy today', () => {
    for (const name of [
      'Llama-3.3-70B',
      'meta-llama/Llama-4-Scout-17B-16E-Instruct',
      'meta-llama/Llama-4-Maverick-17B-128E-Instruct',
      'Qwen/Qwen3-8B',
      'Qwen/Qwen3-32B',
      'Qwen/Qwen3-30B-A3B',
      'Qwen/Qwen3-235B-A22B',
      'Qwen/Qwen2.5-Coder-32B-Instruct',
      'google/gemma-3-12b-it',
      'google/gemma-3-27b-it',
      'mistralai/Mistral-Small-24B-Instruct-2501',
      'mistralai/Mistral-Nemo-Instruct-2407',
      'microsoft/phi-4',
      'deepseek-ai/DeepSeek-R1',
      'deepseek-ai/DeepSeek-V3',
      'openai/gpt-oss-20b',
      'openai/gpt-oss-120b',
    ]) {
      expect([name, findModelPreset(name)?.id]).toEqual([name, expect.any(String)]);
    }
  });

  test('short ids and Hugging Face ids are matched with the contract normalisation', () => {
    expect(findModelPreset('LLAMA 3.1 70B')?.id).toBe('llama-3.1-70b');
    expect(findModelPreset('llama_3.1_70b')?.id).toBe('llama-3.1-70b');
    expect(findModelPreset('meta-llama/Meta-Llama-3-8B')?.id).toBe('llama-3-8b');
    expect(findModelPreset('unsloth/Llama-3.3-70B-Instruct')?.id).toBe('llama-3.3-70b');
    expect(() => getModelPreset('llama-3.1-71b')).toThrow(/unknown model "llama-3.1-71b"; did you mean "llama-3.1-/);
  });
});
