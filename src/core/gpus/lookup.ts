/**
 * Resolving a GPU: a preset by name (contract name matching and aliases) or a custom spec, and the
 * dense peak an estimator uses for a compute type.
 */
import { InputError } from '../errors';
import { closestNames, normalizeName } from '../names';
import { COMPUTE_TYPES, type ComputeType } from '../precision';
import { GPU_PRESETS, type GpuPreset } from './catalog';

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
}

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

/** The preset a name means, or undefined. */
export function findGpuPreset(name: string): GpuPreset | undefined {
  return PRESET_BY_KEY.get(normalizeName(name));
}

/** The preset a name means; an unknown name is an error suggesting the closest presets. */
export function getGpuPreset(name: string): GpuPreset {
  const preset = findGpuPreset(name);
  if (preset) return preset;
  const suggestions = closestNames(
    name,
    GPU_PRESETS.map((p) => p.id),
  );
  throw new InputError(
    `unknown GPU "${name}"; did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}? ` +
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
  };
}

/** Keys of a custom GPU spec, with what each means. */
export const CUSTOM_GPU_KEYS: Readonly<Record<string, string>> = {
  base: 'a preset to start from, e.g. base=H100',
  name: 'a display name',
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
      name = rawValue;
      continue;
    }
    if (!(key in CUSTOM_GPU_KEYS)) {
      throw new InputError(
        `unknown custom GPU key "${rawKey}"; valid keys: ${Object.keys(CUSTOM_GPU_KEYS).join(', ')}`,
      );
    }
    const value = Number(rawValue.trim());
    if (rawValue.trim() === '' || !Number.isFinite(value) || value <= 0) {
      throw new InputError(`custom GPU ${key} must be a positive number, got "${rawValue}"`);
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
  };
}

/**
 * When a GPU lacks a compute type, the estimator uses the next one the hardware has (e.g. bf16 on a
 * T4 runs at its fp16 rate, fp8 on an A100 at its fp16 rate). Documented in the README.
 */
const FALLBACKS: Readonly<Record<ComputeType, readonly ComputeType[]>> = {
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
