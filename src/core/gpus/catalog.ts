/**
 * The GPU preset catalog: typed data, one entry per accelerator, a source on every figure.
 * Adding a GPU touches only this file (the README table and `LLM_GPUS()` are generated from it).
 *
 * Conventions, so that a reader can check any number against its source:
 * - Peaks are dense, never the 2:4-sparsity marketing figure. Where a source states only the sparse
 *   figure, the dense one is half of it and the figure carries `derived: 'sparse/2'`.
 * - `fp32` is the FP32 matmul peak without reduced-precision tensor math: the non-tensor (CUDA core)
 *   rate on NVIDIA, the FP32 matrix rate where AMD quotes one. `tf32` is the TF32 tensor peak.
 * - `fp16`/`bf16`/`fp8` on NVIDIA GeForce cards are the rates with FP32 accumulation, half of the
 *   FP16-accumulate rate NVIDIA headlines. That is what PyTorch-based engines get (vLLM, SGLang,
 *   TGI, transformers, TensorRT-LLM): cuBLAS GEMMs there accumulate in FP32. llama.cpp's
 *   FP16 cuBLAS path asks for CUBLAS_COMPUTE_16F (ggml-cuda, `ggml_cuda_op_mul_mat_cublas`) and can
 *   reach twice the preset figure on GeForce; its quantized kernels run on the INT8 tensor rate.
 *   Workstation and datacenter parts (A40, RTX A6000, RTX Ada, RTX PRO, A100, H100...) run FP32
 *   accumulation at full rate, so their figure is the one NVIDIA headlines.
 * - A compute type the hardware lacks is absent (no `fp8` on Ampere, no `bf16` on Turing or Volta);
 *   the estimators then use the next supported type (see `lookup.ts`).
 * - Unified-memory machines (Apple silicon, DGX Spark) state the memory of one configuration, the
 *   one the cited benchmarks ran on or the common large one; a custom spec such as
 *   `"base=M3 Max; memory_gb=128"` overrides it.
 * - Interconnect is the GPU-to-GPU bandwidth per accelerator as vendors state it (bidirectional
 *   totals, e.g. NVLink 4 = 900 GB/s); PCIe-only cards give the slot's rate where it is sourced.
 * - Prices are indicative on-demand USD per GPU-hour, dated; a range keeps its high end in `high`.
 * - `class` picks the measured efficiencies the roofline method applies (GPU_CLASSES below). It
 *   follows from the memory (HBM, GDDR, unified) and, for a GDDR card, from whether its peaks are
 *   GeForce FP32-accumulate rates. Its note names the memory type; its source is a cited one whose
 *   title states that type, where there is one.
 *
 * Figures and sources of the accelerators in `data/gpus.json` follow that file; where a
 * better source was found (the H100 whitepaper, vendor datasheets) the figure cites it instead.
 */
import type { ComputeType } from '../precision';

/** Where a figure was read. */
export interface Source {
  readonly title: string;
  /** A URL, or a repository path pinned to a commit. */
  readonly ref: string;
  /** Where the figures were actually read when `ref` (a vendor PDF) is reproduced elsewhere. */
  readonly via?: string;
}

