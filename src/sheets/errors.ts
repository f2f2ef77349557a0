/**
 * Error text as it reads in a cell: `LLM_VRAM: S (sequence length) must be a positive number, got -5`.
 */
import { InputError } from '../core/errors';

/** Thrown for one argument; the invoker prefixes the function name and argument. */
export class ArgumentError extends InputError {}

/** The message of anything thrown, for a cell. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
