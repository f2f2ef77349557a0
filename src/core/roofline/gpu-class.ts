/**
 * The class of a GPU, which is what its measured efficiencies depend on most: HBM datacenter parts,
 * GDDR workstation (and GDDR datacenter) cards, GDDR consumer (GeForce) cards, and unified-memory
 * machines (Apple silicon, DGX Spark). The fitted efficiencies (./efficiency.ts) are given per class.
 *
 * Workstation and consumer GDDR cards are apart because their preset peaks are not alike: a
 * GeForce preset states the FP32-accumulate tensor rate, half of what llama.cpp's FP16-accumulate
 * kernels can reach, while workstation parts run FP32 accumulation at full rate (catalog
 * conventions, src/core/gpus/catalog.ts).
 */
import type { GpuSpec } from '../gpus/lookup';

export const GPU_CLASSES = ['hbm', 'workstation', 'consumer', 'unified'] as const;
export type GpuClass = (typeof GPU_CLASSES)[number];

/** Datacenter cards on GDDR6, with the workstation cards' full-rate accumulation. */
const GDDR_DATACENTER: ReadonlySet<string> = new Set(['t4', 'a10', 'a10g', 'a40', 'l4', 'l40s']);

/** GeForce presets: RTX followed by a four-digit model number (rtx-3090, rtx-4090, rtx-5090). */
const GEFORCE = /^rtx-\d{4}(-|$)/;

/**
 * The class of a GPU: unified memory first (Apple silicon, DGX Spark); GeForce cards; the other RTX
 * parts (RTX A6000, RTX Ada, RTX PRO) and the GDDR datacenter cards (T4, A10, A10G, A40, L4, L40S)
 * as workstation; otherwise HBM. A custom GPU takes its base preset's class, and is HBM without one.
 */
export function gpuClass(gpu: GpuSpec): GpuClass {
  const preset = gpu.preset;
  if (preset === undefined) return 'hbm';
  if (preset.unifiedMemory) return 'unified';
  if (GEFORCE.test(preset.id) && !preset.id.endsWith('-ada')) return 'consumer';
  if (preset.id.startsWith('rtx-') || GDDR_DATACENTER.has(preset.id)) return 'workstation';
  return 'hbm';
}