export const SOURCES = {
  // Vendor documents.
  h100_whitepaper: {
    title: 'NVIDIA H100 Tensor Core GPU Architecture whitepaper, peak table (H100 SXM5 and PCIe, dense/sparse)',
    ref: 'https://resources.nvidia.com/en-us-tensor-core',
    via: 'Lightning-AI/pytorch-lightning@1526f8408e1f73baf1e3d10bb7eb2d08fc5de8e4:src/lightning/fabric/utilities/throughput.py (H100 rows cite the whitepaper); https://glennklockwood.com/garden/processors/h100 (FP8 1978.9)',
  },
  a40_datasheet: {
    title: 'NVIDIA A40 datasheet: FP32 37.4, TF32 74.8, FP16 and BF16 (FP32 accumulate) 149.7, INT8 299.3 dense',
    ref: 'https://images.nvidia.com/content/Solutions/data-center/a40/nvidia-a40-datasheet.pdf',
    via: 'https://www.ecer.com/corp/details-uuuedqa-p1bsay9-multi-display-setups-supported-by-48gb-gddr6-ecc-memory-nvidia-a40-gpu-and-vga-outputs.html (datasheet table reproduced)',
  },
  a6000_sth: {
    title: 'NVIDIA RTX A6000 specification table: 48 GB, 768 GB/s, 300 W, NVLink 112.5 GB/s',
    ref: 'https://servethehome.com/nvidia-rtx-a6000-48gb-gpu-drops-quadro-designation',
  },
  lightning_flops: {
    title:
      'PyTorch Lightning peak-FLOPS table (rows cite NVIDIA datasheets and the GA102/Ada whitepapers); only its FP32, TF32 and INT8 rows are used, its GeForce FP16/BF16 rows are non-tensor rates',
    ref: 'Lightning-AI/pytorch-lightning@1526f8408e1f73baf1e3d10bb7eb2d08fc5de8e4:src/lightning/fabric/utilities/throughput.py',
  },
  torchtitan: {
    title: 'torchtitan peak FLOPS: H100 NVL BF16 835e12 dense (NVIDIA H100 page, one half of the sparse figure)',
    ref: 'pytorch/torchtitan@02581674d9dbd6bbeb04817a8a4d95bdb4a18a5b:torchtitan/tools/utils.py',
  },
  // Compilations.
  mleng: {
    title: 'ml-engineering accelerator tables (dense TFLOPS and memory; rows link the vendor pages)',
    ref: 'stas00/ml-engineering@744d01e18b79512572f64a6bbd8b5f4a725203a7:compute/accelerator/README.md',
  },
  mleng_2025: {
    title:
      'ml-engineering accelerator tables, later revision: GH200, Gaudi 3 (whitepaper BF16 1835), B300 memory, MI325X 1000 W',
    ref: 'stas00/ml-engineering@b9e29720eebd4aa946fa9678975385efbc90a777:compute/accelerator/README.md',
  },
  llmviewer: {
    title: 'LLM-Viewer hardware parameters (comments cite NVIDIA whitepapers; dense = sparse/2)',
    ref: 'hahnyuan/LLM-Viewer@472f71f1a1807e80b573252e9185fd5e8d795e95:hardwares/hardware_params.py',
  },
  scalingbook: {
    title: 'How to Scale Your Model, TPU spec table: HBM, bandwidth, BF16 and INT8 peaks per chip',
    ref: 'jax-ml/scaling-book@0819a7d8c55ddc113f5cba0285a5f97380cac1e3:tpus.md',
  },
  scalingbook_2025: {
    title:
      'How to Scale Your Model, TPU tables (later revision): TPU v6e, ICI bandwidth per link; v5e/v6e 2D torus (4 links), v5p 3D torus (6 links)',
    ref: 'jax-ml/scaling-book@04d8de58b9f64e2d6cc1df469b8a36f506a0138d:tpus.md',
  },
  distbook: {
    title:
      'Distributed training book, hardware assumptions: per-GPU intra-node bandwidth (MI300X Infinity Fabric 896 GB/s)',
    ref: 'https://ttsugriy.github.io/distributed-training-book/appendices/hardware-assumptions',
  },
  kunwar_hw: {
    title: 'Hardware reference appendix: V100 SXM2 NVLink 300 GB/s, GB200 NVLink 1.8 TB/s per GPU',
    ref: 'https://www.kunwar.page/chapter/appendix-d-hardware-reference',
  },
  denvr_a100: {
    title: 'A100 explainer: NVLink 600 GB/s GPU-to-GPU vs PCIe Gen4 64 GB/s',
    ref: 'https://support.denvrdata.com/portal/en/kb/articles/why-a100',
  },
  // Spec pages and reviews, one accelerator or family each.
  hpctech_h100: {
    title: 'NVIDIA H100 datasheet table (distributor copy); sparse figures, dense is half',
    ref: 'https://archive-lib.hpctech.co.jp/gpuproduct/nvidia-h100.html',
  },
  h100pcie_brief: {
    title: 'NVIDIA H100 PCIe product brief PB-11133-001_v02: 350 W',
    ref: 'https://manuals.plus/m/56b0c3ef7d0a1c470c0af8f05a0bd1f29a778007472ba941201fbbb185c9bccd',
  },
  aimining_h100nvl: {
    title: 'H100 NVL spec page: 94 GB HBM3, 3.9 TB/s, about 400 W, NVLink bridge 600 GB/s',
    ref: 'https://www.aiminingco.com/gpu/h100-nvl/specs',
  },
  mlperf41_h200: {
    title: 'MLPerf Inference v4.1 system description, H200-SXM-141GB x8: 700 W TGP, 900 GB/s NVLink',
    ref: 'mlcommons/inference_results_v4.1:closed/NVIDIA/systems/H200-SXM-141GBx8_TRT_MaxQ.json',
  },
  mlperf41_b200: {
    title: 'MLPerf Inference v4.1 system description, B200-SXM-180GB: 1000 W TGP',
    ref: 'mlcommons/inference_results_v4.1@198fc46799b3328b36ee4bcbdebfa2db5a8e6183:closed/NVIDIA/systems/B200-SXM-180GBx1_TRT.json',
  },
  mlperf41_mi300x: {
    title: 'MLPerf Inference v4.1 system description: "AMD Instinct MI300X-NPS1-SPX-192GB-750W"',
    ref: 'mlcommons/inference_results_v4.1@198fc46799b3328b36ee4bcbdebfa2db5a8e6183:closed/AMD/systems/1xMI300X_2xEPYC-9374F.json',
  },
  glenn_b300: {
    title: 'B300 (Blackwell Ultra) notes: 288 GB HBM3e, 8 TB/s, HGX B300 dense peaks, 2 x 900 GB/s NVLink 5, 1400 W',
    ref: 'https://glennklockwood.com/garden/processors/B300',
  },
  sysrqmts_a100: {
    title: 'A100 PCIe 40GB spec page: 1,555 GB/s, 250 W',
    ref: 'https://sysrqmts.com/gpus/compare/nvidia-a100-pcie-vs-nvidia-tegra-4-gpu',
  },
  unanswered_a100: {
    title: 'A100 guide: 400 W SXM, NVLink 3 600 GB/s',
    ref: 'https://unanswered.io/guide/nvidia-a100-gpu-performance',
  },
  techrival_v100: {
    title: 'V100 launch news: 16 GB HBM2',
    ref: 'https://www.techrival.com/nvidia-volta-tesla-v100-cards-detailed-150w-single-slot-300w-dual-slot-gv100-powered-pcie-accelerators/',
  },
  lambda_csv: {
    title: 'TechPowerUp-derived GPU table: V100 32 GB HBM2 variant',
    ref: 'https://huggingface.co/spaces/lambdabrendan/Lambda-LLM-Calculator/blame/main/data/gpu_specs.csv',
  },
  nv_tc_blog: {
    title: 'NVIDIA developer blog: Tesla V100 Tensor Cores "up to 125 Tensor TFLOPS"',
    ref: 'https://developer.nvidia.com/programming-tensor-cores-cuda-9-0',
  },
  sysrqmts_t4: {
    title: 'T4 spec page: 16 GB, 320 GB/s, 70 W',
    ref: 'https://sysrqmts.com/en/gpus/nvidia/tesla/t4',
  },
  geektopia_t4: {
    title: 'T4 launch news quoting NVIDIA: 8.1 FP32, 65 FP16, 130 INT8',
    ref: 'https://geektopia.es/es/technology/2018/09/13/noticias/nvidia-presenta-la-nueva-tesla-t4-basada-en-turing-orientada-a-inteligencia-artificial.html',
  },
  baseten_a10: {
    title: 'A10 vs A10G: both 24 GB GDDR6 at 600 GB/s',
    ref: 'https://www.baseten.co/blog/nvidia-a10-vs-a10g-for-ml-model-inference/',
  },
  gist_a10: {
    title: 'user gist table: A10 150 W',
    ref: 'https://gist.github.com/kimbochen',
  },
  grok_l4: {
    title: 'L4 vs L40S comparison: L4 24 GB, FP16 242 / FP8 485 sparse TFLOPS, 72 W; L40S 350 W',
    ref: 'https://grokipedia.com/page/NVIDIA_L4_vs_L40S',
  },
  sourcecode_l4: {
    title: 'L4 reseller spec table: 300 GB/s, TF32 120 and INT8 485 (sparse); L40S 864 GB/s',
    ref: 'https://store.sourcecode.com/en-us/bg-bucket-compare/125/9820',
  },
  fpsbench_l4: {
    title: 'L4 spec page: FP32 30.29 TFLOPS',
    ref: 'https://fpsbench.com/compare/gpu/nvidia-l4-vs-nvidia-tesla-m40',
  },
  tomshw_30: {
    title: "Tom's Hardware RTX 30 table: RTX 3070 8 GB, 448 GB/s, 220 W; RTX 3080 10 GB, 760 GB/s, 320 W",
    ref: 'https://www.tomshardware.com/uk/news/nvidia-driver-geforce-rtx-3080-ti-ampere-gpu',
  },
  wccftech_3080ti: {
    title: 'RTX 3080 Ti report: 12 GB GDDR6X, 384-bit, 912 GB/s',
    ref: 'https://wccftech.com/nvidia-geforce-rtx-3080-ti-12-gb-gddr6x-10240-cuda-cores-april-launch-rumor/',
  },
  th_3090: {
    title:
      "RTX 3090 spec table (copy of Tom's Hardware): FP32 35.6, FP16 tensor 142 (285 sparse, FP16 accumulate), 936 GB/s, 350 W",
    ref: 'https://holynerdvana.blogspot.com/2022/10/nvidia-geforce-rtx-3090-specifications.html',
  },
  hmc_3090ti: {
    title: 'RTX 3090 Ti spec page: FP32 40, FP16 tensor 80 (FP32 accumulate) / 160 (FP16 accumulate), BF16 80, TF32 40',
    ref: 'https://hmc-tech.com/gpu/nvidia-geforce-rtx-4090-d-vs-nvidia-geforce-rtx-3090-ti',
  },
  sweclockers_40: {
    title:
      'SweClockers RTX 40 table: RTX 4070 Ti 12 GB, 504 GB/s, 40.09 TFLOPS, 285 W; RTX 3090 Ti 24 GB, 1008 GB/s, 450 W',
    ref: 'https://www.sweclockers.com/nyhet/35472-nvidia-avtacker-geforce-rtx-4070-ti-nytt-namn-och-lagre-pris',
  },
  th_4080: {
    title: "RTX 4080 spec table (copy of Tom's Hardware): FP32 48.7, FP16 390 (FP8 780) sparse, 717 GB/s, 320 W",
    ref: 'https://www.holynerdvana.com/2022/10/nvidia-geforce-rtx-4080-specifications.html',
  },
  waredb_4090: {
    title: 'RTX 4090 spec page: dense and sparse tensor figures (FP32-accumulate rates)',
    ref: 'https://waredb.com/processor/nvidia-geforce-rtx-4090',
  },
  th_4090: {
    title: "RTX 4090 spec table (copy of Tom's Hardware): 450 W",
    ref: 'https://holynerdvana.blogspot.com/2022/10/nvidia-geforce-rtx-4090-specifications.html',
  },
  lf_5090: {
    title: 'Linux Format RTX 5090 review spec box: 32 GB, 1,792 GB/s, 104 FP32 TFLOPS, 575 W',
    ref: 'https://pocketmags.com/linux-format-magazine/may-2025/articles/nvidia-geforce-rtx-5090',
  },
  spheron_5090: {
    title: 'RTX 5090 datasheet summary: FP16 838.4, FP8 1,676.8, FP4 3,352 TFLOPS, all with sparsity',
    ref: 'https://www.spheron.network/blog/nvidia-rtx-5090-specs/',
  },
  codesota_5090: {
    title: 'RTX 5090 register entry: FP16 dense 209.5 TFLOPS (FP32 accumulate) from the NVIDIA datasheet',
    ref: 'https://www.codesota.com/hardware/rtx-5090',
  },
  hmc_5050: {
    title: 'RTX 5050 spec page: GeForce Blackwell ratios (TF32 tensor = FP32 rate; INT8 = FP8 with FP16 accumulate)',
    ref: 'https://hmc-tech.com/gpu/nvidia-geforce-rtx-5050',
  },
  topcpu_ada_pro: {
    title: 'RTX 4000 Ada vs RTX 5000 Ada: 20 GB / 32 GB, 360 / 576 GB/s, 130 / 250 W, FP32 26.73 / 65.28 TFLOPS',
    ref: 'https://topcpu.net/en/gpu-c/rtx-4000-ada-generation-vs-rtx-5000-ada-generation',
  },
  hmc_ada_pro: {
    title:
      'RTX 5000 Ada vs RTX 4000 Ada tensor figures: FP16/BF16 261.12 / 106.91, TF32 130.56 / 53.45, FP8 522.24 / 213.81 dense (full-rate FP32 accumulate; at the TechPowerUp boost clock)',
    ref: 'https://hmc-tech.com/gpu/nvidia-rtx-5000-ada-vs-nvidia-rtx-4000-ada',
  },
  grafikkarten_6000ada: {
    title: 'RTX 6000 Ada specification table from NVIDIA: 142 SMs, FP32 91.1 TFLOPS, 48 GB, 960 GB/s, 300 W',
    ref: 'https://www.grafikkarten.com/de/news/nvidia-rtx-6000-grafikkarte-der-ada-generation',
  },
  hwcorner_pro6000: {
    title: 'RTX PRO 6000 Blackwell vs RTX 5090: 96 GB GDDR7, 1,792 GB/s, 600 W',
    ref: 'https://hardware-corner.net/rtx-5090-vs-rtx-pro-6000-spec-comparison-20250321',
  },
  nvidia_pro6000: {
    title: 'RTX PRO 6000 launch report quoting NVIDIA: up to 125 TFLOPS FP32 and 4,000 AI TOPS (FP4, sparse)',
    ref: 'https://www.topcpu.net/es/news/nvidia-launches-96gb-rtx-5090-model-with-a-whopping-price-tag-of-10000',
  },
  hmc_pro6000: {
    title: 'RTX PRO 6000 Blackwell spec page: FP16/BF16 503.8 (FP32 accumulate), TF32 251.9, FP8 and INT8 1.01 P dense',
    ref: 'https://hmc-tech.com/gpu/nvidia-rtx-pro-6000-blackwell-vs-amd-radeon-pro-duo-polaris',
  },
  spark_specs: {
    title:
      'DGX Spark (GB10) spec summary from NVIDIA pages: 128 GB LPDDR5x unified, 273 GB/s, 1 PFLOP FP4 with sparsity',
    ref: 'https://ai-infrastructure.net/dgx-spark/',
  },
  spark_hotchips: {
    title: 'GB10 at Hot Chips 2025: about 31 TFLOPS FP32, 140 W TDP',
    ref: 'https://meterpreter.org/a-supercomputer-on-your-desk-nvidia-unveils-the-dgx-spark-ai-superchip',
  },
  tomshw_mi355x: {
    title: "Tom's Hardware: MI355X 288 GB HBM3E, 8 TB/s, 1,400 W, 20.1 PFLOPS FP4/FP6 (sparse)",
    ref: 'https://www.tomshardware.com/pc-components/gpus/amds-instinct-mi355x-accelerator-will-consume-1-400-watts',
  },
  isscc_mi355x: {
    title: 'ISSCC 2026 report on MI355X: 8,192 FP8 FLOPs/clock per CU, five petaflops FP8',
    ref: 'https://www.world-today-news.com/?p=7253162',
  },
  xdai: {
    title:
      'GPU-Benchmarks-on-LLM-Inference: the Apple configurations benchmarked (M1 7-core 8GB, M1 Max 32-core 64GB, M3 Max 40-core 64GB)',
    ref: 'XiongjieDai/GPU-Benchmarks-on-LLM-Inference@aa72e0ec86c356c41f8281c9733e9a13c3675800:README.md',
  },
  akunu_apple: {
    title: 'Apple GPU family survey: M1 68 GB/s, 2.6 FP32 TFLOPS (8-core); M1 Max 400 GB/s, 10.4 TFLOPS (32-core)',
    ref: 'https://akunu.prabod.rathnayaka.me/part1/ch05-chip-generations.html',
  },
  apple_m2u: {
    title: 'Apple press release: M2 Ultra, up to 192 GB unified memory, 800 GB/s',
    ref: 'https://www.apple.com/pt/newsroom/2023/06/apple-introduces-m2-ultra',
  },
  macmega_m3max: {
    title: 'M3 Max (40-core GPU): 400 GB/s',
    ref: 'https://macmegasite.com/2024/10/30/m4-max-chip-has-16-core-cpu-40-core-gpu-and-35-increase-in-memory-bandwidth',
  },
  hmc_m2max: {
    title: 'Apple GPU spec page: 30-core M2 Max 10.74 TFLOPS, 8-core M1 2.62 TFLOPS (FP16 = FP32 rate)',
    ref: 'https://hmc-tech.com/gpu/apple-30-core-m2-max-vs-apple-8-core-m1',
  },
  hmc_m3max: {
    title: 'Apple GPU spec page: 40-core M3 Max 14.32 TFLOPS, 32-core M4 Max 13.74 TFLOPS (FP16 = FP32 rate)',
    ref: 'https://hmc-tech.com/gpu/apple-32-core-m4-max-vs-apple-40-core-m3-max',
  },
  m4max_news: {
    title: 'M4 Max launch report: 40-core GPU, up to 128 GB unified memory at 546 GB/s',
    ref: 'https://gamebastion.com/n/apple-s-m4-max-is-the-first-non-ultra/474547',
  },
  // Prices.
  hfblog_sm: {
    title:
      'SageMaker on-demand prices, us-west-2, Sept 2023: ml.g5.2xlarge (1x A10G) $1.52, ml.p4d.24xlarge (8x A100 40GB) $37.69',
    ref: 'huggingface/blog@11a8ec1ead66a31371c91bdb1b2d977d5bea4dc1:llama-sagemaker-benchmark.md',
  },
  mercatus: {
    title: 'Cloud GPU pricing survey, May 2026: on-demand $/GPU-hour ranges (long-tail to hyperscaler)',
    ref: 'https://www.mercatus-ai.com/blog/cloud-gpu-pricing',
  },
} as const satisfies Record<string, Source>;

