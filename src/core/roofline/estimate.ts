/**
 * The roofline method for one configuration: time to first token (the prefill), time per output
 * token averaged over the generation, throughput and the whole request.
 *
 * Each phase is a roofline step (./phase.ts) on architecture-exact FLOPs (./flops.ts) and bytes
 * (./bytes.ts), split over the GPUs (./parallel.ts), at the efficiencies measured for the GPU
 * class and engine (./efficiency.ts) unless the caller gives its own.
 */
import type { Architecture } from '../architecture/spec';
import { bandwidthGbs, peakTflops, type GpuSpec } from '../gpus/lookup';
import type { Precision } from '../precision';
import { decodeBytes, prefillBytes, type StepBytes } from './bytes';
import type { Efficiency } from './efficiency';
import { decodeFlops, prefillFlops } from './flops';
import { rooflineModel, type RooflineModel } from './model';
import { communicationSeconds, gpuLink, kvShare, pipelineSchedule, type Parallelism } from './parallel';
import { rooflineSeconds, type Machine, type StepCost } from './phase';

export interface RooflineInput {
  readonly arch: Architecture;
  readonly precision: Precision;
  readonly gpu: GpuSpec;
  /** B, sequences served together. */
  readonly batch: number;
  /** S, prompt tokens of each sequence (the context the generation starts from). */
  readonly seqLen: number;
  /** N, tokens generated per sequence. */
  readonly outputTokens: number;
  /** Bits per KV-cache value. */
  readonly kvBits: number;
  readonly nGpus: number;
  readonly parallelism: Parallelism;
  readonly efficiency: Efficiency;
}

/** A configuration made ready: the model summary and the machine at the chosen efficiencies. */
export interface RooflineSetup {
  readonly input: RooflineInput;
  readonly model: RooflineModel;
  readonly machine: Machine;
}

export function rooflineSetup(input: RooflineInput): RooflineSetup {
  return {
    input,
    model: rooflineModel(input.arch, input.precision, input.kvBits),
    machine: {
      peakTflops: peakTflops(input.gpu, input.precision.computeType).tflops,
      bandwidthGbs: bandwidthGbs(input.gpu),
      mfu: input.efficiency.mfu,
      mbu: input.efficiency.mbu,
    },
  };
}

/**
 * Seconds of a step of `tokens` tokens doing `flops` and moving `bytes` (all GPUs together): the
 * roofline of what each GPU does, the communication between them, and the fixed overhead.
 *
 * - One GPU: max(compute, memory) of the whole step.
 * - Tensor parallelism: each GPU does 1/n of the FLOPs, reads 1/n of the weights and activations
 *   and its KV heads' share of the cache, all at once; two all-reduces per layer.
 * - Pipeline: a stage is one GPU's 1/n of the layers on one micro-batch: 1/(n m) of the FLOPs,
 *   KV cache and activations of a logical batch, but all 1/n of the weights (each micro-batch
 *   reads its stage's weights again); the step takes b × (m + n − 1) stages (pipelineSchedule),
 *   so a single sequence decodes no faster than on one GPU; plus the n − 1 hops.
 */
function stepSeconds(setup: RooflineSetup, flops: number, bytes: StepBytes, tokens: number): number {
  const { nGpus: n, parallelism, gpu, efficiency } = setup.input;
  const communication = communicationSeconds(setup.model, tokens, n, parallelism, gpuLink(gpu));
  let compute: number;
  if (n === 1) {
    compute = rooflineSeconds({ flops, bytes: bytes.weights + bytes.kvCache + bytes.activations }, setup.machine);
  } else if (parallelism === 'tensor') {
    const share = kvShare(setup.model, n);
    const cost: StepCost = {
      flops: flops / n,
      bytes: bytes.weights / n + bytes.kvCache * share + bytes.activations / n,
    };
    compute = rooflineSeconds(cost, setup.machine);
  } else {
    const { batches: b, microBatches: m } = pipelineSchedule(tokens);
    const stage: StepCost = {
      flops: flops / (b * m * n),
      bytes: bytes.weights / n + (bytes.kvCache + bytes.activations) / (b * m * n),
    };
    compute = b * (m + n - 1) * rooflineSeconds(stage, setup.machine);
  }
  return compute + communication + efficiency.overheadSeconds;
}

