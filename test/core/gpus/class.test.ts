/**
 * The GPU class is catalog data: each preset's `class` (which measured efficiencies apply), the
 * `class=` key of a custom GPU, and what a custom GPU gets without it.
 *
 * The expected classes are typed below from each part's memory type (HBM, GDDR, unified LPDDR) and
 * product line (GeForce or not), not read from the catalog or from any code.
 */
import { GPU_CLASSES, GPU_PRESETS, SOURCES, type GpuClass, type GpuPreset } from '../../../src/core/gpus/catalog';
import { customGpu, DEFAULT_GPU_CLASS, getGpuPreset, presetSpec } from '../../../src/core/gpus/lookup';
import { gpuClass } from '../../../src/core/roofline/gpu-class';
import { invoke } from '../../../src/index';
import type { Arg } from '../../../src/sheets/cells';

/** Each preset's class from its memory: [id, memory type, class]. */
const EXPECTED: readonly (readonly [string, string, GpuClass])[] = [
  // Datacenter parts on HBM.
  ['v100-sxm2-16gb', 'HBM2', 'hbm'],
  ['v100-sxm2-32gb', 'HBM2', 'hbm'],
  ['v100-pcie-16gb', 'HBM2', 'hbm'],
  ['a100-40gb-sxm', 'HBM2', 'hbm'],
  ['a100-80gb-sxm', 'HBM2e', 'hbm'],
  ['a100-40gb-pcie', 'HBM2', 'hbm'],
  ['a100-80gb-pcie', 'HBM2e', 'hbm'],
  ['h100-sxm', 'HBM3', 'hbm'],
  ['h100-pcie', 'HBM2e', 'hbm'],
  ['h100-nvl', 'HBM3', 'hbm'],
  ['h200-sxm', 'HBM3e', 'hbm'],
  ['gh200', 'HBM3e', 'hbm'],
  ['b200', 'HBM3e', 'hbm'],
  ['gb200', 'HBM3e', 'hbm'],
  ['b300', 'HBM3e', 'hbm'],
  ['mi250x', 'HBM2e', 'hbm'],
  ['mi300x', 'HBM3', 'hbm'],
  ['mi325x', 'HBM3E', 'hbm'],
  ['mi355x', 'HBM3E', 'hbm'],
  ['gaudi3', 'HBM2e', 'hbm'],
  ['tpu-v5e', 'HBM', 'hbm'],
  ['tpu-v5p', 'HBM', 'hbm'],
  ['tpu-v6e', 'HBM', 'hbm'],
  // GDDR datacenter cards and RTX workstation parts: full-rate FP32 accumulation.
  ['t4', 'GDDR6', 'workstation'],
  ['a10', 'GDDR6', 'workstation'],
  ['a10g', 'GDDR6', 'workstation'],
  ['a40', 'GDDR6', 'workstation'],
  ['l4', 'GDDR6', 'workstation'],
  ['l40s', 'GDDR6', 'workstation'],
  ['rtx-a6000', 'GDDR6', 'workstation'],
  ['rtx-4000-ada', 'GDDR6', 'workstation'],
  ['rtx-5000-ada', 'GDDR6', 'workstation'],
  ['rtx-6000-ada', 'GDDR6', 'workstation'],
  ['rtx-pro-6000', 'GDDR7', 'workstation'],
  // GeForce: peaks are the FP32-accumulate rates.
  ['rtx-3070', 'GDDR6', 'consumer'],
  ['rtx-3080', 'GDDR6X', 'consumer'],
  ['rtx-3080-ti', 'GDDR6X', 'consumer'],
  ['rtx-3090', 'GDDR6X', 'consumer'],
  ['rtx-3090-ti', 'GDDR6X', 'consumer'],
  ['rtx-4070-ti', 'GDDR6X', 'consumer'],
  ['rtx-4080', 'GDDR6X', 'consumer'],
  ['rtx-4090', 'GDDR6X', 'consumer'],
  ['rtx-5090', 'GDDR7', 'consumer'],
  // CPU and GPU share the memory.
  ['dgx-spark', 'LPDDR5x', 'unified'],
  ['apple-m1', 'LPDDR4X', 'unified'],
  ['apple-m1-max', 'LPDDR5', 'unified'],
  ['apple-m2-ultra', 'LPDDR5', 'unified'],
  ['apple-m3-max', 'LPDDR5', 'unified'],
  ['apple-m4-max', 'LPDDR5X', 'unified'],
];

/** The sources a preset cites for its figures. */
function citedSources(preset: GpuPreset): Set<string> {
  const figures = [
    preset.memoryGb,
    preset.bandwidthGbs,
    ...Object.values(preset.peaks),
    preset.interconnect,
    preset.tdpW,
    preset.pricePerHour,
  ];
  return new Set(figures.filter((f) => f !== undefined).map((f) => f.source));
}

