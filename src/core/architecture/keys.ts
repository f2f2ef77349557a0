/**
 * The architecture keys as a sheet user writes them (`kv_heads=8; gated_ffn=1`), one table shared
 * by the options argument, key/value model ranges and LLM_MODEL's fields.
 */
import { InputError } from '../errors';
import { nearNames } from '../names';
import { parseDecimal, quote } from '../text';
import type { ArchitectureSpec, NormType } from './spec';

type SpecField = keyof ArchitectureSpec;

export interface ArchitectureKey {
  /** The key in a sheet, snake_case. */
  readonly key: string;
  /** Fields of ArchitectureSpec it sets. */
  readonly fields: readonly SpecField[];
  /** count: whole number ≥ 1; whole: whole number ≥ 0; flag: 1/0/TRUE/FALSE; norm: layernorm | rmsnorm. */
  readonly kind: 'count' | 'whole' | 'flag' | 'norm';
  readonly description: string;
}

export const ARCHITECTURE_KEYS: readonly ArchitectureKey[] = [
  { key: 'hidden', fields: ['hidden'], kind: 'count', description: 'H, hidden size' },
  { key: 'layers', fields: ['layers'], kind: 'count', description: 'L, decoder layers' },
  { key: 'ffn', fields: ['ffn'], kind: 'count', description: 'F, feed-forward size of dense layers' },
  { key: 'vocab', fields: ['vocab'], kind: 'count', description: 'V, vocabulary size' },
  { key: 'heads', fields: ['heads'], kind: 'count', description: 'query heads (default: Q is H × H)' },
  { key: 'kv_heads', fields: ['kvHeads'], kind: 'count', description: 'key/value heads (default heads)' },
  { key: 'head_dim', fields: ['headDim'], kind: 'count', description: 'size of one head (default H / heads)' },
  { key: 'gated_ffn', fields: ['gatedFfn'], kind: 'flag', description: 'three-matrix gated FFN (SwiGLU) (default 0)' },
  {
    key: 'tied_embeddings',
    fields: ['tiedEmbeddings'],
    kind: 'flag',
    description: 'output head shares the embedding matrix (default 1)',
  },
  {
    key: 'norm',
    fields: ['norm'],
    kind: 'norm',
    description: 'layernorm (weight and bias) or rmsnorm (default layernorm)',
  },
  { key: 'norms_per_layer', fields: ['normsPerLayer'], kind: 'whole', description: 'norms in each layer (default 2)' },
  { key: 'final_norm', fields: ['finalNorm'], kind: 'flag', description: 'a norm after the last layer (default 1)' },
  { key: 'qk_norm', fields: ['qkNorm'], kind: 'flag', description: 'head_dim norms on queries and keys (default 0)' },
  {
    key: 'embedding_norm',
    fields: ['embeddingNorm'],
    kind: 'flag',
    description: 'a norm after the embedding (default 0)',
  },
  { key: 'qkv_bias', fields: ['qkvBias'], kind: 'flag', description: 'biases on Q, K, V (default 0)' },
  {
    key: 'attention_bias',
    fields: ['qkvBias', 'attentionOutputBias'],
    kind: 'flag',
    description: 'biases on Q, K, V and the output projection (default 0)',
  },
  {
    key: 'mlp_bias',
    fields: ['mlpBias'],
    kind: 'flag',
    description: 'biases on the FFN and expert matrices (default 0)',
  },
  { key: 'output_bias', fields: ['outputBias'], kind: 'flag', description: 'a bias on the output head (default 0)' },
  {
    key: 'position_embeddings',
    fields: ['positionEmbeddings'],
    kind: 'whole',
    description: 'rows of a learned position table (default 0)',
  },
  {
    key: 'attention_sinks',
    fields: ['attentionSinks'],
    kind: 'flag',
    description: 'a learned sink logit per head and layer (default 0)',
  },
  { key: 'experts', fields: ['experts'], kind: 'whole', description: 'routed experts per MoE layer (default 0)' },
  { key: 'active_experts', fields: ['activeExperts'], kind: 'whole', description: 'routed experts per token' },
  { key: 'shared_experts', fields: ['sharedExperts'], kind: 'whole', description: 'shared experts (default 0)' },
  {
    key: 'expert_ffn',
    fields: ['expertFfn'],
    kind: 'count',
    description: 'intermediate size of an expert (default ffn)',
  },
  {
    key: 'shared_expert_ffn',
    fields: ['sharedExpertFfn'],
    kind: 'count',
    description: 'intermediate size of a shared expert (default expert_ffn)',
  },
  {
    key: 'shared_expert_gate',
    fields: ['sharedExpertGate'],
    kind: 'flag',
    description: 'a hidden × 1 gate on the shared expert in each MoE layer, as in Qwen2-MoE (default 0)',
  },
  { key: 'dense_layers', fields: ['denseLayers'], kind: 'whole', description: 'leading dense layers (default 0)' },
  {
    key: 'moe_layer_step',
    fields: ['moeLayerStep'],
    kind: 'count',
    description: 'every n-th layer is MoE (default 1)',
  },
  {
    key: 'router_bias',
    fields: ['routerBias'],
    kind: 'flag',
    description: 'a bias per expert on the router (default 0)',
  },
  { key: 'q_lora_rank', fields: ['qLoraRank'], kind: 'whole', description: 'MLA query rank (0: full q_proj)' },
  { key: 'kv_lora_rank', fields: ['kvLoraRank'], kind: 'count', description: 'MLA latent size cached per token' },
  { key: 'qk_nope_head_dim', fields: ['qkNopeHeadDim'], kind: 'count', description: 'MLA non-rotary head size' },
  { key: 'qk_rope_head_dim', fields: ['qkRopeHeadDim'], kind: 'count', description: 'MLA rotary head size' },
  { key: 'v_head_dim', fields: ['vHeadDim'], kind: 'count', description: 'MLA value head size' },
  {
    key: 'sliding_window',
    fields: ['slidingWindow'],
    kind: 'count',
    description: 'tokens a sliding-window layer keeps',
  },
  {
    key: 'sliding_layers',
    fields: ['slidingLayers'],
    kind: 'whole',
    description: 'layers with the window (default all)',
  },
  {
    key: 'extra_params',
    fields: ['extraParams'],
    kind: 'whole',
    description: 'parameters outside the language model, e.g. a vision encoder (default 0)',
  },
];

