/**
 * Reading arguments: numeric text accepted; dates, booleans, non-positive sizes, fractional counts,
 * NaN and Infinity rejected with a message naming the function, the argument and the value.
 */
import { invoke } from '../../src/index';
import { doc } from '../helpers/reference';

const vramArgs = (overrides: Record<number, unknown>) => {
  const args: unknown[] = [4096, 32, 11008, 32000, 1, 2048, 'fp16'];
  for (const [i, v] of Object.entries(overrides)) args[Number(i)] = v;
  return args as never[];
};

describe('accepted', () => {
  test('numeric text, with spaces, and exponent notation', () => {
    expect(invoke('LLM_PARAMS', ['4096', ' 32 ', '1.1008e4', 32000])).toBe(doc.params(4096, 32, 11008, 32000));
  });

  test('precision names are case-insensitive and have aliases', () => {
    const fp16 = invoke('LLM_VRAM', vramArgs({}));
    for (const name of ['FP16', 'float16', 'half', 'F16', ' fp-16 ']) {
      expect(invoke('LLM_VRAM', vramArgs({ 6: name }))).toBe(fp16);
    }
    expect(invoke('LLM_VRAM_KV', [4096, 32, 1, 2048, 'BFloat16'])).toBe(doc.kv(4096, 32, 1, 2048, 16));
  });
});

describe('rejected with a clear message', () => {
  const cases: [string, Record<number, unknown>, string][] = [
    ['negative S', { 5: -5 }, 'LLM_VRAM: S (sequence length) must be a positive whole number, got -5'],
    ['zero batch', { 4: 0 }, 'LLM_VRAM: B (batch size) must be a positive whole number, got 0'],
    ['fractional layers', { 1: 32.5 }, 'LLM_VRAM: L (layers) must be a whole number, got 32.5'],
    [
      'a date',
      { 0: new Date(Date.UTC(2024, 0, 5)) },
      'LLM_VRAM: H (hidden size) must be a number, got a date (2024-01-05)',
    ],
    ['a boolean', { 2: false }, 'LLM_VRAM: F (feed-forward size) must be a number, got FALSE'],
    ['NaN', { 3: NaN }, 'LLM_VRAM: V (vocabulary size) must be a finite number, got NaN'],
    ['Infinity', { 5: Infinity }, 'LLM_VRAM: S (sequence length) must be a finite number, got Infinity'],
    ['text', { 0: 'big' }, 'LLM_VRAM: H (hidden size) must be a number, got "big"'],
    ['too large', { 0: 1e13 }, 'LLM_VRAM: H (hidden size) must be at most 1000000000000, got 10000000000000'],
    [
      'unknown precision',
      { 6: 'fp17' },
      'LLM_VRAM: precision must be a precision such as fp16, bf16 or fp8, got "fp17"; did you mean',
    ],
  ];
  test.each(cases)('%s', (_, overrides, message) => {
    expect(() => invoke('LLM_VRAM', vramArgs(overrides))).toThrow(message);
  });

  test('efficiency outside (0, 1]', () => {
    const args = [4096, 32, 11008, 32000, 1, 2048, 'fp16', 'A100'];
    expect(() => invoke('LLM_TOKENS_PER_SEC', [...args, 1.5])).toThrow(
      'LLM_TOKENS_PER_SEC: efficiency must be a fraction greater than 0 and at most 1, got 1.5',
    );
    expect(() => invoke('LLM_TOKENS_PER_SEC', [...args, 0])).toThrow('got 0');
  });

  test('too many or too few arguments name the usage', () => {
    expect(() => invoke('LLM_PARAMS', [1, 2, 3, 4, '', 6])).toThrow(
      'LLM_PARAMS: takes at most 5 arguments, got 6; usage LLM_PARAMS(H, L, F, V, [options])',
    );
    expect(() => invoke('LLM_PARAMS', [1, 2])).toThrow('LLM_PARAMS: needs at least 4 arguments, got 2');
  });

  test('a GPU without the needed figure says how to give it', () => {
    expect(() => invoke('LLM_TOKEN_LATENCY', [4096, 32, 11008, 32000, 1, 2048, 'fp16', 'tflops=100'])).toThrow(
      'LLM_TOKEN_LATENCY: custom GPU has no memory bandwidth; add "bandwidth_gbs=..." to the custom GPU',
    );
  });
});
