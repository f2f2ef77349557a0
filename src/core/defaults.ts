/**
 * Default factors, as the methodology states them and the sheet-function contract fixes them.
 * Every one is overridable through `options`.
 */
export const DEFAULTS = {
  /** Methodology 3.1/5: "typically 0.2-0.3"; the contract fixes 0.25. */
  efficiency: 0.25,
  /** Methodology 6: "typically 0.7-0.9"; the contract fixes 0.8. */
  scaling: 0.8,
  /** Methodology 2.1: f_overhead "typically 1.05". */
  weightsOverhead: 1.05,
  /** Methodology 2.2: f_kv_overhead "typically 1.05". */
  kvOverhead: 1.05,
  /** Methodology 2.3: f_activations_overhead "typically 1.1". */
  activationsOverhead: 1.1,
  /** Methodology 2.4: f_system_overhead "typically 1.05". */
  systemOverhead: 1.05,
  /** Tokens generated when a function needs an output length and none is given. */
  outputTokens: 256,
  /** GPUs the model runs on. */
  nGpus: 1,
} as const;
