/**
 * The decode time of N tokens is the sum of N step times as the context grows from S + 1 to S + N.
 * The estimator sums it in a few evaluations (affine runs in closed form); here
 * it is checked against the plain token-by-token sum, in the memory-bound regime, the
 * compute-bound one, a run where the bound changes midway, and with sliding windows.
 */
import { resolveArchitecture, type ArchitectureSpec } from '../../../src/core/architecture/spec';
import { getModelPreset } from '../../../src/core/models/lookup';
import { findPrecision, type Precision } from '../../../src/core/precision';
import {
  rooflineDecodeStepSeconds,
  rooflineDecodeTotalSeconds,
  rooflineSetup,
  type RooflineSetup,
} from '../../../src/core/roofline/estimate';

const bf16 = findPrecision('bf16') as Precision;
const gpu = { name: 'paper GPU', bandwidthGbs: 2000, peaks: { bf16: 400 } };

function setup(model: ArchitectureSpec, batch: number, seqLen: number, outputTokens: number): RooflineSetup {
  return rooflineSetup({
    arch: resolveArchitecture(model),
    precision: bf16,
    gpu,
    batch,
    seqLen,
    outputTokens,
    kvBits: 16,
    nGpus: 1,
    parallelism: 'tensor',
    efficiency: { mfu: 0.5, mbu: 0.8, overheadSeconds: 0.002 },
  });
}

function tokenByToken(s: RooflineSetup): number {
  let total = 0;
  for (let j = 1; j <= s.input.outputTokens; j++) total += rooflineDecodeStepSeconds(s, s.input.seqLen + j);
  return total;
}

function crossing(s: RooflineSetup): boolean {
  // Whether the per-step time is affine over the run: compare its slope at both ends.
  const { seqLen: S, outputTokens: N } = s.input;
  const t = (c: number) => rooflineDecodeStepSeconds(s, c);
  const early = t(S + 2) - t(S + 1);
  const late = t(S + N) - t(S + N - 1);
  return Math.abs(late - early) > 1e-9 * Math.abs(late);
}

const llama8b = getModelPreset('llama-3.1-8b').architecture;
const gemma2 = getModelPreset('gemma-2-9b').architecture;

describe('decode summed over the generated tokens', () => {
  test.each([
    ['memory-bound at batch 1', llama8b, 1, 1000, 2000],
    ['compute-bound at batch 4096', llama8b, 4096, 10, 300],
    ['short run, token by token', llama8b, 8, 100, 50],
    ['sliding-window layers (Gemma-2)', gemma2, 4, 3000, 3000],
  ] as const)('%s', (_, model, batch, seqLen, outputTokens) => {
    const s = setup(model, batch, seqLen, outputTokens);
    const exact = tokenByToken(s);
    expect(Math.abs(rooflineDecodeTotalSeconds(s) - exact) / exact).toBeLessThan(1e-9);
  });

  test('a run where the bound changes midway equals the exact sum', () => {
    // At batch 1200 a Llama-3.1-8B step on this GPU is compute-bound at short contexts and becomes
    // bound by reading the KV cache as the context grows.
    const s = setup(llama8b, 1200, 1, 4000);
    expect(crossing(s)).toBe(true);
    const exact = tokenByToken(s);
    expect(Math.abs(rooflineDecodeTotalSeconds(s) - exact) / exact).toBeLessThan(1e-9);
  });
});
