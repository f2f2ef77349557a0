/**
 * The `model` and `metrics` arguments of LLM_ESTIMATE and LLM_MODEL.
 *
 * A model is a preset name or Hugging Face id, the text of a config.json (in one cell, or pasted
 * down a column one line per cell), "key=value" text, or a two-column key/value range.
 */
import { METRICS, type Metric } from '../core/architecture/estimate';
import { ARCHITECTURE_KEY_NAMES } from '../core/architecture/keys';
import { configModel, getModelPreset, keyValueModel, presetModel, type ModelSpec } from '../core/models/lookup';
import { isBlank, isGrid, type Arg, type CellValue } from './cells';
import { toText } from './coerce';
import type { ParamSpec } from './define';
import { ArgumentError } from './errors';
import { isKeyValueGrid, parseKeyValue, parseKeyValueText } from './keyvalue';

const TEXT_OR_RANGE = 'string|Array<Array<string>>';
const MODEL_KEYS = new Set(ARCHITECTURE_KEY_NAMES);

/** A model from one cell: config.json text, key=value text, or a preset name / Hugging Face id. */
export function toModel(value: CellValue): ModelSpec {
  const text = toText(value);
  if (text.startsWith('{')) return configModel(text);
  if (text.includes('=')) return keyValueModel(parseKeyValueText(text));
  return presetModel(getModelPreset(text));
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
  if (found === undefined) throw new ArgumentError(`must be one of ${METRICS.join(', ')}, got "${name}"`);
  return found;
}

export const metrics: ParamSpec<Metric, false> = {
  name: 'metrics',
  label: 'metric',
  description: `What to compute: one of ${METRICS.join(', ')}, or a one-row range of them (one column each).`,
  jsdocType: TEXT_OR_RANGE,
  optional: false,
  numeric: false,
  selector: true,
  coerce: toMetric,
};
