/**
 * Quantized formats: bits per weight from their block layouts, the tensors each keeps at 16 bits,
 * llama.cpp's per-tensor mixtures, and predicted GGUF file sizes against published ones
 * (data/measurements.json).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA } from '../../helpers/data';
import { weightTensors, type WeightTensor } from '../../../src/core/architecture/params';
import { resolveArchitecture } from '../../../src/core/architecture/spec';
import { tensorBits } from '../../../src/core/architecture/weights';
import { getModelPreset } from '../../../src/core/models/lookup';
import { findPrecision, type Precision } from '../../../src/core/precision';
import { useMoreBits } from '../../../src/core/quant/ggml';
import { invoke } from '../../../src/index';

const GIB = 2 ** 30;
const precision = (name: string) => findPrecision(name) as Precision;
const weightsGib = (model: string, format: string) =>
  invoke('LLM_ESTIMATE', [model, 'weights_gib', 1, 1, format, 'H100', 'weights_overhead=1']) as number;

describe('bits per weight, scales included', () => {
  test.each([
    // ggml-common.h: block_q8_0 = half d + int8 qs[32]
    ['q8_0', ((2 + 32) * 8) / 32],
    // block_q6_K = ql[128] + qh[64] + scales[16] + half d, per 256
    ['q6_k', ((128 + 64 + 16 + 2) * 8) / 256],
    // block_q5_K = half d, dmin + scales[12] + qh[32] + qs[128]
    ['q5_k_m', ((2 + 2 + 12 + 32 + 128) * 8) / 256],
    // block_q4_K = half d, dmin + scales[12] + qs[128]
    ['q4_k_m', ((2 + 2 + 12 + 128) * 8) / 256],
    // block_q4_0 = half d + qs[16], per 32
    ['q4_0', ((2 + 16) * 8) / 32],
    // block_q3_K = hmask[32] + qs[64] + scales[12] + half d
    ['q3_k_m', ((32 + 64 + 12 + 2) * 8) / 256],
    // block_q2_K = scales[16] + qs[64] + half d, dmin
    ['q2_k', ((16 + 64 + 2 + 2) * 8) / 256],
    // AWQ/GPTQ: 4 bits + an fp16 scale and a 4-bit zero point per group of 128
    ['int4', 4 + 20 / 128],
    // QLoRA double quantization: 8-bit absmax per 64, fp32 per 64 × 256
    ['nf4', 4 + 8 / 64 + 32 / 16384],
    // NVFP4: E4M3 scale per 16
    ['fp4', 4.5],
    // MXFP4: E8M0 scale per 32
    ['mxfp4', 4.25],
  ])('%s: %d bits', (name, bits) => {
    expect(precision(name).bitsPerWeight).toBe(bits);
  });

  test('the documented values', () => {
    expect([6.5625, 5.5, 4.5, 3.4375, 2.625, 4.15625]).toEqual(
      ['q6_k', 'q5_k_m', 'q4_k_m', 'q3_k_m', 'q2_k', 'int4'].map((p) => precision(p).bitsPerWeight),
    );
    expect(precision('nf4').bitsPerWeight).toBeCloseTo(4.127, 3); // QLoRA: "0.127 bits per parameter"
  });

  test('compute types: weight-only formats at 16-bit peaks, NVFP4 at the FP4 peak', () => {
    const types = Object.fromEntries(
      ['int4', 'nf4', 'fp4', 'mxfp4', 'q8_0', 'q4_k_m', 'q2_k'].map((p) => [p, precision(p).computeType]),
    );
    expect(types).toEqual({
      int4: 'fp16',
      nf4: 'bf16',
      fp4: 'fp4',
      mxfp4: 'bf16',
      q8_0: 'fp16',
      q4_k_m: 'fp16',
      q2_k: 'fp16',
    });
  });

  test('names: case-insensitive, GGUF spellings, aliases', () => {
    for (const [alias, id] of [
      ['Q4_K_M', 'q4_k_m'],
      ['q4-k-m', 'q4_k_m'],
      ['GGUF Q8_0', 'q8_0'],
      ['AWQ', 'int4'],
      ['GPTQ', 'int4'],
      ['NVFP4', 'fp4'],
      ['bnb-4bit', 'nf4'],
    ]) {
      expect(findPrecision(alias)?.id).toBe(id);
    }
  });

  test('fp4 falls back to the fp8 peak where a GPU has no FP4 peak (compute-only tokens/s)', () => {
    const tps = (p: string, gpu: string) =>
      invoke('LLM_ESTIMATE', ['llama-3.1-8b', 'tokens_per_s', 1, 1024, p, gpu, 'method=seed']);
    expect(tps('fp4', 'H100')).toBe(tps('fp8', 'H100'));
    expect(tps('fp4', 'A100')).toBe(tps('fp16', 'A100')); // no fp8 either: fp16
  });
});

describe('tensors kept at their usual precision', () => {
  const embedding = 128256 * 4096;
  const linear = 32 * (4096 * 4096 + 2 * 4096 * 1024 + 4096 * 4096 + 3 * 4096 * 14336);
  const norms = 32 * 2 * 4096 + 4096;

  test('int4 (AWQ): linear layers at 4.15625 bits, embeddings, lm_head and norms at 16', () => {
    const bits = linear * 4.15625 + (2 * embedding + norms) * 16;
    expect(weightsGib('llama-3-8b', 'int4') * GIB * 8).toBeCloseTo(bits, 0);
  });

  test('nf4 and fp4 keep the same tensors at 16 bits', () => {
    expect(weightsGib('llama-3-8b', 'nf4') * GIB * 8).toBeCloseTo(
      linear * (4 + 8 / 64 + 32 / 16384) + (2 * embedding + norms) * 16,
      0,
    );
    expect(weightsGib('llama-3-8b', 'fp4') * GIB * 8).toBeCloseTo(linear * 4.5 + (2 * embedding + norms) * 16, 0);
  });

  test('mxfp4 on gpt-oss-20b: only the 24 × 32 experts are MXFP4, as the checkpoint ships', () => {
    const experts = 24 * 32 * (2880 * 5760 + 2880 * 2880); // gate_up and down matrices
    const total = 20_914_757_184;
    const bits = experts * 4.25 + (total - experts) * 16;
    expect(weightsGib('gpt-oss-20b', 'mxfp4') * GIB * 8).toBeCloseTo(bits, 0);
    // About 12.8 GiB, where bf16 would be 39 GiB.
    expect(weightsGib('gpt-oss-20b', 'mxfp4')).toBeCloseTo(12.82, 2);
  });

  test('fp8 and the 16-bit formats are uniform: P × b (methodology 2.1)', () => {
    expect(weightsGib('llama-3-8b', 'fp8')).toBe((8_030_261_248 * 8) / (8 * GIB));
    expect(weightsGib('llama-3-8b', 'bf16')).toBe((8_030_261_248 * 16) / (8 * GIB));
  });
});

describe("llama.cpp's mixtures", () => {
  test('use_more_bits picks 16 of 32 layers: the first and last 4 and every third between', () => {
    const chosen = Array.from({ length: 32 }, (_, i) => i).filter((i) => useMoreBits(i, 32));
    expect(chosen).toEqual([0, 1, 2, 3, 6, 9, 12, 15, 18, 21, 24, 27, 28, 29, 30, 31]);
  });

  test('Llama-3-8B Q4_K_M, tensor by tensor', () => {
    // token_embd Q4_K (untied), output Q6_K; per layer q, k, o, gate, up Q4_K; v and down Q6_K in the
    // 16 use_more_bits layers, Q4_K in the others; norms f32.
    const q4 = 4.5;
    const q6 = 6.5625;
    const v = 4096 * 1024;
    const down = 14336 * 4096;
    const alwaysQ4 = 32 * (4096 * 4096 + 4096 * 1024 + 4096 * 4096 + 2 * 4096 * 14336);
    const bits =
      128256 * 4096 * q4 +
      128256 * 4096 * q6 +
      alwaysQ4 * q4 +
      16 * (v + down) * q6 +
      16 * (v + down) * q4 +
      (32 * 2 * 4096 + 4096) * 32;
    expect(weightsGib('llama-3-8b', 'q4_k_m') * GIB * 8).toBeCloseTo(bits, 0);
    expect(bits / 8 / GIB).toBeCloseTo(4.5755, 4);
  });

  test('a tied embedding is stored like the output head (Q6_K); Q8_0 files keep Q8_0', () => {
    const bitsOf = (model: string, format: string, role: WeightTensor['role']) => {
      const arch = resolveArchitecture(getModelPreset(model).architecture);
      const tensor = weightTensors(arch).find((t) => t.role === role) as WeightTensor;
      return tensorBits(arch, precision(format), tensor);
    };
    expect(bitsOf('llama-3.2-1b', 'q4_k_m', 'embedding')).toBe(6.5625);
    expect(bitsOf('llama-3-8b', 'q4_k_m', 'embedding')).toBe(4.5);
    expect(bitsOf('llama-3-8b', 'q4_k_m', 'output')).toBe(6.5625);
    expect(bitsOf('llama-3-8b', 'q8_0', 'output')).toBe(8.5);
    expect(bitsOf('llama-3-8b', 'q4_0', 'output')).toBe(6.5625);
  });

  test('rows not divisible by 256 fall back: Qwen2.5-72B ffn_down (29568 columns) Q4_K → Q5_0, Q6_K → Q8_0', () => {
    const arch = resolveArchitecture(getModelPreset('qwen2.5-72b').architecture);
    const downs = weightTensors(arch).filter((t) => t.role === 'ffn_down');
    const bits = new Set(downs.map((t) => tensorBits(arch, precision('q4_k_m'), t)));
    expect(bits).toEqual(new Set([5.5, 8.5])); // block_q5_0 22 bytes / 32; block_q8_0 34 / 32
  });

  test('Q2_K and Q3_K_M raise attn_v, attn_output and ffn_down as llama-quant.cpp does', () => {
    const arch = resolveArchitecture(getModelPreset('llama-3-8b').architecture);
    // The tensor of `role` as it sits in decoder layer `layer` (its bits depend on role, width and layer).
    const bitsFor = (format: string, role: WeightTensor['role'], layer: number) =>
      tensorBits(arch, precision(format), { ...weightTensors(arch).find((t) => t.role === role)!, layer });
    expect(bitsFor('q2_k', 'attn_v', 5)).toBe(4.5); // n_gqa 4 → Q4_K
    expect(bitsFor('q2_k', 'attn_output', 5)).toBe(3.4375); // Q3_K
    expect(bitsFor('q2_k', 'ffn_down', 5)).toBe(3.4375);
    expect(bitsFor('q2_k', 'ffn_up', 5)).toBe(2.625);
    expect(bitsFor('q3_k_m', 'attn_v', 0)).toBe(5.5); // first two attn_v Q5_K
    expect(bitsFor('q3_k_m', 'attn_v', 2)).toBe(4.5);
    expect(bitsFor('q3_k_m', 'ffn_down', 1)).toBe(5.5); // i < 32/16
    expect(bitsFor('q3_k_m', 'ffn_down', 2)).toBe(4.5);
    expect(bitsFor('q3_k_m', 'attn_output', 7)).toBe(4.5);
    expect(bitsFor('q3_k_m', 'ffn_gate', 7)).toBe(3.4375);
  });
});

describe('GGUF file sizes (data/measurements.json), within 3%', () => {
  interface Row {
    id: string;
    model: string;
    weights?: string;
    metric: string;
    value: number;
  }
  const rows = (JSON.parse(readFileSync(join(DATA, 'measurements.json'), 'utf8')) as { measurements: Row[] })
    .measurements;
  const modelOf = (name: string) => name.replace(/\s*\(.*$/, '');
  const formatOf = (weights: string) => {
    const m = /GGUF (\w+)/.exec(weights) as RegExpExecArray;
    return m[1].toLowerCase() === 'f16' ? 'fp16' : m[1].toLowerCase();
  };

  // "GB as printed (likely GiB)": the files are 2 bytes × 8,030,261,248 = 14.96 GiB, so GiB.
  const sized = rows.filter((r) => r.metric === 'model_weights_size');
  // The file sizes quoted beside the speed rows: "GGUF Q4_K_M (file 4.58 GB per README)".
  const quoted = new Map<string, { model: string; format: string; gib: number }>();
  for (const r of rows) {
    const m = /GGUF (\w+) \(file ([\d.]+) GB/.exec(r.weights ?? '');
    if (m)
      quoted.set(`${modelOf(r.model)} ${m[1]}`, {
        model: modelOf(r.model),
        format: formatOf(r.weights!),
        gib: Number(m[2]),
      });
  }

  test('the data has the rows this test relies on', () => {
    expect(sized.length).toBe(2);
    expect([...quoted.keys()].sort()).toEqual([
      'Llama-3-70B F16',
      'Llama-3-70B Q4_K_M',
      'Llama-3-8B F16',
      'Llama-3-8B Q4_K_M',
    ]);
  });

  test.each(sized.map((r) => [r.id, r.model, r.weights as string, r.value] as const))(
    '%s %s %s: %d GiB',
    (_, model, weights, value) => {
      const predicted = weightsGib(modelOf(model), formatOf(weights));
      expect(Math.abs(predicted / value - 1)).toBeLessThan(0.03);
    },
  );

  test('quoted files: Llama-3-8B Q4_K_M 4.58, F16 14.96; Llama-3-70B Q4_K_M 39.59, F16 131.42', () => {
    for (const { model, format, gib } of quoted.values()) {
      const predicted = weightsGib(model, format);
      expect([model, format, Math.abs(predicted / gib - 1) < 0.03]).toEqual([model, format, true]);
    }
    expect(weightsGib('llama-3-8b', 'q4_k_m')).toBeCloseTo(4.58, 1);
    expect(weightsGib('llama-3-70b', 'q4_k_m')).toBeCloseTo(39.59, 1);
  });
});
