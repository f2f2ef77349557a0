/**
 * Resolving a GPU: a preset by name (contract name matching and aliases) or a custom spec, and the
 * dense peak an estimator uses for a compute type.
 */
import { InputError } from '../errors';
import { checkNameLength, closestNames, normalizeName } from '../names';
import { COMPUTE_TYPES, type ComputeType } from '../precision';
import { hasOwnKey, parseDecimal, quote } from '../text';
import { GPU_CLASSES, GPU_PRESETS, type GpuClass, type GpuPreset } from './catalog';

/** What the estimators need of a GPU, preset or custom. */
export interface GpuSpec {
  readonly name: string;
  /** GB (10⁹ bytes); undefined for a custom GPU that did not state it. */
  readonly memoryGb?: number;
  /** GB/s (10⁹ bytes/s). */
  readonly bandwidthGbs?: number;
  /** Dense peaks, TFLOPS. */
  readonly peaks: Partial<Record<ComputeType, number>>;
  /** The preset it is, or is based on. */
  readonly preset?: GpuPreset;
  /**
   * Which measured efficiencies apply: the preset's class, or a custom GPU's `class=` (else its
   * base preset's). Undefined for a custom GPU with neither: the estimators then use DEFAULT_GPU_CLASS.
   */
  readonly class?: GpuClass;
}

/**
 * The class of a custom GPU that states no `class=` and no `base=`: HBM, the class of the
 * datacenter accelerators most custom specs describe. A GDDR card or a unified-memory machine
 * typed this way gets HBM's measured efficiencies unless it says `class=`.
 */
export const DEFAULT_GPU_CLASS: GpuClass = 'hbm';

const PRESET_BY_KEY = new Map<string, GpuPreset>();
for (const preset of GPU_PRESETS) {
  for (const name of [preset.id, preset.name, ...preset.aliases]) {
    const key = normalizeName(name);
    const existing = PRESET_BY_KEY.get(key);
    if (existing && existing !== preset) {
      throw new Error(`GPU name "${name}" is claimed by both ${existing.id} and ${preset.id}`);
    }
    PRESET_BY_KEY.set(key, preset);
  }
}

/**
 * The preset a name means, or undefined: the contract's matching (case-insensitive, ignoring
 * spaces, hyphens, underscores and the vendor words) against each preset's id, name and aliases.
 */
export function findGpuPreset(name: string): GpuPreset | undefined {
  return PRESET_BY_KEY.get(normalizeName(name));
}

/** A memory size written in a name: `80GB`, `80 GB`, `80G`. */
const MEMORY_TOKEN = /(^|[\s\-_(])(\d+(?:\.\d+)?)\s*gb?(?=$|[\s\-_),])/i;

/**
 * The preset a hardware description means, as benchmark reports and cloud consoles write them:
 * the contract's matching first; then without parenthetical notes (`"NVIDIA A100 80GB (SXM/PCIe
 * not stated)"`); then without a memory size (`"GeForce RTX 3070 8GB"`, `"H100 80G"`), accepted only
 * when the preset has that much memory, so `"RTX 4090 48GB"` stays unknown.
 */
export function matchGpuName(name: string): GpuPreset | undefined {
  const candidates = [name];
  const withoutNotes = name.replace(/\([^)]*\)/g, ' ').trim();
  if (withoutNotes !== name && withoutNotes !== '') candidates.push(withoutNotes);
  for (const candidate of candidates) {
    const preset = findGpuPreset(candidate);
    if (preset) return preset;
    const memory = MEMORY_TOKEN.exec(candidate);
    if (!memory) continue;
    const rest = (
      candidate.slice(0, memory.index) +
      memory[1] +
      candidate.slice(memory.index + memory[0].length)
    ).trim();
    const sized = rest === '' ? undefined : findGpuPreset(rest);
    if (sized && Math.abs(sized.memoryGb.value - Number(memory[2])) < 1) return sized;
  }
  return undefined;
}

/** A GPU count written before the name: `2x`, `2 x`, `2×`, `8 *`. */
const COUNT_PREFIX = /^\s*(\d+)\s*[x×*]\s*(?=\S)/i;

/**
 * A hardware string such as `"2x RTX 4090"` or `"8 x NVIDIA H100 80GB"`: the preset and the GPU
 * count (1 when none is written). Undefined when the name matches no preset.
 */
export function parseHardware(text: string): { preset: GpuPreset; count: number } | undefined {
  const prefix = COUNT_PREFIX.exec(text);
  const count = prefix ? Number(prefix[1]) : 1;
  if (!Number.isInteger(count) || count < 1) return undefined;
  const preset = matchGpuName(prefix ? text.slice(prefix[0].length) : text);
  return preset ? { preset, count } : undefined;
}

/**
 * The preset a name means; an unknown name is an error suggesting the closest presets, and a name
 * longer than MAX_NAME_LENGTH is refused before any matching.
 */
export function getGpuPreset(name: string): GpuPreset {
  checkNameLength(name, 'GPU');
  const preset = matchGpuName(name);
  if (preset) return preset;
  const counted = parseHardware(name);
  if (counted) {
    throw new InputError(
      `${quote(name)} names ${counted.count} GPUs; give one GPU ("${counted.preset.id}") and the count as the option n_gpus=${counted.count}`,
    );
  }
  const suggestions = closestNames(
    name,
    GPU_PRESETS.map((p) => p.id),
  );
  throw new InputError(
    `unknown GPU ${quote(name)}; did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}? ` +
      'LLM_GPUS() lists every preset; a custom GPU is written "tflops=312; bandwidth_gbs=2039; memory_gb=80".',
  );
}

