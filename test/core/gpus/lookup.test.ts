/**
 * Name matching (sheet-function contract, "Catalog functions"), hardware strings as the benchmark
 * reports in data/measurements.json write them, and the fallback between compute types.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA } from '../../helpers/data';
import {
  customGpu,
  findGpuPreset,
  getGpuPreset,
  matchGpuName,
  parseHardware,
  peakTflops,
  presetSpec,
} from '../../../src/core/gpus/lookup';

const MEASUREMENTS = JSON.parse(readFileSync(join(DATA, 'measurements.json'), 'utf8')) as {
  measurements: { hardware: string | null; num_gpus: number | null }[];
};

/** What each hardware string of measurements.json means, decided by reading the string and its source. */
const HARDWARE: Readonly<Record<string, string>> = {
  'NVIDIA GeForce RTX 3070 8GB': 'rtx-3070',
  'NVIDIA GeForce RTX 3080 10GB': 'rtx-3080',
  'NVIDIA GeForce RTX 3080 Ti': 'rtx-3080-ti',
  'NVIDIA GeForce RTX 3090': 'rtx-3090',
  'NVIDIA GeForce RTX 3090 Ti': 'rtx-3090-ti',
  'NVIDIA GeForce RTX 4070 Ti': 'rtx-4070-ti',
  'NVIDIA GeForce RTX 4080': 'rtx-4080',
  'NVIDIA GeForce RTX 4090': 'rtx-4090',
  'NVIDIA RTX 4000 Ada': 'rtx-4000-ada',
  'NVIDIA RTX 5000 Ada': 'rtx-5000-ada',
  'NVIDIA RTX A6000': 'rtx-a6000',
  'NVIDIA A40': 'a40',
  'NVIDIA A10G (AWS G5)': 'a10g',
  'NVIDIA A100 40GB SXM': 'a100-40gb-sxm',
  'NVIDIA A100 80GB SXM': 'a100-80gb-sxm',
  'NVIDIA A100 80GB PCIe': 'a100-80gb-pcie',
  // The form factor is not stated; the contract's "A100" (80GB) and "H100" mean the SXM parts.
  'NVIDIA A100 80GB (SXM/PCIe not stated)': 'a100-80gb-sxm',
  'NVIDIA H100 80GB (source: "2 x H100 80G"; SXM/PCIe not stated)': 'h100-sxm',
  'NVIDIA H100 SXM5 80GB': 'h100-sxm',
  'NVIDIA H100 PCIe 80GB': 'h100-pcie',
  'NVIDIA H200 SXM 141GB': 'h200-sxm',
  'NVIDIA GH200 (144GB HBM3e)': 'gh200',
  'NVIDIA B200 (HGX/DGX, 180GB)': 'b200',
  'NVIDIA GB200 (per Blackwell GPU in GB200 NVL72)': 'gb200',
  'Apple M1 (7-core GPU, 8GB)': 'apple-m1',
  'Apple M1 Max (32-core GPU, 64GB)': 'apple-m1-max',
  'Apple M2 Ultra (76-core GPU)': 'apple-m2-ultra',
};

