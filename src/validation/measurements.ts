/**
 * Reading data/measurements.json into cases the estimators can predict: each row's free-text
 * hardware, model, weights and framework fields mapped to a GPU preset, a model preset, a precision
 * and an engine, and its metric to one of the metric classes the validation scores.
 *
 * The mapping is deliberately small and explicit. A row that cannot be mapped is kept as a skipped
 * row with the reason, never dropped silently. Assumptions are recorded on the case.
 */
import { resolveArchitecture, type Architecture } from '../core/architecture/spec';
import { parseHardware, presetSpec, type GpuSpec } from '../core/gpus/lookup';
import { findModelPreset } from '../core/models/lookup';
import type { ModelPreset } from '../core/models/catalog';
import { findPrecision, type Precision } from '../core/precision';
import type { Engine } from '../core/roofline/efficiency';
import { defaultParallelism, type Parallelism } from '../core/roofline/parallel';

/** One row of measurements.json as far as the validation reads it. */
export interface MeasurementRow {
  readonly id: string;
  readonly source: string;
  readonly framework: string;
  readonly hardware: string | null;
  readonly num_gpus: number | null;
  readonly parallelism?: string;
  readonly model: string;
  readonly weights: string;
  readonly batch_size?: number | string;
  readonly input_len?: number | string;
  readonly output_len?: number | string;
  readonly metric: string;
  readonly value: number;
  readonly metrics?: Readonly<Record<string, number | string>>;
}

export interface MeasurementFile {
  readonly measurements: readonly MeasurementRow[];
}

/** The classes errors are reported by. */
export const METRIC_CLASSES = ['decode_b1', 'prefill', 'decode_batched', 'max_load', 'ttft', 'itl'] as const;
export type MetricClass = (typeof METRIC_CLASSES)[number];

export const CLASS_LABELS: Readonly<Record<MetricClass, string>> = {
  decode_b1: 'batch-1 decode (tokens/s per sequence)',
  prefill: 'prefill (prompt tokens/s)',
  decode_batched: 'batched decode (tokens/s over the batch)',
  max_load: 'max-load throughput (output tokens/s)',
  ttft: 'TTFT (s)',
  itl: 'ITL / time per output token (s)',
};

/**
 * What a measured number is, so that a prediction can be made for it:
 * - `decode_rate`: output tokens/s of the decode alone, B / (time per token);
 * - `request_rate`: output tokens/s of a whole request, N / (prefill + decode) (Qwen's speed
 *   benchmark times the whole generate call);
 * - `prefill_rate`: prompt tokens/s, B × S / prefill time;
 * - `max_load`: output tokens/s of the whole system with the batch the engine can hold;
 * - `ttft`, `itl`: seconds.
 */
export type Quantity = 'decode_rate' | 'request_rate' | 'prefill_rate' | 'max_load' | 'ttft' | 'itl';

export interface Case {
  /** Row id, with a suffix when one row gives several cases (`m572:prefill`). */
  readonly id: string;
  readonly source: string;
  readonly metricClass: MetricClass;
  readonly quantity: Quantity;
  readonly measured: number;
  readonly modelId: string;
  readonly arch: Architecture;
  readonly gpu: GpuSpec;
  readonly precision: Precision;
  readonly engine: Engine;
  readonly nGpus: number;
  readonly parallelism: Parallelism;
  readonly batch: number;
  readonly promptTokens: number;
  readonly outputTokens: number;
  /** What had to be assumed for this row. */
  readonly assumptions: readonly string[];
  /** A short description for the worst-rows listing. */
  readonly label: string;
}

export interface Skipped {
  readonly id: string;
  readonly source: string;
  readonly metric: string;
  readonly reason: string;
}

/** The engine a framework string names; undefined when none is recognised. */
export function parseEngine(framework: string): Engine | undefined {
  const f = framework.toLowerCase();
  if (f.includes('llama.cpp')) return 'llama.cpp';
  if (f.includes('vllm')) return 'vllm';
  // NIM 1.8 serves Llama-3.3-70B on its TensorRT-LLM backend.
  if (f.includes('tensorrt-llm') || f.includes('nim')) return 'tensorrt-llm';
  if (f.includes('exllamav2')) return 'exllamav2';
  if (f.includes('text generation inference')) return 'tgi';
  if (f.includes('sglang')) return 'sglang';
  // AutoAWQ's benchmark runs its kernels inside a transformers model.
  if (f.includes('transformers') || f.includes('autoawq')) return 'transformers';
  return undefined;
}

