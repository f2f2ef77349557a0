/**
 * Every preset figure against its source: the value recorded in data/gpus.json when the
 * preset cites the same source the same way, otherwise the value typed below from the cited
 * datasheet or page. No expected value here is copied from the catalog.
 */
import { readData } from '../../helpers/data';
import { GPU_PRESETS, SOURCES, type Figure, type GpuPreset } from '../../../src/core/gpus/catalog';
import { findGpuPreset } from '../../../src/core/gpus/lookup';
import { COMPUTE_TYPES, type ComputeType } from '../../../src/core/precision';

interface DataFigure {
  readonly value: number | string;
  readonly source: string;
  readonly derived?: string;
}
type DataField = DataFigure | DataFigure[] | null;
interface Accelerator {
  readonly name: string;
  readonly [field: string]: unknown;
}

const DATA = readData<{ sources: Record<string, unknown>; accelerators: Accelerator[] }>('gpus.json');

/** Which gpus.json accelerator each preset is (several presets may share one entry). */
const IN_DATA: Readonly<Record<string, string>> = {
  'v100-sxm2-16gb': 'NVIDIA V100 (SXM2/PCIe, 16GB and 32GB)',
  'v100-sxm2-32gb': 'NVIDIA V100 (SXM2/PCIe, 16GB and 32GB)',
  'v100-pcie-16gb': 'NVIDIA V100 (SXM2/PCIe, 16GB and 32GB)',
  t4: 'NVIDIA T4',
  a10: 'NVIDIA A10',
  a10g: 'NVIDIA A10G (AWS G5)',
  l4: 'NVIDIA L4',
  l40s: 'NVIDIA L40S',
  'a100-40gb-sxm': 'NVIDIA A100 40GB SXM',
  'a100-80gb-sxm': 'NVIDIA A100 80GB SXM',
  'a100-40gb-pcie': 'NVIDIA A100 40GB PCIe',
  'a100-80gb-pcie': 'NVIDIA A100 80GB PCIe',
  'h100-sxm': 'NVIDIA H100 SXM5 80GB',
  'h100-pcie': 'NVIDIA H100 PCIe 80GB',
  'h100-nvl': 'NVIDIA H100 NVL 94GB',
  'h200-sxm': 'NVIDIA H200 SXM 141GB',
  b200: 'NVIDIA B200 (HGX/DGX, 180GB)',
  gb200: 'NVIDIA GB200 (per Blackwell GPU in GB200 NVL72)',
  'rtx-3090': 'NVIDIA GeForce RTX 3090',
  'rtx-4090': 'NVIDIA GeForce RTX 4090',
  'rtx-5090': 'NVIDIA GeForce RTX 5090',
  mi250x: 'AMD Instinct MI250X',
  mi300x: 'AMD Instinct MI300X',
  mi325x: 'AMD Instinct MI325X',
  'apple-m2-ultra': 'Apple M2 Ultra (76-core GPU)',
  'apple-m3-max': 'Apple M3 Max (40-core GPU)',
  'tpu-v5e': 'Google TPU v5e',
  'tpu-v5p': 'Google TPU v5p',
};

type Field = 'memory_gb' | 'bandwidth_gbs' | ComputeType | 'interconnect_gbs' | 'tdp_w' | 'price_per_hour';

/** gpus.json field names for each preset field (interconnect is text there, so never matched). */
const DATA_FIELD: Readonly<Partial<Record<Field, string>>> = {
  memory_gb: 'memory_gb',
  bandwidth_gbs: 'memory_bandwidth_GBps',
  fp32: 'fp32_tflops',
  tf32: 'tf32_tflops_dense',
  fp16: 'fp16_tensor_tflops_dense',
  bf16: 'bf16_tensor_tflops_dense',
  fp8: 'fp8_tflops_dense',
  int8: 'int8_tops_dense',
  fp4: 'fp4_tflops_dense',
  tdp_w: 'tdp_w',
  price_per_hour: 'price_per_hour_usd',
};

function figuresOf(preset: GpuPreset): [Field, Figure][] {
  const out: [Field, Figure][] = [
    ['memory_gb', preset.memoryGb],
    ['bandwidth_gbs', preset.bandwidthGbs],
  ];
  for (const type of COMPUTE_TYPES) {
    const figure = preset.peaks[type];
    if (figure) out.push([type, figure]);
  }
  if (preset.interconnect) out.push(['interconnect_gbs', preset.interconnect]);
  if (preset.tdpW) out.push(['tdp_w', preset.tdpW]);
  if (preset.pricePerHour) out.push(['price_per_hour', preset.pricePerHour]);
  return out;
}

