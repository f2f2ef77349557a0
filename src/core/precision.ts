/**
 * Number formats: how many bits a weight takes in memory and which hardware peak it computes at.
 *
 * Methodology 4 lists fp32 (4 bytes) and fp16/bf16 (2 bytes); the sheet-function contract adds the
 * formats people deploy. The KV cache and activations are held at the format's compute type
 * (8-bit for fp8, 16-bit for weight-only formats) unless `kv_precision` says otherwise.
 */
import { closestNames, normalizeName } from './names';

/** The kinds of hardware peak a GPU preset can state (dense, TFLOPS or TOPS). */
export const COMPUTE_TYPES = ['fp32', 'tf32', 'fp16', 'bf16', 'fp8', 'int8', 'fp4'] as const;
export type ComputeType = (typeof COMPUTE_TYPES)[number];

export interface Precision {
  /** Canonical name, as a user types it. */
  readonly id: string;
  /** Bits one weight takes in memory, scales included (b of methodology 2.1). */
  readonly bitsPerWeight: number;
  /** The hardware peak the matrix multiplications run at. */
  readonly computeType: ComputeType;
  /** Bits per KV-cache value (b of methodology 2.2) unless `kv_precision` overrides it. */
  readonly kvBits: number;
  /** Bits per activation value (b of methodology 2.3). */
  readonly activationBits: number;
  /** Other names people write for it; matched like the id. */
  readonly aliases: readonly string[];
  /** Why the numbers are what they are. */
  readonly note: string;
}

export const PRECISIONS: readonly Precision[] = [
  {
    id: 'fp32',
    bitsPerWeight: 32,
    computeType: 'fp32',
    kvBits: 32,
    activationBits: 32,
    aliases: ['float32', 'float', 'f32', 'single'],
    note: 'IEEE single precision; methodology 4: 4 bytes per parameter; computes at the non-tensor FP32 peak.',
  },
  {
    id: 'tf32',
    bitsPerWeight: 32,
    computeType: 'tf32',
    kvBits: 32,
    activationBits: 32,
    aliases: ['tensorfloat32'],
    note: 'Stored as fp32 (4 bytes); matrix multiplications run at the TF32 tensor-core peak.',
  },
  {
    id: 'fp16',
    bitsPerWeight: 16,
    computeType: 'fp16',
    kvBits: 16,
    activationBits: 16,
    aliases: ['float16', 'half', 'f16'],
    note: 'IEEE half precision; methodology 4: 2 bytes per parameter; FP16 tensor-core peak.',
  },
  {
    id: 'bf16',
    bitsPerWeight: 16,
    computeType: 'bf16',
    kvBits: 16,
    activationBits: 16,
    aliases: ['bfloat16', 'brainfloat16'],
    note: 'bfloat16; methodology 4: 2 bytes per parameter; BF16 tensor-core peak.',
  },
  {
    id: 'fp8',
    bitsPerWeight: 8,
    computeType: 'fp8',
    kvBits: 8,
    activationBits: 8,
    aliases: ['float8', 'e4m3', 'fp8e4m3', 'w8a8fp8'],
    note: 'FP8 (E4M3) weights and activations, per-tensor scales (negligible); KV cache in 8 bits as the contract states.',
  },
  {
    id: 'int8',
    bitsPerWeight: 8,
    computeType: 'int8',
    kvBits: 16,
    activationBits: 16,
    aliases: ['w8a8', 'w8a8int8'],
    note: 'INT8 weights (W8A8, per-channel scales, negligible) at the INT8 tensor peak; KV cache stays 16-bit as in vLLM and TensorRT-LLM defaults.',
  },
];

const PRECISION_BY_KEY = new Map<string, Precision>();
for (const precision of PRECISIONS) {
  for (const name of [precision.id, ...precision.aliases]) {
    PRECISION_BY_KEY.set(normalizeName(name), precision);
  }
}

/** Looks a precision up by name or alias (case-insensitive); undefined when unknown. */
export function findPrecision(name: string): Precision | undefined {
  return PRECISION_BY_KEY.get(normalizeName(name));
}

/** The closest known precision names to an unknown one, for error messages. */
export function suggestPrecisions(name: string): string[] {
  return closestNames(
    name,
    PRECISIONS.map((p) => p.id),
  );
}
