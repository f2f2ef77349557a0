/**
 * Fitting the roofline method's efficiencies (src/core/roofline/efficiency.ts) on measured cases:
 * three parameters per GPU class (MFU, MBU, per-step overhead, for llama.cpp, the engine measured on
 * every class) and up to three multipliers per engine, where the measurements can tell them apart.
 *
 * The loss is the sum over cases of |log(predicted / measured)|, which weighs a factor of 2 too
 * fast and too slow alike and, like the median, is not pulled by a few far-off rows. It is
 * minimised one parameter at a time (a grid over the parameter's range, then golden-section
 * refinement), a few sweeps over all of them.
 */
import { ENGINES, type Engine, type EfficiencyTable } from '../core/roofline/efficiency';
import { GPU_CLASSES, gpuClass, type GpuClass } from '../core/roofline/gpu-class';
import { predictRoofline, type PreparedCase } from './predict';

type ClassField = 'mfu' | 'mbu' | 'overheadSeconds';
type EngineField = 'mfu' | 'mbu' | 'overhead';

/** One fitted number: where it lives in the table, its range, and its value before any fit. */
export type Parameter =
  | { readonly kind: 'class'; readonly gpuClass: GpuClass; readonly field: ClassField }
  | { readonly kind: 'engine'; readonly engine: Engine; readonly field: EngineField };

const RANGES: Readonly<Record<ClassField | EngineField, readonly [number, number]>> = {
  mfu: [0.02, 1],
  mbu: [0.1, 1],
  overheadSeconds: [1e-5, 0.05],
  overhead: [0.05, 30],
};
const ENGINE_FACTOR_RANGE: readonly [number, number] = [0.2, 3];

function rangeOf(p: Parameter): readonly [number, number] {
  if (p.kind === 'engine' && p.field !== 'overhead') return ENGINE_FACTOR_RANGE;
  return RANGES[p.field];
}

/** The multipliers each engine gets from data; the others stay at their starting values. */
export const FITTED_ENGINE_FIELDS: Readonly<Record<Engine, readonly EngineField[]>> = {
  'llama.cpp': [],
  vllm: ['mbu', 'overhead'],
  'tensorrt-llm': ['mfu', 'mbu', 'overhead'],
  transformers: ['mfu', 'mbu', 'overhead'],
  exllamav2: ['mbu'],
  tgi: ['mbu'],
  sglang: [],
};

/** Where the fit starts, and what a parameter without data keeps. */
export function startingTable(fitted: string): EfficiencyTable {
  const classes = Object.fromEntries(
    GPU_CLASSES.map((c) => [c, { mfu: 0.5, mbu: 0.7, overheadSeconds: 0.002 }]),
  ) as Record<GpuClass, EfficiencyTable['classes'][GpuClass]>;
  const engines = Object.fromEntries(
    ENGINES.map((e) => [e, { mfu: 1, mbu: 1, overhead: 1, basis: 'no measurements: llama.cpp’s efficiencies' }]),
  ) as Record<Engine, EfficiencyTable['engines'][Engine]>;
  engines['llama.cpp'] = { mfu: 1, mbu: 1, overhead: 1, basis: 'the reference: the class figures are llama.cpp’s' };
  return { fitted, classes, engines };
}

function get(table: EfficiencyTable, p: Parameter): number {
  return p.kind === 'class' ? table.classes[p.gpuClass][p.field] : table.engines[p.engine][p.field];
}

function set(table: EfficiencyTable, p: Parameter, value: number): EfficiencyTable {
  if (p.kind === 'class') {
    return {
      ...table,
      classes: { ...table.classes, [p.gpuClass]: { ...table.classes[p.gpuClass], [p.field]: value } },
    };
  }
  return { ...table, engines: { ...table.engines, [p.engine]: { ...table.engines[p.engine], [p.field]: value } } };
}

function uses(p: Parameter, c: PreparedCase): boolean {
  return p.kind === 'class' ? gpuClass(c.case.gpu) === p.gpuClass : c.case.engine === p.engine;
}

/** |log(predicted / measured)| summed over `cases`; a case the method cannot predict counts as a factor of 10. */
export function loss(cases: readonly PreparedCase[], table: EfficiencyTable): number {
  let total = 0;
  for (const c of cases) {
    const predicted = predictRoofline(c, table);
    total +=
      predicted > 0 && Number.isFinite(predicted) ? Math.abs(Math.log(predicted / c.case.measured)) : Math.log(10);
  }
  return total;
}

