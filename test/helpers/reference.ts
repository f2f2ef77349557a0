/**
 * The methodology document's formulas, typed in again from the document (not from src/), in the
 * order it prints them. Tests compare the add-in to these with exact equality.
 */
const GIB_BITS = 8 * 1024 ** 3;

export const doc = {
  // 1.1  B × S × (H² + S × H)
  attention: (H: number, B: number, S: number) => B * S * (H * H + S * H),
  // 1.2  2 × B × S × H × F
  ffn: (H: number, F: number, B: number, S: number) => 2 * B * S * H * F,
  // 1.3  L × (attention + feedforward)
  prefill: (H: number, L: number, F: number, B: number, S: number) =>
    L * (doc.attention(H, B, S) + doc.ffn(H, F, B, S)),
  // 1.4  L × (B × 1 × (H² + S × H) + 2 × B × 1 × H × F)
  perToken: (H: number, L: number, F: number, B: number, S: number) =>
    L * (B * 1 * (H * H + S * H) + 2 * B * 1 * H * F),
  // 2.1  P = 4H²L + 2HFL + VH + 4HL + 2H
  params: (H: number, L: number, F: number, V: number) => 4 * (H * H) * L + 2 * H * F * L + V * H + 4 * H * L + 2 * H,
  // 2.1  P × b / (8 × 1024³) × f_overhead
  weights: (P: number, b: number, f = 1.05) => ((P * b) / GIB_BITS) * f,
  // 2.2  2 × B × S × H × L × b / (8 × 1024³) × f_kv
  kv: (H: number, L: number, B: number, S: number, b: number, f = 1.05) => ((2 * B * S * H * L * b) / GIB_BITS) * f,
  // 2.3  4 × B × S × H × b / (8 × 1024³) × f_act
  activations: (H: number, B: number, S: number, b: number, f = 1.1) => ((4 * B * S * H * b) / GIB_BITS) * f,
  // 2.4  (W + KV + A) × f_system
  total: (W: number, KV: number, A: number, f = 1.05) => (W + KV + A) * f,
  // 3.1  GPU_FLOPS × eff / FLOPs_PerToken, GPU_FLOPS = TFLOPS × 10¹²
  tokensPerSec: (tflops: number, eff: number, perToken: number) => (tflops * 1e12 * eff) / perToken,
  // 3.2  FLOPs_Prefill / (GPU_FLOPS × eff)
  prefillLatency: (prefill: number, tflops: number, eff: number) => prefill / (tflops * 1e12 * eff),
  // 3.3  max(FLOPs_PerToken / (GPU_FLOPS × eff), P_B × 10⁹ × bytes / (BW × 10⁹ × eff))
  tokenLatency: (perToken: number, tflops: number, eff: number, P: number, bytes: number, bwGbs: number) =>
    Math.max(perToken / (tflops * 1e12 * eff), ((P / 1e9) * 1e9 * bytes) / (bwGbs * 1e9 * eff)),
  // 3.4  Latency_Token × N
  generation: (latency: number, N: number) => latency * N,
  // 5
  efficiency: (a: number, b: number, c: number, d: number) => a * b * c * d,
  // 6
  speedup: (n: number, f: number) => n * f,
};
