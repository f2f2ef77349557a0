/**
 * Resolving a model: a preset by short id, name or Hugging Face id (contract name matching), the
 * text of a config.json, or key/value pairs.
 */
import { parseHfConfig } from '../architecture/config';
import { specFromEntries } from '../architecture/keys';
import type { ArchitectureSpec } from '../architecture/spec';
import { InputError } from '../errors';
import { closestNames, normalizeName } from '../names';
import { MODEL_PRESETS, type ModelPreset } from './catalog';

/** A model as the estimators take it. */
export interface ModelSpec {
  /** What to call it in messages and tables. */
  readonly name: string;
  readonly architecture: ArchitectureSpec;
  /** The preset, when the model is one. */
  readonly preset?: ModelPreset;
  /** Tokens of context the model was configured for, when known. */
  readonly contextLength?: number;
}

const PRESET_BY_KEY = new Map<string, ModelPreset>();
for (const preset of MODEL_PRESETS) {
  for (const name of [preset.id, preset.name, preset.hfId, ...preset.aliases]) {
    const key = normalizeName(name);
    const existing = PRESET_BY_KEY.get(key);
    if (existing && existing !== preset) {
      throw new Error(`model name "${name}" is claimed by both ${existing.id} and ${preset.id}`);
    }
    PRESET_BY_KEY.set(key, preset);
  }
}

/**
 * The preset a name means, or undefined. A Hugging Face id of another organisation (a mirror such
 * as `unsloth/Llama-3.3-70B-Instruct`) matches by its repository name.
 */
export function findModelPreset(name: string): ModelPreset | undefined {
  const direct = PRESET_BY_KEY.get(normalizeName(name));
  if (direct || !name.includes('/')) return direct;
  return PRESET_BY_KEY.get(normalizeName(name.slice(name.lastIndexOf('/') + 1)));
}

/** The preset a name means; an unknown name is an error suggesting the closest presets. */
export function getModelPreset(name: string): ModelPreset {
  const preset = findModelPreset(name);
  if (preset) return preset;
  const suggestions = closestNames(
    name,
    MODEL_PRESETS.map((p) => p.id),
  );
  throw new InputError(
    `unknown model "${name}"; did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}? ` +
      'LLM_MODELS() lists every preset; a model can also be the text of its config.json or "hidden=4096; layers=32; ffn=14336; vocab=128256; heads=32; kv_heads=8".',
  );
}

export function presetModel(preset: ModelPreset): ModelSpec {
  return { name: preset.name, architecture: preset.architecture, preset, contextLength: preset.contextLength };
}

/** A model from the text of a config.json. */
export function configModel(text: string): ModelSpec {
  const parsed = parseHfConfig(text);
  return {
    name: parsed.name ?? (parsed.modelType === '' ? 'config.json' : `config.json (${parsed.modelType})`),
    architecture: parsed.spec,
    contextLength: parsed.contextLength,
  };
}

/** A model from key/value pairs (`hidden`, `layers`, `ffn`, `vocab`, `heads`, ...). */
export function keyValueModel(entries: ReadonlyMap<string, string>): ModelSpec {
  return { name: 'custom model', architecture: specFromEntries(entries) };
}