/** The parameters `cases` can tell apart: those of the classes and engines they use. */
export function parametersFor(cases: readonly PreparedCase[]): Parameter[] {
  const params: Parameter[] = [];
  for (const gpuClassId of GPU_CLASSES) {
    for (const field of ['mbu', 'overheadSeconds', 'mfu'] as const) {
      params.push({ kind: 'class', gpuClass: gpuClassId, field });
    }
  }
  for (const engine of ENGINES) {
    for (const field of FITTED_ENGINE_FIELDS[engine]) params.push({ kind: 'engine', engine, field });
  }
  return params.filter((p) => cases.some((c) => uses(p, c)));
}

const GRID = 24;
const GOLDEN_STEPS = 18;
const SWEEPS = 4;

/** Minimises the loss over one parameter, searching its range on a log scale. */
function fitOne(cases: readonly PreparedCase[], table: EfficiencyTable, p: Parameter): EfficiencyTable {
  const affected = cases.filter((c) => uses(p, c));
  const [lo, hi] = rangeOf(p).map(Math.log);
  const at = (x: number) => loss(affected, set(table, p, Math.exp(x)));
  let best = Math.log(get(table, p));
  let bestLoss = at(best);
  const step = (hi - lo) / GRID;
  for (let i = 0; i <= GRID; i++) {
    const x = lo + i * step;
    const l = at(x);
    if (l < bestLoss) [best, bestLoss] = [x, l];
  }
  // Golden-section search in the grid cell around the best point.
  let a = Math.max(lo, best - step);
  let b = Math.min(hi, best + step);
  const r = (Math.sqrt(5) - 1) / 2;
  let x1 = b - r * (b - a);
  let x2 = a + r * (b - a);
  let l1 = at(x1);
  let l2 = at(x2);
  for (let i = 0; i < GOLDEN_STEPS; i++) {
    if (l1 < l2) {
      [b, x2, l2] = [x2, x1, l1];
      x1 = b - r * (b - a);
      l1 = at(x1);
    } else {
      [a, x1, l1] = [x1, x2, l2];
      x2 = a + r * (b - a);
      l2 = at(x2);
    }
  }
  const refined = l1 < l2 ? x1 : x2;
  if (Math.min(l1, l2) < bestLoss) best = refined;
  return set(table, p, Number(Math.exp(best).toPrecision(3)));
}

export interface FitResult {
  readonly table: EfficiencyTable;
  readonly parameters: readonly Parameter[];
  readonly loss: number;
}

/** Fits the efficiencies on `cases`, starting from (and keeping, where no case tells) `start`. */
export function fitEfficiencies(cases: readonly PreparedCase[], start: EfficiencyTable): FitResult {
  const params = parametersFor(cases);
  let table = start;
  for (let sweep = 0; sweep < SWEEPS; sweep++) {
    for (const p of params) table = fitOne(cases, table, p);
  }
  for (const engine of ENGINES) {
    const fields = params.filter((p) => p.kind === 'engine' && p.engine === engine).map((p) => p.field);
    if (fields.length === 0) continue;
    const own = cases.filter((c) => c.case.engine === engine);
    const sources = [...new Set(own.map((c) => c.case.source))].join(', ');
    const basis = `fitted (${fields.join(', ')}) on ${own.length} case${own.length === 1 ? '' : 's'} from ${sources}`;
    table = { ...table, engines: { ...table.engines, [engine]: { ...table.engines[engine], basis } } };
  }
  // SGLang has no measurements; it is vLLM's kind of engine (CUDA graphs, paged KV, same kernels).
  table = {
    ...table,
    engines: {
      ...table.engines,
      sglang: { ...table.engines.vllm, basis: 'no measurements: vLLM’s multipliers (same kernels, CUDA graphs)' },
    },
  };
  return { table, parameters: params, loss: loss(cases, table) };
}

/** The name of a parameter as the calibration prints it. */
export function parameterName(p: Parameter): string {
  return p.kind === 'class' ? `${p.gpuClass}.${p.field}` : `${p.engine}.${p.field}`;
}
