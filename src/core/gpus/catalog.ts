/**
 * The GPU preset catalog: typed data, one entry per accelerator, a source on every figure.
 * Adding a GPU touches only this file.
 *
 * Peaks are dense (never the 2:4-sparsity marketing figure). Where a vendor states only the sparse
 * figure, the dense one is half of it and the figure carries `derived: 'sparse/2'`.
 * Figures come from `shared/data/gpus.json`, which records the same sources.
 */
import type { ComputeType } from '../precision';

/** Where a figure was read. */
export interface Source {
  readonly title: string;
  /** A URL, or a repository path pinned to a commit. */
  readonly ref: string;
}

export const SOURCES = {
  mleng: {
    title: 'ml-engineering accelerator tables (dense TFLOPS and memory; rows link the vendor pages)',
    ref: 'stas00/ml-engineering@744d01e18b79512572f64a6bbd8b5f4a725203a7:compute/accelerator/README.md',
  },
  llmviewer: {
    title: 'LLM-Viewer hardware parameters (comments cite NVIDIA whitepapers)',
    ref: 'hahnyuan/LLM-Viewer@472f71f1a1807e80b573252e9185fd5e8d795e95:hardwares/hardware_params.py',
  },
  hpctech_h100: {
    title: 'NVIDIA H100 datasheet table (distributor copy); sparse figures, dense is half',
    ref: 'https://archive-lib.hpctech.co.jp/gpuproduct/nvidia-h100.html',
  },
  h100pcie_brief: {
    title: 'NVIDIA H100 PCIe product brief PB-11133-001_v02',
    ref: 'https://manuals.plus/m/56b0c3ef7d0a1c470c0af8f05a0bd1f29a778007472ba941201fbbb185c9bccd',
  },
  sysrqmts_a100: {
    title: 'A100 PCIe 40GB spec page: 1,555 GB/s, 250 W',
    ref: 'https://sysrqmts.com/gpus/compare/nvidia-a100-pcie-vs-nvidia-tegra-4-gpu',
  },
  unanswered_a100: {
    title: 'A100 guide: 400 W SXM, NVLink 3 600 GB/s',
    ref: 'https://unanswered.io/guide/nvidia-a100-gpu-performance',
  },
  mlperf41_h200: {
    title: 'MLPerf Inference v4.1 system description, H200-SXM-141GB x8',
    ref: 'mlcommons/inference_results_v4.1:closed/NVIDIA/systems/H200-SXM-141GBx8_TRT_MaxQ.json',
  },
  grok_l4: {
    title: 'L4 vs L40S comparison: L4 24 GB, FP16 242 / FP8 485 sparse TFLOPS, 72 W',
    ref: 'https://grokipedia.com/page/NVIDIA_L4_vs_L40S',
  },
  sourcecode_l4: {
    title: 'L4 reseller spec table: 300 GB/s, TF32 120 and INT8 485 (sparse)',
    ref: 'https://store.sourcecode.com/en-us/bg-bucket-compare/125/9820',
  },
  fpsbench_l4: {
    title: 'L4 spec page: FP32 30.29 TFLOPS',
    ref: 'https://fpsbench.com/compare/gpu/nvidia-l4-vs-nvidia-tesla-m40',
  },
  sysrqmts_t4: {
    title: 'T4 spec page: 16 GB, 320 GB/s, 70 W',
    ref: 'https://sysrqmts.com/en/gpus/nvidia/tesla/t4',
  },
  geektopia_t4: {
    title: 'T4 launch news quoting NVIDIA: 8.1 FP32, 65 FP16, 130 INT8',
    ref: 'https://geektopia.es/es/technology/2018/09/13/noticias/nvidia-presenta-la-nueva-tesla-t4-basada-en-turing-orientada-a-inteligencia-artificial.html',
  },
  waredb_4090: {
    title: 'RTX 4090 spec page: dense and sparse tensor figures (FP32-accumulate rates)',
    ref: 'https://waredb.com/processor/nvidia-geforce-rtx-4090',
  },
  th_4090: {
    title: "RTX 4090 spec table (copy of Tom's Hardware): 450 W",
    ref: 'https://holynerdvana.blogspot.com/2022/10/nvidia-geforce-rtx-4090-specifications.html',
  },
} as const satisfies Record<string, Source>;

export type SourceId = keyof typeof SOURCES;

/** One number with where it came from. */
export interface Figure {
  readonly value: number;
  readonly source: SourceId;
  /** How the figure was obtained when it is not read directly: `'sparse/2'`, `'same as fp16'`. */
  readonly derived?: string;
  readonly note?: string;
}

