/**
 * Operation counts of methodology section 1, exactly as the document writes them.
 *
 * The document calls them FLOPs, but it counts one multiply-add as one operation (a GPU's FLOPS
 * count it as two), so the functions here are named for what they count: multiply-adds. Its 1.1
 * breakdown does not add up to its formula; both are reproduced as written (see
 * docs/methodology-notes.md, notes 1 and 2). Evaluation order follows the printed formula so
 * results match it to the last digit. FLOPs at 2 per multiply-add are `2 ×` these (LLM_ESTIMATE's
 * `flops_prefill` with `method=seed`).
 */

/**
 * Attention multiply-adds (methodology 1.1, its FLOPs_Attention): `B × S × (H² + S × H)`.
 *
 * @param hidden H, hidden size
 * @param batch B, sequences in the batch
 * @param seqLen S, sequence (context) length in tokens
 * @example attentionMultiplyAdds(4096, 1, 2048) // 1 × 2048 × (4096² + 2048 × 4096) = 51539607552
 */
export function attentionMultiplyAdds(hidden: number, batch: number, seqLen: number): number {
  return batch * seqLen * (hidden * hidden + seqLen * hidden);
}

/**
 * Feed-forward multiply-adds (methodology 1.2, its FLOPs_Feedforward): `2 × B × S × H × F`
 * (up- and down-projection).
 *
 * @example feedForwardMultiplyAdds(4096, 11008, 1, 2048) // 2 × 2048 × 4096 × 11008 = 184683593728
 */
export function feedForwardMultiplyAdds(hidden: number, ffn: number, batch: number, seqLen: number): number {
  return 2 * batch * seqLen * hidden * ffn;
}

/** Prefill multiply-adds (methodology 1.3, its FLOPs_Prefill): `L × (attention + feed-forward)`. */
export function prefillMultiplyAdds(
  hidden: number,
  layers: number,
  ffn: number,
  batch: number,
  seqLen: number,
): number {
  return layers * (attentionMultiplyAdds(hidden, batch, seqLen) + feedForwardMultiplyAdds(hidden, ffn, batch, seqLen));
}

/**
 * Multiply-adds per generated token (methodology 1.4, its FLOPs_PerToken):
 * `L × (B × 1 × (H² + S × H) + 2 × B × 1 × H × F)`: one new token per sequence attending over S.
 */
export function perTokenMultiplyAdds(
  hidden: number,
  layers: number,
  ffn: number,
  batch: number,
  seqLen: number,
): number {
  const attentionToken = batch * 1 * (hidden * hidden + seqLen * hidden);
  const feedForwardToken = 2 * batch * 1 * hidden * ffn;
  return layers * (attentionToken + feedForwardToken);
}

/**
 * The document's own names for these counts (FLOPs_Attention, …), which are multiply-adds, kept
 * for the golden tests that quote the document.
 * @deprecated Count multiply-adds under their name: attentionMultiplyAdds and the others.
 */
export const attentionFlops = attentionMultiplyAdds;
/** @deprecated The document's FLOPs_Feedforward, in multiply-adds: use feedForwardMultiplyAdds. */
export const feedForwardFlops = feedForwardMultiplyAdds;
/** @deprecated The document's FLOPs_Prefill, in multiply-adds: use prefillMultiplyAdds. */
export const prefillFlops = prefillMultiplyAdds;
/** @deprecated The document's FLOPs_PerToken, in multiply-adds: use perTokenMultiplyAdds. */
export const perTokenFlops = perTokenMultiplyAdds;
