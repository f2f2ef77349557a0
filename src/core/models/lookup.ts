/**
 * Resolving a model: a preset by short id, name or Hugging Face id (contract name matching), the
 * text of a config.json, or key/value pairs.
 */
import { parseHfConfig } from '../architecture/config';
import { specFromEntries } from '../architecture/keys';
import type { ArchitectureSpec } from '../architecture/spec';
import { InputError } from '../errors';
import { MAX_NAME_LENGTH, checkNameLength, closestNames, normalizeName } from '../names';
import { quote, shorten } from '../text';
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

/** The presets of the family a name names (`microsoft/Phi-3-medium` → the Phi presets), if any. */
function familyOf(name: string): ModelPreset[] {
  const query = normalizeName(name.slice(name.lastIndexOf('/') + 1));
  return MODEL_PRESETS.filter((p) => query.includes(normalizeName(p.family)));
}

/**
 * The preset a name means; an unknown name is an error that says what a model can be (nothing is
 * downloaded: a Hugging Face id works only for a preset) and suggests presets of the same family,
 * else the closest names. A name longer than MAX_NAME_LENGTH is refused before any matching.
 */
export function getModelPreset(name: string): ModelPreset {
  checkNameLength(name, 'model');
  const preset = findModelPreset(name);
  if (preset) return preset;
  const family = familyOf(name);
  const suggestions = closestNames(
    name.slice(name.lastIndexOf('/') + 1),
    (family.length > 0 ? family : MODEL_PRESETS).map((p) => p.id),
  );
  const listed = suggestions.map((s) => `"${s}"`).join(', ');
  const accepted =
    'a model is a preset (by name or its Hugging Face id; nothing is downloaded), the text of its config.json, ' +
    'or keys such as "hidden=4096; layers=32; ffn=14336; vocab=128256; heads=32; kv_heads=8"; LLM_MODELS() lists every preset.';
  if (name.includes('/')) {
    const near = family.length > 0 ? `${family[0].family} presets: ${listed}` : `closest presets: ${listed}`;
    throw new InputError(`unknown Hugging Face id ${quote(name)}: ${accepted} ${near}.`);
  }
  throw new InputError(`unknown model ${quote(name)}; did you mean ${listed}? A${accepted.slice(1)}`);
}

export function presetModel(preset: ModelPreset): ModelSpec {
  return { name: preset.name, architecture: preset.architecture, preset, contextLength: preset.contextLength };
}

/** A model from the text of a config.json; its name (`_name_or_path`) shortened for messages and cells. */
export function configModel(text: string): ModelSpec {
  const parsed = parseHfConfig(text);
  return {
    name:
      parsed.name !== undefined
        ? shorten(parsed.name, MAX_NAME_LENGTH)
        : parsed.modelType === ''
          ? 'config.json'
          : `config.json (${shorten(parsed.modelType)})`,
    architecture: parsed.spec,
    contextLength: parsed.contextLength,
  };
}

/** A model from key/value pairs (`hidden`, `layers`, `ffn`, `vocab`, `heads`, ...). */
export function keyValueModel(entries: ReadonlyMap<string, string>): ModelSpec {
  return { name: 'custom model', architecture: specFromEntries(entries) };
}
