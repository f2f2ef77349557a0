/**
 * Efficiency (methodology 5) and multi-GPU scaling (methodology 6), as the document writes them.
 */

/**
 * Overall efficiency (methodology 5): `f_base × f_memory_bound × f_utilization × f_framework`.
 *
 * @example efficiencyProduct(0.4, 0.7, 0.75, 0.85) // 0.1785
 */
export function efficiencyProduct(base: number, memoryBound: number, utilization: number, framework: number): number {
  return base * memoryBound * utilization * framework;
}

/**
 * Multi-GPU speedup (methodology 6): `N_GPU × f_scaling`.
 * As written, one GPU gives a "speedup" of f_scaling < 1 (docs/methodology-notes.md, note 6).
 *
 * @example multiGpuSpeedup(8, 0.8) // 6.4
 */
export function multiGpuSpeedup(nGpus: number, scaling: number): number {
  return nGpus * scaling;
}
