/**
 * Layers summed by class (params.ts, layerClasses): every layer belongs to exactly one class, and
 * every rule that tells layers apart gives each layer of a class the answer its first layer gets,
 * so a model of any depth costs a few dozen steps and the totals are those of a layer-by-layer sum.
 */
import fc from 'fast-check';
import { layerClasses } from '../../../src/core/architecture/params';
import { isMoeLayer, type Architecture } from '../../../src/core/architecture/spec';
import { GGUF_BASE_TYPE, ggufTensorType, type GgufCategory, type GgufFormat } from '../../../src/core/quant/ggml';
import { invoke } from '../../../src/index';

const FORMATS = Object.keys(GGUF_BASE_TYPE) as GgufFormat[];
const PER_LAYER: GgufCategory[] = ['attn_v', 'attn_k', 'attn_output', 'ffn_down', 'ffn_up'];

/** The only fields layerClasses and the per-layer rules read. */
function arch(layers: number, experts: number, denseLayers: number, moeLayerStep: number): Architecture {
  return { layers, experts, denseLayers, moeLayerStep } as Architecture;
}

describe('layer classes', () => {
  test('partition the layers; each layer is built and quantized as its class’s first layer', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }),
        fc.constantFrom(0, 8, 64),
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 1, max: 4 }),
        (L, experts, dense, step) => {
          const a = arch(L, experts, Math.min(dense, L), step);
          const classes = layerClasses(a);
          const owner = new Array<number>(L).fill(-1);
          const period = experts > 0 ? (step % 3 === 0 ? step : 3 * step) : 3;
          classes.forEach((c, k) => {
            for (let j = 0; j < c.count; j++) {
              const layer = c.first + j * period;
              expect(owner[layer]).toBe(-1);
              owner[layer] = k;
            }
          });
          expect(owner.every((k) => k >= 0)).toBe(true);
          const differing: string[] = [];
          for (let layer = 0; layer < L; layer++) {
            const first = classes[owner[layer]].first;
            if (isMoeLayer(a, layer) !== isMoeLayer(a, first)) differing.push(`moe ${layer}`);
            for (const format of FORMATS) {
              for (const category of PER_LAYER) {
                const context = {
                  category,
                  columns: 4096,
                  layers: L,
                  tiedEmbeddings: false,
                  gqa: 4,
                  experts,
                  is70bClass: false,
                };
                const type = ggufTensorType(format, { ...context, layer });
                if (type !== ggufTensorType(format, { ...context, layer: first })) {
                  differing.push(`${format} ${category} ${layer}`);
                }
              }
            }
          }
          expect(differing).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  });

  test('a few dozen classes however deep the model', () => {
    expect(layerClasses(arch(32, 0, 0, 1)).length).toBeLessThanOrEqual(18);
    expect(layerClasses(arch(1e12, 0, 0, 1)).length).toBeLessThanOrEqual(18);
    expect(layerClasses(arch(1e12, 64, 3, 2)).reduce((n, c) => n + c.count, 0)).toBe(1e12);
  });

  test('a GGUF model of any depth computes at once, growing with the layers', () => {
    // Llama-2-7B shapes in Q4_K_M: each layer adds the same bits on average, so 10^6 and 10^12 layers
    // weigh in the ratio of their layers (the embeddings and head are under 10^-5 of either).
    const weights = (L: number) => invoke('LLM_VRAM_WEIGHTS', [4096, L, 11008, 32000, 'q4_k_m']) as number;
    const ratio = weights(1e12) / weights(1e6);
    expect(ratio / 1e6).toBeCloseTo(1, 4);
    const latency = invoke('LLM_TOKEN_LATENCY', [4096, 1e12, 11008, 32000, 1, 2048, 'q4_k_m', 'H100']) as number;
    expect(Number.isFinite(latency)).toBe(true);
  });
});