/** The estimator's view of a preset. */
export function presetSpec(preset: GpuPreset): GpuSpec {
  const peaks: Partial<Record<ComputeType, number>> = {};
  for (const type of COMPUTE_TYPES) {
    const figure = preset.peaks[type];
    if (figure) peaks[type] = figure.value;
  }
  return {
    name: preset.name,
    memoryGb: preset.memoryGb.value,
    bandwidthGbs: preset.bandwidthGbs.value,
    peaks,
    preset,
    class: preset.class.value,
  };
}

/** Keys of a custom GPU spec, with what each means. */
export const CUSTOM_GPU_KEYS: Readonly<Record<string, string>> = {
  base: 'a preset to start from, e.g. base=H100',
  name: 'a display name',
  class: `which measured efficiencies apply: ${GPU_CLASSES.join(', ')} (default: the base preset's, else ${DEFAULT_GPU_CLASS})`,
  tflops: 'dense peak in TFLOPS used for every precision not given its own',
  ...Object.fromEntries(COMPUTE_TYPES.map((t) => [`tflops_${t}`, `dense ${t} peak in TFLOPS`])),
  bandwidth_gbs: 'memory bandwidth in GB/s',
  memory_gb: 'memory capacity in GB',
};

/**
 * A custom GPU from key/value pairs (keys as in CUSTOM_GPU_KEYS, case-insensitive), optionally
 * based on a preset whose figures it overrides.
 */
export function customGpu(entries: ReadonlyMap<string, string>): GpuSpec {
  let base: GpuSpec | undefined;
  let name = 'custom GPU';
  let gpuClass: GpuClass | undefined;
  let memoryGb: number | undefined;
  let bandwidthGbs: number | undefined;
  let allPeaks: number | undefined;
  const peaks: Partial<Record<ComputeType, number>> = {};
  for (const [rawKey, rawValue] of entries) {
    const key = rawKey.trim().toLowerCase();
    if (key === 'base') {
      base = presetSpec(getGpuPreset(rawValue));
      continue;
    }
    if (key === 'name') {
      checkNameLength(rawValue, 'GPU');
      name = rawValue;
      continue;
    }
    if (key === 'class') {
      gpuClass = parseGpuClass(rawValue);
      continue;
    }
    if (!hasOwnKey(CUSTOM_GPU_KEYS, key)) {
      throw new InputError(
        `unknown custom GPU key ${quote(rawKey)}; valid keys: ${Object.keys(CUSTOM_GPU_KEYS).join(', ')}`,
      );
    }
    const value = parseDecimal(rawValue);
    if (!Number.isFinite(value) || value <= 0) {
      throw new InputError(`custom GPU ${key} must be a positive number, got ${quote(rawValue)}`);
    }
    if (key === 'memory_gb') memoryGb = value;
    else if (key === 'bandwidth_gbs') bandwidthGbs = value;
    else if (key === 'tflops') allPeaks = value;
    else peaks[key.slice('tflops_'.length) as ComputeType] = value;
  }
  const merged: Partial<Record<ComputeType, number>> = { ...base?.peaks };
  if (allPeaks !== undefined) for (const type of COMPUTE_TYPES) merged[type] = allPeaks;
  Object.assign(merged, peaks);
  return {
    name: base && name === 'custom GPU' ? `${base.name} (custom)` : name,
    memoryGb: memoryGb ?? base?.memoryGb,
    bandwidthGbs: bandwidthGbs ?? base?.bandwidthGbs,
    peaks: merged,
    preset: base?.preset,
    class: gpuClass ?? base?.class,
  };
}

/** A `class=` value: one of GPU_CLASSES, case-insensitive. */
function parseGpuClass(rawValue: string): GpuClass {
  const value = rawValue.trim().toLowerCase();
  const found = GPU_CLASSES.find((c) => c === value);
  if (found) return found;
  throw new InputError(`custom GPU class must be one of ${GPU_CLASSES.join(', ')}, got ${quote(rawValue)}`);
}

/**
 * When a GPU lacks a compute type, the estimator uses the next one the hardware has, in this order
 * (documented in the README): bf16 on a T4 or V100 runs at its fp16 rate, fp16 on a TPU at its bf16
 * rate, fp8 and int8 on an A100 at its fp16 rate, fp4 on a Hopper at its fp8 rate, tf32 on a GPU
 * without TF32 tensor cores at its fp32 rate. Each step goes to a wider format, so the fallback
 * never claims more speed than the hardware has for the requested one.
 */
export const FALLBACKS: Readonly<Record<ComputeType, readonly ComputeType[]>> = {
  fp32: [],
  tf32: ['fp32'],
  fp16: ['bf16'],
  bf16: ['fp16'],
  fp8: ['fp16', 'bf16'],
  int8: ['fp16', 'bf16'],
  fp4: ['fp8', 'fp16', 'bf16'],
};

/** The dense peak an estimator uses for a compute type, and which type it really is. */
export function peakTflops(gpu: GpuSpec, type: ComputeType): { tflops: number; computeType: ComputeType } {
  for (const candidate of [type, ...FALLBACKS[type]]) {
    const tflops = gpu.peaks[candidate];
    if (tflops !== undefined) return { tflops, computeType: candidate };
  }
  throw new InputError(
    `${gpu.name} has no ${type} peak; give one, e.g. "tflops_${type}=100" or "tflops=100" in a custom GPU`,
  );
}

/** Memory bandwidth in GB/s, or an error saying how to give it. */
export function bandwidthGbs(gpu: GpuSpec): number {
  if (gpu.bandwidthGbs === undefined) {
    throw new InputError(`${gpu.name} has no memory bandwidth; add "bandwidth_gbs=..." to the custom GPU`);
  }
  return gpu.bandwidthGbs;
}
