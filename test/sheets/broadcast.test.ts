/**
 * The contract's range rules: NumPy-style broadcasting, blank positions, per-position errors.
 */
import fc from 'fast-check';
import { invoke } from '../../src/index';
import { doc } from '../helpers/reference';

const LLAMA = [4096, 32, 11008, 32000] as const;
const vram = (B: number, S: number) => {
  const [H, L, F, V] = LLAMA;
  return doc.total(doc.weights(doc.params(H, L, F, V), 16), doc.kv(H, L, B, S, 16), doc.activations(H, B, S, 16));
};

describe('broadcasting', () => {
  test('a column of batch sizes against a row of context lengths gives the whole table', () => {
    const result = invoke('LLM_VRAM', [...LLAMA, [[1], [8], [32]], [[2048, 8192]], 'fp16']);
    expect(result).toEqual([
      [vram(1, 2048), vram(1, 8192)],
      [vram(8, 2048), vram(8, 8192)],
      [vram(32, 2048), vram(32, 8192)],
    ]);
  });

  test('equal shapes pair up element by element', () => {
    expect(
      invoke('LLM_FLOPS_ATTENTION', [
        [[64], [128]],
        [[1], [2]],
        [[10], [20]],
      ]),
    ).toEqual([[doc.attention(64, 1, 10)], [doc.attention(128, 2, 20)]]);
  });

  test('a 1x1 range behaves as a single value but keeps the range shape', () => {
    expect(invoke('LLM_PARAMS', [[[4096]], 32, 11008, 32000])).toEqual([[doc.params(4096, 32, 11008, 32000)]]);
  });

  test('shapes that cannot pair up are an error naming both shapes', () => {
    expect(() => invoke('LLM_VRAM', [...LLAMA, [[1, 2, 3]], [[1, 2]], 'fp16'])).toThrow(
      'LLM_VRAM: cannot pair B (1x3) with S (1x2)',
    );
    expect(() => invoke('LLM_VRAM', [...LLAMA, [[1], [2], [3]], [[1], [2], [3], [4]], 'fp16'])).toThrow(
      /B \(3x1\) with S \(4x1\)/,
    );
  });

  test('a precision and a GPU broadcast too', () => {
    const result = invoke('LLM_GPU', [[['A100'], ['H100 PCIe']], [['memory_gb', 'bandwidth_gbs']]]);
    expect(result).toEqual([
      [80, 2039],
      [80, 2000],
    ]);
    expect(invoke('LLM_VRAM_KV', [4096, 32, 1, 2048, [['fp32', 'fp16', 'fp8']]])).toEqual([
      [doc.kv(4096, 32, 1, 2048, 32), doc.kv(4096, 32, 1, 2048, 16), doc.kv(4096, 32, 1, 2048, 8)],
    ]);
  });

  test('property: the result has the broadcast shape of the range arguments', () => {
    const dim = fc.integer({ min: 1, max: 6 });
    fc.assert(
      fc.property(dim, dim, fc.boolean(), fc.boolean(), (rows, cols, bIsColumn, sIsRow) => {
        const bRange = Array.from({ length: bIsColumn ? rows : 1 }, (_, i) => [i + 1]);
        const sRange = [Array.from({ length: sIsRow ? cols : 1 }, (_, j) => 128 * (j + 1))];
        const result = invoke('LLM_VRAM', [...LLAMA, bRange, sRange, 'fp16']) as unknown[][];
        expect(result).toHaveLength(bIsColumn ? rows : 1);
        for (const row of result) expect(row).toHaveLength(sIsRow ? cols : 1);
        result.forEach((row, i) => row.forEach((v, j) => expect(v).toBe(vram(i + 1, 128 * (j + 1)))));
      }),
    );
  });
});

describe('blanks', () => {
  test('an open range with a blank tail gives blank cells there', () => {
    const result = invoke('LLM_VRAM', [...LLAMA, [[1], [2], [''], ['']], [[2048], [4096], [''], ['']], 'fp16']);
    expect(result).toEqual([[vram(1, 2048)], [vram(2, 4096)], [''], ['']]);
  });

  test('a position where only some range arguments are blank is an error there', () => {
    const result = invoke('LLM_VRAM', [...LLAMA, [[1], [2]], [[2048], ['']], 'fp16']) as unknown[][];
    expect(result[0][0]).toBe(vram(1, 2048));
    expect(result[1][0]).toBe('ERROR: LLM_VRAM: S (sequence length) is required, got blank');
  });

  test('single values: all required numbers blank gives blank; some blank is an error', () => {
    expect(invoke('LLM_VRAM', ['', '', '', '', '', '', 'fp16'])).toBe('');
    expect(() => invoke('LLM_VRAM', [4096, '', 11008, 32000, 1, 2048, 'fp16'])).toThrow(
      'LLM_VRAM: L (layers) is required, got blank',
    );
  });

  test('a blank optional argument takes its default', () => {
    expect(invoke('LLM_TOKENS_PER_SEC', [...LLAMA, 1, 2048, 'fp16', 'A100', '', ''])).toBe(
      invoke('LLM_TOKENS_PER_SEC', [...LLAMA, 1, 2048, 'fp16', 'A100']),
    );
  });
});

describe('one bad position never spoils the others', () => {
  test('a bad row among good ones', () => {
    const result = invoke('LLM_VRAM', [...LLAMA, [[1], [-8], ['abc'], [2.5], [true], [4]], 2048, 'fp16']);
    expect(result).toEqual([
      [vram(1, 2048)],
      ['ERROR: LLM_VRAM: B (batch size) must be a positive whole number, got -8'],
      ['ERROR: LLM_VRAM: B (batch size) must be a number, got "abc"'],
      ['ERROR: LLM_VRAM: B (batch size) must be a whole number, got 2.5'],
      ['ERROR: LLM_VRAM: B (batch size) must be a number, got TRUE'],
      [vram(4, 2048)],
    ]);
  });

  test('an unknown GPU in a column of GPUs', () => {
    const result = invoke('LLM_GPU', [[['H100'], ['H1000'], ['L4']], 'memory_gb']) as unknown[][];
    expect(result[0][0]).toBe(80);
    expect(result[1][0]).toMatch(/^ERROR: LLM_GPU: name \(GPU name\): unknown GPU "H1000"; did you mean "h100/);
    expect(result[2][0]).toBe(24);
  });
});
