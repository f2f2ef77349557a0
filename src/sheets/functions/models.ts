/**
 * The model functions: one preset field, the catalog, and the model-first estimator LLM_ESTIMATE.
 */
import { kvBytesPerToken, modelActiveParams, modelParams } from '../../core/architecture/memory';
import type { Architecture } from '../../core/architecture/spec';
import { estimate } from '../../core/estimate';
import { InputError } from '../../core/errors';
import { MODEL_PRESETS, MODEL_SOURCES, type ModelPreset } from '../../core/models/catalog';
import { presetModel, type ModelSpec } from '../../core/models/lookup';
import { ownLookup, quote } from '../../core/text';
import type { Output } from '../cells';
import { defineFunction, defineSelectorFunction, type FunctionDef, type ParamSpec } from '../define';
import { ArgumentError } from '../errors';
import { metricOf, metrics, model } from '../model';
import { OPTION_GROUPS, type Options } from '../options';
import { B, S, gpu, options, precision, text } from '../params';
import { architectureOf, resolveScenario } from '../scenario';

function presetOf(spec: ModelSpec, field: string): ModelPreset {
  if (!spec.preset) throw new InputError(`field "${field}" exists only for presets, not for ${spec.name}`);
  return spec.preset;
}

/** Source of a preset: the title and reference of where its shapes were read. */
export function presetSource(preset: ModelPreset): string {
  const source = MODEL_SOURCES[preset.source];
  return `${source.title}: ${source.ref}`;
}

/** Size of a query/key head: head_dim, or MLA's nope + rope size. */
function headSize(arch: Architecture): number | undefined {
  return arch.mla ? arch.mla.qkNopeHeadDim + arch.mla.qkRopeHeadDim : arch.headDim;
}

function stated(value: number | undefined, field: string, spec: ModelSpec): number {
  if (value === undefined) throw new InputError(`${spec.name} does not state ${field}`);
  return value;
}

type Field = (spec: ModelSpec, arch: Architecture) => Output;

const FIELDS: Readonly<Record<string, Field>> = {
  id: (spec) => presetOf(spec, 'id').id,
  name: (spec) => spec.name,
  hf_id: (spec) => presetOf(spec, 'hf_id').hfId,
  family: (spec) => presetOf(spec, 'family').family,
  params: (_, arch) => modelParams(arch),
  active_params: (_, arch) => modelActiveParams(arch),
  hidden: (_, arch) => arch.hidden,
  layers: (_, arch) => arch.layers,
  ffn: (_, arch) => arch.ffn,
  vocab: (_, arch) => arch.vocab,
  heads: (spec, arch) => stated(arch.heads, 'heads', spec),
  kv_heads: (spec, arch) => stated(arch.kvHeads, 'kv_heads', spec),
  head_dim: (spec, arch) => stated(headSize(arch), 'head_dim', spec),
  gated_ffn: (_, arch) => arch.gatedFfn,
  tied_embeddings: (_, arch) => arch.tiedEmbeddings,
  norm: (_, arch) => arch.norm,
  experts: (_, arch) => arch.experts,
  active_experts: (_, arch) => arch.activeExperts,
  shared_experts: (_, arch) => arch.sharedExperts,
  expert_ffn: (_, arch) => (arch.experts > 0 ? arch.expertFfn : 0),
  dense_layers: (_, arch) => arch.denseLayers,
  moe_layer_step: (_, arch) => arch.moeLayerStep,
  kv_lora_rank: (_, arch) => arch.mla?.kvLoraRank ?? 0,
  qk_rope_head_dim: (_, arch) => arch.mla?.qkRopeHeadDim ?? 0,
  sliding_window: (_, arch) => arch.slidingWindow,
  sliding_layers: (_, arch) => arch.slidingLayers,
  extra_params: (_, arch) => arch.extraParams,
  context: (spec) => stated(spec.contextLength, 'its context length', spec),
  kv_bytes_per_token: (_, arch) => kvBytesPerToken(arch, 16),
  source: (spec) =>
    spec.preset ? presetSource(spec.preset) : `${spec.name} (given as config.json text or keys, not a preset)`,
  note: (spec) => presetOf(spec, 'note').note ?? '',
};

const FIELD_NAMES = Object.keys(FIELDS);

/** The field a (lower-case) name names, by own key only: `constructor` and `__proto__` are not fields. */
function modelField(name: string): Field {
  const found = ownLookup(FIELDS, name);
  if (found === undefined) throw new ArgumentError(`must be one of ${FIELD_NAMES.join(', ')}, got ${quote(name)}`);
  return found;
}

const field: ParamSpec<string, false> = {
  ...text('field', 'field', `Field to return: ${FIELD_NAMES.join(', ')}.`),
  coerce: (value) => {
    const name = text('field', 'field', '').coerce(value).toLowerCase();
    modelField(name);
    return name;
  },
};