export type SourceId = keyof typeof SOURCES;

/** One number with where it came from. */
export interface Figure {
  readonly value: number;
  readonly source: SourceId;
  /**
   * How the figure was obtained when it is not read directly: `'sparse/2'` (half a 2:4-sparsity
   * figure), `'same as fp16'`, `'fp32 × 2'` (an architecture ratio stated in the note)...
   */
  readonly derived?: string;
  readonly note?: string;
}

/** GPU-to-GPU bandwidth, GB/s, with the link it is measured on. */
export interface InterconnectFigure extends Figure {
  /** e.g. `'NVLink 4'`, `'PCIe Gen4 x16'`, `'ICI (4 links)'`. */
  readonly link: string;
}

/** Prices quoted longer ago than this are stale: GPU rental prices move by multiples in a year. */
export const PRICE_STALE_MONTHS = 12;

/** True when a price quoted in `date` (`YYYY-MM`) is more than PRICE_STALE_MONTHS old at `now`. */
export function isPriceStale(date: string, now: Date): boolean {
  const [year, month] = date.split('-').map(Number);
  const ageMonths = (now.getUTCFullYear() - year) * 12 + (now.getUTCMonth() + 1 - month);
  return ageMonths > PRICE_STALE_MONTHS;
}

/** An indicative on-demand price, USD per GPU-hour. */
export interface PriceFigure extends Figure {
  /** When it was quoted, `YYYY-MM`. */
  readonly date: string;
  /** The high end when the source quotes a range (`value` is then the low end). */
  readonly high?: number;
}

/**
 * The GPU classes the roofline method's measured efficiencies are fitted per
 * (src/core/roofline/efficiency.ts), in that table's order.
 */
export const GPU_CLASSES = ['hbm', 'workstation', 'consumer', 'unified'] as const;
export type GpuClass = (typeof GPU_CLASSES)[number];

/** What puts a GPU in each class. */
export const GPU_CLASS_MEANING: Readonly<Record<GpuClass, string>> = {
  hbm: 'accelerator on HBM (V100, A100, H100, H200, B200, AMD Instinct, Gaudi, TPU)',
  workstation:
    'GDDR card with full-rate FP32 accumulation: RTX workstation parts and GDDR datacenter cards (T4, A10, A40, L4, L40S)',
  consumer:
    'GeForce card on GDDR: its peaks are the FP32-accumulate rates, half of what FP16-accumulate kernels (llama.cpp) reach',
  unified: 'CPU and GPU share one LPDDR memory (Apple silicon, DGX Spark)',
};

/** A preset's class and why: the shape of a Figure, with a class for its value. */
export interface ClassFigure {
  readonly value: GpuClass;
  /** The memory type, and for a GDDR card what kind of card it is. */
  readonly note: string;
  /** A source the preset cites whose title states the memory type, where one does. */
  readonly source?: SourceId;
}

export interface GpuPreset {
  /** Stable short id, e.g. `a100-80gb-sxm`. */
  readonly id: string;
  /** Display name. */
  readonly name: string;
  readonly vendor: string;
  /** Architecture generation, e.g. `Hopper`, `CDNA 3`, `M3`. */
  readonly family: string;
  /** Which measured efficiencies apply (GPU_CLASSES), and why. */
  readonly class: ClassFigure;
  /** Other names the preset answers to (normalized like the id when matched). */
  readonly aliases: readonly string[];
  /** Memory capacity, GB (10⁹ bytes) as the vendor states it; for unified memory, one configuration. */
  readonly memoryGb: Figure;
  /** True when CPU and GPU share the memory (Apple silicon, DGX Spark). */
  readonly unifiedMemory?: boolean;
  /** Memory bandwidth, GB/s (10⁹ bytes/s). */
  readonly bandwidthGbs: Figure;
  /** Dense peak per compute type, TFLOPS (TOPS for int8); absent where the hardware lacks it. */
  readonly peaks: Partial<Record<ComputeType, Figure>>;
  readonly interconnect?: InterconnectFigure;
  /** Board (or module) power, W. */
  readonly tdpW?: Figure;
  readonly pricePerHour?: PriceFigure;
  /** What a user of the preset should know (variants, caveats). */
  readonly note?: string;
}

const A100_PEAKS = {
  fp32: { value: 19.5, source: 'mleng' },
  tf32: { value: 156, source: 'mleng' },
  fp16: { value: 312, source: 'mleng' },
  bf16: { value: 312, source: 'mleng' },
  int8: { value: 624, source: 'mleng' },
} as const satisfies GpuPreset['peaks'];

const H100_SXM_PEAKS = {
  fp32: { value: 66.9, source: 'h100_whitepaper' },
  tf32: { value: 494.7, source: 'h100_whitepaper' },
  fp16: { value: 989.4, source: 'h100_whitepaper' },
  bf16: { value: 989.4, source: 'h100_whitepaper' },
  fp8: { value: 1978.9, source: 'h100_whitepaper' },
  int8: { value: 1978.9, source: 'h100_whitepaper' },
} as const satisfies GpuPreset['peaks'];

/** Hopper SXM compute as ml-engineering lists it (H200 and GH200 share the H100 SXM die and clocks). */
const HOPPER_MLENG_PEAKS = {
  fp32: { value: 67, source: 'mleng' },
  tf32: { value: 494.5, source: 'mleng' },
  fp16: { value: 989, source: 'mleng' },
  bf16: { value: 989, source: 'mleng' },
  fp8: { value: 1979, source: 'mleng' },
  int8: { value: 1979, source: 'mleng' },
} as const satisfies GpuPreset['peaks'];

const MI300_PEAKS = {
  fp32: { value: 163.4, source: 'mleng', note: 'FP32 matrix rate (the vector rate is half)' },
  tf32: { value: 653.7, source: 'mleng' },
  fp16: { value: 1300, source: 'mleng', note: '1307.4 before rounding (mleng_2025: 2100 MHz × 1216 × 256 FMA × 2)' },
  bf16: { value: 1300, source: 'mleng' },
  fp8: { value: 2610, source: 'mleng' },
  int8: { value: 2600, source: 'mleng' },
} as const satisfies GpuPreset['peaks'];

/** GeForce Ada ratio used where only the FP32 rate is sourced: see the RTX 4090 figures. */
const ADA_GEFORCE_RATIO =
  'AD10x GeForce tensor rates are FP32 × 1 (TF32), × 2 (FP16/BF16, FP32 accumulate), × 4 (FP8, FP32 accumulate), × 8 (INT8): the RTX 4090 figures of waredb_4090 (82.58 / 165.15 / 330.3 / 660.6)';

/** Pro Ada ratio (full-rate FP32 accumulate): the RTX 5000 Ada figures of hmc_ada_pro. */
const ADA_PRO_RATIO =
  'Ada workstation tensor rates are FP32 × 2 (TF32), × 4 (FP16/BF16), × 8 (FP8/INT8): the RTX 5000 Ada figures of hmc_ada_pro (65.28 / 130.56 / 261.12 / 522.24)';

const GEFORCE_FP32_ACC = 'FP32 accumulate (GeForce runs it at half the FP16-accumulate rate)';

