/**
 * Catalog functions: one GPU preset field, or the whole list (sheet-function contract, "Catalog
 * functions"). Every number can be traced: the `*_source` fields and `source` name where it was read.
 */
import { InputError } from '../../core/errors';
import {
  GPU_CLASSES,
  GPU_PRESETS,
  PRICE_STALE_MONTHS,
  SOURCES,
  isPriceStale,
  type ClassFigure,
  type Figure,
  type GpuPreset,
} from '../../core/gpus/catalog';
import { DEFAULT_GPU_CLASS, peakTflops, presetSpec, type GpuSpec } from '../../core/gpus/lookup';
import { gpuClass } from '../../core/roofline/gpu-class';
import { normalizeName } from '../../core/names';
import { COMPUTE_TYPES, findPrecision, type ComputeType } from '../../core/precision';
import { ownLookup, quote } from '../../core/text';
import type { Output } from '../cells';
import { toText } from '../coerce';
import { ArgumentError } from '../errors';
import { defineFunction, type FunctionDef, type ParamSpec } from '../define';
import { gpu, text } from '../params';

/** One figure's provenance as a line of text: source title, reference, how it was derived. */
export function cite(figure: Figure | undefined): string {
  if (!figure) return '';
  const source = SOURCES[figure.source];
  const via = 'via' in source ? ` (read via ${source.via})` : '';
  const derived = figure.derived ? ` [derived: ${figure.derived}]` : '';
  const note = figure.note ? ` [${figure.note}]` : '';
  return `${source.title}: ${source.ref}${via}${derived}${note}`;
}

/** A preset's class and why: its note, and the source that states the memory type when one does. */
export function citeClass(figure: ClassFigure): string {
  if (!figure.source) return `${figure.value} [${figure.note}]`;
  const source = SOURCES[figure.source];
  return `${figure.value} [${figure.note}]: ${source.title}: ${source.ref}`;
}

/** Every figure of a preset with its source, one per line. */
export function allSources(preset: GpuPreset): string {
  const lines = [
    `memory_gb: ${cite(preset.memoryGb)}`,
    `bandwidth_gbs: ${cite(preset.bandwidthGbs)}`,
    ...COMPUTE_TYPES.filter((t) => preset.peaks[t]).map((t) => `tflops ${t}: ${cite(preset.peaks[t])}`),
  ];
  if (preset.interconnect) lines.push(`interconnect_gbs: ${cite(preset.interconnect)}`);
  if (preset.tdpW) lines.push(`tdp_w: ${cite(preset.tdpW)}`);
  if (preset.pricePerHour) lines.push(`price_per_hour: ${cite(preset.pricePerHour)}`);
  lines.push(`class: ${citeClass(preset.class)}`);
  if (preset.note) lines.push(`note: ${preset.note}`);
  return lines.join('\n');
}

function presetOf(spec: GpuSpec, field: string): GpuPreset {
  if (!spec.preset) throw new InputError(`field "${field}" exists only for presets, not for ${spec.name}`);
  return spec.preset;
}

/** A field a preset may lack: its figure, or an error saying it is not sourced. */
function optional<T>(value: T | undefined, spec: GpuSpec, field: string): T {
  if (value === undefined) throw new InputError(`${spec.name} has no sourced ${field}`);
  return value;
}

function strictTflops(spec: GpuSpec, type: ComputeType): number {
  const value = spec.peaks[type];
  if (value !== undefined) return value;
  let fallback = '';
  try {
    const used = peakTflops(spec, type);
    fallback = `; the estimators use its ${used.computeType} peak, ${used.tflops}`;
  } catch {
    // No fallback either: the message below says so.
  }
  throw new InputError(
    `${spec.name} has no dense ${type} peak (the hardware lacks it or no source states it)${fallback}`,
  );
}

const price = (spec: GpuSpec) => optional(presetOf(spec, 'price_per_hour').pricePerHour, spec, 'price_per_hour');

interface GpuField {
  readonly about: string;
  readonly get: (spec: GpuSpec, type: ComputeType) => Output;
}

