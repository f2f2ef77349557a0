/**
 * Architecture-exact FLOPs of a forward step, 2 per multiply-add (the methodology's section 1
 * counts one per multiply-add; docs/methodology-notes.md, note 1).
 *
 * - Linear layers: 2 × the weights a token multiplies by (GQA's narrower K and V, a gated FFN's
 *   three matrices, the k routed experts of an MoE layer, routers and shared experts).
 * - Output head: 2 × H × V for each position whose logits are computed: one per sequence in a
 *   prefill (engines compute the logits of the last prompt token only), every token in a decode step.
 * - Attention: 2 × (Q·Kᵀ + attention·V) multiply-adds per (query, key) pair and layer. A prefill
 *   is causal: token i attends to i tokens, S(S + 1)/2 pairs, about half the S² of the methodology;
 *   a sliding-window layer attends to at most its window.
 */
import type { RooflineModel } from './model';

/** Linear-layer FLOPs of one token (output head excluded). */
export function linearFlopsPerToken(model: RooflineModel): number {
  const routed = model.experts > 0 ? (model.routedExpertParams * model.activeExperts) / model.experts : 0;
  return 2 * (model.denseLinearParams + routed);
}

/** Output-head FLOPs of one position: 2 × H × V. */
export function headFlops(model: RooflineModel): number {
  return 2 * model.headParams;
}

/**
 * (query, key) pairs of a causal prefill of `tokens` tokens in one layer that keeps `window`
 * tokens (0: no window): S(S + 1)/2, or W(W + 1)/2 + (S − W) × W once S passes the window.
 */
export function causalPairs(tokens: number, window: number): number {
  if (window === 0 || tokens <= window) return (tokens * (tokens + 1)) / 2;
  return (window * (window + 1)) / 2 + (tokens - window) * window;
}

/** Keys one new token attends to in a layer at context `context` (itself included). */
function keysAt(context: number, window: number): number {
  return window === 0 ? context : Math.min(context, window);
}

/**
 * FLOPs to prefill `batch` prompts of `tokens` tokens: linear layers for every token, causal
 * attention, and the head for the last token of each sequence.
 */
export function prefillFlops(model: RooflineModel, batch: number, tokens: number): number {
  const pairs =
    model.fullLayers * causalPairs(tokens, 0) + model.slidingLayers * causalPairs(tokens, model.slidingWindow);
  return batch * (tokens * linearFlopsPerToken(model) + pairs * model.attentionFlopsPerPair + headFlops(model));
}

/**
 * FLOPs of one decode step: each of `batch` sequences adds one token that attends to `context`
 * tokens (the earlier ones and itself), and gets its logits.
 */
export function decodeFlops(model: RooflineModel, batch: number, context: number): number {
  const keys = model.fullLayers * context + model.slidingLayers * keysAt(context, model.slidingWindow);
  return batch * (linearFlopsPerToken(model) + keys * model.attentionFlopsPerPair + headFlops(model));
}