/** Columns of LLM_MODELS(); also the README's model table. */
export const MODEL_TABLE_FIELDS = [
  'id',
  'name',
  'hf_id',
  'family',
  'params',
  'active_params',
  'hidden',
  'layers',
  'ffn',
  'vocab',
  'heads',
  'kv_heads',
  'head_dim',
  'experts',
  'active_experts',
  'context',
  'kv_bytes_per_token',
  'source',
] as const;

/** One row of LLM_MODELS() for a preset. */
export function modelRow(preset: ModelPreset): Output[] {
  const spec = presetModel(preset);
  const arch = architectureOf({ spec }, undefined);
  return MODEL_TABLE_FIELDS.map((f) => FIELDS[f](spec, arch));
}

/**
 * A context beyond what the model (or, with `max_model_len`, the deployment) serves is an error
 * that gives the limit, as vLLM refuses a max_model_len above the config's max_position_embeddings
 * unless told otherwise. Models without a stated maximum (key/value specs) are not checked.
 */
function checkContext(spec: ModelSpec, context: number, o: Options | undefined): void {
  const limit = o?.maxModelLen ?? spec.contextLength;
  if (limit === undefined || context <= limit) return;
  const whose =
    o?.maxModelLen !== undefined
      ? `max_model_len (${limit} tokens)`
      : `the maximum context of ${spec.name} (${limit} tokens, its max_position_embeddings)`;
  throw new InputError(
    `context (context length) ${context} is longer than ${whose}; for a deployment that serves longer contexts (rope scaling), add "max_model_len=${context}" to options`,
  );
}

/** The tolerance of the speed examples checked against measurements. */
const DECODE_TOLERANCE =
  '±15%: about twice the roofline method\'s median error on batch-1 decode (7.0%) and half its p90 (31.5%), README "Measured error"; the rows are ones the efficiencies were fitted on';