describe('GPU names', () => {
  test('the contract examples: case, spaces, hyphens and vendor words are ignored', () => {
    for (const name of ['NVIDIA GeForce RTX 4090', 'rtx4090', 'RTX-4090', 'rtx_4090', 'GeForce RTX 4090']) {
      expect(findGpuPreset(name)?.id).toBe('rtx-4090');
    }
    expect(findGpuPreset('A100')?.id).toBe('a100-80gb-sxm');
    expect(findGpuPreset('H100')?.id).toBe('h100-sxm');
    expect(findGpuPreset('AMD Instinct MI300X')?.id).toBe('mi300x');
    expect(findGpuPreset('Google TPU v6e')?.id).toBe('tpu-v6e');
    expect(findGpuPreset('Apple M3 Max')?.id).toBe('apple-m3-max');
    expect(findGpuPreset('NVIDIA A100-SXM4-80GB')?.id).toBe('a100-80gb-sxm');
  });

  test('every hardware string in measurements.json resolves, to the part it names', () => {
    const strings = new Set<string>();
    for (const m of MEASUREMENTS.measurements) if (m.hardware) strings.add(m.hardware);
    expect(strings.size).toBeGreaterThan(20);
    for (const hardware of strings) {
      expect({ hardware, id: getGpuPreset(hardware).id }).toEqual({ hardware, id: HARDWARE[hardware] });
      expect(parseHardware(hardware)).toEqual({ preset: getGpuPreset(hardware), count: 1 });
    }
  });

  test('a memory size is accepted only when it is the preset’s', () => {
    expect(matchGpuName('RTX 3070 8GB')?.id).toBe('rtx-3070');
    expect(matchGpuName('H100 80G')?.id).toBe('h100-sxm');
    expect(matchGpuName('H100 80 GB')?.id).toBe('h100-sxm');
    expect(matchGpuName('A100 40GB')?.id).toBe('a100-40gb-sxm');
    expect(matchGpuName('RTX 4090 48GB')).toBeUndefined();
    expect(matchGpuName('RTX 3070 16GB')).toBeUndefined();
  });

  test('parseHardware reads a GPU count before the name', () => {
    expect(parseHardware('2x RTX 4090')).toEqual({ preset: findGpuPreset('RTX 4090'), count: 2 });
    expect(parseHardware('2 x H100 80G')).toEqual({ preset: findGpuPreset('H100'), count: 2 });
    expect(parseHardware('8× NVIDIA H200 SXM 141GB')).toEqual({ preset: findGpuPreset('H200'), count: 8 });
    expect(parseHardware('4 * A10G')).toEqual({ preset: findGpuPreset('A10G'), count: 4 });
    expect(parseHardware('RTX 3090')?.count).toBe(1);
    expect(parseHardware('2x RTX 9999')).toBeUndefined();
  });

  test('an unknown name is an error suggesting the closest presets', () => {
    expect(() => getGpuPreset('H1000')).toThrow(/^unknown GPU "H1000"; did you mean "h100-/);
    expect(() => getGpuPreset('RTX 4099')).toThrow(/did you mean "rtx-409/);
    expect(() => getGpuPreset('MI301X')).toThrow(/did you mean "mi30/);
    expect(() => getGpuPreset('banana')).toThrow('LLM_GPUS() lists every preset');
  });

  test('a count in a single-GPU argument says to use n_gpus', () => {
    expect(() => getGpuPreset('2x RTX 4090')).toThrow(
      '"2x RTX 4090" names 2 GPUs; give one GPU ("rtx-4090") and the count as the option n_gpus=2',
    );
  });
});

describe('compute types the hardware lacks', () => {
  const spec = (name: string) => presetSpec(getGpuPreset(name));

  test('fp8 and fp4 on an A100 run at its fp16 rate (Ampere has neither)', () => {
    expect(peakTflops(spec('A100'), 'fp8')).toEqual({ tflops: 312, computeType: 'fp16' });
    expect(peakTflops(spec('A100'), 'fp4')).toEqual({ tflops: 312, computeType: 'fp16' });
  });

  test('fp4 on a Hopper runs at its fp8 rate; on Blackwell at its own', () => {
    expect(peakTflops(spec('H100'), 'fp4')).toEqual({ tflops: 1978.9, computeType: 'fp8' });
    expect(peakTflops(spec('B200'), 'fp4')).toEqual({ tflops: 9000, computeType: 'fp4' });
  });

  test('bf16 on a T4 uses fp16; fp16 on a TPU uses bf16; tf32 without TF32 uses fp32', () => {
    expect(peakTflops(spec('T4'), 'bf16')).toEqual({ tflops: 65, computeType: 'fp16' });
    expect(peakTflops(spec('TPU v5e'), 'fp16')).toEqual({ tflops: 197, computeType: 'bf16' });
    expect(peakTflops(spec('V100'), 'tf32')).toEqual({ tflops: 15.7, computeType: 'fp32' });
  });

  test('a GPU without any usable peak says how to give one', () => {
    expect(() => peakTflops(spec('A10G'), 'fp16')).toThrow('has no fp16 peak; give one');
    expect(() => peakTflops(spec('TPU v5p'), 'fp32')).toThrow('has no fp32 peak');
  });
});

describe('unified memory', () => {
  test('Apple presets state one configuration; a custom spec changes it and keeps the rest', () => {
    const m3 = presetSpec(getGpuPreset('M3 Max'));
    expect(getGpuPreset('M3 Max').unifiedMemory).toBe(true);
    const custom = customGpu(
      new Map([
        ['base', 'M3 Max'],
        ['memory_gb', '128'],
      ]),
    );
    expect(custom.memoryGb).toBe(128);
    expect(custom.bandwidthGbs).toBe(m3.bandwidthGbs);
    expect(custom.peaks).toEqual(m3.peaks);
  });
});
