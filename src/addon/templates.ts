/**
 * The planning-sheet templates, as data. `render.ts` turns any of them into a SheetPlan; nothing
 * here knows about Apps Script. Formulas name inputs as `{key}` (an input cell) and outputs of the
 * same sheet as `{out:key}`; every result is a formula on the input cells, so a copied sheet keeps
 * working without the sidebar.
 */
import { GPU_PRESETS } from '../core/gpus/catalog';
import { sheetChoices, type InputKey } from './inputs';
import type { TemplateId } from './request';

export type { InputKey };

/** What a template's speed cells say when the GPU has no sourced peak for the precision (A10G). */
export const NO_PEAK = 'no sourced peak';

/**
 * The GPU comparison's list offers the GPU presets with a sourced peak: its rows share one array
 * call with the speed columns, and a GPU without any peak would fill them with the function's
 * message. A10G (AWS and NVIDIA publish none) is left out of it; typed in, its row still gets its
 * memory figures. The single-GPU templates and the sidebar offer every preset (see NO_PEAK).
 */
const hasPeak = (id: string) =>
  Object.values(GPU_PRESETS.find((g) => g.id === id)?.peaks ?? {}).some((v) => v !== undefined);

export const GPU_TABLE_CHOICES: readonly string[] = sheetChoices('gpu').filter(hasPeak);

const WITHOUT_PEAK = GPU_PRESETS.filter((g) => !hasPeak(g.id)).map((g) => g.name);

export const GPU_TABLE_HELP =
  'A GPU preset (see LLM_GPUS()) or a custom GPU such as "tflops=312; bandwidth_gbs=2039; memory_gb=80". ' +
  `The list leaves out GPUs without a sourced peak (${WITHOUT_PEAK.join(', ')}): typed in, they get memory ` +
  'figures, and the function’s message in the speed columns.';

export interface OutputRow {
  readonly key: string;
  readonly label: string;
  readonly formula: string;
  readonly format: string;
  /**
   * A speed figure: computed even when the model does not fit, and then marked beside it (the
   * section's `fits` row is FALSE) with DOES_NOT_FIT and the red of the sweep.
   */
  readonly speed?: boolean;
}

export interface MetricColumn {
  readonly metric: string;
  readonly label: string;
  readonly format: string;
  /**
   * A speed figure. In the GPU table: coloured in the rows whose fits column is FALSE (see
   * OutputRow.speed); in a sweep: NO_PEAK in every cell when the GPU has no sourced peak for the
   * precision (see noPeakTest).
   */
  readonly speed?: boolean;
}

/** What a sheet writes beside a speed figure whose configuration does not fit in the GPUs' memory. */
export const DOES_NOT_FIT = 'does not fit';

/** The colours a sheet marks what does not fit with (the sweep's, and every template's). */
export const NO_FIT_COLORS = { background: '#f4c7c3', fontColor: '#a50e0e' } as const;

export type Section =
  /**
   * Label/formula rows under a header. `fits`: the key of the row saying whether the model fits;
   * its FALSE marks the speed rows.
   */
  | { readonly kind: 'outputs'; readonly title: string; readonly rows: readonly OutputRow[]; readonly fits?: string }
  /** A one-row breakdown beside the inputs and a stacked bar chart of it. */
  | {
      readonly kind: 'breakdown';
      readonly title: string;
      readonly parts: readonly { readonly label: string; readonly formula: string }[];
    }
  /** An editable GPU list with one broadcasting call per block of columns. */
  | {
      readonly kind: 'gpu-table';
      readonly title: string;
      readonly gpus: readonly string[];
      readonly spareRows: number;
      readonly metrics: readonly MetricColumn[];
    }
  /** Batch sizes down, context lengths across; one broadcasting call per table. */
  | {
      readonly kind: 'sweep';
      readonly batches: readonly number[];
      readonly contexts: readonly number[];
      readonly tables: readonly MetricColumn[];
    };

