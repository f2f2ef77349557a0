/**
 * The newcomer report's papercuts in the sheet functions (issue 11, item 6), each asserted on what a
 * user types and reads.
 */
import { invoke } from '../../src/index';
import { GPU_PRESETS, SOURCES } from '../../src/core/gpus/catalog';

const estimate = (...args: unknown[]) => invoke('LLM_ESTIMATE', args as never);
const VRAM = [4096, 32, 11008, 32000, 1, 2048, 'fp16'];

describe('options typos get a suggestion', () => {
  test('n_gpu: did you mean "n_gpus"?', () => {
    // Issue 12: options are per function, so the typo is tried on a function that reads n_gpus.
    expect(() => invoke('LLM_TOKEN_LATENCY', [...VRAM, 'A100', '', 'n_gpu=2'])).toThrow(
      /^LLM_TOKEN_LATENCY: options has an unknown key "n_gpu"; did you mean "n_gpus"\? valid keys: method,/,
    );
    // A function that does not read it still gets the guess, marked as such, and its own keys.
    expect(() => invoke('LLM_VRAM', [...VRAM, 'n_gpu=2'])).toThrow(
      /^LLM_VRAM: options has an unknown key "n_gpu"; did you mean "n_gpus" \(not used by LLM_VRAM\)\? valid keys: method, weights_overhead,/,
    );
  });

  test('a key far from every key gets no guess, only the list', () => {
    expect(() => invoke('LLM_VRAM', [...VRAM, 'zzzz=2'])).toThrow(/unknown key "zzzz"; valid keys: method,/);
  });

  test('a comma where the semicolon belongs says so', () => {
    expect(() => estimate('llama-3.1-8b', 'vram_gib', 1, 4096, 'bf16', 'H100', 'n_gpus=2, engine=vllm')).toThrow(
      'LLM_ESTIMATE: options separates key=value pairs with ";" (or new lines), not ",": got "n_gpus=2, engine=vllm"',
    );
  });
});

describe('unknown Hugging Face ids', () => {
  test('say that only presets, a config.json or keys are accepted, and suggest the family', () => {
    let message = '';
    try {
      estimate('microsoft/Phi-3-medium-4k-instruct', 'params', 1, 4096, 'bf16', 'H100');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^LLM_ESTIMATE: model: unknown Hugging Face id "microsoft\/Phi-3-medium-4k-instruct": /);
    expect(message).toContain('nothing is downloaded');
    expect(message).toContain('config.json');
    expect(message).toContain('Phi presets: "phi-3-mini-4k"');
    expect(message).not.toContain('mistral');
  });

  test('a Mistral id is offered Mistral presets', () => {
    expect(() => estimate('mistralai/Mistral-Large-Instruct-2407', 'params', 1, 4096, 'bf16', 'H100')).toThrow(
      /Mistral presets: "mistral-/,
    );
  });
});

describe('a context longer than the model serves', () => {
  test('is an error that gives the maximum (llama-2-7b: 4096 tokens)', () => {
    expect(() => estimate('llama-2-7b', 'vram_gib', 1, 100000, 'fp16', 'A100')).toThrow(
      /^LLM_ESTIMATE: context \(context length\) 100000 is longer than the maximum context of .* \(4096 tokens, its max_position_embeddings\); .*"max_model_len=100000"/,
    );
  });

  test('the maximum itself is accepted', () => {
    expect(typeof estimate('llama-2-7b', 'vram_gib', 1, 4096, 'fp16', 'A100')).toBe('number');
  });

  test('max_model_len raises the limit for a rope-scaled deployment, and lowers it too', () => {
    const long = estimate('llama-2-7b', 'kv_cache_gib', 1, 16384, 'fp16', 'A100', 'max_model_len=16384; kv_overhead=1');
    // 2 (K and V) × 32 layers × 4096 × 2 bytes × 16384 tokens = 8 GiB exactly.
    expect(long).toBe(8);
    expect(() => estimate('llama-3.1-8b', 'vram_gib', 1, 8192, 'bf16', 'H100', 'max_model_len=4096')).toThrow(
      /longer than max_model_len \(4096 tokens\)/,
    );
  });

  test('a config.json is checked against its max_position_embeddings', () => {
    const config = JSON.stringify({
      hidden_size: 4096,
      num_hidden_layers: 32,
      intermediate_size: 11008,
      vocab_size: 32000,
      num_attention_heads: 32,
      max_position_embeddings: 2048,
    });
    expect(() => estimate(config, 'vram_gib', 1, 4096, 'fp16', 'A100')).toThrow(/\(2048 tokens/);
  });

  test('in a range only the positions beyond the maximum are errors', () => {
    const result = estimate(
      'llama-2-7b',
      'kv_cache_gib',
      1,
      [[2048, 8192]],
      'fp16',
      'A100',
      'kv_overhead=1',
    ) as unknown[][];
    // 2 × 32 × 4096 × 2 bytes × 2048 tokens = 1 GiB.
    expect(result[0][0]).toBe(1);
    expect(result[0][1]).toMatch(/^ERROR: LLM_ESTIMATE: context \(context length\) 8192 is longer/);
  });
});

describe('speed of a configuration that does not fit is still computed', () => {
  test('Llama-3.1-70B bf16 on one H100: fits is FALSE and tokens/s is a number', () => {
    const row = estimate(
      'llama-3.1-70b',
      [['fits', 'tokens_per_s', 'prefill_s']],
      1,
      8192,
      'bf16',
      'H100',
    ) as unknown[][];
    expect(row[0][0]).toBe(false);
    expect(row[0][1]).toEqual(expect.any(Number));
    expect(row[0][2]).toEqual(expect.any(Number));
  });
});

describe('GPU prices carry a date and a source, and old ones are marked stale', () => {
  afterEach(() => jest.useRealTimers());

  test('every preset price has a YYYY-MM date and a cited source', () => {
    const priced = GPU_PRESETS.filter((p) => p.pricePerHour);
    expect(priced.length).toBeGreaterThanOrEqual(5);
    for (const preset of priced) {
      expect(preset.pricePerHour!.date).toMatch(/^20\d\d-(0[1-9]|1[0-2])$/);
      expect(Object.keys(SOURCES)).toContain(preset.pricePerHour!.source);
    }
  });

  test('LLM_GPUS() marks a 2023 price stale and a 2026-05 one current, on 2026-12-04', () => {
    jest.useFakeTimers({ now: new Date('2026-12-04T12:00:00Z') });
    const table = invoke('LLM_GPUS', []) as unknown[][];
    const col = (name: string) => table[0].indexOf(name);
    const row = (id: string) => table.find((r) => r[0] === id)!;
    expect(row('a10g')[col('price_date')]).toBe('2023-09');
    expect(row('a10g')[col('price_stale')]).toBe(true);
    expect(row('h100-sxm')[col('price_date')]).toBe('2026-05');
    expect(row('h100-sxm')[col('price_stale')]).toBe(false);
    expect(row('rtx-4090')[col('price_stale')]).toBe('');
  });

  test('a price turns stale when it is more than 12 months old (2026-05 on 2027-06-01)', () => {
    jest.useFakeTimers({ now: new Date('2027-05-15T12:00:00Z') });
    expect(invoke('LLM_GPU', ['H100', 'price_stale'])).toBe(false);
    jest.useFakeTimers({ now: new Date('2027-06-01T12:00:00Z') });
    expect(invoke('LLM_GPU', ['H100', 'price_stale'])).toBe(true);
  });
});
