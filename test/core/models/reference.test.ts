/**
 * data/models.json (the reference data, typed from the cited config.json copies) against the
 * presets' stored config.json fields, field by field. models.json names fields as Llama does and
 * records some derived values (GPT-2's intermediate_size from n_inner null, Falcon's and BLOOM's
 * 4 × hidden): those are compared with what the parser derives.
 */
import { parseHfConfig } from '../../../src/core/architecture/config';
import { resolveArchitecture } from '../../../src/core/architecture/spec';
import type { ModelPreset } from '../../../src/core/models/catalog';
import { findModelPreset } from '../../../src/core/models/lookup';
import { readData } from '../../helpers/data';

interface Reference {
  readonly name: string;
  readonly hf_id: string;
  readonly hidden_size: number;
  readonly num_hidden_layers: number;
  readonly num_attention_heads: number;
  readonly num_key_value_heads: number;
  readonly head_dim: number | null;
  readonly head_dim_derived?: number;
  readonly intermediate_size: number;
  readonly vocab_size: number;
  readonly tie_word_embeddings: boolean | null;
  readonly max_position_embeddings: number | null;
  readonly sliding_window?: number;
  readonly gated_mlp: boolean;
  readonly attention_bias: boolean;
  readonly mlp_bias: boolean;
  readonly moe: Readonly<Record<string, number | string>> | null;
  readonly mla?: Readonly<Record<string, number | string>>;
}

const MODELS = readData<Reference[]>('models.json');

/**
 * Fields models.json leaves empty that the Hub's config.json (or the modeling code) settles; each
 * says who is right.
 */
const NOT_IN_REFERENCE: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'phi-3-mini-4k': {
    sliding_window:
      'the Hub config.json states "sliding_window": 2047 (kvfit and TensorRT-LLM copies); models.json leaves it out',
  },
  'falcon-40b': {
    tie_word_embeddings:
      'null in models.json; its own note says the checkpoint stores lm_head separately (counted untied)',
    max_position_embeddings: 'not in the config; FalconConfig defaults to 2048, the training length models.json notes',
  },
  'bloom-176b': { max_position_embeddings: 'ALiBi: no such field; the preset states the 2048-token training length' },
  'deepseek-v3': {
    max_position_embeddings: 'null in models.json ("128K per README"); the Hub config.json states 163840',
  },
};

/** A stored config field under its Hub name, or the text_config's. */
function field(preset: ModelPreset, ...names: string[]): unknown {
  const config = (preset.config.text_config ?? preset.config) as Readonly<Record<string, unknown>>;
  return names.map((n) => config[n]).find((v) => v !== undefined);
}

describe('data/models.json and the presets agree field by field', () => {
  test.each(MODELS.map((m) => [m.name, m] as const))('%s', (_name, ref) => {
    const preset = findModelPreset(ref.hf_id) as ModelPreset;
    const arch = resolveArchitecture(preset.architecture);
    const omitted = NOT_IN_REFERENCE[preset.id] ?? {};
    const compared: [string, unknown, unknown][] = [
      // Shapes under their config.json names (GPT-2 and BLOOM say n_embd, n_layer, n_head).
      ['hidden_size', ref.hidden_size, field(preset, 'hidden_size', 'n_embd')],
      ['num_hidden_layers', ref.num_hidden_layers, field(preset, 'num_hidden_layers', 'n_layer')],
      ['num_attention_heads', ref.num_attention_heads, field(preset, 'num_attention_heads', 'n_head')],
      ['vocab_size', ref.vocab_size, field(preset, 'vocab_size')],
      // What the parser derives where the config is silent or names it otherwise.
      ['num_key_value_heads', ref.num_key_value_heads, arch.kvHeads],
      ['intermediate_size', ref.intermediate_size, arch.ffn],
      ['gated_mlp', ref.gated_mlp, arch.gatedFfn],
      ['attention_bias', ref.attention_bias, arch.qkvBias],
      ['mlp_bias', ref.mlp_bias, arch.mlpBias],
    ];
    if (ref.head_dim !== null) compared.push(['head_dim', ref.head_dim, field(preset, 'head_dim')]);
    else if (ref.head_dim_derived !== undefined) compared.push(['head_dim', ref.head_dim_derived, arch.headDim]);
    if (ref.tie_word_embeddings !== null)
      compared.push(['tie_word_embeddings', ref.tie_word_embeddings, arch.tiedEmbeddings]);
    if (ref.max_position_embeddings !== null) {
      compared.push(['max_position_embeddings', ref.max_position_embeddings, preset.contextLength]);
    }
    if (ref.sliding_window !== undefined)
      compared.push(['sliding_window', ref.sliding_window, field(preset, 'sliding_window')]);
    if (ref.moe) {
      compared.push(
        ['experts', ref.moe.num_local_experts ?? ref.moe.n_routed_experts, arch.experts],
        ['num_experts_per_tok', ref.moe.num_experts_per_tok, arch.activeExperts],
        ['moe_intermediate_size', ref.moe.moe_intermediate_size, arch.expertFfn],
        ['shared experts', ref.moe.shared_experts ?? ref.moe.n_shared_experts, arch.sharedExperts],
        ['first dense layers', ref.moe.first_k_dense ?? ref.moe.first_k_dense_replace, arch.denseLayers],
      );
    }
    if (ref.mla) {
      for (const name of ['q_lora_rank', 'kv_lora_rank', 'qk_nope_head_dim', 'qk_rope_head_dim', 'v_head_dim']) {
        compared.push([name, ref.mla[name], field(preset, name)]);
      }
      const latent = arch.mla ? arch.mla.kvLoraRank + arch.mla.qkRopeHeadDim : undefined;
      compared.push(['kv cache elements per token and layer', ref.mla.kv_cache_per_token_per_layer_elements, latent]);
    }
    for (const [name, expected, actual] of compared)
      expect([preset.id, name, actual]).toEqual([preset.id, name, expected]);

    // Where models.json is silent, the preset's value is explained above, and models.json is indeed silent.
    const silent = ['tie_word_embeddings', 'max_position_embeddings', 'sliding_window'].filter(
      (k) =>
        (ref as unknown as Record<string, unknown>)[k] === null ||
        (ref as unknown as Record<string, unknown>)[k] === undefined,
    );
    const filled = {
      tie_word_embeddings: true,
      max_position_embeddings: true,
      sliding_window: arch.slidingWindow > 0,
    } as Record<string, boolean>;
    expect([preset.id, silent.filter((k) => filled[k]).sort()]).toEqual([preset.id, Object.keys(omitted).sort()]);
  });

  test('the stored configs read back to themselves (no model of models.json is stored as anything but config fields)', () => {
    for (const ref of MODELS) {
      const preset = findModelPreset(ref.hf_id) as ModelPreset;
      expect(parseHfConfig(JSON.stringify(preset.config)).unread).toEqual([]);
    }
  });
});
