/**
 * Catalog functions: one GPU preset field, or the whole list.
 */
import { InputError } from '../../core/errors';
import { GPU_PRESETS, SOURCES, type Figure, type GpuPreset } from '../../core/gpus/catalog';
import { presetSpec, type GpuSpec } from '../../core/gpus/lookup';
import { COMPUTE_TYPES, findPrecision, type Precision } from '../../core/precision';
import type { Output } from '../cells';
import { ArgumentError } from '../errors';
import { defineFunction, type FunctionDef, type ParamSpec } from '../define';
import { gpu, precision, text } from '../params';

function cite(figure: Figure | undefined): string {
  if (!figure) return '';
  const source = SOURCES[figure.source];
  const derived = figure.derived ? ` (${figure.derived})` : '';
  const note = figure.note ? ` [${figure.note}]` : '';
  return `${source.title}: ${source.ref}${derived}${note}`;
}

/** Every figure of a preset with its source, one per line. */
function allSources(preset: GpuPreset): string {
  const lines = [
    `memory_gb: ${cite(preset.memoryGb)}`,
    `bandwidth_gbs: ${cite(preset.bandwidthGbs)}`,
    ...COMPUTE_TYPES.filter((t) => preset.peaks[t]).map((t) => `tflops ${t}: ${cite(preset.peaks[t])}`),
  ];
  if (preset.tdpW) lines.push(`tdp_w: ${cite(preset.tdpW)}`);
  return lines.join('\n');
}

function presetOrError(spec: GpuSpec, field: string): GpuPreset {
  if (!spec.preset) throw new InputError(`field "${field}" exists only for presets, not for ${spec.name}`);
  return spec.preset;
}

function tflopsFor(spec: GpuSpec, p: Precision): number {
  const value = spec.peaks[p.computeType];
  if (value === undefined) {
    throw new InputError(
      `${spec.name} has no dense ${p.computeType} peak (the hardware does not support it); estimators use the next supported type, see the README`,
    );
  }
  return value;
}

const FIELDS: Readonly<Record<string, (spec: GpuSpec, p: Precision) => Output>> = {
  name: (spec) => spec.name,
  id: (spec) => presetOrError(spec, 'id').id,
  vendor: (spec) => presetOrError(spec, 'vendor').vendor,
  family: (spec) => presetOrError(spec, 'family').family,
  memory_gb: (spec) => {
    if (spec.memoryGb === undefined) throw new InputError(`${spec.name} has no memory_gb`);
    return spec.memoryGb;
  },
  bandwidth_gbs: (spec) => {
    if (spec.bandwidthGbs === undefined) throw new InputError(`${spec.name} has no bandwidth_gbs`);
    return spec.bandwidthGbs;
  },
  tflops: tflopsFor,
  tdp_w: (spec) => {
    const tdp = presetOrError(spec, 'tdp_w').tdpW;
    if (!tdp) throw new InputError(`${spec.name} has no sourced tdp_w`);
    return tdp.value;
  },
  source: (spec) => (spec.preset ? allSources(spec.preset) : 'custom GPU (figures given by the user)'),
  memory_gb_source: (spec) => cite(presetOrError(spec, 'memory_gb_source').memoryGb),
  bandwidth_gbs_source: (spec) => cite(presetOrError(spec, 'bandwidth_gbs_source').bandwidthGbs),
  tflops_source: (spec, p) => {
    tflopsFor(spec, p);
    return cite(presetOrError(spec, 'tflops_source').peaks[p.computeType]);
  },
  tdp_w_source: (spec) => cite(presetOrError(spec, 'tdp_w_source').tdpW),
};

const field: ParamSpec<string, false> = {
  ...text('field', 'field', `Field to return: ${Object.keys(FIELDS).join(', ')}.`),
  coerce: (value) => {
    const name = text('field', 'field', '').coerce(value).toLowerCase();
    if (!(name in FIELDS)) {
      throw new ArgumentError(`must be one of ${Object.keys(FIELDS).join(', ')}, got "${name}"`);
    }
    return name;
  },
};

const FP16 = findPrecision('fp16') as Precision;

const TABLE_HEADER = [
  'id',
  'name',
  'vendor',
  'family',
  'memory_gb',
  'bandwidth_gbs',
  ...COMPUTE_TYPES.map((t) => `tflops_${t}`),
  'tdp_w',
  'source',
];

export const CATALOG_FUNCTIONS: readonly FunctionDef[] = [
  defineFunction({
    name: 'LLM_GPU',
    summary: 'One field of a GPU preset: memory, bandwidth, dense peak for a precision, name or source.',
    returns: 'The field: memory_gb in GB, bandwidth_gbs in GB/s, tflops in dense TFLOPS, or text.',
    examples: ['=LLM_GPU("A100", "tflops", "fp16")', '=LLM_GPU("H100", "bandwidth_gbs")'],
    params: [
      { ...gpu, name: 'name', label: 'GPU name' },
      field,
      {
        ...precision,
        optional: true,
        description: 'Precision whose dense peak "tflops" returns; default "fp16".',
      },
    ],
    compute: (spec, f, p) => FIELDS[f](spec, p ?? FP16),
  }),
  defineFunction({
    name: 'LLM_GPUS',
    summary: 'The GPU preset catalog as a table with a header row (spills).',
    returns: 'A table: id, name, vendor, family, memory_gb, bandwidth_gbs, dense TFLOPS per type, tdp_w, source.',
    examples: ['=LLM_GPUS()'],
    spills: true,
    params: [],
    compute: () => [
      TABLE_HEADER,
      ...GPU_PRESETS.map((preset) => {
        const spec = presetSpec(preset);
        return [
          preset.id,
          preset.name,
          preset.vendor,
          preset.family,
          preset.memoryGb.value,
          preset.bandwidthGbs.value,
          ...COMPUTE_TYPES.map((t) => spec.peaks[t] ?? ''),
          preset.tdpW?.value ?? '',
          allSources(preset),
        ];
      }),
    ],
  }),
];