export const ARCHITECTURE_KEY_NAMES: readonly string[] = ARCHITECTURE_KEYS.map((k) => k.key);

const BY_KEY = new Map(ARCHITECTURE_KEYS.map((k) => [k.key, k]));

export function findArchitectureKey(key: string): ArchitectureKey | undefined {
  return BY_KEY.get(key.trim().toLowerCase());
}

export type ArchitectureValue = number | boolean | NormType;

/** Reads one value written in a sheet; an error (a predicate: "must be ...") says what the key accepts. */
export function parseArchitectureValue(key: ArchitectureKey, raw: string): ArchitectureValue {
  const text = raw.trim().toLowerCase();
  if (key.kind === 'flag') {
    if (['1', 'true', 'yes'].includes(text)) return true;
    if (['0', 'false', 'no'].includes(text)) return false;
    throw new InputError(`must be 1 or 0 (TRUE or FALSE), got ${quote(raw)}`);
  }
  if (key.kind === 'norm') {
    if (text === 'layernorm' || text === 'rmsnorm') return text;
    throw new InputError(`must be layernorm or rmsnorm, got ${quote(raw)}`);
  }
  const value = parseDecimal(text);
  const min = key.kind === 'count' ? 1 : 0;
  if (!Number.isInteger(value) || value < min || value > 1e12) {
    throw new InputError(`must be a whole number of ${min} or more, got ${quote(raw)}`);
  }
  return value;
}

/** Architecture overrides: some fields of a specification. */
export type ArchitectureOverrides = Partial<ArchitectureSpec>;

/**
 * Sets a key's fields in `overrides`. The value's type follows the key's kind, which matches its
 * fields' types (counts for sizes, flags for booleans, norm for `norm`).
 */
export function setArchitectureKey(overrides: ArchitectureOverrides, key: ArchitectureKey, raw: string): void {
  const value = parseArchitectureValue(key, raw);
  const target = overrides as Record<SpecField, ArchitectureValue | undefined>;
  for (const field of key.fields) target[field] = value;
}

/**
 * An unknown key of a model given by keys: the closest keys, then hidden, layers, ffn and vocab
 * and the others summed up (the README's options table lists every architecture key).
 */
function unknownModelKey(rawKey: string): InputError {
  const near = nearNames(rawKey, ARCHITECTURE_KEY_NAMES);
  const hint = near.length > 0 ? ` did you mean ${near.map((k) => `"${k}"`).join(' or ')}?` : '';
  return new InputError(
    `unknown model key ${quote(rawKey)};${hint} valid keys: hidden, layers, ffn, vocab (required) and the architecture keys such as heads, kv_heads, head_dim, gated_ffn, experts`,
  );
}

/** A full specification from key/value pairs; H, L, F, V must be among them. */
export function specFromEntries(entries: ReadonlyMap<string, string>): ArchitectureSpec {
  const overrides: ArchitectureOverrides = {};
  for (const [rawKey, raw] of entries) {
    const key = findArchitectureKey(rawKey);
    if (key === undefined) throw unknownModelKey(rawKey);
    try {
      setArchitectureKey(overrides, key, raw);
    } catch (error) {
      throw new InputError(`model key ${key.key} ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return completeSpec(overrides);
}

/** Checks that H, L, F, V are present. */
export function completeSpec(spec: Partial<ArchitectureSpec>): ArchitectureSpec {
  const missing = (['hidden', 'layers', 'ffn', 'vocab'] as const).filter((k) => spec[k] === undefined);
  if (missing.length > 0) {
    throw new InputError(
      `a model given by keys needs ${missing.join(', ')} (hidden, layers, ffn and vocab are required)`,
    );
  }
  return spec as ArchitectureSpec;
}
