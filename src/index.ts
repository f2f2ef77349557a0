/**
 * The Apps Script bundle's entry. esbuild wraps it in one IIFE assigned to the global `LLMSizing`;
 * the generated top-level stubs (`function LLM_VRAM(...)`) call `LLMSizing.invoke`.
 * Loading it touches no Apps Script service.
 */
import { GPU_PRESETS, SOURCES, type GpuPreset, type Source } from './core/gpus/catalog';
import { FALLBACKS } from './core/gpus/lookup';
import type { ComputeType } from './core/precision';
import type { Arg, Result } from './sheets/cells';
import { GPU_FIELD_DOCS } from './sheets/functions/catalog';
import { FUNCTIONS, getFunction } from './sheets/registry';

/** Runs a custom function as Sheets calls it. */
export function invoke(name: string, args: readonly Arg[]): Result {
  return getFunction(name).invoke(args);
}

/** Metadata for the build (stubs), the README table and tests. */
export function describeFunctions(): {
  name: string;
  summary: string;
  section?: string;
  returns: string;
  examples: readonly string[];
  spills: boolean;
  params: { name: string; description: string; jsdocType: string; optional: boolean }[];
}[] {
  return FUNCTIONS.map((f) => ({
    name: f.name,
    summary: f.summary,
    section: f.section,
    returns: f.returns,
    examples: f.examples,
    spills: f.spills === true,
    params: f.params.map((p) => ({
      name: p.name,
      description: p.description,
      jsdocType: p.jsdocType,
      optional: p.optional,
    })),
  }));
}

/** The GPU catalog as data, for the README's generated GPU table. */
export function describeGpus(): {
  presets: readonly GpuPreset[];
  sources: Readonly<Record<string, Source>>;
  fields: readonly { field: string; about: string }[];
  fallbacks: Readonly<Record<ComputeType, readonly ComputeType[]>>;
} {
  return { presets: GPU_PRESETS, sources: SOURCES, fields: GPU_FIELD_DOCS, fallbacks: FALLBACKS };
}
