/**
 * FLOP counts of methodology section 1, exactly as the document writes them.
 *
 * The document counts one multiply-add as one "FLOP" and its 1.1 breakdown does not add up to its
 * formula; both are reproduced as written (see docs/methodology-notes.md, notes 1 and 2).
 * Evaluation order follows the printed formula so results match it to the last digit.
 */

/**
 * Attention FLOPs (methodology 1.1): `B × S × (H² + S × H)`.
 *
 * @param hidden H, hidden size
 * @param batch B, sequences in the batch
 * @param seqLen S, sequence (context) length in tokens
 * @example attentionFlops(4096, 1, 2048) // 1 × 2048 × (4096² + 2048 × 4096) = 51539607552
 */
export function attentionFlops(hidden: number, batch: number, seqLen: number): number {
  return batch * seqLen * (hidden * hidden + seqLen * hidden);
}

/**
 * Feed-forward FLOPs (methodology 1.2): `2 × B × S × H × F` (up- and down-projection).
 *
 * @example feedForwardFlops(4096, 11008, 1, 2048) // 2 × 2048 × 4096 × 11008 = 184683593728
 */
export function feedForwardFlops(hidden: number, ffn: number, batch: number, seqLen: number): number {
  return 2 * batch * seqLen * hidden * ffn;
}

/**
 * Prefill FLOPs (methodology 1.3): `L × (FLOPs_Attention + FLOPs_Feedforward)`.
 */
export function prefillFlops(hidden: number, layers: number, ffn: number, batch: number, seqLen: number): number {
  return layers * (attentionFlops(hidden, batch, seqLen) + feedForwardFlops(hidden, ffn, batch, seqLen));
}

/**
 * FLOPs per generated token (methodology 1.4):
 * `L × (B × 1 × (H² + S × H) + 2 × B × 1 × H × F)`: one new token per sequence attending over S.
 */
export function perTokenFlops(hidden: number, layers: number, ffn: number, batch: number, seqLen: number): number {
  const attentionToken = batch * 1 * (hidden * hidden + seqLen * hidden);
  const feedForwardToken = 2 * batch * 1 * hidden * ffn;
  return layers * (attentionToken + feedForwardToken);
}