function entries(field: DataField | undefined): DataFigure[] {
  if (field === undefined || field === null) return [];
  return Array.isArray(field) ? field : [field];
}

/** gpus.json's figure for a preset field when the preset cites it the same way (same source and derivation). */
function dataFigure(preset: GpuPreset, field: Field, figure: Figure): DataFigure | undefined {
  const accelerator = DATA.accelerators.find((a) => a.name === IN_DATA[preset.id]);
  const key = DATA_FIELD[field];
  if (!accelerator || !key) return undefined;
  return entries(accelerator[key] as DataField).find(
    (e) => e.source === figure.source && (e.derived ?? '') === (figure.derived ?? ''),
  );
}

/**
 * Figures not recorded in gpus.json (or recorded from another source), typed from the source the
 * preset cites. Derived values are written as their derivation from the stated figures.
 */
const FROM_SOURCES: Readonly<Record<string, Partial<Record<Field, number>>>> = {
  // lightning_flops: V100 datasheet r5 rows (SXM2 15.7, PCIe 14); kunwar_hw: V100 SXM2 NVLink 300 GB/s.
  'v100-sxm2-16gb': { fp32: 15.7, interconnect_gbs: 300 },
  'v100-sxm2-32gb': { fp32: 15.7, interconnect_gbs: 300 },
  'v100-pcie-16gb': { fp32: 14 },
  // lightning_flops a10g row citing the A10 datasheet: 31.2, 62.5, 125, 125, 250.
  a10: { fp32: 31.2, tf32: 62.5, fp16: 125, bf16: 125, int8: 250 },
  // a40_datasheet.
  a40: {
    memory_gb: 48,
    bandwidth_gbs: 696,
    fp32: 37.4,
    tf32: 74.8,
    fp16: 149.7,
    bf16: 149.7,
    int8: 299.3,
    interconnect_gbs: 112.5,
    tdp_w: 300,
  },
  // unanswered_a100: NVLink 3 600 GB/s; hfblog_sm: ml.p4d.24xlarge $37.69 for 8 GPUs; denvr_a100: PCIe Gen4 64 GB/s.
  'a100-40gb-sxm': { interconnect_gbs: 600, price_per_hour: 4.71 },
  'a100-80gb-sxm': { interconnect_gbs: 600 },
  'a100-40gb-pcie': { interconnect_gbs: 64 },
  'a100-80gb-pcie': { interconnect_gbs: 64 },
  // h100_whitepaper (SXM5 column): 66.9, 494.7, 989.4, 989.4, 1978.9, 1978.9; hpctech_h100: NVLink 900 GB/s.
  'h100-sxm': {
    fp32: 66.9,
    tf32: 494.7,
    fp16: 989.4,
    bf16: 989.4,
    fp8: 1978.9,
    int8: 1978.9,
    interconnect_gbs: 900,
  },
  // h100_whitepaper (PCIe column): 51.2, 378, 756, 756, 1513; hpctech_h100: PCIe Gen5 128 GB/s.
  'h100-pcie': { fp32: 51.2, tf32: 378, fp16: 756, bf16: 756, int8: 1513, interconnect_gbs: 128 },
  // torchtitan: NVL 835e12 BF16 dense; aimining_h100nvl: NVLink bridge 600 GB/s.
  'h100-nvl': { fp16: 835, bf16: 835, interconnect_gbs: 600 },
  // mlperf41_h200: "18x 4th Gen NVLink, 900GB/s".
  'h200-sxm': { interconnect_gbs: 900 },
  // mleng_2025 GH200 rows: 141 GB HBM3e, 4.80 TB/s; 67, 494.5, 989, 989, 1979, 1979.
  gh200: {
    memory_gb: 141,
    bandwidth_gbs: 4800,
    fp32: 67,
    tf32: 494.5,
    fp16: 989,
    bf16: 989,
    fp8: 1979,
    int8: 1979,
  },
  // grok_l4: one FP16/BF16 figure, 242 sparse.
  l4: { bf16: 242 / 2 },
  // mleng: HGX B200 14.4 TB/s NVLink for 8 GPUs; kunwar_hw: GB200 1.8 TB/s per GPU.
  b200: { interconnect_gbs: 14400 / 8 },
  gb200: { interconnect_gbs: 1800 },
  // mleng_2025: B300 288 GB, 8.00 TB/s; glenn_b300: HGX B300 dense 75, 1125, 2250, 2250, 4500, 4500, FP4 13125; 2x 900 GB/s; 1400 W.
  b300: {
    memory_gb: 288,
    bandwidth_gbs: 8000,
    fp32: 75,
    tf32: 1125,
    fp16: 2250,
    bf16: 2250,
    fp8: 4500,
    int8: 4500,
    fp4: 13125,
    interconnect_gbs: 2 * 900,
    tdp_w: 1400,
  },
  // a6000_sth: 48 GB, 768 GB/s, 300 W, NVLink 112.5; lightning_flops: 38.7, TF32 77.4; llmviewer: FP16 309.677/2, INT8 309.7.
  'rtx-a6000': {
    memory_gb: 48,
    bandwidth_gbs: 768,
    fp32: 38.7,
    tf32: 77.4,
    fp16: 309.677 / 2,
    bf16: 309.677 / 2,
    int8: 309.7,
    interconnect_gbs: 112.5,
    tdp_w: 300,
  },
  // topcpu_ada_pro: 20 GB, 360 GB/s, 26.73 TFLOPS, 130 W; hmc_ada_pro: 53.45, 106.91, 106.91, 213.81 (INT8 = FP8).
  'rtx-4000-ada': {
    memory_gb: 20,
    bandwidth_gbs: 360,
    fp32: 26.73,
    tf32: 53.45,
    fp16: 106.91,
    bf16: 106.91,
    fp8: 213.81,
    int8: 213.81,
    tdp_w: 130,
  },
  // topcpu_ada_pro: 32 GB, 576 GB/s, 65.28 TFLOPS, 250 W; hmc_ada_pro: 130.56, 261.12, 261.12, 522.24.
  'rtx-5000-ada': {
    memory_gb: 32,
    bandwidth_gbs: 576,
    fp32: 65.28,
    tf32: 130.56,
    fp16: 261.12,
    bf16: 261.12,
    fp8: 522.24,
    int8: 522.24,
    tdp_w: 250,
  },
  // grafikkarten_6000ada: 48 GB, 960 GB/s, 91.1 TFLOPS, 300 W; pro Ada ratios × 2, × 4, × 8.
  'rtx-6000-ada': {
    memory_gb: 48,
    bandwidth_gbs: 960,
    fp32: 91.1,
    tf32: 182.2,
    fp16: 364.4,
    bf16: 364.4,
    fp8: 728.8,
    int8: 728.8,
    tdp_w: 300,
  },
  // hwcorner_pro6000: 96 GB, 1,792 GB/s, 600 W; nvidia_pro6000: 125 TFLOPS, 4,000 AI TOPS sparse;
  // hmc_pro6000: TF32 251.9, FP16/BF16 503.8, FP8 and INT8 1.01 P.
  'rtx-pro-6000': {
    memory_gb: 96,
    bandwidth_gbs: 1792,
    fp32: 125,
    tf32: 251.9,
    fp16: 503.8,
    bf16: 503.8,
    fp8: 1010,
    int8: 1010,
    fp4: 4000 / 2,
    tdp_w: 600,
  },
  // spark_specs: 128 GB, 273 GB/s, 1 PFLOP FP4 sparse; spark_hotchips: 31 TFLOPS FP32, 140 W.
  'dgx-spark': {
    memory_gb: 128,
    bandwidth_gbs: 273,
    fp32: 31,
    fp16: 1000 / 2 / 4,
    bf16: 1000 / 2 / 4,
    fp8: 1000 / 2 / 2,
    fp4: 1000 / 2,
    tdp_w: 140,
  },
  // tomshw_30: 8 GB, 448 GB/s, 220 W; lightning_flops: 20.3, 20.3, INT8 162.6 (FP16 with FP32 accumulate = INT8 / 4).
  'rtx-3070': {
    memory_gb: 8,
    bandwidth_gbs: 448,
    fp32: 20.3,
    tf32: 20.3,
    fp16: 162.6 / 4,
    bf16: 162.6 / 4,
    int8: 162.6,
    tdp_w: 220,
  },
  // tomshw_30: 10 GB, 760 GB/s, 320 W; lightning_flops: 29.8, 29.8, 238.
  'rtx-3080': {
    memory_gb: 10,
    bandwidth_gbs: 760,
    fp32: 29.8,
    tf32: 29.8,
    fp16: 238 / 4,
    bf16: 238 / 4,
    int8: 238,
    tdp_w: 320,
  },
  // wccftech_3080ti: 12 GB, 912 GB/s; lightning_flops: 34.1, 34.1, 272.8.
  'rtx-3080-ti': {
    memory_gb: 12,
    bandwidth_gbs: 912,
    fp32: 34.1,
    tf32: 34.1,
    fp16: 272.8 / 4,
    bf16: 272.8 / 4,
    int8: 272.8,
  },
  // th_3090: FP16 tensor 142 dense with FP16 accumulate; lightning_flops: TF32 35.6, INT8 284.
  'rtx-3090': { tf32: 35.6, fp16: 142 / 2, bf16: 142 / 2, int8: 284 },
  // sweclockers_40: 24 GB, 1008 GB/s, 450 W; hmc_3090ti: 40, 40, 80, 80; lightning_flops: INT8 320.
  'rtx-3090-ti': {
    memory_gb: 24,
    bandwidth_gbs: 1008,
    fp32: 40,
    tf32: 40,
    fp16: 80,
    bf16: 80,
    int8: 320,
    tdp_w: 450,
  },
  // sweclockers_40: 12 GB, 504 GB/s, 40 090 GFLOPS, 285 W; GeForce Ada ratios × 1, × 2, × 4, × 8.
  'rtx-4070-ti': {
    memory_gb: 12,
    bandwidth_gbs: 504,
    fp32: 40.09,
    tf32: 40.09,
    fp16: 80.18,
    bf16: 80.18,
    fp8: 160.36,
    int8: 320.72,
    tdp_w: 285,
  },
  // th_4080: 16 GB, 717 GB/s, 48.7, FP16 390 (FP8 780) sparse FP16 accumulate, 320 W; lightning_flops: TF32 48.7, INT8 389.9.
  'rtx-4080': {
    memory_gb: 16,
    bandwidth_gbs: 717,
    fp32: 48.7,
    tf32: 48.7,
    fp16: 390 / 4,
    bf16: 390 / 4,
    fp8: 780 / 4,
    int8: 389.9,
    tdp_w: 320,
  },
  // waredb_4090: BF16 165.15.
  'rtx-4090': { bf16: 165.15 },
  // codesota_5090: FP16 dense 209.5; spheron_5090: FP8 1,676.8 sparse; lf_5090: FP32 104.
  'rtx-5090': { tf32: 104, fp16: 209.5, bf16: 209.5, fp8: 1676.8 / 4, int8: 1676.8 / 2 },
  // distbook: MI300X 896 GB/s; mleng_2025: MI325X 1000 W.
  mi300x: { interconnect_gbs: 896 },
  mi325x: { tdp_w: 1000 },
  // tomshw_mi355x: 288 GB, 8 TB/s, 1,400 W, 20.1 PFLOPS FP4 sparse; isscc_mi355x: FP8 five petaflops.
  mi355x: {
    memory_gb: 288,
    bandwidth_gbs: 8000,
    fp16: 5000 / 2,
    bf16: 5000 / 2,
    fp8: 5000,
    fp4: 20100 / 2,
    tdp_w: 1400,
  },
  // mleng_2025 Gaudi 3 row and memory table: 128 GB, 3.70 TB/s; 229, 459, 459; whitepaper BF16/FP8 1835.
  gaudi3: { memory_gb: 128, bandwidth_gbs: 3700, fp32: 229, tf32: 459, fp16: 459, bf16: 1835, fp8: 1835 },
  // scalingbook_2025: ICI bidirectional per link v5e 1e11, v5p 2e11, v6e 2e11; 4, 6, 4 links; v6e 32 GB, 1.6e12, 9.20e14, 1.84e15.
  'tpu-v5e': { interconnect_gbs: 4 * 100 },
  'tpu-v5p': { interconnect_gbs: 6 * 200 },
  'tpu-v6e': { memory_gb: 32, bandwidth_gbs: 1600, bf16: 920, int8: 1840, interconnect_gbs: 4 * 200 },
  // xdai: M1 7-core 8GB, M1 Max 32-core 64GB, M3 Max 40-core 64GB; akunu_apple: 68 and 400 GB/s, 2.6 (8-core) and 10.4.
  'apple-m1': { memory_gb: 8, bandwidth_gbs: 68, fp32: (2.6 * 7) / 8, fp16: (2.6 * 7) / 8 },
  'apple-m1-max': { memory_gb: 64, bandwidth_gbs: 400, fp32: 10.4, fp16: 10.4 },
  // hmc_m2max: 30-core M2 Max 10.74.
  'apple-m2-ultra': { fp32: (10.74 * 76) / 30, fp16: (10.74 * 76) / 30 },
  // hmc_m3max: 40-core M3 Max 14.32, 32-core M4 Max 13.74; m4max_news: 128 GB, 546 GB/s.
  'apple-m3-max': { memory_gb: 64, fp32: 14.32, fp16: 14.32 },
  'apple-m4-max': { memory_gb: 128, bandwidth_gbs: 546, fp32: (13.74 * 40) / 32, fp16: (13.74 * 40) / 32 },
};

