/**
 * The inputs of a sizing scenario, one row each: what the sidebar's form asks, what an inserted
 * template's input cells hold, the request the sidebar sends, and how each reaches LLM_ESTIMATE
 * (a positional argument, or a key of its options text). Everything else is derived from here:
 * the SizingRequest type, parseRequest and DEFAULT_REQUEST (request.ts), the options text and the
 * Sheets formula that builds it (optionsFor), the dropdown lists of the sheets (render.ts) and of
 * the sidebar, and the sidebar's form (sidebar/main.ts).
 *
 * Domains are the constants the functions themselves check against, never re-listed here: a
 * dropdown offers exactly what its argument or option accepts.
 *
 * The custom architecture of the sidebar has one encoding too, key=value text with the keys of
 * ARCHITECTURE_KEYS (customModelText): the live estimate and the inserted model cell read the
 * same text, so the sheet computes exactly what the sidebar showed.
 */
import { ARCHITECTURE_KEY_NAMES } from '../core/architecture/keys';
import { GPU_PRESETS } from '../core/gpus/catalog';
import { findGpuPreset } from '../core/gpus/lookup';
import { MODEL_PRESETS } from '../core/models/catalog';
import { KV_PRECISIONS, PRECISIONS, findPrecision } from '../core/precision';
import { ENGINES } from '../core/roofline/efficiency';
import { METHODS } from '../sheets/options';

/** A value a dropdown offers, and how the sidebar names it. */
export interface Choice<V extends string = string> {
  readonly value: V;
  readonly label: string;
}

/** The positional arguments of LLM_ESTIMATE(model, metrics, batch, context, precision, gpu, options). */
export type Position = 'model' | 'gpu' | 'precision' | 'batch' | 'context';

/** How an input reaches LLM_ESTIMATE: as a positional argument, or as `key=value` in its options. */
export type Role = { readonly position: Position } | { readonly option: string };

interface Common {
  /** The label of the input's row in a template ("Batch size"). */
  readonly label: string;
  /** The sidebar's label, shorter ("Batch"); its messages name the field by it. */
  readonly shortLabel: string;
  /** One line of help: the sheet's input help, and the start of the sidebar's tooltip. */
  readonly help: string;
  /** The sheet's help where it differs (a sheet can name functions, and take a custom GPU as text). */
  readonly sheetHelp?: string;
  /** More for the sidebar's tooltip, after `help`. */
  readonly more?: string;
  /** The sidebar's visible hint under the field. */
  readonly hint: string;
  readonly role: Role;
}

/** A whole number of 1 or more. */
export interface CountInput extends Common {
  readonly kind: 'count';
  readonly default: number;
}

/** One of a list; `''` among the choices means the input may be left blank. */
export interface ChoiceInput<V extends string = string> extends Common {
  readonly kind: 'choice';
  readonly default: V;
  /** Every value the input accepts, in dropdown order. */
  readonly choices: readonly Choice<V>[];
  /** Text outside the choices is accepted too (a custom GPU as key=value text). */
  readonly open?: boolean;
  /** A value as written (an alias, other case) as the choice it means; undefined when none. */
  readonly normalize?: (raw: string) => V | undefined;
}

/** Free text, with suggestions (the model presets). */
export interface TextInput extends Common {
  readonly kind: 'text';
  readonly default: string;
  readonly suggestions: readonly Choice[];
}

export type InputSpec = CountInput | ChoiceInput | TextInput;

const count = (spec: Omit<CountInput, 'kind'>): CountInput => ({ kind: 'count', ...spec });
const text = (spec: Omit<TextInput, 'kind'>): TextInput => ({ kind: 'text', ...spec });
function choice<V extends string>(spec: Omit<ChoiceInput<V>, 'kind' | 'default'> & { default: NoInfer<V> }) {
  return { kind: 'choice', ...spec } as ChoiceInput<V>;
}
const same = <V extends string>(values: readonly V[]): Choice<V>[] => values.map((value) => ({ value, label: value }));
const position = (p: Position): Role => ({ position: p });
const option = (key: string): Role => ({ option: key });

type KvPrecision = '' | (typeof KV_PRECISIONS)[number];
type Method = (typeof METHODS)[number];

/** What a blank KV-cache precision means (the precision's own KV type). */
export const SAME_AS_COMPUTE = 'same as compute';

/**
 * The table. Its order is the order of the options text; each template lists the inputs it shows
 * (templates.ts), and the sidebar places each field (sidebar/index.html, by `fieldId`).
 */
