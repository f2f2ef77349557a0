/**
 * The parser that maps measurements.json's free-text fields to presets, precisions and engines.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA } from '../helpers/data';
import {
  parseEngine,
  parseMeasurements,
  parseModel,
  parsePrecision,
  parseRow,
  type MeasurementFile,
} from '../../src/validation/measurements';

const FILE = JSON.parse(readFileSync(join(DATA, 'measurements.json'), 'utf8')) as MeasurementFile;

describe('measurement fields', () => {
  test('models: presets by name, parenthetical notes dropped, LLaMA-1 and shorthand aliases', () => {
    expect(parseModel('Llama-3-70B (same shapes as Llama-3.1-70B)')?.id).toBe('llama-3-70b');
    expect(parseModel('Llama-3.1-8B (nvidia/Llama-3.1-8B-Instruct-FP8)')?.id).toBe('llama-3.1-8b');
    expect(parseModel('Llama 33B (LLaMA-1)')?.id).toBe('llama-33b');
    expect(parseModel('GPT-J 6B (CNN/DailyMail summarization)')?.id).toBe('gpt-j-6b');
    expect(parseModel('Qwen2.5-72B-Instruct')?.id).toBe('qwen2.5-72b');
    expect(parseModel('a model nobody has')).toBeUndefined();
  });

  test('every model named in measurements.json maps to a preset', () => {
    for (const row of FILE.measurements)
      expect({ model: row.model, ok: parseModel(row.model) !== undefined }).toEqual({ model: row.model, ok: true });
  });

  test('precisions: GGUF types, 16-bit, FP8, FP4, AWQ/GPTQ, GPTQ 8-bit and EXL2 bits', () => {
    expect(parsePrecision('GGUF Q4_K_M (file 4.58 GB per README)')?.id).toBe('q4_k_m');
    expect(parsePrecision('GGUF F16 (file 14.96 GB per README)')?.id).toBe('fp16');
    expect(parsePrecision('BF16')?.id).toBe('bf16');
    expect(parsePrecision('none (fp16)')?.id).toBe('fp16');
    expect(parsePrecision('FP8 (ModelOpt)')?.id).toBe('fp8');
    expect(parsePrecision('FP4 (nvidia/Llama-3.3-70B-Instruct-FP4)')?.id).toBe('fp4');
    expect(parsePrecision('AWQ 4-bit (GEMM kernel)')?.id).toBe('int4');
    expect(parsePrecision('GPTQ 4-bit g128 act-order')?.id).toBe('int4');
    // GPTQ 8-bit: 8 bits plus a 16-bit scale and an 8-bit zero point per 128 weights.
    expect(parsePrecision('GPTQ-Int8')?.bitsPerWeight).toBe(8 + 24 / 128);
    expect(parsePrecision('EXL2 2.5 bpw')?.bitsPerWeight).toBe(2.5);
    expect(parsePrecision('not stated in extracted files')).toBeUndefined();
  });

  test('engines', () => {
    expect(parseEngine('llama.cpp (llama-bench, CUDA/Metal)')).toBe('llama.cpp');
    expect(parseEngine('vLLM 0.6.3')).toBe('vllm');
    expect(parseEngine('HF transformers 4.46.0 + FlashAttention 2.5.8')).toBe('transformers');
    expect(parseEngine('AutoAWQ 0.1.6')).toBe('transformers');
    expect(parseEngine('NVIDIA NIM 1.8.0 + AIPerf client')).toBe('tensorrt-llm');
    expect(parseEngine('Text Generation Inference 1.0.3 (HF LLM DLC on SageMaker)')).toBe('tgi');
    expect(parseEngine('ExLlamaV2')).toBe('exllamav2');
    expect(parseEngine('my own server')).toBeUndefined();
  });

  test('a row gives cases, or a reason', () => {
    const row = FILE.measurements.find((m) => m.id === 'm001');
    const cases = parseRow(row as MeasurementFile['measurements'][number]);
    expect(Array.isArray(cases)).toBe(true);
    expect(cases).toMatchObject([{ metricClass: 'decode_b1', engine: 'llama.cpp', precision: { id: 'q4_k_m' } }]);
    const unknown = parseRow({ ...(row as MeasurementFile['measurements'][number]), hardware: 'Quantum GPU 9000' });
    expect(unknown).toMatchObject({ reason: 'hardware "Quantum GPU 9000" matches no GPU preset' });
    // llama.cpp on several GPUs splits layers.
    const split = FILE.measurements.find((m) => m.id === 'm040') as MeasurementFile['measurements'][number];
    expect(parseRow(split)).toMatchObject([{ nGpus: 2, parallelism: 'pipeline' }]);
  });

  test('the whole file: most rows scored, the rest skipped with reasons', () => {
    const { cases, skipped } = parseMeasurements(FILE);
    expect(cases.length).toBeGreaterThan(250);
    expect(skipped.map((s) => s.reason)).toContain(
      'server scenario: the load generator sets the rate (target QPS), not the engine',
    );
  });
});