export interface TemplateDef {
  readonly id: TemplateId;
  readonly sheetName: string;
  readonly title: string;
  readonly description: string;
  readonly inputs: readonly InputKey[];
  /** Rows computed from the inputs, shown with them (e.g. the GPU memory a sweep compares against). */
  readonly derivedInputs?: readonly OutputRow[];
  readonly sections: readonly Section[];
}

const call = (metric: string) => `LLM_ESTIMATE({model},"${metric}",{batch},{context},{precision},{gpu},{options})`;
const estimate = (metric: string) => `=${call(metric)}`;

/**
 * The compute type the speed figures use for the precision on the GPU (after fallback, e.g. fp16 for
 * bf16 on a T4), or NO_PEAK when the GPU has no sourced peak for it. `guards` are cells that fail
 * for a GPU or precision that is not known: their error is shown instead, so NO_PEAK means only
 * what it says.
 */
const peakFormula = (guards: readonly string[]) =>
  `=IFERROR(LLM_GPU({gpu},"compute_type",{precision}),${guards.reduceRight(
    (rest, g) => `IF(ISERROR(${g}),${g},${rest})`,
    `"${NO_PEAK}"`,
  )})`;

/** Whether the template's peak cell says NO_PEAK (FALSE when it shows an error: the call then says why). */
const NO_PEAK_TEST = `IFERROR({out:peak}="${NO_PEAK}",FALSE)`;

/**
 * The same test without a peak cell (a sweep keeps its layout): the GPU has no peak for the
 * precision while `known` (cells that fail for an unknown GPU or precision) compute.
 */
export const noPeakTest = (known: readonly string[]) =>
  `AND(ISERROR(LLM_GPU({gpu},"compute_type",{precision})),${known.map((k) => `ISNUMBER(${k})`).join(',')})`;

/** A speed figure: NO_PEAK instead of an error for a GPU without a sourced peak. */
const speedEstimate = (metric: string) => `=IF(${NO_PEAK_TEST},"${NO_PEAK}",${call(metric)})`;

const GIB = '*10^9/2^30';