export const MODEL_FUNCTIONS: readonly FunctionDef[] = [
  defineFunction({
    name: 'LLM_MODEL',
    summary: 'One field of a model: shape, exact parameter count, KV bytes per token, context, source.',
    returns: 'The field: a count, TRUE/FALSE, or text.',
    examples: [
      {
        formula: '=LLM_MODEL("llama-3-8b", "params")',
        result: 8_030_261_248,
        why: "Llama-3-8B's published count, data/models.json exact_params (KerasHub llama3_8b_en metadata; the same in thamada/modelQuery, whose checkpoint is 16,060,522,496 bytes = 2 × 8,030,261,248 in bf16)",
      },
      {
        formula: '=LLM_MODEL("deepseek-v3", "kv_bytes_per_token")',
        result: 70_272,
        unit: 'bytes',
        why: "DeepSeek-V3's latent attention caches kv_lora_rank + qk_rope_head_dim = 512 + 64 = 576 values per layer (data/models.json mla, kv_cache_per_token_per_layer_elements 576): 61 layers · 576 · 2 bytes (16-bit) = 70,272",
      },
      {
        formula: '=LLM_MODEL("deepseek-v3", "params")',
        result: { approx: 671e9, within: 0.001 },
        why: 'DeepSeek-V3 README: 671B total for the main model, the 14B multi-token-prediction module aside (data/models.json reported_params); the figure is rounded to the billion (±0.075%), so ±0.1%',
      },
    ],
    params: [{ ...model, name: 'name', label: 'model' }, field],
    compute: (spec, f) => modelField(f)(spec, architectureOf({ spec }, undefined)),
  }),
  defineFunction({
    name: 'LLM_MODELS',
    summary: 'The model preset catalog as a table with a header row (spills).',
    returns: `A table: ${MODEL_TABLE_FIELDS.join(', ')}.`,
    examples: [
      {
        formula: '=LLM_MODELS()',
        result: {
          tableRow: {
            id: 'llama-3-8b',
            params: 8_030_261_248,
            layers: 32,
            kv_heads: 8,
            context: 8192,
            kv_bytes_per_token: 131_072,
          },
        },
        why: 'Llama-3-8B in data/models.json: exact_params 8,030,261,248 (KerasHub), num_hidden_layers 32, num_key_value_heads 8, max_position_embeddings 8192; KV bytes per token 2 (K and V) · 32 layers · 8 KV heads · 128 (head_dim_derived) · 2 bytes = 131,072',
      },
    ],
    spills: true,
    params: [],
    compute: () => [[...MODEL_TABLE_FIELDS], ...MODEL_PRESETS.map(modelRow)],
  }),
  defineSelectorFunction({
    name: 'LLM_ESTIMATE',
    summary:
      'Memory and speed of a model (preset, config.json or keys) at batch B and context S: architecture-exact memory, roofline (or seed) speed.',
    returns:
      'The metric (GiB, FLOPs, seconds, tokens/s, a count or TRUE/FALSE); a row of metrics gives one column each.',
    examples: [
      {
        formula: '=LLM_ESTIMATE("meta-llama/Llama-3.1-70B", "kv_cache_gib", 1, 8192, "bf16", "H100")',
        result: 2.625,
        unit: 'GiB',
        why: 'Methodology 2.2 with the K/V width kv_heads·head_dim in place of H (Llama-3.1-70B in data/models.json: 80 layers, 8 KV heads, head size 8192 / 64 = 128): 2·1·8192·80·(8·128)·16 / (8·1024³) · 1.05 = 2,684,354,560 / 1,073,741,824 · 1.05 = 2.5 · 1.05 = 2.625 GiB',
      },
      {
        formula: '=LLM_ESTIMATE("llama-3-8b", "weights_gib", 1, 4096, "q4_k_m", "RTX 4090", "weights_overhead=1")',
        result: { approx: 4.58, within: 0.01 },
        unit: 'GiB',
        why: `The Llama-3-8B Q4_K_M GGUF file as its benchmark prints it: data/measurements.json m032 (source xdai) gives the weights as "GGUF Q4_K_M (file 4.58 GB per README)". The source's GB are GiB: its F16 file, m400, is 14.96, which is the 16,060,522,496 bytes of the bf16 checkpoint (data/models.json) / 1024³. weights_overhead=1 drops the 1.05 of 2.1, leaving the bytes stored. ±1%: the figure is rounded to 0.01 (±0.1%) and the file also holds its header and vocabulary (a few MiB)`,
      },
      {
        formula:
          '=LLM_ESTIMATE("llama-3-8b", {"params","weights_gib","kv_cache_gib","vram_gib"}, {1;8;32}, 8192, "bf16", "H100")',
        result: [
          [8_030_261_248, 15.705403518676757, 1.05, 17.881923694610595],
          [8_030_261_248, 15.705403518676757, 8.4, 27.620673694610595],
          [8_030_261_248, 15.705403518676757, 33.6, 61.010673694610595],
        ],
        unit: '(a count, then GiB)',
        why: "One column per metric, one row per batch. P = 8,030,261,248, Llama-3-8B's published count (data/models.json exact_params, KerasHub). Methodology 2 on it, bf16 storing every tensor in 16 bits: weights (2.1) = P·16 / (8·1024³) · 1.05 = 14.957527160644531 · 1.05 = 15.7054035186767578125; KV cache (2.2, K/V width 8 KV heads · 128 = 1024 in place of H) = 2·B·8192·32·1024·16 / (8·1024³) · 1.05 = 1.05·B (131,072 bytes per token · 8192 tokens = 1 GiB per sequence); activations (2.3) = 4·B·8192·4096·16 / (8·1024³) · 1.1 = 0.275·B; total (2.4) = (15.7054035186767578125 + 1.325·B) · 1.05 = 17.881923694610595703125, 27.620673694610595703125, 61.010673694610595703125 GiB for B = 1, 8, 32",
      },
      {
        formula:
          '=LLM_ESTIMATE("llama-3-8b", "tokens_per_s", 1, 1, "q4_k_m", {"RTX 4090";"RTX A6000";"A100 80GB PCIe"}, "engine=llama.cpp; output_tokens=512")',
        result: [
          [{ approx: 130.58, within: 0.15 }],
          [{ approx: 105.39, within: 0.15 }],
          [{ approx: 140.62, within: 0.15 }],
        ],
        unit: 'tokens/s',
        why: `A column of GPUs, one of each class (consumer, workstation, HBM), against data/measurements.json (source xdai: llama.cpp llama-bench tg512, Llama-3-8B GGUF Q4_K_M, one GPU, batch 1, 512 tokens from an empty context, so context 1): m032 RTX 4090 130.58, m136 RTX A6000 105.39, m196 A100 80GB PCIe 140.62 tokens/s measured. ${DECODE_TOLERANCE}`,
      },
    ],
    params: [
      model,
      metrics,
      { ...B, name: 'batch', description: 'Batch size B, sequences served together, e.g. 1.' },
      {
        ...S,
        name: 'context',
        label: 'context length',
        description:
          'Context length S in tokens: the KV cache held (memory metrics); the prompt, followed by output_tokens, for the speed metrics.',
      },
      {
        ...precision,
        description:
          'Weight format: fp32, tf32, fp16, bf16, fp8, int8, int4 (AWQ/GPTQ g128), nf4, fp4 (NVFP4), mxfp4, or GGUF q8_0, q6_k, q5_k_m, q4_k_m, q4_0, q3_k_m, q2_k.',
      },
      gpu,
      // One options cell for all the metrics of a row: every key any metric reads.
      options(...OPTION_GROUPS),
    ],
    // One estimate per position; each metric of the row is read off it (METRIC_TABLE).
    compute: (spec, b, s, p, g, o) => {
      checkContext(spec, s, o);
      return estimate(resolveScenario({ model: { spec }, precision: p, gpu: g, batch: b, context: s, options: o }));
    },
    select: metricOf,
  }),
];