export const INPUTS = {
  model: text({
    label: 'Model',
    shortLabel: 'Model',
    help: 'A model preset by its name or Hugging Face id (presets only: nothing is downloaded), the text of a config.json, or an architecture as key=value text ("hidden=4096; layers=32; ffn=14336; vocab=128256; …").',
    sheetHelp:
      'A model preset (see LLM_MODELS()), a Hugging Face id, a pasted config.json, or an architecture as key=value text ("hidden=4096; layers=32; ffn=14336; vocab=128256; …").',
    hint: 'a preset, a Hugging Face id, or a config.json',
    role: position('model'),
    default: 'llama-3.1-8b',
    suggestions: MODEL_PRESETS.map((m) => ({ value: m.id, label: m.name })),
  }),
  gpu: choice({
    label: 'GPU',
    shortLabel: 'GPU',
    help: 'The GPU type: its memory, bandwidth and the dense peak the precision computes at.',
    sheetHelp:
      'A GPU preset (see LLM_GPUS()) or a custom GPU such as "tflops=312; bandwidth_gbs=2039; memory_gb=80". A GPU without a sourced peak for the precision (A10G) gets memory figures; its speed cells say "no sourced peak".',
    hint: 'GPU type',
    role: position('gpu'),
    default: 'h100-sxm',
    choices: GPU_PRESETS.map((g) => ({ value: g.id, label: `${g.name} (${g.memoryGb.value} GB)` })),
    open: true,
    normalize: (raw) => findGpuPreset(raw)?.id,
  }),
  precision: choice({
    label: 'Precision',
    shortLabel: 'Precision',
    help: 'Weight format (bf16, fp8, int4 formats, GGUF types…): the bytes per weight and the compute peak used.',
    hint: 'weight format',
    role: position('precision'),
    default: 'bf16',
    choices: same(PRECISIONS.map((p) => p.id)),
    normalize: (raw) => findPrecision(raw)?.id,
  }),
  kvPrecision: choice<KvPrecision>({
    label: 'KV cache precision',
    shortLabel: 'KV cache',
    help: `Format of the KV cache; blank (${SAME_AS_COMPUTE}): the precision’s own compute type (16-bit for weight-only formats).`,
    hint: 'KV cache format',
    role: option('kv_precision'),
    default: '',
    choices: [{ value: '', label: SAME_AS_COMPUTE }, ...same(KV_PRECISIONS)],
    normalize: (raw) => {
      if (raw.trim() === '') return '';
      const id = findPrecision(raw)?.id;
      return KV_PRECISIONS.find((k) => k === id);
    },
  }),
  batch: count({
    label: 'Batch size',
    shortLabel: 'Batch',
    help: 'Sequences served together.',
    more: 'Concurrent requests; each holds its own KV cache.',
    hint: 'sequences at once',
    role: position('batch'),
    default: 8,
  }),
  context: count({
    label: 'Context length (tokens)',
    shortLabel: 'Context',
    help: 'Prompt (context) length in tokens of each sequence.',
    hint: 'prompt tokens each',
    role: position('context'),
    default: 8192,
  }),
  nGpus: count({
    label: 'GPUs',
    shortLabel: 'GPUs',
    help: 'GPUs the model is split across (tensor parallel); memory is divided among them.',
    hint: 'sharing the model',
    role: option('n_gpus'),
    default: 1,
  }),
  outputTokens: count({
    label: 'Output tokens',
    shortLabel: 'Output tokens',
    help: 'Tokens generated per sequence (speed figures average over them).',
    hint: 'generated per sequence',
    role: option('output_tokens'),
    default: 256,
  }),
  engine: choice({
    label: 'Engine',
    shortLabel: 'Engine',
    help: 'Serving software; the roofline method applies its measured efficiency (the seed method ignores it).',
    hint: 'serving software',
    role: option('engine'),
    default: 'vllm',
    choices: same(ENGINES),
  }),
  method: choice<Method>({
    label: 'Method',
    shortLabel: 'Method',
    help: 'roofline (default): calibrated to measured runs per GPU class and engine; seed: the methodology document’s formulas as written (its tokens/s and latency can disagree).',
    hint: 'estimator',
    role: option('method'),
    default: 'roofline',
    choices: same(METHODS),
  }),
} as const;

export type Inputs = typeof INPUTS;
export type InputKey = keyof Inputs;
export const INPUT_KEYS = Object.keys(INPUTS) as InputKey[];

/** The value an input holds: a number for a count, one of its choices, or text. */
export type InputValue<S> = S extends ChoiceInput<infer V> ? V : S extends CountInput ? number : string;

/** Every input's value: a sizing scenario (the request without its template). */
export type InputValues = { readonly [K in InputKey]: InputValue<Inputs[K]> };

const spec = (key: InputKey): InputSpec => INPUTS[key];