/** FLOPs of the prefill of the whole batch, all GPUs together. */
export function rooflinePrefillFlops(setup: RooflineSetup): number {
  return prefillFlops(setup.model, setup.input.batch, setup.input.seqLen);
}

/** FLOPs of one decode step of the whole batch at context `context`, all GPUs together. */
export function rooflineDecodeFlops(setup: RooflineSetup, context: number): number {
  return decodeFlops(setup.model, setup.input.batch, context);
}

/** Seconds to prefill B prompts of S tokens: the time to first token. */
export function rooflinePrefillSeconds(setup: RooflineSetup): number {
  const { batch, seqLen } = setup.input;
  return stepSeconds(setup, rooflinePrefillFlops(setup), prefillBytes(setup.model, batch, seqLen), batch * seqLen);
}

/** Seconds of one decode step whose new tokens sit at context `context` (they attend to `context` tokens). */
export function rooflineDecodeStepSeconds(setup: RooflineSetup, context: number): number {
  const { batch } = setup.input;
  return stepSeconds(setup, rooflineDecodeFlops(setup, context), decodeBytes(setup.model, batch, context), batch);
}

/** Above this many output tokens the average is taken over equal chunks rather than token by token. */
const CHUNKS = 128;

/**
 * Sum of the decode-step seconds of the N tokens generated after a prompt of S: step j (1..N)
 * attends to S + j tokens. The step time is piecewise linear in the context (linear while one
 * bound holds), so the sum over a run of contexts is its length times the mean of its ends; with
 * more than 128 tokens the run is split into 128 chunks, exact wherever a chunk does not straddle
 * the point where memory and compute cross.
 */
export function rooflineDecodeTotalSeconds(setup: RooflineSetup): number {
  const { seqLen: S, outputTokens: N } = setup.input;
  if (N <= CHUNKS) {
    let total = 0;
    for (let j = 1; j <= N; j++) total += rooflineDecodeStepSeconds(setup, S + j);
    return total;
  }
  let total = 0;
  let first = 1;
  for (let chunk = 1; chunk <= CHUNKS; chunk++) {
    const last = Math.round((chunk * N) / CHUNKS);
    const count = last - first + 1;
    const ends = rooflineDecodeStepSeconds(setup, S + first) + rooflineDecodeStepSeconds(setup, S + last);
    total += (count * ends) / 2;
    first = last + 1;
  }
  return total;
}

/** Everything the roofline method says about one configuration. */
export interface RooflineEstimate {
  /** FLOPs of the prefill (all GPUs). */
  readonly flopsPrefill: number;
  /** FLOPs of one decode step at context S, summed over the batch (all GPUs). */
  readonly flopsPerToken: number;
  /** Time to first token, s. */
  readonly prefillSeconds: number;
  /** Time per output token averaged over the N generated tokens, s. */
  readonly tokenLatencySeconds: number;
  /** Output tokens per second summed over the batch: B / token latency. */
  readonly tokensPerSecond: number;
  /** Output tokens per second of one sequence. */
  readonly tokensPerSecondPerSeq: number;
  /** Seconds to generate the N tokens after the prompt (no prefill). */
  readonly decodeSeconds: number;
  /** Prefill plus the N tokens, s. */
  readonly generationSeconds: number;
}

export function rooflineEstimate(input: RooflineInput): RooflineEstimate {
  const setup = rooflineSetup(input);
  const prefill = rooflinePrefillSeconds(setup);
  const decode = rooflineDecodeTotalSeconds(setup);
  const latency = decode / input.outputTokens;
  return {
    flopsPrefill: rooflinePrefillFlops(setup),
    flopsPerToken: rooflineDecodeFlops(setup, input.seqLen),
    prefillSeconds: prefill,
    tokenLatencySeconds: latency,
    tokensPerSecond: input.batch / latency,
    tokensPerSecondPerSeq: 1 / latency,
    decodeSeconds: decode,
    generationSeconds: prefill + decode,
  };
}