export interface GpuPreset {
  /** Stable short id, e.g. `a100-80gb-sxm`. */
  readonly id: string;
  /** Display name. */
  readonly name: string;
  readonly vendor: string;
  readonly family: string;
  /** Other names the preset answers to (normalized like the id when matched). */
  readonly aliases: readonly string[];
  /** Memory capacity, GB (10⁹ bytes) as the vendor states it. */
  readonly memoryGb: Figure;
  /** Memory bandwidth, GB/s (10⁹ bytes/s). */
  readonly bandwidthGbs: Figure;
  /** Dense peak per compute type, TFLOPS (TOPS for int8); absent where the hardware lacks it. */
  readonly peaks: Partial<Record<ComputeType, Figure>>;
  /** Board power, W. */
  readonly tdpW?: Figure;
}

const A100_PEAKS = {
  fp32: { value: 19.5, source: 'mleng' },
  tf32: { value: 156, source: 'mleng' },
  fp16: { value: 312, source: 'mleng' },
  bf16: { value: 312, source: 'mleng' },
  int8: { value: 624, source: 'mleng' },
} as const satisfies GpuPreset['peaks'];

export const GPU_PRESETS: readonly GpuPreset[] = [
  {
    id: 'a100-40gb-sxm',
    name: 'NVIDIA A100 40GB SXM',
    vendor: 'NVIDIA',
    family: 'Ampere',
    aliases: ['A100 SXM 40GB', 'A100-SXM4-40GB', 'A100 40GB'],
    memoryGb: { value: 40, source: 'sysrqmts_a100' },
    bandwidthGbs: { value: 1555, source: 'llmviewer' },
    peaks: A100_PEAKS,
    tdpW: { value: 400, source: 'unanswered_a100' },
  },
  {
    id: 'a100-80gb-sxm',
    name: 'NVIDIA A100 80GB SXM',
    vendor: 'NVIDIA',
    family: 'Ampere',
    aliases: ['A100', 'A100 SXM', 'A100 SXM 80GB', 'A100-SXM4-80GB', 'A100 80GB'],
    memoryGb: { value: 80, source: 'mleng' },
    bandwidthGbs: { value: 2039, source: 'llmviewer' },
    peaks: A100_PEAKS,
    tdpW: { value: 400, source: 'unanswered_a100' },
  },
  {
    id: 'a100-80gb-pcie',
    name: 'NVIDIA A100 80GB PCIe',
    vendor: 'NVIDIA',
    family: 'Ampere',
    aliases: ['A100 PCIe', 'A100 PCIe 80GB', 'A100-PCIE-80GB'],
    memoryGb: { value: 80, source: 'mleng' },
    bandwidthGbs: { value: 1940, source: 'mleng' },
    peaks: A100_PEAKS,
  },
  {
    id: 'h100-sxm',
    name: 'NVIDIA H100 SXM5 80GB',
    vendor: 'NVIDIA',
    family: 'Hopper',
    aliases: ['H100', 'H100 SXM', 'H100 SXM5', 'H100 80GB HBM3', 'H100-SXM5-80GB'],
    memoryGb: { value: 80, source: 'hpctech_h100' },
    bandwidthGbs: { value: 3350, source: 'hpctech_h100' },
    peaks: {
      fp32: { value: 67, source: 'hpctech_h100' },
      tf32: { value: 494.5, source: 'mleng' },
      fp16: { value: 989, source: 'mleng' },
      bf16: { value: 989, source: 'mleng' },
      fp8: { value: 1979, source: 'mleng' },
      int8: { value: 1979, source: 'mleng' },
    },
    tdpW: { value: 700, source: 'hpctech_h100' },
  },
  {
    id: 'h100-pcie',
    name: 'NVIDIA H100 PCIe 80GB',
    vendor: 'NVIDIA',
    family: 'Hopper',
    aliases: ['H100 PCIe', 'H100 PCIe 80GB', 'H100-PCIE-80GB'],
    memoryGb: { value: 80, source: 'hpctech_h100' },
    bandwidthGbs: { value: 2000, source: 'hpctech_h100' },
    peaks: {
      fp32: { value: 51, source: 'hpctech_h100' },
      tf32: { value: 378, source: 'mleng' },
      fp16: { value: 756, source: 'mleng' },
      bf16: { value: 756, source: 'mleng' },
      fp8: { value: 1513, source: 'mleng' },
      int8: { value: 1513, source: 'mleng' },
    },
    tdpW: { value: 350, source: 'h100pcie_brief' },
  },
  {
    id: 'h200-sxm',
    name: 'NVIDIA H200 SXM 141GB',
    vendor: 'NVIDIA',
    family: 'Hopper',
    aliases: ['H200', 'H200 SXM', 'H200 141GB'],
    memoryGb: { value: 141, source: 'mleng' },
    bandwidthGbs: { value: 4800, source: 'mleng' },
    peaks: {
      fp32: { value: 67, source: 'mleng' },
      tf32: { value: 494.5, source: 'mleng' },
      fp16: { value: 989, source: 'mleng' },
      bf16: { value: 989, source: 'mleng' },
      fp8: { value: 1979, source: 'mleng' },
      int8: { value: 1979, source: 'mleng' },
    },
    tdpW: { value: 700, source: 'mlperf41_h200' },
  },
  {
    id: 'l4',
    name: 'NVIDIA L4',
    vendor: 'NVIDIA',
    family: 'Ada Lovelace',
    aliases: ['L4 24GB'],
    memoryGb: { value: 24, source: 'grok_l4' },
    bandwidthGbs: { value: 300, source: 'sourcecode_l4' },
    peaks: {
      fp32: { value: 30.29, source: 'fpsbench_l4' },
      tf32: { value: 60, source: 'sourcecode_l4', derived: 'sparse/2' },
      fp16: { value: 121, source: 'grok_l4', derived: 'sparse/2' },
      bf16: {
        value: 121,
        source: 'grok_l4',
        derived: 'sparse/2',
        note: 'NVIDIA states one FP16/BF16 tensor figure for L4',
      },
      fp8: { value: 242.5, source: 'grok_l4', derived: 'sparse/2' },
      int8: { value: 242.5, source: 'sourcecode_l4', derived: 'sparse/2' },
    },
    tdpW: { value: 72, source: 'grok_l4' },
  },
  {
    id: 'l40s',
    name: 'NVIDIA L40S',
    vendor: 'NVIDIA',
    family: 'Ada Lovelace',
    aliases: ['L40S 48GB'],
    memoryGb: { value: 48, source: 'mleng' },
    bandwidthGbs: { value: 864, source: 'sourcecode_l4' },
    peaks: {
      fp32: { value: 91.6, source: 'mleng' },
      tf32: { value: 183, source: 'mleng' },
      fp16: { value: 362, source: 'mleng' },
      bf16: { value: 362, source: 'mleng' },
      fp8: { value: 733, source: 'mleng' },
      int8: { value: 733, source: 'mleng' },
    },
    tdpW: { value: 350, source: 'grok_l4' },
  },
  {
    id: 't4',
    name: 'NVIDIA T4',
    vendor: 'NVIDIA',
    family: 'Turing',
    aliases: ['Tesla T4', 'T4 16GB'],
    memoryGb: { value: 16, source: 'sysrqmts_t4' },
    bandwidthGbs: { value: 320, source: 'sysrqmts_t4' },
    // Turing has no TF32, BF16 or FP8 tensor cores.
    peaks: {
      fp32: { value: 8.1, source: 'geektopia_t4' },
      fp16: { value: 65, source: 'geektopia_t4' },
      int8: { value: 130, source: 'geektopia_t4' },
    },
    tdpW: { value: 70, source: 'sysrqmts_t4' },
  },
  {
    id: 'rtx-4090',
    name: 'NVIDIA GeForce RTX 4090',
    vendor: 'NVIDIA',
    family: 'Ada Lovelace',
    aliases: ['RTX 4090', '4090'],
    memoryGb: { value: 24, source: 'waredb_4090' },
    bandwidthGbs: { value: 1008, source: 'waredb_4090' },
    // GeForce tensor rates below are the FP32-accumulate ones (what PyTorch-based engines get);
    // FP16-accumulate is twice as fast on GeForce parts.
    peaks: {
      fp32: { value: 82.58, source: 'waredb_4090' },
      tf32: { value: 82.58, source: 'waredb_4090' },
      fp16: { value: 165.15, source: 'waredb_4090', note: 'FP32 accumulate' },
      bf16: {
        value: 165.15,
        source: 'waredb_4090',
        derived: 'same as fp16',
        note: 'Ada runs BF16 at the FP16 (FP32-accumulate) tensor rate',
      },
      fp8: { value: 330.3, source: 'waredb_4090', note: 'FP32 accumulate' },
      int8: { value: 660.6, source: 'waredb_4090' },
    },
    tdpW: { value: 450, source: 'th_4090' },
  },
];
