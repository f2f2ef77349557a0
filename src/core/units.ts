/** Bytes in one GiB. The methodology divides by 1024^3 (sections 2.1–2.3). */
export const BYTES_PER_GIB = 1024 ** 3;

/** TFLOPS to FLOP/s: "GPU_FLOPS = TFLOPs × 10^12" (methodology 3.1). */
export const FLOPS_PER_TFLOPS = 1e12;

/** GB/s to bytes/s: "BW_GB/s × 10^9" (methodology 3.3). */
export const BYTES_PER_GB = 1e9;

/** Parameters in one billion: "P_Billion × 10^9" (methodology 3.3). */
export const PARAMS_PER_BILLION = 1e9;
