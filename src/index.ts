/**
 * The Apps Script bundle's entry. esbuild wraps it in one IIFE assigned to the global `LLMSizing`;
 * the generated top-level stubs (`function LLM_VRAM(...)`) call `LLMSizing.invoke`.
 * Loading it touches no Apps Script service.
 */
import { METRICS, METRIC_TABLE } from './core/estimate';
import { GPU_PRESETS, SOURCES, type GpuPreset, type Source } from './core/gpus/catalog';
import { FALLBACKS } from './core/gpus/lookup';
import { MODEL_PRESETS } from './core/models/catalog';
import { PRECISIONS, type ComputeType } from './core/precision';
import type { Shape } from './sheets/broadcast';
import type { Arg, Output, Result } from './sheets/cells';
import type { Example } from './sheets/define';
import { GPU_FIELD_DOCS } from './sheets/functions/catalog';
import { MODEL_TABLE_FIELDS, modelRow } from './sheets/functions/models';
import { OPTION_KEYS, OPTION_SPECS } from './sheets/options';
import { FUNCTIONS, getFunction } from './sheets/registry';
import * as server from './addon/server';

/**
 * Apps Script entry points (menu, sidebar, template insertion). The build gives each a top-level
 * function that Apps Script can call by name (menu items, triggers, google.script.run).
 */
export { server };
export const SERVER_FUNCTIONS = [
  'onOpen',
  'onInstall',
  'showSidebar',
  'showAbout',
  'insertSizingTemplate',
  'insertGpuComparisonTemplate',
  'insertSweepTemplate',
  'insertSizingGrid',
  'freezeSelectedResults',
  'freezeSheetResults',
] as const satisfies readonly (keyof typeof server)[];

/** Runs a custom function as Sheets calls it. */
export function invoke(name: string, args: readonly Arg[]): Result {
  return getFunction(name).invoke(args);
}

/** The size of a function's result from the sizes of its arguments (rows x columns). */
export function resultShape(name: string, argShapes: readonly Shape[]): Shape {
  return getFunction(name).resultShape(argShapes);
}

/** Metadata for the build (stubs), the README table and tests. */
export function describeFunctions(): {
  name: string;
  summary: string;
  section?: string;
  returns: string;
  /** Formulas with their results and where each result comes from (`Example`). */
  examples: readonly Example[];
  spills: boolean;
  params: { name: string; description: string; jsdocType: string; optional: boolean }[];
  /** The option keys the function reads. */
  options: readonly string[];
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
    options: f.optionKeys,
  }));
}

/** Every option key with its meaning, groups and the functions that read it, for the README. */
export function describeOptions(): {
  key: string;
  description: string;
  groups: readonly string[];
  functions: string[];
}[] {
  return OPTION_KEYS.map((key) => ({
    key,
    description: OPTION_SPECS[key].description,
    groups: OPTION_SPECS[key].groups,
    functions: FUNCTIONS.filter((f) => f.optionKeys.includes(key)).map((f) => f.name),
  }));
}

/** LLM_ESTIMATE's metrics with their units and whether they depend on the method, for the README. */
export function describeMetrics(): { metric: string; unit: string; dependsOnMethod: boolean }[] {
  return METRICS.map((metric) => ({
    metric,
    unit: METRIC_TABLE[metric].unit,
    dependsOnMethod: METRIC_TABLE[metric].dependsOnMethod,
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

/** The model presets as LLM_MODELS() lists them, for the README's model table. */
export function describeModels(): { header: readonly string[]; rows: Output[][] } {
  return { header: MODEL_TABLE_FIELDS, rows: MODEL_PRESETS.map(modelRow) };
}

/** The precisions, for the README's precision table. */
export function describePrecisions(): {
  id: string;
  bitsPerWeight: number;
  computeType: string;
  kvBits: number;
  activationBits: number;
  layout: string;
  aliases: readonly string[];
}[] {
  return PRECISIONS.map((p) => ({
    id: p.id,
    bitsPerWeight: p.bitsPerWeight,
    computeType: p.computeType,
    kvBits: p.kvBits,
    activationBits: p.activationBits,
    layout:
      p.layout.kind === 'uniform'
        ? 'every tensor'
        : p.layout.kind === 'gguf'
          ? 'llama.cpp mixture'
          : p.layout.expertsOnlyInMoe
            ? 'linear layers (MoE: experts only)'
            : 'linear layers',
    aliases: p.aliases,
  }));
}
