/**
 * Splitting a step over `n` GPUs.
 *
 * Tensor parallelism (Megatron-LM; vLLM, TensorRT-LLM, SGLang, TGI): every GPU holds 1/n of each
 * matrix, so FLOPs and weight bytes split n ways; each GPU holds ceil(kv_heads / n) KV heads (a
 * latent cache is held whole by every GPU); two all-reduces per layer (after attention and after
 * the FFN) sum the partial hidden states of the step's tokens over the interconnect.
 *
 * Pipeline (layer split, llama.cpp's default `--split-mode layer`): every GPU holds whole layers
 * and a step runs through them one after another, so one sequence gets no speedup: the time is
 * the one-GPU time plus a hop of the hidden state between consecutive GPUs. Only a prompt long
 * enough to be cut into micro-batches keeps several GPUs busy at once (pipelineSchedule), and
 * then every micro-batch reads its stage's weights again.
 */
import type { GpuSpec } from '../gpus/lookup';
import type { RooflineModel } from './model';

export const PARALLELISMS = ['tensor', 'pipeline'] as const;
export type Parallelism = (typeof PARALLELISMS)[number];

/** A GPU-to-GPU link: bandwidth each way and the fixed latency of one collective. */
export interface Link {
  /** GB/s one way (vendors state the two directions added up). */
  readonly bandwidthGbs: number;
  /** Seconds of fixed cost per all-reduce or hop (launch and synchronisation). */
  readonly latencySeconds: number;
}

/**
 * Latency of one small all-reduce. Assumed, not fitted (the measurements hold too few
 * multi-GPU rows): NCCL's small-message all-reduce takes on the order of 10 µs over NVLink and a few
 * tens of µs over PCIe; the engines' custom one-shot all-reduce kernels are faster still.
 */
export const LINK_LATENCY_SECONDS = { nvlink: 8e-6, pcie: 25e-6 } as const;

/** PCIe Gen4 x16, both directions (64 GB/s), for a GPU whose preset states no interconnect (GeForce). */
export const DEFAULT_INTERCONNECT_GBS = 64;

/** The link of a GPU: its preset's interconnect (NVLink, Infinity Fabric, ICI or PCIe), or PCIe Gen4. */
export function gpuLink(gpu: GpuSpec): Link {
  const interconnect = gpu.preset?.interconnect;
  const total = interconnect?.value ?? DEFAULT_INTERCONNECT_GBS;
  const pcie = interconnect === undefined || /pcie/i.test(interconnect.link);
  return {
    bandwidthGbs: total / 2,
    latencySeconds: pcie ? LINK_LATENCY_SECONDS.pcie : LINK_LATENCY_SECONDS.nvlink,
  };
}

/**
 * Seconds of one ring all-reduce of `bytes` over `n` GPUs: each GPU sends and receives
 * 2 (n − 1) / n of the message, plus the link's fixed latency.
 */
export function allReduceSeconds(bytes: number, n: number, link: Link): number {
  if (n <= 1) return 0;
  return (2 * (n - 1) * bytes) / (n * link.bandwidthGbs * 1e9) + link.latencySeconds;
}

/**
 * Communication seconds of one step of `tokens` tokens over `n` GPUs: under tensor parallelism two
 * all-reduces of the hidden states per layer; under the pipeline n − 1 hops of them.
 */
export function communicationSeconds(
  model: RooflineModel,
  tokens: number,
  n: number,
  parallelism: Parallelism,
  link: Link,
): number {
  if (n <= 1) return 0;
  const hiddenBytes = tokens * model.hidden * model.activationBytesPerValue;
  if (parallelism === 'pipeline') {
    return (n - 1) * (hiddenBytes / (link.bandwidthGbs * 1e9) + link.latencySeconds);
  }
  return 2 * model.layers * allReduceSeconds(hiddenBytes, n, link);
}

/**
 * Share of the KV cache one GPU holds under tensor parallelism: ceil(kv_heads / n) of kv_heads
 * heads (heads are replicated once n exceeds kv_heads), all of a latent cache, 1/n without heads.
 */
export function kvShare(model: RooflineModel, n: number): number {
  if (n <= 1) return 1;
  if (model.latentCache) return 1;
  if (model.kvHeads === undefined) return 1 / n;
  return Math.ceil(model.kvHeads / n) / model.kvHeads;
}

/**
 * llama.cpp's micro-batch (`n_ubatch`, 512 tokens) and logical batch (`n_batch`, 2048 tokens): a
 * prompt is processed 2048 tokens at a time, each cut into micro-batches of 512 that flow through
 * the pipeline one behind another (llama.cpp's pipeline parallelism of prompt processing).
 */
export const PIPELINE_MICRO_BATCH_TOKENS = 512;
export const PIPELINE_BATCH_TOKENS = 2048;

/** How a pipeline processes a step: logical batches one after another, micro-batches overlapped within each. */
export interface PipelineSchedule {
  /** Logical batches of the step, one after another (at least 1). */
  readonly batches: number;
  /** Micro-batches per logical batch, in flight together (at least 1). */
  readonly microBatches: number;
}

/**
 * The schedule of a step of `tokens` tokens: b = max(1, tokens / 2048) logical batches of
 * m = max(1, tokens / b / 512) micro-batches. A partial batch counts by its share (b and m are not
 * rounded), so time grows smoothly with the tokens instead of jumping at each multiple of 512.
 * A stage then costs one GPU's layers on one micro-batch, and the step takes b × (m + n − 1)
 * stage times (the pipeline bubble): for a decode step (m = 1) that is n stages, one GPU's time.
 *
 * @example pipelineSchedule(4096) // { batches: 2, microBatches: 4 }
 */
export function pipelineSchedule(tokens: number): PipelineSchedule {
  const batches = Math.max(1, tokens / PIPELINE_BATCH_TOKENS);
  return { batches, microBatches: Math.max(1, tokens / batches / PIPELINE_MICRO_BATCH_TOKENS) };
}

/**
 * The parallelism an engine uses when the call names none: llama.cpp splits layers across GPUs by
 * default (`--split-mode layer`), as does Hugging Face transformers with `device_map="auto"`; the
 * serving engines (vLLM, TensorRT-LLM, SGLang, TGI) shard every matrix (tensor parallelism).
 */
export function defaultParallelism(engine: string): Parallelism {
  return engine === 'llama.cpp' || engine === 'transformers' ? 'pipeline' : 'tensor';
}