describe('the class of every preset', () => {
  test('equals the class its memory type gives, for every preset and no other', () => {
    expect(Object.fromEntries(GPU_PRESETS.map((p) => [p.id, p.class.value]))).toEqual(
      Object.fromEntries(EXPECTED.map(([id, , c]) => [id, c])),
    );
    expect(EXPECTED).toHaveLength(GPU_PRESETS.length);
  });

  test('its note names the memory type; a GDDR note says which kind of card', () => {
    const kind: Readonly<Record<GpuClass, RegExp>> = {
      hbm: /^HBM/,
      workstation: /^GDDR\w* (datacenter|workstation) card/,
      consumer: /^GeForce card on GDDR\w*: its peaks are the FP32-accumulate rates$/,
      unified: /^LPDDR\w* unified memory$/,
    };
    for (const [id, memory, expected] of EXPECTED) {
      const note = getGpuPreset(id).class.note;
      expect({ id, memory: note.split(/[\s:,()]+/).includes(memory), note }).toEqual({
        id,
        memory: true,
        note: expect.stringMatching(kind[expected]),
      });
    }
  });

  test('GeForce is in the name exactly when the class is consumer; unified memory exactly when unified', () => {
    for (const preset of GPU_PRESETS) {
      const { id } = preset;
      expect({ id, geforce: preset.name.includes('GeForce') }).toEqual({
        id,
        geforce: preset.class.value === 'consumer',
      });
      expect({ id, unified: preset.unifiedMemory === true }).toEqual({ id, unified: preset.class.value === 'unified' });
    }
  });

  test('a class source is one the preset cites, and its title states the memory type', () => {
    let sourced = 0;
    for (const preset of GPU_PRESETS) {
      const source = preset.class.source;
      if (source === undefined) continue;
      sourced++;
      const { id } = preset;
      expect({ id, cited: citedSources(preset).has(source) }).toEqual({ id, cited: true });
      // The memory type typed above, or for a unified-memory machine the words "unified memory".
      const [, memory, expected] = EXPECTED.find(([e]) => e === id)!;
      const title = SOURCES[source].title.toLowerCase();
      const states = title.includes(memory.toLowerCase()) || (expected === 'unified' && title.includes('unified'));
      expect({ id, title, states }).toEqual({ id, title, states: true });
    }
    expect(sourced).toBeGreaterThanOrEqual(10);
  });

  test('counts per class, and every class of the efficiency table has presets', () => {
    const count = (c: GpuClass) => GPU_PRESETS.filter((p) => p.class.value === c).length;
    expect(Object.fromEntries(GPU_CLASSES.map((c) => [c, count(c)]))).toEqual({
      hbm: 23,
      workstation: 11,
      consumer: 9,
      unified: 6,
    });
  });

  test('the estimators read the class from the preset', () => {
    for (const [id, , expected] of EXPECTED) {
      expect({ id, class: gpuClass(presetSpec(getGpuPreset(id))) }).toEqual({ id, class: expected });
    }
  });
});

describe('the class of a custom GPU', () => {
  const dims: Arg[] = [4096, 32, 11008, 32000, 1, 2048, 'fp16'];
  const decode = (gpu: Arg) => invoke('LLM_TOKEN_LATENCY', [...dims, gpu]) as number;
  const prefill = (gpu: Arg) => invoke('LLM_PREFILL_LATENCY', [...dims, gpu]) as number;
  // The RTX 4090's own figures (waredb_4090): FP16 dense 165.15 TFLOPS (FP32 accumulate), 1008 GB/s, 24 GB.
  const figures = 'tflops_fp16=165.15; bandwidth_gbs=1008; memory_gb=24';

  test('the RTX 4090 figures with class=consumer give exactly the preset’s decode and prefill', () => {
    const custom = `${figures}; class=consumer`;
    expect(invoke('LLM_GPU', [custom, 'class'])).toBe('consumer');
    expect(decode(custom)).toBe(decode('RTX 4090'));
    expect(prefill(custom)).toBe(prefill('RTX 4090'));
  });

  test('as a two-column range, and with the value in any case', () => {
    const range: Arg = [
      ['tflops_fp16', 165.15],
      ['bandwidth_gbs', 1008],
      ['memory_gb', 24],
      ['class', 'Consumer'],
    ];
    expect(decode(range)).toBe(decode('RTX 4090'));
    expect(prefill(range)).toBe(prefill('RTX 4090'));
  });

  test('without class= nor base= it is HBM, the documented default, and is slower than the preset', () => {
    expect(DEFAULT_GPU_CLASS).toBe('hbm');
    expect(invoke('LLM_GPU', [figures, 'class'])).toBe('hbm');
    expect(gpuClass(customGpu(new Map([['tflops', '100']])))).toBe('hbm');
    expect(decode(figures)).toBeGreaterThan(decode('RTX 4090') * 1.1);
    expect(prefill(figures)).toBeGreaterThan(prefill('RTX 4090') * 1.1);
  });

  test('base= keeps the preset’s class; class= overrides it', () => {
    expect(invoke('LLM_GPU', ['base=RTX 4090; tflops_fp16=200', 'class'])).toBe('consumer');
    expect(decode('base=RTX 4090; tflops_fp16=200')).toBe(
      decode('tflops_fp16=200; bandwidth_gbs=1008; class=consumer'),
    );
    expect(prefill('base=RTX 4090; tflops_fp16=200')).toBe(
      prefill('tflops_fp16=200; bandwidth_gbs=1008; class=consumer'),
    );
    expect(invoke('LLM_GPU', ['base=M3 Max; memory_gb=128', 'class'])).toBe('unified');
    expect(invoke('LLM_GPU', ['base=RTX 4090; class=workstation', 'class'])).toBe('workstation');
    expect(invoke('LLM_GPU', ['class=unified; base=H100', 'class'])).toBe('unified');
  });

  test('a class outside the four is an error naming the key and the valid values', () => {
    expect(() => decode(`${figures}; class=geforce`)).toThrow(
      'custom GPU class must be one of hbm, workstation, consumer, unified, got "geforce"',
    );
    expect(() => customGpu(new Map([['class', '']]))).toThrow('custom GPU class must be one of');
  });
});