/** gpus.json figures a preset leaves out on purpose, with why. */
const LEFT_OUT: readonly { id: string; field: Field; why: string }[] = [
  { id: 'v100-sxm2-16gb', field: 'tdp_w', why: 'the 300 W in gpus.json is a pre-release PCIe figure' },
  { id: 'v100-sxm2-32gb', field: 'tdp_w', why: 'the 300 W in gpus.json is a pre-release PCIe figure' },
  { id: 'v100-pcie-16gb', field: 'tdp_w', why: 'pre-release figure (launch news), not the shipping card' },
  { id: 'h100-nvl', field: 'price_per_hour', why: 'undated marketplace listing (gpu.blog); prices must be dated' },
  { id: 'mi300x', field: 'price_per_hour', why: 'undated marketplace listing (gpu.blog); prices must be dated' },
];

function close(actual: number, expected: number): boolean {
  return Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
}

function rangeOf(value: number | string): [number, number] {
  if (typeof value === 'number') return [value, value];
  const [low, high] = value.split('-').map(Number);
  return [low, high];
}

describe('the catalog', () => {
  test('has at least 40 accelerators, unique ids, and every figure positive', () => {
    expect(GPU_PRESETS.length).toBeGreaterThanOrEqual(40);
    expect(new Set(GPU_PRESETS.map((p) => p.id)).size).toBe(GPU_PRESETS.length);
    for (const preset of GPU_PRESETS) {
      for (const [field, figure] of figuresOf(preset)) {
        expect({ id: preset.id, field, ok: Number.isFinite(figure.value) && figure.value > 0 }).toEqual({
          id: preset.id,
          field,
          ok: true,
        });
      }
    }
  });

  test('holds every accelerator of gpus.json and every one the issue names', () => {
    for (const accelerator of DATA.accelerators) {
      expect(Object.values(IN_DATA)).toContain(accelerator.name);
    }
    const named = [
      'B200', 'GB200', 'B300', 'MI250X', 'MI300X', 'MI325X', 'MI355X', 'Gaudi 3', 'TPU v5e', 'TPU v5p', 'TPU v6e',
      'V100', 'A10', 'A10G', 'L4', 'T4', 'RTX 5090', 'RTX PRO 6000 Blackwell', 'DGX Spark', 'M4 Max', 'M1', 'M1 Max',
      'M2 Ultra', 'M3 Max', 'RTX 3070', 'RTX 3080', 'RTX 3080 Ti', 'RTX 3090', 'RTX 3090 Ti', 'RTX 4070 Ti', 'RTX 4080',
      'RTX 4090', 'RTX A6000', 'RTX 6000 Ada', 'RTX 4000 Ada', 'RTX 5000 Ada', 'A40', 'GH200', 'H100 NVL', 'H200',
      'H100 PCIe', 'L40S', 'A100 40GB',
    ]; // prettier-ignore
    for (const name of named) expect({ name, found: findGpuPreset(name) !== undefined }).toEqual({ name, found: true });
  });

  test('every figure equals gpus.json where the preset cites it the same way, otherwise the cited source', () => {
    const problems: string[] = [];
    const checked = new Set<string>();
    for (const preset of GPU_PRESETS) {
      for (const [field, figure] of figuresOf(preset)) {
        const data = dataFigure(preset, field, figure);
        const key = `${preset.id}.${field}`;
        if (data) {
          const [low, high] = rangeOf(data.value);
          const price = field === 'price_per_hour' ? preset.pricePerHour : undefined;
          if (!close(figure.value, low) || (price && !close(price.high ?? price.value, high))) {
            problems.push(`${key}: ${figure.value} but gpus.json has ${data.value} (${data.source})`);
          }
          continue;
        }
        const expected = FROM_SOURCES[preset.id]?.[field];
        checked.add(key);
        if (expected === undefined)
          problems.push(`${key}: ${figure.value} from ${figure.source} has no expected value`);
        else if (!close(figure.value, expected)) problems.push(`${key}: ${figure.value}, the source gives ${expected}`);
      }
    }
    for (const [id, fields] of Object.entries(FROM_SOURCES)) {
      for (const field of Object.keys(fields)) {
        if (!checked.has(`${id}.${field}`))
          problems.push(`${id}.${field}: expected value for a figure the preset lacks`);
      }
    }
    expect(problems).toEqual([]);
  });

  test('a gpus.json figure missing from a preset is left out on purpose; a format gpus.json marks absent stays absent', () => {
    const problems: string[] = [];
    for (const preset of GPU_PRESETS) {
      const accelerator = DATA.accelerators.find((a) => a.name === IN_DATA[preset.id]);
      if (!accelerator) continue;
      const present = new Set(figuresOf(preset).map(([field]) => field));
      for (const [field, key] of Object.entries(DATA_FIELD) as [Field, string][]) {
        if (!(key in accelerator)) continue;
        if (accelerator[key] === null) {
          if (present.has(field)) problems.push(`${preset.id}.${field}: gpus.json says the hardware lacks it`);
          continue;
        }
        if (!present.has(field) && !LEFT_OUT.some((l) => l.id === preset.id && l.field === field)) {
          problems.push(`${preset.id}.${field}: gpus.json has it, the preset does not`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  test('no dense peak holds a sparse number: each is at most half the sparse figure in gpus.json', () => {
    const sparseFields: Readonly<Record<string, ComputeType>> = {
      tf32_tflops_sparse: 'tf32',
      fp16_tensor_tflops_sparse: 'fp16',
      fp16_tensor_fp16acc_tflops_sparse: 'fp16',
      fp8_tflops_sparse: 'fp8',
      int8_tops_sparse: 'int8',
      fp4_tflops_sparse: 'fp4',
    };
    let checks = 0;
    for (const preset of GPU_PRESETS) {
      const accelerator = DATA.accelerators.find((a) => a.name === IN_DATA[preset.id]);
      if (!accelerator) continue;
      for (const [key, type] of Object.entries(sparseFields)) {
        const dense = preset.peaks[type]?.value;
        for (const sparse of entries(accelerator[key] as DataField)) {
          if (dense === undefined) continue;
          checks++;
          // 1% for the sources' rounding (989 sparse TF32 vs the whitepaper's 494.7 dense).
          expect({ id: preset.id, key, dense, ok: dense <= (Number(sparse.value) / 2) * 1.01 }).toEqual({
            id: preset.id,
            key,
            dense,
            ok: true,
          });
        }
      }
    }
    expect(checks).toBeGreaterThanOrEqual(20);
  });

  test('no dense peak holds a sparse number: spot checks against sparse figures of the other sources', () => {
    // [preset, type, sparse figure as the source prints it]
    const sparse: [string, ComputeType, number][] = [
      ['a40', 'fp16', 299.4], // a40_datasheet 149.7 | 299.4*
      ['a40', 'tf32', 149.6],
      ['a40', 'int8', 598.6],
      ['rtx-4080', 'fp16', 390], // th_4080, FP16 accumulate
      ['rtx-4080', 'fp8', 780],
      ['rtx-pro-6000', 'fp4', 4000], // nvidia_pro6000 AI TOPS
      ['dgx-spark', 'fp4', 1000], // spark_specs 1 PFLOP with sparsity
      ['mi355x', 'fp4', 20100], // tomshw_mi355x
      ['b300', 'fp16', 4500], // glenn_b300 sparse column
      ['b300', 'fp8', 9000],
      ['b300', 'tf32', 2250],
      ['h100-sxm', 'fp16', 1978.9], // h100_whitepaper 989.4/1978.9
    ];
    for (const [id, type, value] of sparse) {
      const dense = GPU_PRESETS.find((p) => p.id === id)?.peaks[type]?.value;
      expect({ id, type, ok: dense !== undefined && dense <= (value / 2) * 1.001 }).toEqual({ id, type, ok: true });
    }
  });

  test('every derivation is stated so that it reproduces the figure', () => {
    const problems: string[] = [];
    let derived = 0;
    for (const preset of GPU_PRESETS) {
      for (const [field, figure] of figuresOf(preset)) {
        if (figure.derived === undefined) continue;
        derived++;
        const from = derivation(preset, figure);
        const key = `${preset.id}.${field} [${figure.derived}]`;
        if (typeof from === 'string') problems.push(`${key}: ${from}`);
        else if (!roughly(figure.value, from))
          problems.push(`${key}: the derivation gives ${from}, not ${figure.value}`);
      }
    }
    expect(problems).toEqual([]);
    expect(derived).toBeGreaterThanOrEqual(40);
    // Halved sparse figures keep their marker (gpus.json records the same derivation for L4).
    expect(GPU_PRESETS.find((p) => p.id === 'l4')?.peaks.fp16?.derived).toBe('sparse/2');
  });
});

/** Within 0.1%: derived figures are rounded (4.71 for 37.69 / 8). */
const roughly = (actual: number, expected: number) => Math.abs(actual - expected) <= 0.001 * Math.abs(expected);

const NUMBER = /\d[\d,]*(?:\.\d+)?/g;

/**
 * What a figure's `derived` says it is, computed from what the derivation names, or why it cannot
 * be: `sparse/2` halves a sparse figure that the note or the source's title states (and calls
 * sparse), once more when it says "then / 2"; `same as T`, `T × k` and `T / k` use the preset's own
 * T peak; anything else must be arithmetic on the numbers it writes (TB/s and B/s read as GB/s).
 */
function derivation(preset: GpuPreset, figure: Figure): number | string {
  const text = figure.derived ?? '';
  if (text.startsWith('sparse/2')) {
    const divisor = /then \/ 2/.test(text) ? 4 : 2;
    const stated = `${figure.note ?? ''} ${SOURCES[figure.source].title}`;
    if (!/sparse|sparsity/i.test(stated)) return 'neither the note nor the source title states a sparse figure';
    const numbers = (stated.match(NUMBER) ?? []).map((n) => Number(n.replace(/,/g, '')));
    // PFLOPS figures ("1 PFLOP", "20.1 PFLOPS") count in thousands of TFLOPS.
    const halved = numbers.flatMap((n) => [n, n * 1000]).find((n) => roughly(figure.value, n / divisor));
    return halved !== undefined ? halved / divisor : `no stated figure / ${divisor} gives ${figure.value}`;
  }
  const same = /^same as (\w+)$/.exec(text);
  const ratio = /^(\w+) ([×/]) (\d+(?:\.\d+)?)$/.exec(text);
  const typeName = same?.[1] ?? ratio?.[1];
  if (typeName !== undefined && (COMPUTE_TYPES as readonly string[]).includes(typeName)) {
    const base = preset.peaks[typeName as ComputeType]?.value;
    if (base === undefined) return `the preset has no ${typeName} peak`;
    if (same) return base;
    return ratio![2] === '×' ? base * Number(ratio![3]) : base / Number(ratio![3]);
  }
  const arithmetic = text
    .replace(/TB\/s/g, '× 1000')
    .replace(/B\/s/g, '/ 1e9')
    .replace(/\b[A-Za-z][\w-]*/g, '')
    .trim();
  if (!/^\d[\d.e\s×/]*$/.test(arithmetic)) return 'not a derivation this test can follow';
  const tokens = arithmetic.match(/\d+(?:\.\d+)?(?:e\d+)?|[×/]/g) ?? [];
  let value = Number(tokens[0]);
  for (let i = 1; i + 1 < tokens.length; i += 2) {
    const operand = Number(tokens[i + 1]);
    value = tokens[i] === '×' ? value * operand : value / operand;
  }
  return value;
}
