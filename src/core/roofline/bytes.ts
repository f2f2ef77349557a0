/**
 * Bytes a forward step moves between GPU memory and the chip: the weights it touches, the KV
 * cache it reads or writes, and its activations.
 *
 * - Weights: everything a step multiplies by is read once per step, shared by the whole batch;
 *   for a mixture of experts only the routed experts some token of the step uses,
 *   E × (1 − (1 − k/E)^T) of them per layer for T tokens (./experts.ts).
 * - KV cache: a decode step reads the cache of every earlier token of every sequence (the term that
 *   makes long contexts slow at batch 1) and writes one token's; a prefill writes S tokens'.
 * - Activations: the inputs and outputs of every matrix, once each (fused kernels move less).
 */
import { expectedDistinctExperts } from './experts';
import type { RooflineModel } from './model';

/** Bytes of weights read by a step of `tokens` tokens. */
export function weightBytesTouched(model: RooflineModel, tokens: number): number {
  if (model.experts === 0) return model.alwaysReadBytes;
  const distinct = expectedDistinctExperts(model.experts, model.activeExperts, tokens);
  return model.alwaysReadBytes + (model.routedExpertBytes * distinct) / model.experts;
}

/** KV-cache bytes of one sequence holding `context` tokens, over all layers (windows respected). */
export function kvBytesAt(model: RooflineModel, context: number): number {
  const windowed = model.slidingWindow === 0 ? context : Math.min(context, model.slidingWindow);
  return (model.fullLayers * context + model.slidingLayers * windowed) * model.kvBytesPerTokenLayer;
}

/** Activation bytes of `tokens` tokens through the layers, plus the head for `headPositions` positions. */
export function activationBytes(model: RooflineModel, tokens: number, headPositions: number): number {
  return (
    (tokens * model.activationValuesPerToken + headPositions * model.headActivationValues) *
    model.activationBytesPerValue
  );
}

/** What a step moves, by kind (bytes, all GPUs together). */
export interface StepBytes {
  readonly weights: number;
  readonly kvCache: number;
  readonly activations: number;
}

/** Bytes of a prefill of `batch` prompts of `tokens` tokens: weights once, the new KV cache written, activations. */
export function prefillBytes(model: RooflineModel, batch: number, tokens: number): StepBytes {
  return {
    weights: weightBytesTouched(model, batch * tokens),
    kvCache: batch * tokens * model.layers * model.kvBytesPerTokenLayer,
    activations: activationBytes(model, batch * tokens, batch),
  };
}

/**
 * Bytes of one decode step of `batch` sequences whose new token sits at context `context`: the
 * weights, the KV cache of the `context − 1` earlier tokens read and the new token's written.
 */
export function decodeBytes(model: RooflineModel, batch: number, context: number): StepBytes {
  return {
    weights: weightBytesTouched(model, batch),
    kvCache: batch * kvBytesAt(model, context),
    activations: activationBytes(model, batch, batch),
  };
}