/** The fields of LLM_GPU, each with what it returns; looked up by own key only (`gpuField`). */
const FIELDS: Readonly<Record<string, GpuField>> = {
  name: { about: 'display name', get: (spec) => spec.name },
  id: { about: 'preset id', get: (spec) => presetOf(spec, 'id').id },
  vendor: { about: 'vendor', get: (spec) => presetOf(spec, 'vendor').vendor },
  family: { about: 'architecture generation', get: (spec) => presetOf(spec, 'family').family },
  class: {
    about: `which measured efficiencies the roofline method applies, one of ${GPU_CLASSES.join(', ')}; for a custom GPU its class= key, else its base preset's, else ${DEFAULT_GPU_CLASS}`,
    get: (spec) => gpuClass(spec),
  },
  memory_gb: { about: 'memory, GB', get: (spec) => optional(spec.memoryGb, spec, 'memory_gb') },
  unified_memory: {
    about: 'TRUE when CPU and GPU share the memory',
    get: (spec) => presetOf(spec, 'unified_memory').unifiedMemory === true,
  },
  bandwidth_gbs: { about: 'memory bandwidth, GB/s', get: (spec) => optional(spec.bandwidthGbs, spec, 'bandwidth_gbs') },
  tflops: { about: 'dense peak for the precision, TFLOPS', get: strictTflops },
  compute_type: {
    about: 'the peak the estimators use for the precision (after fallback)',
    get: (spec, type) => peakTflops(spec, type).computeType,
  },
  interconnect_gbs: {
    about: 'GPU-to-GPU bandwidth, GB/s',
    get: (spec) => optional(presetOf(spec, 'interconnect_gbs').interconnect, spec, 'interconnect_gbs').value,
  },
  interconnect: {
    about: 'the link the interconnect figure is for',
    get: (spec) => optional(presetOf(spec, 'interconnect').interconnect, spec, 'interconnect').link,
  },
  tdp_w: { about: 'board power, W', get: (spec) => optional(presetOf(spec, 'tdp_w').tdpW, spec, 'tdp_w').value },
  price_per_hour: { about: 'indicative USD per GPU-hour (low end of a range)', get: (spec) => price(spec).value },
  price_per_hour_high: {
    about: 'high end of the price range',
    get: (spec) => price(spec).high ?? price(spec).value,
  },
  price_date: { about: 'when the price was quoted, YYYY-MM', get: (spec) => price(spec).date },
  price_stale: {
    about: `TRUE when the price is more than ${PRICE_STALE_MONTHS} months old today: compare prices of one date only`,
    get: (spec) => isPriceStale(price(spec).date, new Date()),
  },
  note: { about: 'caveats', get: (spec) => presetOf(spec, 'note').note ?? '' },
  source: {
    about: 'every figure with its source',
    get: (spec) => (spec.preset ? allSources(spec.preset) : 'custom GPU (figures given by the user)'),
  },
  memory_gb_source: { about: '', get: (spec) => cite(presetOf(spec, 'memory_gb_source').memoryGb) },
  bandwidth_gbs_source: { about: '', get: (spec) => cite(presetOf(spec, 'bandwidth_gbs_source').bandwidthGbs) },
  tflops_source: {
    about: '',
    get: (spec, type) => {
      strictTflops(spec, type);
      return cite(presetOf(spec, 'tflops_source').peaks[type]);
    },
  },
  interconnect_gbs_source: {
    about: '',
    get: (spec) => cite(optional(presetOf(spec, 'interconnect_gbs_source').interconnect, spec, 'interconnect_gbs')),
  },
  tdp_w_source: { about: '', get: (spec) => cite(optional(presetOf(spec, 'tdp_w_source').tdpW, spec, 'tdp_w')) },
  price_per_hour_source: { about: '', get: (spec) => cite(price(spec)) },
};

export const GPU_FIELDS: readonly string[] = Object.keys(FIELDS);

/** The field a (lower-case) name names; `constructor` and `__proto__` are not fields. */
function gpuField(name: string): GpuField {
  const found = ownLookup(FIELDS, name);
  if (found === undefined) throw new ArgumentError(`must be one of ${GPU_FIELDS.join(', ')}, got ${quote(name)}`);
  return found;
}

/** The documented fields and what each returns (the `*_source` fields are described together). */
export const GPU_FIELD_DOCS: readonly { readonly field: string; readonly about: string }[] = Object.entries(FIELDS)
  .filter(([, f]) => f.about !== '')
  .map(([name, f]) => ({ field: name, about: f.about }));

const field: ParamSpec<string, false> = {
  ...text('field', 'field', `Field to return: ${GPU_FIELDS.join(', ')}.`),
  coerce: (value) => {
    const name = toText(value).toLowerCase();
    gpuField(name);
    return name;
  },
};

/**
 * The third argument: a precision (its compute type is used: `int4` means the fp16 peak) or a
 * compute type itself, so `"fp4"` works whether or not fp4 is a known precision.
 */
const computeType: ParamSpec<ComputeType, true> = {
  name: 'precision',
  label: 'precision',
  description: `Precision or compute type whose dense peak "tflops" returns (${COMPUTE_TYPES.join(', ')}); default "fp16".`,
  jsdocType: 'string|Array<Array<string>>',
  optional: true,
  numeric: false,
  coerce: (value) => {
    const name = toText(value);
    const precision = findPrecision(name);
    if (precision) return precision.computeType;
    const type = COMPUTE_TYPES.find((t) => t === normalizeName(name));
    if (type) return type;
    throw new ArgumentError(`must be a precision or one of ${COMPUTE_TYPES.join(', ')}, got ${quote(name)}`);
  },
};