export const TEMPLATES: Readonly<Record<TemplateId, TemplateDef>> = {
  sizing: {
    id: 'sizing',
    sheetName: 'LLM sizing',
    title: 'LLM sizing',
    description:
      'Memory and speed of one model on one GPU type. Edit the blue input cells; every result is a formula. Red marks speed figures of a configuration that does not fit.',
    inputs: [
      'model',
      'gpu',
      'precision',
      'kvPrecision',
      'batch',
      'context',
      'outputTokens',
      'nGpus',
      'engine',
      'method',
    ],
    sections: [
      {
        kind: 'outputs',
        title: 'Results',
        fits: 'fits',
        rows: [
          { key: 'params', label: 'Parameters', formula: estimate('params'), format: '#,##0' },
          { key: 'active', label: 'Active parameters per token', formula: estimate('active_params'), format: '#,##0' },
          { key: 'weights', label: 'Weights (GiB)', formula: estimate('weights_gib'), format: '0.00' },
          { key: 'kv', label: 'KV cache (GiB)', formula: estimate('kv_cache_gib'), format: '0.00' },
          { key: 'activations', label: 'Activations (GiB)', formula: estimate('activations_gib'), format: '0.00' },
          { key: 'vram', label: 'Total VRAM (GiB)', formula: estimate('vram_gib'), format: '0.00' },
          { key: 'perGpu', label: 'VRAM per GPU (GiB)', formula: estimate('vram_per_gpu_gib'), format: '0.00' },
          {
            key: 'gpuMemory',
            label: 'Memory per GPU (GiB)',
            formula: `=LLM_GPU({gpu},"memory_gb")${GIB}`,
            format: '0.00',
          },
          { key: 'fits', label: 'Fits', formula: estimate('fits'), format: '' },
          {
            key: 'gpusNeeded',
            label: 'GPUs needed (by memory)',
            formula: '=ROUNDUP({out:vram}/{out:gpuMemory},0)',
            format: '0',
          },
          {
            key: 'peak',
            label: 'Peak used for speed',
            formula: peakFormula(['{out:gpuMemory}', '{out:weights}']),
            format: '',
          },
          {
            key: 'ttft',
            label: 'Time to first token (s)',
            formula: speedEstimate('prefill_s'),
            format: '0.000',
            speed: true,
          },
          {
            key: 'tpot',
            label: 'Time per output token (s)',
            formula: speedEstimate('token_latency_s'),
            format: '0.0000',
            speed: true,
          },
          {
            key: 'tps',
            label: 'Tokens/s (all sequences)',
            formula: speedEstimate('tokens_per_s'),
            format: '#,##0.0',
            speed: true,
          },
          {
            key: 'generation',
            label: 'Time for prompt and all output tokens (s)',
            formula: speedEstimate('generation_s'),
            format: '0.00',
            speed: true,
          },
        ],
      },
      {
        kind: 'breakdown',
        title: 'VRAM (GiB)',
        parts: [
          { label: 'Weights', formula: '={out:weights}' },
          { label: 'KV cache', formula: '={out:kv}' },
          { label: 'Activations', formula: '={out:activations}' },
          { label: 'Overhead', formula: '={out:vram}-{out:weights}-{out:kv}-{out:activations}' },
          { label: 'Free GPU memory', formula: '=MAX(0,{out:gpuMemory}*{nGpus}-{out:vram})' },
        ],
      },
    ],
  },
  'gpu-comparison': {
    id: 'gpu-comparison',
    sheetName: 'LLM GPU comparison',
    title: 'LLM GPU comparison',
    description:
      'One model across GPU types. Edit the inputs or the GPU list (add names in the blank rows). Red marks GPUs the model does not fit on.',
    inputs: ['model', 'precision', 'kvPrecision', 'batch', 'context', 'outputTokens', 'nGpus', 'engine', 'method'],
    sections: [
      {
        kind: 'gpu-table',
        title: 'GPUs',
        gpus: ['h100-sxm', 'h200-sxm', 'a100-80gb-sxm', 'a100-40gb-sxm', 'h100-pcie', 'l40s', 'l4', 'rtx-4090', 't4'],
        spareRows: 6,
        metrics: [
          { metric: 'vram_gib', label: 'Total VRAM (GiB)', format: '0.00' },
          { metric: 'fits', label: 'Fits', format: '' },
          { metric: 'tokens_per_s', label: 'Tokens/s', format: '#,##0.0', speed: true },
          { metric: 'prefill_s', label: 'Time to first token (s)', format: '0.000', speed: true },
        ],
      },
    ],
  },
  sweep: {
    id: 'sweep',
    sheetName: 'LLM sweep',
    title: 'LLM batch × context sweep',
    description:
      'Batch sizes down the rows, context lengths across. Edit the axes in the first table; red marks what does not fit.',
    inputs: ['model', 'gpu', 'precision', 'kvPrecision', 'outputTokens', 'nGpus', 'engine', 'method'],
    derivedInputs: [
      {
        key: 'memory',
        label: 'GPU memory × GPUs (GiB)',
        formula: `=LLM_GPU({gpu},"memory_gb")${GIB}*{nGpus}`,
        format: '0.00',
      },
    ],
    sections: [
      {
        kind: 'sweep',
        batches: [1, 2, 4, 8, 16, 32, 64, 128],
        contexts: [1024, 2048, 4096, 8192, 16384, 32768, 65536, 131072],
        tables: [
          { metric: 'vram_gib', label: 'Total VRAM (GiB)', format: '0.0' },
          { metric: 'tokens_per_s', label: 'Tokens/s (all sequences)', format: '#,##0', speed: true },
        ],
      },
    ],
  },
};
