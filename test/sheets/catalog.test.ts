/**
 * LLM_GPU and LLM_GPUS as a sheet calls them. Expected figures are the cited sources' values:
 * the H100 whitepaper (989.4 dense FP16 tensor) and the A100 datasheet (19.5 FP32).
 */
import { GPU_PRESETS } from '../../src/core/gpus/catalog';
import { invoke } from '../../src/index';
import type { Arg } from '../../src/sheets/cells';

const gpu = (...args: Arg[]) => invoke('LLM_GPU', args);

describe('LLM_GPU', () => {
  test('the issue’s figures: H100 FP16 dense 989.4, A100 FP32 19.5', () => {
    expect(gpu('H100', 'tflops', 'fp16')).toBe(989.4);
    expect(gpu('A100', 'tflops', 'fp32')).toBe(19.5);
    expect(gpu('H100', 'tflops')).toBe(989.4);
  });

  test('every field of a preset', () => {
    expect(gpu('H100', 'name')).toBe('NVIDIA H100 SXM5 80GB');
    expect(gpu('H100', 'id')).toBe('h100-sxm');
    expect(gpu('H100', 'vendor')).toBe('NVIDIA');
    expect(gpu('H100', 'family')).toBe('Hopper');
    expect(gpu('H100', 'memory_gb')).toBe(80);
    expect(gpu('H100', 'bandwidth_gbs')).toBe(3350);
    expect(gpu('H100', 'interconnect_gbs')).toBe(900);
    expect(gpu('H100', 'interconnect')).toBe('NVLink 4');
    expect(gpu('H100', 'tdp_w')).toBe(700);
    expect(gpu('H100', 'price_per_hour')).toBe(1.99);
    expect(gpu('H100', 'price_per_hour_high')).toBe(5);
    expect(gpu('H100', 'price_date')).toBe('2026-05');
    expect(gpu('H100', 'unified_memory')).toBe(false);
    expect(gpu('M3 Max', 'unified_memory')).toBe(true);
    expect(gpu('GB200', 'note')).toMatch(/superchip/);
    expect(gpu('H100', 'class')).toBe('hbm');
    expect(gpu('A10G', 'class')).toBe('workstation');
    expect(gpu('RTX 4090', 'class')).toBe('consumer');
    expect(gpu('DGX Spark', 'class')).toBe('unified');
  });

  test('the precision argument takes a precision or a compute type, fp4 included', () => {
    expect(gpu('B200', 'tflops', 'fp4')).toBe(9000);
    expect(gpu('B200', 'tflops', 'FP8')).toBe(4500);
    expect(gpu('B200', 'tflops', 'bfloat16')).toBe(2250);
    expect(gpu('H100', 'tflops', 'int8')).toBe(1978.9);
    expect(() => gpu('H100', 'tflops', 'fp5')).toThrow(
      'LLM_GPU: precision must be a precision or one of fp32, tf32, fp16, bf16, fp8, int8, fp4, got "fp5"',
    );
  });

  test('a compute type the hardware lacks is an error naming the fallback; compute_type gives it', () => {
    expect(() => gpu('A100', 'tflops', 'fp8')).toThrow(
      'LLM_GPU: NVIDIA A100 80GB SXM has no dense fp8 peak (the hardware lacks it or no source states it); the estimators use its fp16 peak, 312',
    );
    expect(gpu('A100', 'compute_type', 'fp8')).toBe('fp16');
    expect(gpu('H100', 'compute_type', 'fp4')).toBe('fp8');
    expect(gpu('H100', 'compute_type', 'fp8')).toBe('fp8');
  });

  test('hardware strings as benchmark reports write them resolve', () => {
    expect(gpu('NVIDIA A100 80GB (SXM/PCIe not stated)', 'memory_gb')).toBe(80);
    expect(gpu('NVIDIA GeForce RTX 3070 8GB', 'bandwidth_gbs')).toBe(448);
    expect(gpu('Apple M1 Max (32-core GPU, 64GB)', 'memory_gb')).toBe(64);
  });

  test('unknown names suggest presets; a field a preset lacks says it is not sourced', () => {
    expect(() => gpu('H1000', 'memory_gb')).toThrow(/^LLM_GPU: name \(GPU name\): unknown GPU "H1000"; did you mean/);
    expect(() => gpu('GH200', 'price_per_hour')).toThrow('has no sourced price_per_hour');
    expect(() => gpu('H100', 'colour')).toThrow('LLM_GPU: field must be one of name, id, vendor');
  });

  test('sources: every figure cites where it was read, and how it was derived', () => {
    expect(gpu('H100', 'tflops_source', 'fp16')).toMatch(/^NVIDIA H100 Tensor Core GPU Architecture whitepaper/);
    expect(gpu('L4', 'tflops_source', 'fp16')).toContain('[derived: sparse/2]');
    expect(gpu('A100', 'interconnect_gbs_source')).toContain('https://unanswered.io/');
    const all = String(gpu('RTX 4090', 'source'));
    expect(all.split('\n').length).toBeGreaterThanOrEqual(9);
    expect(all).toContain('FP32 accumulate');
    expect(all).toContain('class: consumer [GeForce card on GDDR6X');
    expect(gpu('H100 NVL', 'source')).toContain('class: hbm [HBM3]: H100 NVL spec page: 94 GB HBM3');
  });

  test('a custom GPU: figures it was given; preset-only fields say so', () => {
    const custom = 'base=M3 Max; memory_gb=128';
    expect(gpu(custom, 'memory_gb')).toBe(128);
    expect(gpu(custom, 'bandwidth_gbs')).toBe(400);
    expect(gpu('tflops=312; bandwidth_gbs=2039', 'tflops', 'fp4')).toBe(312);
    expect(() => gpu('tflops=312', 'vendor')).toThrow('field "vendor" exists only for presets');
    expect(gpu('tflops=312', 'class')).toBe('hbm');
    expect(gpu('tflops=312; class=workstation', 'class')).toBe('workstation');
    expect(gpu('base=RTX 3090; bandwidth_gbs=1000', 'class')).toBe('consumer');
  });
});

describe('LLM_GPUS', () => {
  test('spills the catalog under a header row, one row per preset, every row the header’s width', () => {
    const table = invoke('LLM_GPUS', []) as unknown[][];
    expect(table[0]).toEqual([
      'id',
      'name',
      'vendor',
      'family',
      'memory_gb',
      'bandwidth_gbs',
      'tflops_fp32',
      'tflops_tf32',
      'tflops_fp16',
      'tflops_bf16',
      'tflops_fp8',
      'tflops_int8',
      'tflops_fp4',
      'interconnect_gbs',
      'tdp_w',
      'price_per_hour',
      'price_date',
      'price_stale',
      'unified_memory',
      'class',
      'source',
    ]);
    expect(table.length).toBe(GPU_PRESETS.length + 1);
    for (const row of table) expect(row).toHaveLength(table[0].length);
    const h100 = table.find((row) => row[0] === 'h100-sxm') as unknown[];
    expect(h100.slice(4, 13)).toEqual([80, 3350, 66.9, 494.7, 989.4, 989.4, 1978.9, 1978.9, '']);
    const col = (name: string) => table[0].indexOf(name);
    const row = (id: string) => table.find((r) => r[0] === id) as unknown[];
    expect([row('h100-sxm'), row('l40s'), row('rtx-4090'), row('apple-m3-max')].map((r) => r[col('class')])).toEqual([
      'hbm',
      'workstation',
      'consumer',
      'unified',
    ]);
  });
});