/** The LLM_GPUS table: the header row, then one row per preset. */
export const GPU_TABLE_HEADER: readonly string[] = [
  'id',
  'name',
  'vendor',
  'family',
  'memory_gb',
  'bandwidth_gbs',
  ...COMPUTE_TYPES.map((t) => `tflops_${t}`),
  'interconnect_gbs',
  'tdp_w',
  'price_per_hour',
  'price_date',
  'price_stale',
  'unified_memory',
  'class',
  'source',
];

function tableRow(preset: GpuPreset, now: Date): Output[] {
  const spec = presetSpec(preset);
  return [
    preset.id,
    preset.name,
    preset.vendor,
    preset.family,
    preset.memoryGb.value,
    preset.bandwidthGbs.value,
    ...COMPUTE_TYPES.map((t) => spec.peaks[t] ?? ''),
    preset.interconnect?.value ?? '',
    preset.tdpW?.value ?? '',
    preset.pricePerHour?.value ?? '',
    preset.pricePerHour?.date ?? '',
    preset.pricePerHour ? isPriceStale(preset.pricePerHour.date, now) : '',
    preset.unifiedMemory === true,
    preset.class.value,
    allSources(preset),
  ];
}

export const CATALOG_FUNCTIONS: readonly FunctionDef[] = [
  defineFunction({
    name: 'LLM_GPU',
    summary:
      'One field of a GPU preset: memory, bandwidth, dense peak for a precision, interconnect, power, price, sources.',
    returns:
      'The field: memory_gb in GB, bandwidth_gbs and interconnect_gbs in GB/s, tflops in dense TFLOPS, tdp_w in W, price_per_hour in USD, or text.',
    examples: [
      {
        formula: '=LLM_GPU("H100", "tflops", "fp16")',
        result: { approx: 989, within: 0.001 },
        unit: 'TFLOPS',
        why: '"H100" is the SXM part: data/gpus.json "NVIDIA H100 SXM5 80GB" fp16_tensor_tflops_dense 989 (source mleng, a secondary table that rounds to the TFLOPS; the 1979 of source hpctech_h100 is the 2:4-sparse figure). NVIDIA\'s whitepaper, which the preset cites, states it to 0.1 TFLOPS, so ±0.1%',
      },
      {
        formula: '=LLM_GPU("A100", "bandwidth_gbs")',
        result: 2039,
        unit: 'GB/s',
        why: '"A100" is the 80GB SXM part: data/gpus.json "NVIDIA A100 80GB SXM" memory_bandwidth_GBps 2039 (source llmviewer)',
      },
      {
        formula: '=LLM_GPU("B200", "tflops", "fp4")',
        result: 9000,
        unit: 'TFLOPS',
        why: 'data/gpus.json "NVIDIA B200 (HGX/DGX, 180GB)" fp4_tflops_dense 9000 (source mleng, which lists NVFP4 apart at 10000)',
      },
      {
        formula: '=LLM_GPU("NVIDIA GeForce RTX 4090", "tflops_source", "fp16")',
        result: { contains: 'https://waredb.com/processor/nvidia-geforce-rtx-4090' },
        why: 'data/gpus.json "NVIDIA GeForce RTX 4090" fp16_tensor_tflops_dense 165.15 cites source waredb_4090, whose url this is (the text around it is the add-in\'s wording)',
      },
    ],
    params: [{ ...gpu, name: 'name', label: 'GPU name' }, field, computeType],
    compute: (spec, f, type) => gpuField(f).get(spec, type ?? 'fp16'),
  }),
  defineFunction({
    name: 'LLM_GPUS',
    summary: 'The GPU preset catalog as a table with a header row (spills).',
    returns:
      'A table: id, name, vendor, family, memory_gb, bandwidth_gbs, dense TFLOPS per compute type, interconnect_gbs, tdp_w, price, unified_memory, class, source.',
    examples: [
      {
        formula: '=LLM_GPUS()',
        result: {
          tableRow: {
            id: 'h100-sxm',
            memory_gb: 80,
            bandwidth_gbs: 3350,
            tflops_fp16: { approx: 989, within: 0.001 },
            tflops_fp8: { approx: 1979, within: 0.001 },
          },
        },
        why: 'data/gpus.json "NVIDIA H100 SXM5 80GB": memory_gb 80 and memory_bandwidth_GBps 3350 (source hpctech_h100), fp16_tensor_tflops_dense 989 and fp8_tflops_dense 1979 (source mleng, rounded to the TFLOPS where the whitepaper the preset cites gives 0.1 TFLOPS, so ±0.1%)',
      },
    ],
    spills: true,
    params: [],
    compute: () => {
      const now = new Date();
      return [[...GPU_TABLE_HEADER], ...GPU_PRESETS.map((preset) => tableRow(preset, now))];
    },
  }),
];
