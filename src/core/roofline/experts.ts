/**
 * How many distinct experts a batch of tokens touches in one mixture-of-experts layer.
 *
 * Each token picks k of the E routed experts. Under uniform routing a given expert is missed by
 * one token with probability 1 − k/E and by all T tokens with probability (1 − k/E)^T, so the
 * expected number of experts whose weights must be read is
 *
 *     E × (1 − (1 − k/E)^T).
 *
 * One token reads k experts; a large batch reads all E. Real routers are not uniform (popular
 * experts are shared more), so this is an upper bound on the distinct experts, and the weight
 * bytes a decode step reads grow with the batch until every expert is touched.
 */

/**
 * Expected distinct routed experts touched by `tokens` tokens, each routed to `active` of `experts`.
 *
 * @param experts E, routed experts per MoE layer
 * @param active k, experts each token uses
 * @param tokens T, tokens in the step (B for a decode step, B × S for a prefill)
 * @example expectedDistinctExperts(8, 2, 1) // 2
 * @example expectedDistinctExperts(8, 2, 2) // 8 × (1 − 0.75²) = 3.5
 */
export function expectedDistinctExperts(experts: number, active: number, tokens: number): number {
  if (experts === 0) return 0;
  if (active >= experts) return experts;
  return experts * (1 - Math.pow(1 - active / experts, tokens));
}