/** The values a sheet's dropdown offers for a choice input (a blank is the cleared cell, not a choice). */
export function sheetChoices(key: InputKey): string[] {
  const s = spec(key);
  return s.kind === 'choice' ? s.choices.filter((c) => c.value !== '').map((c) => c.value) : [];
}

/** The id of the sidebar's field for an input: kebab-case of the key ("kvPrecision" → "kv-precision"). */
export function fieldId(key: InputKey): string {
  return key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** The input that gives a positional argument of LLM_ESTIMATE. */
export function inputAt(position: Position): InputKey {
  const key = INPUT_KEYS.find((k) => {
    const role = spec(k).role;
    return 'position' in role && role.position === position;
  });
  if (key === undefined) throw new Error(`no input gives LLM_ESTIMATE's ${position}`);
  return key;
}

/** The option key of an input, or undefined for a positional argument. */
export function optionKey(key: InputKey): string | undefined {
  const role = spec(key).role;
  return 'option' in role ? role.option : undefined;
}

/** Whether an input may be left blank (a choice input offering ''). */
export function isBlankable(key: InputKey): boolean {
  const s = spec(key);
  return s.kind === 'choice' && s.choices.some((c) => c.value === '');
}

/**
 * Inputs that become options, in table order, those that cannot be blank first: the first pair then
 * never needs its separator dropped. (An input table whose options could all be blank would need a
 * TEXTJOIN instead.)
 */
const OPTION_INPUTS: readonly InputKey[] = (() => {
  const keys = INPUT_KEYS.filter((k) => optionKey(k) !== undefined);
  return [...keys.filter((k) => !isBlankable(k)), ...keys.filter(isBlankable)];
})();

/** How optionsFor writes: text from values, or a Sheets formula from cell references. */
export interface OptionsWriter<T> {
  /** A quoted literal. */
  literal(text: string): T;
  /** An input's value (a cell reference, or the value itself). */
  value(key: InputKey): T;
  concat(parts: readonly T[]): T;
  /** `whenSet` if the input is not blank, else nothing. */
  unlessBlank(key: InputKey, whenSet: T): T;
}

/**
 * The options text of LLM_ESTIMATE for a scenario, written by `writer`: "n_gpus=1; output_tokens=256;
 * engine=vllm; method=roofline", with "; kv_precision=fp8" when a KV precision is chosen. The same
 * construction gives the sidebar's text (optionsText) and a template's formula (optionsFormula).
 */
export function optionsFor<T>(writer: OptionsWriter<T>): T {
  const parts: T[] = [];
  OPTION_INPUTS.forEach((key, i) => {
    const sep = i === 0 ? '' : '; ';
    const pair = writer.concat([writer.literal(`${sep}${optionKey(key)}=`), writer.value(key)]);
    parts.push(isBlankable(key) ? writer.unlessBlank(key, pair) : pair);
  });
  return writer.concat(parts);
}

/** The options text for a scenario, as the sidebar passes it to LLM_ESTIMATE. */
export function optionsText(values: InputValues): string {
  return optionsFor<string>({
    literal: (t) => t,
    value: (key) => String(values[key]),
    concat: (parts) => parts.join(''),
    unlessBlank: (key, whenSet) => (String(values[key]) === '' ? '' : whenSet),
  });
}

const quote = (t: string) => `"${t.replace(/"/g, '""')}"`;

/**
 * The same options text as a Sheets formula over the input cells; `ref` gives each input's cell
 * (or a literal, for an input the template does not show).
 */
export function optionsFormula(ref: (key: InputKey) => string): string {
  return `=${optionsFor<string>({
    literal: quote,
    value: ref,
    concat: (parts) => parts.filter((p) => p !== '').join('&'),
    unlessBlank: (key, whenSet) => `IF(${ref(key)}="","",${whenSet})`,
  })}`;
}

/** A value of a request field as a formula literal: text quoted, numbers as they are. */
export function formulaLiteral(value: string | number): string {
  return typeof value === 'number' ? String(value) : quote(value);
}

// ---------------------------------------------------------------------------------------------
// The custom architecture: key=value text with the keys LLM_ESTIMATE reads.

export interface CustomField {
  /** The architecture key (ARCHITECTURE_KEYS), which is also the text's key. */
  readonly key: string;
  readonly label: string;
  /** The sidebar's visible hint (the config.json name, mostly). */
  readonly hint: string;
  /** The field's tooltip. */
  readonly help: string;
  /** count: whole number ≥ 1; whole: ≥ 0; flag: a checkbox (1/0); choice: one of `choices`. */
  readonly kind: 'count' | 'whole' | 'flag' | 'choice';
  readonly default: number | boolean | string;
  readonly choices?: readonly string[];
  /** Written only when this other field is above 0 (the MoE keys of a dense model are left out). */
  readonly onlyWith?: string;
}

/** The sidebar's custom-architecture fields, in form order; defaults are Llama-3.1-8B's shape. */
export const CUSTOM_MODEL_FIELDS: readonly CustomField[] = [
  {
    key: 'hidden',
    label: 'Hidden size',
    hint: 'hidden_size',
    help: 'Hidden size H (config.json hidden_size)',
    kind: 'count',
    default: 4096,
  },
  {
    key: 'layers',
    label: 'Layers',
    hint: 'num_hidden_layers',
    help: 'Decoder layers L (config.json num_hidden_layers)',
    kind: 'count',
    default: 32,
  },
  {
    key: 'ffn',
    label: 'FFN size',
    hint: 'intermediate_size',
    help: 'Feed-forward (intermediate) size F (config.json intermediate_size)',
    kind: 'count',
    default: 14336,
  },
  {
    key: 'vocab',
    label: 'Vocabulary',
    hint: 'vocab_size',
    help: 'Vocabulary size V (config.json vocab_size)',
    kind: 'count',
    default: 128256,
  },
  {
    key: 'heads',
    label: 'Heads',
    hint: 'num_attention_heads',
    help: 'Attention (query) heads (config.json num_attention_heads)',
    kind: 'count',
    default: 32,
  },
  {
    key: 'kv_heads',
    label: 'KV heads',
    hint: 'num_key_value_heads',
    help: 'Key/value heads; fewer than heads is grouped-query attention (config.json num_key_value_heads)',
    kind: 'count',
    default: 8,
  },
  {
    key: 'experts',
    label: 'Experts',
    hint: '0 for a dense model',
    help: 'Routed experts per MoE layer, 0 for a dense model (config.json num_local_experts or n_routed_experts)',
    kind: 'whole',
    default: 0,
  },
  {
    key: 'active_experts',
    label: 'Active experts',
    hint: 'num_experts_per_tok',
    help: 'Routed experts each token uses, with experts above 0 (config.json num_experts_per_tok)',
    kind: 'whole',
    default: 2,
    onlyWith: 'experts',
  },
  {
    key: 'norm',
    label: 'Norm',
    hint: 'Llama: rmsnorm',
    help: 'rmsnorm: one weight per norm (Llama); layernorm: a weight and a bias (GPT-2)',
    kind: 'choice',
    default: 'rmsnorm',
    choices: ['rmsnorm', 'layernorm'],
  },
  {
    key: 'gated_ffn',
    label: 'Gated FFN (SwiGLU)',
    hint: '3 FFN matrices',
    help: 'Three feed-forward matrices (gate, up, down) as in Llama; unchecked: two, as in GPT-2',
    kind: 'flag',
    default: true,
  },
  {
    key: 'tied_embeddings',
    label: 'Tied embeddings',
    hint: 'tie_word_embeddings',
    help: 'The output head shares the embedding matrix (config.json tie_word_embeddings)',
    kind: 'flag',
    default: false,
  },
];

/** Custom fields whose key LLM_ESTIMATE does not read (none: checked by the tests). */
export function unknownCustomKeys(): string[] {
  return CUSTOM_MODEL_FIELDS.map((f) => f.key).filter((k) => !ARCHITECTURE_KEY_NAMES.includes(k));
}

export type CustomValues = Readonly<Record<string, number | boolean | string>>;

export const CUSTOM_DEFAULTS: CustomValues = Object.fromEntries(CUSTOM_MODEL_FIELDS.map((f) => [f.key, f.default]));

/**
 * The custom architecture as the model argument: "hidden=4096; layers=32; …; gated_ffn=1; …",
 * every field written (so no default of the parser decides), flags as 1/0.
 */
export function customModelText(values: CustomValues): string {
  return CUSTOM_MODEL_FIELDS.filter((f) => f.onlyWith === undefined || Number(values[f.onlyWith]) > 0)
    .map((f) => {
      const v = values[f.key];
      return `${f.key}=${typeof v === 'boolean' ? (v ? 1 : 0) : String(v).trim()}`;
    })
    .join('; ');
}

/** Key/value pairs of architecture text ("hidden=4096; layers=32"), keys lower-cased; undefined if it is not such text. */
export function architectureEntries(model: string): Map<string, string> | undefined {
  const text = model.trim();
  if (text.startsWith('{') || !text.includes('=')) return undefined;
  const entries = new Map<string, string>();
  for (const part of text.split(/[;\n]/)) {
    if (part.trim() === '') continue;
    const eq = part.indexOf('=');
    if (eq < 0) return undefined;
    entries.set(part.slice(0, eq).trim().toLowerCase(), part.slice(eq + 1).trim());
  }
  return entries;
}
