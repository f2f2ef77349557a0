/**
 * The model functions: one preset field, the catalog, and the model-first estimator LLM_ESTIMATE.
 */
import { kvBytesPerToken, modelActiveParams, modelParams } from '../../core/architecture/memory';
import type { Architecture } from '../../core/architecture/spec';
import { estimate } from '../../core/estimate';
import { InputError } from '../../core/errors';
import { MODEL_PRESETS, MODEL_SOURCES, type ModelPreset } from '../../core/models/catalog';
import { presetModel, type ModelSpec } from '../../core/models/lookup';
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

const field: ParamSpec<string, false> = {
  ...text('field', 'field', `Field to return: ${FIELD_NAMES.join(', ')}.`),
  coerce: (value) => {
    const name = text('field', 'field', '').coerce(value).toLowerCase();
    if (!(name in FIELDS)) throw new ArgumentError(`must be one of ${FIELD_NAMES.join(', ')}, got "${name}"`);
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

const KV_PER_TOKEN_EXAMPLE = '=LLM_ESTIMATE("meta-llama/Llama-3.1-70B", "kv_cache_gib", 1, 8192, "bf16", "H100")';

export const MODEL_FUNCTIONS: readonly FunctionDef[] = [
  defineFunction({
    name: 'LLM_MODEL',
    summary: 'One field of a model: shape, exact parameter count, KV bytes per token, context, source.',
    returns: 'The field: a count, TRUE/FALSE, or text.',
    examples: ['=LLM_MODEL("llama-3.1-70b", "params")', '=LLM_MODEL("Qwen/Qwen3-30B-A3B", "active_params")'],
    params: [{ ...model, name: 'name', label: 'model' }, field],
    compute: (spec, f) => FIELDS[f](spec, architectureOf({ spec }, undefined)),
  }),
  defineFunction({
    name: 'LLM_MODELS',
    summary: 'The model preset catalog as a table with a header row (spills).',
    returns: `A table: ${MODEL_TABLE_FIELDS.join(', ')}.`,
    examples: ['=LLM_MODELS()'],
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
      KV_PER_TOKEN_EXAMPLE,
      '=LLM_ESTIMATE("llama-3-8b", "weights_gib", 1, 4096, "q4_k_m", "RTX 4090", "weights_overhead=1")',
      '=LLM_ESTIMATE("llama-3.1-70b", {"vram_per_gpu_gib","fits"}, {1;8;32}, 8192, "fp8", "H100", "n_gpus=2")',
      '=LLM_ESTIMATE("llama-3-8b", {"prefill_s","token_latency_s","tokens_per_s"}, 1, 512, "q4_k_m", "RTX 4090", "engine=llama.cpp")',
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
