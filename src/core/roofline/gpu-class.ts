/**
 * The class of a GPU, which is what its measured efficiencies depend on most: HBM datacenter parts,
 * GDDR workstation (and GDDR datacenter) cards, GDDR consumer (GeForce) cards, and unified-memory
 * machines (Apple silicon, DGX Spark). The fitted efficiencies (./efficiency.ts) are given per class.
 *
 * The class is catalog data: every preset states it with its reason (`class` in
 * src/core/gpus/catalog.ts, where GPU_CLASS_MEANING says what puts a GPU in each), and a custom GPU
 * states it with `class=`, takes its `base=` preset's, or is DEFAULT_GPU_CLASS (src/core/gpus/lookup.ts).
 */
import { GPU_CLASSES, type GpuClass } from '../gpus/catalog';
import { DEFAULT_GPU_CLASS, type GpuSpec } from '../gpus/lookup';

export { GPU_CLASSES, type GpuClass };

/** The class of a GPU: the one it states, else its preset's, else DEFAULT_GPU_CLASS. */
export function gpuClass(gpu: GpuSpec): GpuClass {
  return gpu.class ?? gpu.preset?.class.value ?? DEFAULT_GPU_CLASS;
}
