/**
 * The `model` and `metrics` arguments of LLM_ESTIMATE and LLM_MODEL.
 *
 * A model is a preset name or Hugging Face id, the text of a config.json (in one cell, or pasted
 * down a column one line per cell), "key=value" text, or a two-column key/value range.
 */
import { METRICS, METRIC_TABLE, type Estimate, type Metric } from '../core/estimate';
import { ARCHITECTURE_KEY_NAMES } from '../core/architecture/keys';
import type { ModelPreset } from '../core/models/catalog';
import { configModel, getModelPreset, keyValueModel, presetModel, type ModelSpec } from '../core/models/lookup';
import { quote } from '../core/text';
import { isBlank, isGrid, type Arg, type CellValue } from './cells';
import { toText } from './coerce';
import type { ParamSpec, SelectorSpec } from './define';
import { ArgumentError } from './errors';
import { isKeyValueGrid, parseKeyValue, parseKeyValueText } from './keyvalue';
import { TEXT_OR_RANGE } from './params';

const MODEL_KEYS = new Set(ARCHITECTURE_KEY_NAMES);

/**
 * Models read once, across calls too: one object per preset (whatever name it is given by) and per
 * model text, so that the architecture resolved from it (src/sheets/scenario.ts) and what the core
 * derives from that are shared by every cell asking for the same model.
 */
const PRESET_SPECS = new WeakMap<ModelPreset, ModelSpec>();
const TEXT_SPECS = new Map<string, ModelSpec>();
/** Model texts (config.json, keys) kept at most; the cache then starts again. */
const MAX_TEXTS = 256;

function presetSpec(preset: ModelPreset): ModelSpec {
  let spec = PRESET_SPECS.get(preset);
  if (spec === undefined) {
    spec = presetModel(preset);
    PRESET_SPECS.set(preset, spec);
  }
  return spec;
}

/** A model from one cell: config.json text, key=value text, or a preset name / Hugging Face id. */
export function toModel(value: CellValue): ModelSpec {
  const text = toText(value);
  if (!text.startsWith('{') && !text.includes('=')) return presetSpec(getModelPreset(text));
  let spec = TEXT_SPECS.get(text);
  if (spec === undefined) {
    spec = text.startsWith('{') ? configModel(text) : keyValueModel(parseKeyValueText(text));
    if (TEXT_SPECS.size >= MAX_TEXTS) TEXT_SPECS.clear();
    TEXT_SPECS.set(text, spec);
  }
  return spec;
}

/** A one-column range whose first filled cell opens a JSON object: config.json pasted line by line. */
function isJsonColumn(arg: Arg): boolean {
  if (!isGrid(arg) || arg.length === 0 || arg[0].length !== 1) return false;
  const first = arg.find((row) => !isBlank(row[0]));
  return first !== undefined && typeof first[0] === 'string' && first[0].trim().startsWith('{');
}

function wholeModel(arg: Arg): ModelSpec {
  if (isJsonColumn(arg) && isGrid(arg)) {
    return configModel(arg.map((row) => (isBlank(row[0]) ? '' : String(row[0]))).join('\n'));
  }
  return keyValueModel(parseKeyValue(arg));
}

export const model: ParamSpec<ModelSpec, false> = {
  name: 'model',
  label: 'model',
  description:
    'A model preset or Hugging Face id ("llama-3.1-70b", "meta-llama/Llama-3.1-70B"; see LLM_MODELS()), the text of a config.json, or "hidden=...; layers=...; ffn=...; vocab=..." text or a two-column key/value range.',
  jsdocType: TEXT_OR_RANGE,
  optional: false,
  numeric: false,
  coerce: toModel,
  isWhole: (arg) => isJsonColumn(arg) || isKeyValueGrid(arg, MODEL_KEYS),
  coerceWhole: wholeModel,
};

/** One metric name. */
export function toMetric(value: CellValue): Metric {
  const name = toText(value).toLowerCase();
  const found = METRICS.find((m) => m === name);
  if (found === undefined) throw new ArgumentError(`must be one of ${METRICS.join(', ')}, got ${quote(name)}`);
  return found;
}

/** LLM_ESTIMATE's metrics: each one read off the estimate of its row (METRIC_TABLE). */
export const metrics: SelectorSpec<Metric> = {
  name: 'metrics',
  label: 'metric',
  description: `What to compute: one of ${METRICS.join(', ')}, or a one-row range of them (one column each).`,
  jsdocType: TEXT_OR_RANGE,
  optional: false,
  numeric: false,
  selector: true,
  coerce: toMetric,
};

/** The value of `metric` in an estimate. */
export function metricOf(metric: Metric, estimate: Estimate): number | boolean {
  return METRIC_TABLE[metric].get(estimate);
}