export const GPU_PRESETS: readonly GpuPreset[] = [
  // NVIDIA Volta and Turing.
  {
    id: 'v100-sxm2-16gb',
    name: 'NVIDIA V100 SXM2 16GB',
    vendor: 'NVIDIA',
    family: 'Volta',
    class: { value: 'hbm', note: 'HBM2', source: 'techrival_v100' },
    aliases: [
      'V100',
      'V100 SXM2',
      'V100 16GB',
      'Tesla V100',
      'V100-SXM2-16GB',
      'NVIDIA V100 (SXM2/PCIe, 16GB and 32GB)',
    ],
    memoryGb: { value: 16, source: 'techrival_v100' },
    bandwidthGbs: { value: 900, source: 'llmviewer' },
    // Volta has no TF32, BF16, FP8 or INT8 tensor cores (gpus.json notes, LLM-Viewer).
    peaks: {
      fp32: { value: 15.7, source: 'lightning_flops', note: 'V100 datasheet, SXM2' },
      fp16: { value: 125, source: 'nv_tc_blog', note: 'mixed precision (FP16 in, FP32 accumulate)' },
    },
    interconnect: { value: 300, source: 'kunwar_hw', link: 'NVLink 2' },
  },
  {
    id: 'v100-sxm2-32gb',
    name: 'NVIDIA V100 SXM2 32GB',
    vendor: 'NVIDIA',
    family: 'Volta',
    class: { value: 'hbm', note: 'HBM2', source: 'lambda_csv' },
    aliases: ['V100 32GB', 'V100 SXM2 32GB', 'V100-SXM2-32GB'],
    memoryGb: { value: 32, source: 'lambda_csv', note: 'the 32 GB HBM2 variant' },
    bandwidthGbs: { value: 900, source: 'llmviewer' },
    peaks: {
      fp32: { value: 15.7, source: 'lightning_flops', note: 'V100 datasheet, SXM2' },
      fp16: { value: 125, source: 'nv_tc_blog', note: 'mixed precision (FP16 in, FP32 accumulate)' },
    },
    interconnect: { value: 300, source: 'kunwar_hw', link: 'NVLink 2' },
  },
  {
    id: 'v100-pcie-16gb',
    name: 'NVIDIA V100 PCIe 16GB',
    vendor: 'NVIDIA',
    family: 'Volta',
    class: { value: 'hbm', note: 'HBM2', source: 'techrival_v100' },
    aliases: ['V100 PCIe', 'V100-PCIE-16GB', 'Tesla V100 PCIe'],
    memoryGb: { value: 16, source: 'techrival_v100' },
    bandwidthGbs: { value: 900, source: 'llmviewer' },
    peaks: {
      fp32: { value: 14, source: 'lightning_flops', note: 'V100 datasheet, PCIe' },
      fp16: { value: 112, source: 'llmviewer', note: 'PCIe clocks' },
    },
  },
  {
    id: 't4',
    name: 'NVIDIA T4',
    vendor: 'NVIDIA',
    family: 'Turing',
    class: { value: 'workstation', note: 'GDDR6 datacenter card (full-rate FP32 accumulate)' },
    aliases: ['Tesla T4', 'T4 16GB'],
    memoryGb: { value: 16, source: 'sysrqmts_t4' },
    bandwidthGbs: { value: 320, source: 'sysrqmts_t4' },
    // Turing has no TF32, BF16 or FP8 tensor cores.
    peaks: {
      fp32: { value: 8.1, source: 'geektopia_t4' },
      fp16: { value: 65, source: 'geektopia_t4', note: 'mixed precision (FP32 accumulate)' },
      int8: { value: 130, source: 'geektopia_t4' },
    },
    tdpW: { value: 70, source: 'sysrqmts_t4' },
  },
  // NVIDIA Ampere datacenter.
  {
    id: 'a10',
    name: 'NVIDIA A10',
    vendor: 'NVIDIA',
    family: 'Ampere',
    class: { value: 'workstation', note: 'GDDR6 datacenter card (full-rate FP32 accumulate)', source: 'baseten_a10' },
    aliases: ['A10 24GB', 'A10 PCIe'],
    memoryGb: { value: 24, source: 'baseten_a10' },
    bandwidthGbs: { value: 600, source: 'baseten_a10' },
    peaks: {
      fp32: { value: 31.2, source: 'lightning_flops', note: 'A10 datasheet' },
      tf32: { value: 62.5, source: 'lightning_flops', note: 'A10 datasheet' },
      fp16: { value: 125, source: 'lightning_flops', note: 'A10 datasheet' },
      bf16: { value: 125, source: 'lightning_flops', note: 'A10 datasheet' },
      int8: { value: 250, source: 'lightning_flops', note: 'A10 datasheet' },
    },
    tdpW: { value: 150, source: 'gist_a10' },
  },
  {
    id: 'a10g',
    name: 'NVIDIA A10G',
    vendor: 'NVIDIA',
    family: 'Ampere',
    class: { value: 'workstation', note: 'GDDR6 datacenter card (full-rate FP32 accumulate)', source: 'baseten_a10' },
    aliases: ['A10G 24GB', 'NVIDIA A10G (AWS G5)', 'AWS A10G'],
    memoryGb: { value: 24, source: 'baseten_a10' },
    bandwidthGbs: { value: 600, source: 'baseten_a10' },
    peaks: {},
    pricePerHour: {
      value: 1.52,
      date: '2023-09',
      source: 'hfblog_sm',
      note: 'SageMaker ml.g5.2xlarge (1x A10G, with its CPU and RAM), us-west-2',
    },
    note: 'AWS-only variant. AWS and NVIDIA publish no tensor peak for it (AWS describes G5 by GPU memory only; the NVIDIA A10 datasheet covers the A10), and third-party pages disagree on its SM count (72 or 80) and clock, so none is derived: memory estimates work, speed needs a peak you trust, e.g. "base=A10G; tflops_fp16=...". Memory and bandwidth equal the A10.',
  },
  {
    id: 'a40',
    name: 'NVIDIA A40',
    vendor: 'NVIDIA',
    family: 'Ampere',
    class: { value: 'workstation', note: 'GDDR6 datacenter card (full-rate FP32 accumulate)' },
    aliases: ['A40 48GB', 'A40 PCIe'],
    memoryGb: { value: 48, source: 'a40_datasheet' },
    bandwidthGbs: { value: 696, source: 'a40_datasheet' },
    peaks: {
      fp32: { value: 37.4, source: 'a40_datasheet' },
      tf32: { value: 74.8, source: 'a40_datasheet' },
      fp16: {
        value: 149.7,
        source: 'a40_datasheet',
        note: 'the datasheet lists it with FP16 accumulate and the same 149.7 for BF16 with FP32 accumulate: full-rate FP32 accumulation',
      },
      bf16: { value: 149.7, source: 'a40_datasheet' },
      int8: { value: 299.3, source: 'a40_datasheet' },
    },
    interconnect: { value: 112.5, source: 'a40_datasheet', link: 'NVLink bridge (2 GPUs)' },
    tdpW: { value: 300, source: 'a40_datasheet' },
  },
  {
    id: 'a100-40gb-sxm',
    name: 'NVIDIA A100 40GB SXM',
    vendor: 'NVIDIA',
    family: 'Ampere',
    class: { value: 'hbm', note: 'HBM2' },
    aliases: ['A100 SXM 40GB', 'A100-SXM4-40GB', 'A100 40GB', 'A100 40GB SXM4'],
    memoryGb: { value: 40, source: 'sysrqmts_a100' },
    bandwidthGbs: { value: 1555, source: 'llmviewer' },
    peaks: A100_PEAKS,
    interconnect: { value: 600, source: 'unanswered_a100', link: 'NVLink 3' },
    tdpW: { value: 400, source: 'unanswered_a100' },
    pricePerHour: {
      value: 4.71,
      date: '2023-09',
      source: 'hfblog_sm',
      derived: '37.69 / 8',
      note: 'SageMaker ml.p4d.24xlarge (8x A100 40GB) $37.69/h, us-west-2',
    },
  },
  {
    id: 'a100-80gb-sxm',
    name: 'NVIDIA A100 80GB SXM',
    vendor: 'NVIDIA',
    family: 'Ampere',
    class: { value: 'hbm', note: 'HBM2e' },
    aliases: ['A100', 'A100 SXM', 'A100 SXM 80GB', 'A100-SXM4-80GB', 'A100 80GB', 'A100 80GB SXM4'],
    memoryGb: { value: 80, source: 'mleng' },
    bandwidthGbs: { value: 2039, source: 'llmviewer', note: 'ml-engineering lists 2.00 TB/s' },
    peaks: A100_PEAKS,
    interconnect: { value: 600, source: 'unanswered_a100', link: 'NVLink 3' },
    tdpW: { value: 400, source: 'unanswered_a100' },
    pricePerHour: {
      value: 0.8,
      high: 3,
      date: '2026-05',
      source: 'mercatus',
      note: 'A100 80GB, long-tail to hyperscaler',
    },
  },
  {
    id: 'a100-40gb-pcie',
    name: 'NVIDIA A100 40GB PCIe',
    vendor: 'NVIDIA',
    family: 'Ampere',
    class: { value: 'hbm', note: 'HBM2' },
    aliases: ['A100 PCIe 40GB', 'A100-PCIE-40GB'],
    memoryGb: { value: 40, source: 'sysrqmts_a100' },
    bandwidthGbs: { value: 1555, source: 'sysrqmts_a100' },
    peaks: A100_PEAKS,
    interconnect: {
      value: 64,
      source: 'denvr_a100',
      link: 'PCIe Gen4 x16',
      note: 'an NVLink bridge joins two PCIe cards',
    },
    tdpW: { value: 250, source: 'sysrqmts_a100' },
  },
  {
    id: 'a100-80gb-pcie',
    name: 'NVIDIA A100 80GB PCIe',
    vendor: 'NVIDIA',
    family: 'Ampere',
    class: { value: 'hbm', note: 'HBM2e' },
    aliases: ['A100 PCIe', 'A100 PCIe 80GB', 'A100-PCIE-80GB'],
    memoryGb: { value: 80, source: 'mleng' },
    bandwidthGbs: { value: 1940, source: 'mleng' },
    peaks: A100_PEAKS,
    interconnect: {
      value: 64,
      source: 'denvr_a100',
      link: 'PCIe Gen4 x16',
      note: 'an NVLink bridge joins two PCIe cards',
    },
  },
  // NVIDIA Hopper.
  {
    id: 'h100-sxm',
    name: 'NVIDIA H100 SXM5 80GB',
    vendor: 'NVIDIA',
    family: 'Hopper',
    class: { value: 'hbm', note: 'HBM3' },
    aliases: ['H100', 'H100 SXM', 'H100 SXM5', 'H100 80GB', 'H100 80GB HBM3', 'H100-SXM5-80GB', 'H100 SXM 80GB'],
    memoryGb: { value: 80, source: 'hpctech_h100' },
    bandwidthGbs: { value: 3350, source: 'hpctech_h100' },
    peaks: H100_SXM_PEAKS,
    interconnect: { value: 900, source: 'hpctech_h100', link: 'NVLink 4' },
    tdpW: { value: 700, source: 'hpctech_h100' },
    pricePerHour: { value: 1.99, high: 5, date: '2026-05', source: 'mercatus', note: 'H100 SXM5' },
  },
  {
    id: 'h100-pcie',
    name: 'NVIDIA H100 PCIe 80GB',
    vendor: 'NVIDIA',
    family: 'Hopper',
    class: { value: 'hbm', note: 'HBM2e' },
    aliases: ['H100 PCIe', 'H100 PCIe 80GB', 'H100-PCIE-80GB'],
    memoryGb: { value: 80, source: 'hpctech_h100' },
    bandwidthGbs: { value: 2000, source: 'hpctech_h100', note: 'product brief: more than 2,000 GB/s' },
    peaks: {
      fp32: { value: 51.2, source: 'h100_whitepaper' },
      tf32: { value: 378, source: 'h100_whitepaper' },
      fp16: { value: 756, source: 'h100_whitepaper' },
      bf16: { value: 756, source: 'h100_whitepaper' },
      fp8: { value: 1513, source: 'mleng' },
      int8: { value: 1513, source: 'h100_whitepaper' },
    },
    interconnect: {
      value: 128,
      source: 'hpctech_h100',
      link: 'PCIe Gen5 x16',
      note: 'an NVLink bridge joins two cards at 600 GB/s',
    },
    tdpW: { value: 350, source: 'h100pcie_brief' },
  },
  {
    id: 'h100-nvl',
    name: 'NVIDIA H100 NVL 94GB',
    vendor: 'NVIDIA',
    family: 'Hopper',
    class: { value: 'hbm', note: 'HBM3', source: 'aimining_h100nvl' },
    aliases: ['H100 NVL', 'H100 NVL 94GB', 'H100-NVL'],
    memoryGb: { value: 94, source: 'aimining_h100nvl', note: 'per GPU; sold as a bridged pair (188 GB)' },
    bandwidthGbs: { value: 3900, source: 'aimining_h100nvl' },
    // NVIDIA quotes only sparse figures for the NVL; no trustworthy FP32/TF32/FP8 figure was found.
    peaks: {
      fp16: {
        value: 835,
        source: 'torchtitan',
        derived: 'same as bf16',
        note: 'NVIDIA lists equal FP16 and BF16 tensor peaks for Hopper',
      },
      bf16: { value: 835, source: 'torchtitan' },
    },
    interconnect: { value: 600, source: 'aimining_h100nvl', link: 'NVLink bridge (2 GPUs)' },
    tdpW: { value: 400, source: 'aimining_h100nvl', note: 'configurable 350-400 W' },
  },
  {
    id: 'h200-sxm',
    name: 'NVIDIA H200 SXM 141GB',
    vendor: 'NVIDIA',
    family: 'Hopper',
    class: { value: 'hbm', note: 'HBM3e' },
    aliases: ['H200', 'H200 SXM', 'H200 141GB', 'H200 SXM5'],
    memoryGb: { value: 141, source: 'mleng' },
    bandwidthGbs: { value: 4800, source: 'mleng' },
    peaks: HOPPER_MLENG_PEAKS,
    interconnect: { value: 900, source: 'mlperf41_h200', link: 'NVLink 4' },
    tdpW: { value: 700, source: 'mlperf41_h200' },
    pricePerHour: { value: 2.5, high: 7, date: '2026-05', source: 'mercatus', note: 'H200 SXM5' },
  },
  {
    id: 'gh200',
    name: 'NVIDIA GH200 Grace Hopper (HBM3e)',
    vendor: 'NVIDIA',
    family: 'Hopper',
    class: { value: 'hbm', note: 'HBM3e (the GPU memory; the Grace CPU LPDDR5X is not counted)' },
    aliases: ['GH200', 'GH200 144GB', 'GH200 141GB', 'GH200 HBM3e', 'Grace Hopper'],
    memoryGb: {
      value: 141,
      source: 'mleng_2025',
      note: 'GPU HBM3e of the HBM3e version (NVIDIA markets 144 GB); the Grace CPU adds LPDDR5X reachable over NVLink-C2C',
    },
    bandwidthGbs: { value: 4800, source: 'mleng_2025' },
    peaks: {
      fp32: { value: 67, source: 'mleng_2025' },
      tf32: { value: 494.5, source: 'mleng_2025' },
      fp16: { value: 989, source: 'mleng_2025' },
      bf16: { value: 989, source: 'mleng_2025' },
      fp8: { value: 1979, source: 'mleng_2025' },
      int8: { value: 1979, source: 'mleng_2025' },
    },
    note: 'The GPU of one GH200 superchip; the 96 GB HBM3 version has 4,000 GB/s (mleng_2025).',
  },
  // NVIDIA Ada Lovelace datacenter.
  {
    id: 'l4',
    name: 'NVIDIA L4',
    vendor: 'NVIDIA',
    family: 'Ada Lovelace',
    class: { value: 'workstation', note: 'GDDR6 datacenter card (full-rate FP32 accumulate)' },
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
    class: { value: 'workstation', note: 'GDDR6 datacenter card (full-rate FP32 accumulate)' },
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
  // NVIDIA Blackwell datacenter.
  {
    id: 'b200',
    name: 'NVIDIA B200 180GB',
    vendor: 'NVIDIA',
    family: 'Blackwell',
    class: { value: 'hbm', note: 'HBM3e' },
    aliases: ['B200', 'B200 SXM', 'B200 180GB', 'HGX B200', 'DGX B200', 'NVIDIA B200 (HGX/DGX, 180GB)'],
    memoryGb: { value: 180, source: 'mleng', note: 'HGX/DGX B200; NVIDIA also quotes 192 GB' },
    bandwidthGbs: { value: 8000, source: 'mleng' },
    peaks: {
      fp32: { value: 80, source: 'mleng' },
      tf32: { value: 1125, source: 'mleng' },
      fp16: { value: 2250, source: 'mleng' },
      bf16: { value: 2250, source: 'mleng' },
      fp8: { value: 4500, source: 'mleng' },
      int8: { value: 4500, source: 'mleng' },
      fp4: { value: 9000, source: 'mleng', note: 'ml-engineering also lists NVFP4 at 10000' },
    },
    interconnect: { value: 1800, source: 'mleng', derived: '14.4 TB/s / 8 GPUs', link: 'NVLink 5' },
    tdpW: { value: 1000, source: 'mlperf41_b200' },
  },
  {
    id: 'gb200',
    name: 'NVIDIA GB200 (per Blackwell GPU)',
    vendor: 'NVIDIA',
    family: 'Blackwell',
    class: { value: 'hbm', note: 'HBM3e' },
    aliases: ['GB200', 'GB200 NVL72', 'NVIDIA GB200 (per Blackwell GPU in GB200 NVL72)'],
    memoryGb: { value: 186, source: 'mleng' },
    bandwidthGbs: { value: 8000, source: 'mleng' },
    peaks: {
      fp32: { value: 80, source: 'mleng' },
      tf32: { value: 1250, source: 'mleng' },
      fp16: { value: 2500, source: 'mleng' },
      bf16: { value: 2500, source: 'mleng' },
      fp8: { value: 5000, source: 'mleng' },
      int8: { value: 5000, source: 'mleng' },
      fp4: { value: 10000, source: 'mleng' },
    },
    interconnect: { value: 1800, source: 'kunwar_hw', link: 'NVLink 5' },
    note: 'One of the two Blackwell GPUs of a GB200 superchip (GB200 NVL72 has 72).',
  },
  {
    id: 'b300',
    name: 'NVIDIA B300 (HGX, Blackwell Ultra)',
    vendor: 'NVIDIA',
    family: 'Blackwell Ultra',
    class: { value: 'hbm', note: 'HBM3e', source: 'glenn_b300' },
    aliases: ['B300', 'B300 SXM', 'HGX B300', 'DGX B300', 'Blackwell Ultra'],
    memoryGb: { value: 288, source: 'mleng_2025' },
    bandwidthGbs: { value: 8000, source: 'mleng_2025' },
    peaks: {
      fp32: { value: 75, source: 'glenn_b300' },
      tf32: { value: 1125, source: 'glenn_b300' },
      fp16: { value: 2250, source: 'glenn_b300' },
      bf16: { value: 2250, source: 'glenn_b300' },
      fp8: { value: 4500, source: 'glenn_b300' },
      int8: { value: 4500, source: 'glenn_b300' },
      fp4: { value: 13125, source: 'glenn_b300', note: 'HGX B300; GB300 NVL72 quotes more per GPU' },
    },
    interconnect: { value: 1800, source: 'glenn_b300', derived: '2 × 900', link: 'NVLink 5' },
    tdpW: { value: 1400, source: 'glenn_b300', note: 'maximum' },
    note: 'GB300 (the Grace-Blackwell Ultra superchip GPU) is not separately sourced per GPU; start from "base=B300".',
  },
  // NVIDIA workstation.
  {
    id: 'rtx-a6000',
    name: 'NVIDIA RTX A6000',
    vendor: 'NVIDIA',
    family: 'Ampere',
    class: { value: 'workstation', note: 'GDDR6 workstation card' },
    aliases: ['RTX A6000', 'A6000', 'RTX A6000 48GB'],
    memoryGb: { value: 48, source: 'a6000_sth' },
    bandwidthGbs: { value: 768, source: 'a6000_sth' },
    peaks: {
      fp32: { value: 38.7, source: 'lightning_flops' },
      tf32: { value: 77.4, source: 'lightning_flops' },
      fp16: { value: 154.8385, source: 'llmviewer', derived: 'sparse/2', note: '309.677 / 2' },
      bf16: { value: 154.8385, source: 'llmviewer', derived: 'same as fp16' },
      int8: { value: 309.7, source: 'llmviewer' },
    },
    interconnect: { value: 112.5, source: 'a6000_sth', link: 'NVLink bridge (2 GPUs)' },
    tdpW: { value: 300, source: 'a6000_sth' },
  },
  {
    id: 'rtx-4000-ada',
    name: 'NVIDIA RTX 4000 Ada',
    vendor: 'NVIDIA',
    family: 'Ada Lovelace',
    class: { value: 'workstation', note: 'GDDR6 workstation card' },
    aliases: ['RTX 4000 Ada', 'RTX 4000 Ada Generation'],
    memoryGb: { value: 20, source: 'topcpu_ada_pro' },
    bandwidthGbs: { value: 360, source: 'topcpu_ada_pro' },
    peaks: {
      fp32: { value: 26.73, source: 'topcpu_ada_pro' },
      tf32: { value: 53.45, source: 'hmc_ada_pro' },
      fp16: { value: 106.91, source: 'hmc_ada_pro' },
      bf16: { value: 106.91, source: 'hmc_ada_pro' },
      fp8: { value: 213.81, source: 'hmc_ada_pro' },
      int8: {
        value: 213.81,
        source: 'hmc_ada_pro',
        derived: 'same as fp8',
        note: 'Ada INT8 and FP8 tensor rates are equal',
      },
    },
    tdpW: { value: 130, source: 'topcpu_ada_pro' },
  },
  {
    id: 'rtx-5000-ada',
    name: 'NVIDIA RTX 5000 Ada',
    vendor: 'NVIDIA',
    family: 'Ada Lovelace',
    class: { value: 'workstation', note: 'GDDR6 workstation card' },
    aliases: ['RTX 5000 Ada', 'RTX 5000 Ada Generation'],
    memoryGb: { value: 32, source: 'topcpu_ada_pro' },
    bandwidthGbs: { value: 576, source: 'topcpu_ada_pro' },
    peaks: {
      fp32: { value: 65.28, source: 'topcpu_ada_pro' },
      tf32: { value: 130.56, source: 'hmc_ada_pro' },
      fp16: { value: 261.12, source: 'hmc_ada_pro' },
      bf16: { value: 261.12, source: 'hmc_ada_pro' },
      fp8: { value: 522.24, source: 'hmc_ada_pro' },
      int8: {
        value: 522.24,
        source: 'hmc_ada_pro',
        derived: 'same as fp8',
        note: 'Ada INT8 and FP8 tensor rates are equal',
      },
    },
    tdpW: { value: 250, source: 'topcpu_ada_pro' },
  },
  {
    id: 'rtx-6000-ada',
    name: 'NVIDIA RTX 6000 Ada',
    vendor: 'NVIDIA',
    family: 'Ada Lovelace',
    class: { value: 'workstation', note: 'GDDR6 workstation card' },
    aliases: ['RTX 6000 Ada', 'RTX 6000 Ada Generation'],
    memoryGb: { value: 48, source: 'grafikkarten_6000ada' },
    bandwidthGbs: { value: 960, source: 'grafikkarten_6000ada' },
    peaks: {
      fp32: { value: 91.1, source: 'grafikkarten_6000ada' },
      tf32: { value: 182.2, source: 'grafikkarten_6000ada', derived: 'fp32 × 2', note: ADA_PRO_RATIO },
      fp16: { value: 364.4, source: 'grafikkarten_6000ada', derived: 'fp32 × 4', note: ADA_PRO_RATIO },
      bf16: { value: 364.4, source: 'grafikkarten_6000ada', derived: 'fp32 × 4', note: ADA_PRO_RATIO },
      fp8: { value: 728.8, source: 'grafikkarten_6000ada', derived: 'fp32 × 8', note: ADA_PRO_RATIO },
      int8: { value: 728.8, source: 'grafikkarten_6000ada', derived: 'fp32 × 8', note: ADA_PRO_RATIO },
    },
    tdpW: { value: 300, source: 'grafikkarten_6000ada' },
  },
  {
    id: 'rtx-pro-6000',
    name: 'NVIDIA RTX PRO 6000 Blackwell',
    vendor: 'NVIDIA',
    family: 'Blackwell',
    class: { value: 'workstation', note: 'GDDR7 workstation card', source: 'hwcorner_pro6000' },
    aliases: [
      'RTX PRO 6000',
      'RTX PRO 6000 Blackwell',
      'RTX PRO 6000 Blackwell Workstation Edition',
      'RTX PRO 6000 96GB',
    ],
    memoryGb: { value: 96, source: 'hwcorner_pro6000' },
    bandwidthGbs: { value: 1792, source: 'hwcorner_pro6000' },
    peaks: {
      fp32: { value: 125, source: 'nvidia_pro6000' },
      tf32: { value: 251.9, source: 'hmc_pro6000' },
      fp16: { value: 503.8, source: 'hmc_pro6000', note: 'FP32 accumulate at full rate' },
      bf16: { value: 503.8, source: 'hmc_pro6000' },
      fp8: { value: 1010, source: 'hmc_pro6000', note: '1.01 PFLOPS as listed' },
      int8: { value: 1010, source: 'hmc_pro6000', note: '1.01 POPS as listed' },
      fp4: {
        value: 2000,
        source: 'nvidia_pro6000',
        derived: 'sparse/2',
        note: '4,000 AI TOPS (FP4 with sparsity) / 2',
      },
    },
    tdpW: { value: 600, source: 'hwcorner_pro6000', note: 'Workstation Edition; the Max-Q edition is 300 W' },
  },
  {
    id: 'dgx-spark',
    name: 'NVIDIA DGX Spark (GB10)',
    vendor: 'NVIDIA',
    family: 'Blackwell',
    class: { value: 'unified', note: 'LPDDR5x unified memory', source: 'spark_specs' },
    aliases: ['DGX Spark', 'GB10', 'Project DIGITS'],
    memoryGb: { value: 128, source: 'spark_specs' },
    unifiedMemory: true,
    bandwidthGbs: { value: 273, source: 'spark_specs' },
    peaks: {
      fp32: { value: 31, source: 'spark_hotchips' },
      fp16: {
        value: 125,
        source: 'spark_specs',
        derived: 'fp4 / 4',
        note: 'Blackwell tensor rates halve with each doubling of width; NVIDIA does not state the FP16 accumulator rate for GB10',
      },
      bf16: { value: 125, source: 'spark_specs', derived: 'fp4 / 4', note: 'as fp16' },
      fp8: {
        value: 250,
        source: 'spark_specs',
        derived: 'fp4 / 2',
        note: 'Blackwell tensor rates halve with each doubling of width',
      },
      fp4: { value: 500, source: 'spark_specs', derived: 'sparse/2', note: '1 PFLOP FP4 with sparsity / 2' },
    },
    tdpW: { value: 140, source: 'spark_hotchips', note: 'GB10 SoC; the box has a 240 W supply' },
  },
  // NVIDIA GeForce (tensor rates with FP32 accumulation, see the file comment).
  {
    id: 'rtx-3070',
    name: 'NVIDIA GeForce RTX 3070',
    vendor: 'NVIDIA',
    family: 'Ampere',
    class: { value: 'consumer', note: 'GeForce card on GDDR6: its peaks are the FP32-accumulate rates' },
    aliases: ['RTX 3070', '3070', 'RTX 3070 8GB'],
    memoryGb: { value: 8, source: 'tomshw_30' },
    bandwidthGbs: { value: 448, source: 'tomshw_30' },
    peaks: {
      fp32: { value: 20.3, source: 'lightning_flops' },
      tf32: { value: 20.3, source: 'lightning_flops' },
      fp16: { value: 40.65, source: 'lightning_flops', derived: 'int8 / 4', note: GEFORCE_FP32_ACC },
      bf16: { value: 40.65, source: 'lightning_flops', derived: 'int8 / 4', note: GEFORCE_FP32_ACC },
      int8: { value: 162.6, source: 'lightning_flops' },
    },
    tdpW: { value: 220, source: 'tomshw_30' },
  },
  {
    id: 'rtx-3080',
    name: 'NVIDIA GeForce RTX 3080 10GB',
    vendor: 'NVIDIA',
    family: 'Ampere',
    class: { value: 'consumer', note: 'GeForce card on GDDR6X: its peaks are the FP32-accumulate rates' },
    aliases: ['RTX 3080', '3080', 'RTX 3080 10GB'],
    memoryGb: { value: 10, source: 'tomshw_30' },
    bandwidthGbs: { value: 760, source: 'tomshw_30' },
    peaks: {
      fp32: { value: 29.8, source: 'lightning_flops' },
      tf32: { value: 29.8, source: 'lightning_flops' },
      fp16: { value: 59.5, source: 'lightning_flops', derived: 'int8 / 4', note: GEFORCE_FP32_ACC },
      bf16: { value: 59.5, source: 'lightning_flops', derived: 'int8 / 4', note: GEFORCE_FP32_ACC },
      int8: { value: 238, source: 'lightning_flops' },
    },
    tdpW: { value: 320, source: 'tomshw_30' },
  },
  {
    id: 'rtx-3080-ti',
    name: 'NVIDIA GeForce RTX 3080 Ti',
    vendor: 'NVIDIA',
    family: 'Ampere',
    class: {
      value: 'consumer',
      note: 'GeForce card on GDDR6X: its peaks are the FP32-accumulate rates',
      source: 'wccftech_3080ti',
    },
    aliases: ['RTX 3080 Ti', '3080 Ti', 'RTX 3080 Ti 12GB'],
    memoryGb: { value: 12, source: 'wccftech_3080ti' },
    bandwidthGbs: { value: 912, source: 'wccftech_3080ti' },
    peaks: {
      fp32: { value: 34.1, source: 'lightning_flops' },
      tf32: { value: 34.1, source: 'lightning_flops' },
      fp16: { value: 68.2, source: 'lightning_flops', derived: 'int8 / 4', note: GEFORCE_FP32_ACC },
      bf16: { value: 68.2, source: 'lightning_flops', derived: 'int8 / 4', note: GEFORCE_FP32_ACC },
      int8: { value: 272.8, source: 'lightning_flops' },
    },
  },
  {
    id: 'rtx-3090',
    name: 'NVIDIA GeForce RTX 3090',
    vendor: 'NVIDIA',
    family: 'Ampere',
    class: { value: 'consumer', note: 'GeForce card on GDDR6X: its peaks are the FP32-accumulate rates' },
    aliases: ['RTX 3090', '3090', 'RTX 3090 24GB'],
    memoryGb: { value: 24, source: 'th_3090' },
    bandwidthGbs: { value: 936, source: 'th_3090' },
    peaks: {
      fp32: { value: 35.6, source: 'th_3090' },
      tf32: { value: 35.6, source: 'lightning_flops' },
      fp16: {
        value: 71,
        source: 'th_3090',
        derived: 'FP16-accumulate dense 142 / 2',
        note: GEFORCE_FP32_ACC,
      },
      bf16: { value: 71, source: 'th_3090', derived: 'FP16-accumulate dense 142 / 2', note: GEFORCE_FP32_ACC },
      int8: { value: 284, source: 'lightning_flops' },
    },
    tdpW: { value: 350, source: 'th_3090' },
  },
  {
    id: 'rtx-3090-ti',
    name: 'NVIDIA GeForce RTX 3090 Ti',
    vendor: 'NVIDIA',
    family: 'Ampere',
    class: { value: 'consumer', note: 'GeForce card on GDDR6X: its peaks are the FP32-accumulate rates' },
    aliases: ['RTX 3090 Ti', '3090 Ti', 'RTX 3090 Ti 24GB'],
    memoryGb: { value: 24, source: 'sweclockers_40' },
    bandwidthGbs: { value: 1008, source: 'sweclockers_40' },
    peaks: {
      fp32: { value: 40, source: 'hmc_3090ti' },
      tf32: { value: 40, source: 'hmc_3090ti' },
      fp16: { value: 80, source: 'hmc_3090ti', note: GEFORCE_FP32_ACC },
      bf16: { value: 80, source: 'hmc_3090ti' },
      int8: { value: 320, source: 'lightning_flops' },
    },
    tdpW: { value: 450, source: 'sweclockers_40' },
  },
  {
    id: 'rtx-4070-ti',
    name: 'NVIDIA GeForce RTX 4070 Ti',
    vendor: 'NVIDIA',
    family: 'Ada Lovelace',
    class: { value: 'consumer', note: 'GeForce card on GDDR6X: its peaks are the FP32-accumulate rates' },
    aliases: ['RTX 4070 Ti', '4070 Ti', 'RTX 4070 Ti 12GB'],
    memoryGb: { value: 12, source: 'sweclockers_40' },
    bandwidthGbs: { value: 504, source: 'sweclockers_40' },
    peaks: {
      fp32: { value: 40.09, source: 'sweclockers_40' },
      tf32: { value: 40.09, source: 'sweclockers_40', derived: 'fp32 × 1', note: ADA_GEFORCE_RATIO },
      fp16: { value: 80.18, source: 'sweclockers_40', derived: 'fp32 × 2', note: ADA_GEFORCE_RATIO },
      bf16: { value: 80.18, source: 'sweclockers_40', derived: 'fp32 × 2', note: ADA_GEFORCE_RATIO },
      fp8: { value: 160.36, source: 'sweclockers_40', derived: 'fp32 × 4', note: ADA_GEFORCE_RATIO },
      int8: { value: 320.72, source: 'sweclockers_40', derived: 'fp32 × 8', note: ADA_GEFORCE_RATIO },
    },
    tdpW: { value: 285, source: 'sweclockers_40' },
  },
  {
    id: 'rtx-4080',
    name: 'NVIDIA GeForce RTX 4080',
    vendor: 'NVIDIA',
    family: 'Ada Lovelace',
    class: { value: 'consumer', note: 'GeForce card on GDDR6X: its peaks are the FP32-accumulate rates' },
    aliases: ['RTX 4080', '4080', 'RTX 4080 16GB'],
    memoryGb: { value: 16, source: 'th_4080' },
    bandwidthGbs: { value: 717, source: 'th_4080' },
    peaks: {
      fp32: { value: 48.7, source: 'th_4080' },
      tf32: { value: 48.7, source: 'lightning_flops' },
      fp16: {
        value: 97.5,
        source: 'th_4080',
        derived: 'sparse/2, then / 2 for FP32 accumulate',
        note: '390 with sparsity, FP16 accumulate',
      },
      bf16: { value: 97.5, source: 'th_4080', derived: 'sparse/2, then / 2 for FP32 accumulate' },
      fp8: {
        value: 195,
        source: 'th_4080',
        derived: 'sparse/2, then / 2 for FP32 accumulate',
        note: '780 with sparsity, FP16 accumulate',
      },
      int8: { value: 389.9, source: 'lightning_flops' },
    },
    tdpW: { value: 320, source: 'th_4080' },
  },
  {
    id: 'rtx-4090',
    name: 'NVIDIA GeForce RTX 4090',
    vendor: 'NVIDIA',
    family: 'Ada Lovelace',
    class: { value: 'consumer', note: 'GeForce card on GDDR6X: its peaks are the FP32-accumulate rates' },
    aliases: ['RTX 4090', '4090', 'RTX 4090 24GB'],
    memoryGb: { value: 24, source: 'waredb_4090' },
    bandwidthGbs: { value: 1008, source: 'waredb_4090' },
    peaks: {
      fp32: { value: 82.58, source: 'waredb_4090' },
      tf32: { value: 82.58, source: 'waredb_4090' },
      fp16: { value: 165.15, source: 'waredb_4090', note: GEFORCE_FP32_ACC },
      bf16: {
        value: 165.15,
        source: 'waredb_4090',
        note: 'Ada runs BF16 at the FP16 (FP32-accumulate) tensor rate',
      },
      fp8: { value: 330.3, source: 'waredb_4090', note: GEFORCE_FP32_ACC },
      int8: { value: 660.6, source: 'waredb_4090' },
    },
    tdpW: { value: 450, source: 'th_4090' },
  },
  {
    id: 'rtx-5090',
    name: 'NVIDIA GeForce RTX 5090',
    vendor: 'NVIDIA',
    family: 'Blackwell',
    class: { value: 'consumer', note: 'GeForce card on GDDR7: its peaks are the FP32-accumulate rates' },
    aliases: ['RTX 5090', '5090', 'RTX 5090 32GB'],
    memoryGb: { value: 32, source: 'lf_5090' },
    bandwidthGbs: { value: 1792, source: 'lf_5090' },
    peaks: {
      fp32: { value: 104, source: 'lf_5090', note: 'spheron_5090 lists about 105.2' },
      tf32: {
        value: 104,
        source: 'lf_5090',
        derived: 'same as fp32',
        note: 'GeForce Blackwell TF32 tensor rate equals the FP32 rate (hmc_5050)',
      },
      fp16: { value: 209.5, source: 'codesota_5090', note: GEFORCE_FP32_ACC },
      bf16: { value: 209.5, source: 'codesota_5090', derived: 'same as fp16' },
      fp8: {
        value: 419.2,
        source: 'spheron_5090',
        derived: 'sparse/2, then / 2 for FP32 accumulate',
        note: '1,676.8 with sparsity, FP16 accumulate',
      },
      int8: {
        value: 838.4,
        source: 'spheron_5090',
        derived: 'sparse/2 of the FP8 figure',
        note: 'INT8 runs at the FP16-accumulate FP8 rate on GeForce Blackwell (hmc_5050)',
      },
      fp4: { value: 1676, source: 'spheron_5090', derived: 'sparse/2', note: '3,352 with sparsity' },
    },
    tdpW: { value: 575, source: 'lf_5090' },
  },
  // AMD Instinct.
  {
    id: 'mi250x',
    name: 'AMD Instinct MI250X',
    vendor: 'AMD',
    family: 'CDNA 2',
    class: { value: 'hbm', note: 'HBM2e' },
    aliases: ['MI250X', 'MI250X 128GB'],
    memoryGb: { value: 128, source: 'mleng' },
    bandwidthGbs: { value: 3280, source: 'mleng' },
    peaks: {
      fp32: { value: 47.9, source: 'mleng' },
      fp16: { value: 383, source: 'mleng' },
      bf16: { value: 383, source: 'mleng' },
      int8: { value: 383, source: 'mleng' },
    },
    note: 'Two GCDs per package; one process sees one GCD with half the memory and compute.',
  },
  {
    id: 'mi300x',
    name: 'AMD Instinct MI300X',
    vendor: 'AMD',
    family: 'CDNA 3',
    class: { value: 'hbm', note: 'HBM3' },
    aliases: ['MI300X', 'MI300X 192GB', 'MI300'],
    memoryGb: { value: 192, source: 'mleng' },
    bandwidthGbs: { value: 5300, source: 'mleng' },
    peaks: MI300_PEAKS,
    interconnect: { value: 896, source: 'distbook', link: 'Infinity Fabric (7 links)' },
    tdpW: { value: 750, source: 'mlperf41_mi300x' },
  },
  {
    id: 'mi325x',
    name: 'AMD Instinct MI325X',
    vendor: 'AMD',
    family: 'CDNA 3',
    class: { value: 'hbm', note: 'HBM3E' },
    aliases: ['MI325X', 'MI325X 256GB'],
    memoryGb: { value: 256, source: 'mleng' },
    bandwidthGbs: { value: 6000, source: 'mleng' },
    peaks: MI300_PEAKS,
    tdpW: { value: 1000, source: 'mleng_2025' },
  },
  {
    id: 'mi355x',
    name: 'AMD Instinct MI355X',
    vendor: 'AMD',
    family: 'CDNA 4',
    class: { value: 'hbm', note: 'HBM3E', source: 'tomshw_mi355x' },
    aliases: ['MI355X', 'MI355X 288GB'],
    memoryGb: { value: 288, source: 'tomshw_mi355x' },
    bandwidthGbs: { value: 8000, source: 'tomshw_mi355x' },
    peaks: {
      fp16: {
        value: 2500,
        source: 'isscc_mi355x',
        derived: 'fp8 / 2',
        note: 'CDNA 4 matrix rates halve with each doubling of width',
      },
      bf16: { value: 2500, source: 'isscc_mi355x', derived: 'fp8 / 2', note: 'as fp16' },
      fp8: { value: 5000, source: 'isscc_mi355x', note: 'dense: 256 CUs × 8,192 FLOPs/clock × 2.4 GHz' },
      fp4: { value: 10050, source: 'tomshw_mi355x', derived: 'sparse/2', note: '20.1 PFLOPS FP4/FP6 with sparsity' },
    },
    tdpW: { value: 1400, source: 'tomshw_mi355x' },
  },
  // Intel.
  {
    id: 'gaudi3',
    name: 'Intel Gaudi 3',
    vendor: 'Intel',
    family: 'Gaudi 3',
    class: { value: 'hbm', note: 'HBM2e' },
    aliases: ['Gaudi 3', 'Gaudi3', 'Intel Gaudi 3', 'Intel Gaudi3', 'HL-325L'],
    memoryGb: { value: 128, source: 'mleng_2025' },
    bandwidthGbs: { value: 3700, source: 'mleng_2025' },
    peaks: {
      fp32: { value: 229, source: 'mleng_2025' },
      tf32: { value: 459, source: 'mleng_2025' },
      fp16: { value: 459, source: 'mleng_2025', note: 'a quarter of the BF16 rate in the table (as TF32)' },
      bf16: {
        value: 1835,
        source: 'mleng_2025',
        note: 'whitepaper figure (MME at 1750 MHz); shipping parts run the MME at 1600 MHz, 1677',
      },
      fp8: { value: 1835, source: 'mleng_2025', note: 'same as BF16 per the whitepaper; 1677 at 1600 MHz' },
    },
  },
  // Google TPU.
  {
    id: 'tpu-v5e',
    name: 'Google TPU v5e',
    vendor: 'Google',
    family: 'TPU v5e',
    class: { value: 'hbm', note: 'HBM', source: 'scalingbook' },
    aliases: ['TPU v5e', 'TPUv5e', 'v5e', 'TPU v5 lite', 'v5litepod'],
    memoryGb: { value: 16, source: 'scalingbook' },
    bandwidthGbs: { value: 810, source: 'scalingbook', note: '8.1e11 B/s; ml-engineering lists 820' },
    // TPUs compute in BF16 (no FP16); fp16 requests use the BF16 rate.
    peaks: {
      bf16: { value: 197, source: 'scalingbook' },
      int8: { value: 394, source: 'scalingbook' },
    },
    interconnect: {
      value: 400,
      source: 'scalingbook_2025',
      derived: '4 links × 1e11 B/s bidirectional',
      link: 'ICI, 2D torus',
    },
  },
  {
    id: 'tpu-v5p',
    name: 'Google TPU v5p',
    vendor: 'Google',
    family: 'TPU v5p',
    class: { value: 'hbm', note: 'HBM', source: 'scalingbook' },
    aliases: ['TPU v5p', 'TPUv5p', 'v5p'],
    memoryGb: { value: 96, source: 'scalingbook', note: 'ml-engineering lists 95' },
    bandwidthGbs: { value: 2800, source: 'scalingbook', note: 'ml-engineering lists 2,760' },
    peaks: {
      bf16: { value: 459, source: 'scalingbook' },
      int8: { value: 918, source: 'scalingbook' },
    },
    interconnect: {
      value: 1200,
      source: 'scalingbook_2025',
      derived: '6 links × 2e11 B/s bidirectional',
      link: 'ICI, 3D torus',
    },
  },
  {
    id: 'tpu-v6e',
    name: 'Google TPU v6e (Trillium)',
    vendor: 'Google',
    family: 'TPU v6e',
    class: { value: 'hbm', note: 'HBM' },
    aliases: ['TPU v6e', 'TPUv6e', 'v6e', 'Trillium'],
    memoryGb: { value: 32, source: 'scalingbook_2025' },
    bandwidthGbs: { value: 1600, source: 'scalingbook_2025' },
    peaks: {
      bf16: { value: 920, source: 'scalingbook_2025' },
      int8: { value: 1840, source: 'scalingbook_2025' },
    },
    interconnect: {
      value: 800,
      source: 'scalingbook_2025',
      derived: '4 links × 2e11 B/s bidirectional',
      link: 'ICI, 2D torus',
    },
  },
  // Apple silicon (unified memory; FP32 is the GPU ALU rate, FP16 runs at the same rate).
  {
    id: 'apple-m1',
    name: 'Apple M1 (7-core GPU, 8GB)',
    vendor: 'Apple',
    family: 'M1',
    class: { value: 'unified', note: 'LPDDR4X unified memory' },
    aliases: ['M1', 'Apple M1', 'M1 7-core', 'M1 8GB'],
    memoryGb: { value: 8, source: 'xdai', note: 'the benchmarked configuration (8 or 16 GB)' },
    unifiedMemory: true,
    bandwidthGbs: { value: 68, source: 'akunu_apple' },
    peaks: {
      fp32: { value: 2.275, source: 'akunu_apple', derived: '2.6 × 7/8', note: '8-core figure scaled to 7 GPU cores' },
      fp16: {
        value: 2.275,
        source: 'hmc_m2max',
        derived: 'same as fp32',
        note: 'hmc_m2max lists the M1 FP16 rate equal to its FP32 rate (akunu_apple lists double)',
      },
    },
  },
  {
    id: 'apple-m1-max',
    name: 'Apple M1 Max (32-core GPU, 64GB)',
    vendor: 'Apple',
    family: 'M1',
    class: { value: 'unified', note: 'LPDDR5 unified memory' },
    aliases: ['M1 Max', 'Apple M1 Max', 'M1 Max 64GB', 'M1 Max 32-core'],
    memoryGb: { value: 64, source: 'xdai', note: 'the benchmarked configuration (32 or 64 GB)' },
    unifiedMemory: true,
    bandwidthGbs: { value: 400, source: 'akunu_apple' },
    peaks: {
      fp32: { value: 10.4, source: 'akunu_apple' },
      fp16: {
        value: 10.4,
        source: 'hmc_m2max',
        derived: 'same as fp32',
        note: 'Apple GPUs run FP16 at the FP32 rate, as hmc_m2max lists for M1 and M2 (akunu_apple lists double)',
      },
    },
  },
  {
    id: 'apple-m2-ultra',
    name: 'Apple M2 Ultra (76-core GPU, 192GB)',
    vendor: 'Apple',
    family: 'M2',
    class: { value: 'unified', note: 'LPDDR5 unified memory', source: 'apple_m2u' },
    aliases: ['M2 Ultra', 'Apple M2 Ultra', 'M2 Ultra 192GB', 'M2 Ultra 76-core'],
    memoryGb: { value: 192, source: 'apple_m2u', note: 'maximum configuration (64 GB base)' },
    unifiedMemory: true,
    bandwidthGbs: { value: 800, source: 'apple_m2u' },
    peaks: {
      fp32: {
        value: 27.208,
        source: 'hmc_m2max',
        derived: '10.74 × 76/30',
        note: '30-core M2 Max figure scaled to 76 cores',
      },
      fp16: {
        value: 27.208,
        source: 'hmc_m2max',
        derived: 'same as fp32',
        note: 'Apple GPUs run FP16 at the FP32 rate',
      },
    },
  },
  {
    id: 'apple-m3-max',
    name: 'Apple M3 Max (40-core GPU, 64GB)',
    vendor: 'Apple',
    family: 'M3',
    class: { value: 'unified', note: 'LPDDR5 unified memory' },
    aliases: ['M3 Max', 'Apple M3 Max', 'M3 Max 64GB', 'M3 Max 40-core'],
    memoryGb: { value: 64, source: 'xdai', note: 'the benchmarked configuration (up to 128 GB)' },
    unifiedMemory: true,
    bandwidthGbs: { value: 400, source: 'macmega_m3max', note: 'the 30-core GPU bin has 300 GB/s' },
    peaks: {
      fp32: { value: 14.32, source: 'hmc_m3max' },
      fp16: { value: 14.32, source: 'hmc_m3max' },
    },
  },
  {
    id: 'apple-m4-max',
    name: 'Apple M4 Max (40-core GPU, 128GB)',
    vendor: 'Apple',
    family: 'M4',
    class: { value: 'unified', note: 'LPDDR5X unified memory', source: 'm4max_news' },
    aliases: ['M4 Max', 'Apple M4 Max', 'M4 Max 128GB', 'M4 Max 40-core'],
    memoryGb: { value: 128, source: 'm4max_news', note: 'maximum configuration' },
    unifiedMemory: true,
    bandwidthGbs: { value: 546, source: 'm4max_news' },
    peaks: {
      fp32: {
        value: 17.175,
        source: 'hmc_m3max',
        derived: '13.74 × 40/32',
        note: '32-core M4 Max figure scaled to 40 cores',
      },
      fp16: {
        value: 17.175,
        source: 'hmc_m3max',
        derived: 'same as fp32',
        note: 'Apple GPUs run FP16 at the FP32 rate',
      },
    },
  },
];