/** Model names the catalog's matching does not reach on its own (LLaMA-1 and benchmark shorthands). */
const MODEL_ALIASES: Readonly<Record<string, string>> = {
  'llama 13b': 'llama-13b',
  'llama 33b': 'llama-33b',
  'gpt-j 6b': 'gpt-j-6b',
  'mistral-7b': 'mistral-7b-v0.1',
  'codellama 34b': 'codellama-34b',
  'vicuna 7b': 'vicuna-7b',
};

/** The model preset a model string names: the text before any parenthesis, then the aliases. */
export function parseModel(text: string): ModelPreset | undefined {
  const name = text.replace(/\(.*$/, '').trim();
  return findModelPreset(name) ?? findModelPreset(MODEL_ALIASES[name.toLowerCase()] ?? '');
}

/** A weight-only format not in the precision table: `bits` on the linear layers, 16-bit compute and KV cache. */
function weightOnly(id: string, bits: number, note: string): Precision {
  return {
    id,
    bitsPerWeight: bits,
    computeType: 'fp16',
    kvBits: 16,
    activationBits: 16,
    aliases: [],
    layout: { kind: 'linear', expertsOnlyInMoe: false },
    note,
  };
}

/**
 * The precision a weights string names: GGUF types, BF16/fp16, FP8, FP4, AWQ/GPTQ 4-bit (int4),
 * GPTQ 8-bit (8 bits plus a 16-bit scale and 8-bit zero per 128) and EXL2 at its stated bits.
 */
export function parsePrecision(text: string): Precision | undefined {
  const gguf = /GGUF\s+(\w+)/i.exec(text);
  if (gguf) return findPrecision(gguf[1].toLowerCase() === 'f16' ? 'fp16' : gguf[1]);
  const exl2 = /EXL2\s+(\d+(?:\.\d+)?)\s*bpw/i.exec(text);
  if (exl2) return weightOnly(`exl2-${exl2[1]}`, Number(exl2[1]), 'EXL2 at its stated average bits per weight');
  if (/GPTQ-Int8/i.test(text)) return weightOnly('gptq-int8', 8 + (16 + 8) / 128, 'GPTQ 8-bit, group 128');
  if (/GPTQ|AWQ/i.test(text)) return findPrecision('int4');
  if (/FP8/i.test(text)) return findPrecision('fp8');
  if (/FP4/i.test(text)) return findPrecision('fp4');
  if (/^BF16/i.test(text)) return findPrecision('bf16');
  if (/fp16/i.test(text)) return findPrecision('fp16');
  return undefined;
}

/** Lengths a benchmark does not state, for short batch-1 decode runs (the KV term is then small). */
export const ASSUMED_LENGTHS = { prompt: 128, output: 128 } as const;

function lengthOf(value: number | string | undefined): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

/** Cases of one row, or the reason it has none. */
export function parseRow(row: MeasurementRow): Case[] | Skipped {
  const skip = (reason: string): Skipped => ({ id: row.id, source: row.source, metric: row.metric, reason });
  if (row.metric === 'model_weights_size') return skip('a file size, not a speed');
  if (row.metric === 'server_tokens_per_s_with_latency') {
    return skip('server scenario: the load generator sets the rate (target QPS), not the engine');
  }
  if (row.hardware === null) return skip('no hardware');
  const hardware = parseHardware(row.hardware);
  if (!hardware) return skip(`hardware "${row.hardware}" matches no GPU preset`);
  const preset = parseModel(row.model);
  if (!preset) return skip(`model "${row.model}" matches no model preset`);
  const precision = parsePrecision(row.weights);
  if (!precision) return skip(`weights "${row.weights}" name no precision`);
  const engine = parseEngine(row.framework);
  if (!engine) return skip(`framework "${row.framework}" names no engine`);

  const assumptions: string[] = [];
  const nGpus = row.num_gpus ?? 1;
  // The engine's default, as a sheet call gets it (layers for llama.cpp and transformers/AutoAWQ's
  // device_map, tensors for the serving engines).
  const parallelism: Parallelism = defaultParallelism(engine);
  if (nGpus > 1 && row.parallelism === undefined) assumptions.push(`${parallelism} parallelism over ${nGpus} GPUs`);

  let prompt = lengthOf(row.input_len);
  let output = lengthOf(row.output_len);
  const statedBatch = typeof row.batch_size === 'number' ? row.batch_size : undefined;
  const concurrency = typeof row.batch_size === 'string' ? /^(\d+) concurrent/.exec(row.batch_size) : null;
  const maxLoad = typeof row.batch_size === 'string' && /max load|offline max/i.test(row.batch_size);
  if (prompt === undefined || output === undefined) {
    if (maxLoad) return skip('max-load run over a dataset whose prompt lengths are not stated');
    if (row.input_len === 'not stated' || row.output_len === 'not stated') {
      prompt = ASSUMED_LENGTHS.prompt;
      output = ASSUMED_LENGTHS.output;
      assumptions.push(`lengths not stated: ${prompt} prompt + ${output} output tokens assumed`);
    } else {
      return skip('prompt or output length not stated');
    }
  }
  const batch = statedBatch ?? (concurrency ? Number(concurrency[1]) : maxLoad ? 0 : undefined);
  if (batch === undefined) return skip(`batch "${String(row.batch_size)}" not understood`);

  const base = {
    source: row.source,
    modelId: preset.id,
    arch: resolveArchitecture(preset.architecture),
    gpu: presetSpec(hardware.preset),
    precision,
    engine,
    nGpus,
    parallelism,
    batch,
    promptTokens: prompt,
    outputTokens: Math.max(output, 1),
    assumptions,
    label: `${preset.id} ${precision.id} ${nGpus > 1 ? `${nGpus}x ` : ''}${hardware.preset.id} ${engine} B=${row.batch_size} in=${prompt} out=${output}`,
  };
  const one = (
    suffix: string,
    metricClass: MetricClass,
    quantity: Quantity,
    measured: number,
    overrides: Partial<Case> = {},
  ): Case => ({
    ...base,
    id: suffix === '' ? row.id : `${row.id}:${suffix}`,
    metricClass,
    quantity,
    measured,
    ...overrides,
  });

  switch (row.metric) {
    case 'decode_tokens_per_s_per_sequence':
      // llama-bench tg N and ExLlamaV2's test time the generation alone.
      return [one('', batch === 1 ? 'decode_b1' : 'decode_batched', 'decode_rate', row.value)];
    case 'prefill_tokens_per_s':
      return [one('', 'prefill', 'prefill_rate', row.value)];
    case 'decode_speed':
    case 'decode_speed_and_peak_memory':
      assumptions.push('speed = output tokens / (prefill + decode) of the whole generate call');
      return [one('', batch === 1 ? 'decode_b1' : 'decode_batched', 'request_rate', row.value)];
    case 'prefill_decode_memory': {
      const m = row.metrics ?? {};
      const cases: Case[] = [];
      if (typeof m.prefill_tokens_per_s === 'number') {
        cases.push(one('prefill', 'prefill', 'prefill_rate', m.prefill_tokens_per_s));
      }
      if (typeof m.decode_tokens_per_s === 'number') {
        cases.push(one('decode', batch === 1 ? 'decode_b1' : 'decode_batched', 'decode_rate', m.decode_tokens_per_s));
      }
      return cases;
    }
    case 'total_output_tokens_per_s':
      return [one('', 'max_load', 'max_load', row.value)];
    case 'ttft_itl_throughput': {
      const m = row.metrics ?? {};
      const cases: Case[] = [];
      if (typeof m.itl_ms === 'number') cases.push(one('itl', 'itl', 'itl', m.itl_ms / 1000));
      if (typeof m.ttft_ms === 'number' && batch === 1) cases.push(one('ttft', 'ttft', 'ttft', m.ttft_ms / 1000));
      return cases;
    }
    case 'latency_and_throughput': {
      const m = row.metrics ?? {};
      if (typeof m.latency_ms_per_token_median !== 'number') return skip('no per-token latency');
      assumptions.push(`tensor parallelism over all ${nGpus} GPUs of the instance (degree not stated)`);
      return [one('itl', 'itl', 'itl', m.latency_ms_per_token_median / 1000)];
    }
    default:
      return skip(`metric "${row.metric}" is not modelled`);
  }
}

/** Rows with concurrency above 1 report TTFT with queueing, which the estimator does not model. */
export const TTFT_UNDER_LOAD = 'TTFT under concurrency includes queueing, not modelled';

export interface ParsedMeasurements {
  readonly cases: readonly Case[];
  readonly skipped: readonly Skipped[];
}

/** Every row parsed: the cases, and the skipped rows with their reasons. */
export function parseMeasurements(file: MeasurementFile): ParsedMeasurements {
  const cases: Case[] = [];
  const skipped: Skipped[] = [];
  for (const row of file.measurements) {
    const parsed = parseRow(row);
    if (Array.isArray(parsed)) {
      cases.push(...parsed);
      if (row.metric === 'ttft_itl_throughput' && typeof row.batch_size === 'string' && !/^1 /.test(row.batch_size)) {
        skipped.push({ id: `${row.id}:ttft`, source: row.source, metric: 'ttft_ms', reason: TTFT_UNDER_LOAD });
      }
    } else {
      skipped.push(parsed);
    }
  }
  return { cases, skipped };
}
