/**
 * The roofline method for one configuration: time to first token (the prefill), time per output
 * token averaged over the generation, throughput and the whole request.
 *
 * Each phase is a roofline step (./phase.ts) on architecture-exact FLOPs (./flops.ts) and bytes
 * (./bytes.ts), split over the GPUs (./parallel.ts), at the efficiencies measured for the GPU
 * class and engine (./efficiency.ts) unless the caller gives its own.
 *
 * The estimator of a whole configuration, memory and both methods, is src/core/estimate.ts; it
 * calls the pieces below.
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

/** Makes a configuration ready; `model` is the summary of its architecture when the caller has it already. */
export function rooflineSetup(
  input: RooflineInput,
  model: RooflineModel = rooflineModel(input.arch, input.precision, input.kvBits),
): RooflineSetup {
  return {
    input,
    model,
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

/** Runs of at most this many tokens are summed token by token. */
const SHORT_RUN = 16;

/** Sum of the step seconds at contexts a..b (integers), given the seconds at both ends. */
function sumSteps(setup: RooflineSetup, a: number, b: number, atA: number, atB: number): number {
  const count = b - a + 1;
  if (count <= SHORT_RUN) {
    let total = atA + (count > 1 ? atB : 0);
    for (let c = a + 1; c < b; c++) total += rooflineDecodeStepSeconds(setup, c);
    return total;
  }
  // Where the step time meets its chord at the midpoint the run is affine (see below): the sum is
  // the count times the mean of the ends. Otherwise the bound or a window changes inside the run:
  // halve it.
  const middle = rooflineDecodeStepSeconds(setup, (a + b) / 2);
  if (Math.abs(middle - (atA + atB) / 2) <= 1e-12 * middle) return (count * (atA + atB)) / 2;
  const m = Math.floor((a + b) / 2);
  return (
    sumSteps(setup, a, m, atA, rooflineDecodeStepSeconds(setup, m)) +
    sumSteps(setup, m + 1, b, rooflineDecodeStepSeconds(setup, m + 1), atB)
  );
}

/**
 * Sum of the decode-step seconds of the N tokens generated after a prompt of S: step j (1..N)
 * attends to S + j tokens. A step's FLOPs and bytes are affine in its context (the KV cache read,
 * the attention), except that a sliding-window layer stops growing at its window; the step time is
 * the max of the compute and memory bounds, so it is piecewise affine with a kink where they cross
 * and one where a window fills. The sum is taken in closed form on each affine run, found by
 * halving the range until the step time meets its chord (a convex function that does so at the
 * midpoint is affine there): a few dozen evaluations instead of N, equal to the token-by-token sum
 * to about 1e-12.
 */
export function rooflineDecodeTotalSeconds(setup: RooflineSetup): number {
  const { seqLen: S, outputTokens: N } = setup.input;
  const first = rooflineDecodeStepSeconds(setup, S + 1);
  return sumSteps(setup, S + 1, S + N, first, N === 1 ? first : rooflineDecodeStepSeconds(setup, S + N));
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
