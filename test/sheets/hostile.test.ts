/**
 * Hostile and careless input to the custom functions (issue 14, the function side): names that
 * Object.prototype has, oversized arguments, duplicate keys and non-decimal numeric text. Each
 * case is what a user types and the message the cell shows.
 */
import { invoke } from '../../src/index';

const VRAM = [4096, 32, 11008, 32000, 1, 2048, 'fp16'];
const SPEED = [4096, 32, 11008, 32000, 1, 2048, 'fp16', 'A100'];
const CUSTOM = 'tflops=312; bandwidth_gbs=2039; memory_gb=80';
/** The longest message a cell shows (test/fuzz asserts it of every call). */
const MAX_MESSAGE = 500;
const call = (name: string, ...args: unknown[]) => invoke(name, args as never);
const estimate = (...args: unknown[]) => call('LLM_ESTIMATE', ...args);
const LLAMA_CONFIG = {
  model_type: 'llama',
  hidden_size: 64,
  num_hidden_layers: 2,
  num_attention_heads: 2,
  vocab_size: 10,
  intermediate_size: 64,
};

/** The message `f` throws ('' when it does not throw). */
function messageOf(f: () => unknown): string {
  try {
    f();
  } catch (error) {
    return (error as Error).message;
  }
  return '';
}

/** Names every object has through Object.prototype (or that JSON and sheets treat specially). */
const PROTOTYPE_NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf'];

describe('class 2: a name Object.prototype has is an unknown name, with the normal message', () => {
  test.each(PROTOTYPE_NAMES)('LLM_MODEL field %s', (name) => {
    expect(() => call('LLM_MODEL', 'llama-3.1-8b', name)).toThrow(
      `LLM_MODEL: field must be one of id, name, hf_id, family, params,`,
    );
    expect(messageOf(() => call('LLM_MODEL', 'llama-3.1-8b', name))).toMatch(
      new RegExp(`, got "${name.toLowerCase()}"$`),
    );
  });

  test.each(PROTOTYPE_NAMES)('LLM_GPU field %s', (name) => {
    expect(() => call('LLM_GPU', 'H100', name)).toThrow(`LLM_GPU: field must be one of name, id, vendor,`);
    expect(() => call('LLM_GPU', CUSTOM, name)).toThrow(`, got "${name.toLowerCase()}"`);
  });

  test.each(PROTOTYPE_NAMES)('options key %s, as text and as a key/value range', (name) => {
    const unknown = `LLM_VRAM: options has an unknown key "${name.toLowerCase()}"; valid keys: method,`;
    expect(() => call('LLM_VRAM', ...VRAM, `${name}=1`)).toThrow(unknown);
    expect(() => call('LLM_VRAM', ...VRAM, [[name, 1]])).toThrow(unknown);
    expect(() => estimate('llama-3-8b', 'params', 1, 1, 'fp16', 'H100', `${name}=1`)).toThrow(
      `LLM_ESTIMATE: options has an unknown key "${name.toLowerCase()}"`,
    );
  });

  test.each(PROTOTYPE_NAMES)('custom GPU key %s', (name) => {
    expect(() => call('LLM_GPU', `${CUSTOM}; ${name}=3`, 'name')).toThrow(
      `LLM_GPU: name (GPU name): unknown custom GPU key "${name.toLowerCase()}"; valid keys: base, name, class,`,
    );
  });

  test.each(PROTOTYPE_NAMES)('model key %s', (name) => {
    expect(() => estimate(`hidden=64; layers=2; ffn=64; vocab=10; ${name}=1`, 'params', 1, 1, 'fp16', 'H100')).toThrow(
      `LLM_ESTIMATE: model: unknown model key "${name.toLowerCase()}"`,
    );
  });

  test.each(PROTOTYPE_NAMES)('config.json model_type %s', (name) => {
    const config = JSON.stringify({ ...LLAMA_CONFIG, model_type: name });
    expect(() => estimate(config, 'params', 1, 1, 'fp16', 'H100')).toThrow(
      `LLM_ESTIMATE: model: config.json model_type "${name.toLowerCase()}" is not one this add-in reads (it reads llama,`,
    );
  });

  test.each(PROTOTYPE_NAMES)('a config.json field %s is an unknown field that changes nothing', (name) => {
    const plain = estimate(JSON.stringify(LLAMA_CONFIG), 'params', 1, 1, 'fp16', 'H100');
    const config = `{"${name}": {"hidden_size": 1}, ${JSON.stringify(LLAMA_CONFIG).slice(1)}`;
    expect(estimate(config, 'params', 1, 1, 'fp16', 'H100')).toBe(plain);
  });

  test.each(PROTOTYPE_NAMES)('precision, metric, engine and compute type %s', (name) => {
    expect(() => call('LLM_VRAM', ...VRAM.slice(0, 6), name)).toThrow('LLM_VRAM: precision must be a precision');
    expect(() => estimate('llama-3-8b', name, 1, 1, 'fp16', 'H100')).toThrow(
      'LLM_ESTIMATE: metrics (metric) must be one of params,',
    );
    expect(() => call('LLM_TOKEN_LATENCY', ...SPEED, '', `engine=${name}`)).toThrow(
      'LLM_TOKEN_LATENCY: options key engine must be one of vllm,',
    );
    expect(() => call('LLM_GPU', 'H100', 'tflops', name)).toThrow('LLM_GPU: precision must be a precision or one of');
  });

  test('nothing reaches Object.prototype', () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    for (const name of PROTOTYPE_NAMES) {
      messageOf(() => call('LLM_VRAM', ...VRAM, `${name}=1`));
      messageOf(() => call('LLM_GPU', `${CUSTOM}; ${name}=3`, 'name'));
      messageOf(() => estimate(`{"${name}": {"polluted": 1}, "model_type": "llama"}`, 'params', 1, 1, 'fp16', 'H100'));
    }
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('class 3: limits', () => {
  test('a message quotes at most 80 characters of a value, and says how long it was', () => {
    const message = messageOf(() => call('LLM_VRAM', 'x'.repeat(50_000), ...VRAM.slice(1)));
    expect(message).toBe(`LLM_VRAM: H (hidden size) must be a number, got "${'x'.repeat(59)}…" (50,000 characters)`);
    // 80 characters are quoted whole.
    expect(messageOf(() => call('LLM_VRAM', 'y'.repeat(80), ...VRAM.slice(1)))).toContain(`"${'y'.repeat(80)}"`);
  });

  test.each([
    ['an options key', () => call('LLM_VRAM', ...VRAM, `${'k'.repeat(50_000)}=1`)],
    ['an options value', () => call('LLM_TOKEN_LATENCY', ...SPEED, '', `engine=${'e'.repeat(50_000)}`)],
    ['a pair without "="', () => call('LLM_VRAM', ...VRAM, 'p'.repeat(50_000))],
    ['a custom GPU value', () => call('LLM_GPU', `tflops=${'1'.repeat(50_000)}x`, 'name')],
    ['a model key', () => estimate(`hidden=1; ${'m'.repeat(50_000)}=1`, 'params', 1, 1, 'fp16', 'H100')],
    [
      'a config.json model_type',
      () => estimate(`{"model_type": "${'t'.repeat(50_000)}"}`, 'params', 1, 1, 'fp16', 'H100'),
    ],
    [
      'a config.json value',
      () =>
        estimate(JSON.stringify({ ...LLAMA_CONFIG, hidden_size: 'h'.repeat(50_000) }), 'params', 1, 1, 'fp16', 'H100'),
    ],
    ['a field', () => call('LLM_MODEL', 'llama-3-8b', 'f'.repeat(50_000))],
    ['a metric', () => estimate('llama-3-8b', 'm'.repeat(50_000), 1, 1, 'fp16', 'H100')],
  ])('%s of 50,000 characters gives a short message, at once', (_, f) => {
    const start = Date.now();
    const message = messageOf(f);
    expect(Date.now() - start).toBeLessThan(100);
    expect(message).toContain('(50,');
    // The longest, model_type's and a field's, list what is accepted.
    expect(message.length).toBeLessThanOrEqual(MAX_MESSAGE);
  });

  test.each([
    ['GPU', () => call('LLM_GPU', 'x'.repeat(1 << 20), 'name'), 'LLM_GPU: name (GPU name): '],
    ['GPU', () => call('LLM_GPU', `base=${'x'.repeat(1 << 20)}`, 'name'), 'LLM_GPU: name (GPU name): '],
    ['GPU', () => call('LLM_GPU', `${CUSTOM}; name=${'x'.repeat(301)}`, 'name'), 'LLM_GPU: name (GPU name): '],
    ['model', () => estimate('x'.repeat(1 << 20), 'params', 1, 1, 'fp16', 'H100'), 'LLM_ESTIMATE: model: '],
    ['precision', () => call('LLM_VRAM', ...VRAM.slice(0, 6), 'x'.repeat(1 << 20)), 'LLM_VRAM: precision: '],
  ])('a %s name over 300 characters is refused before any matching', (what, f, prefix) => {
    const start = Date.now();
    const message = messageOf(f);
    expect(Date.now() - start).toBeLessThan(100);
    expect(message.startsWith(prefix)).toBe(true);
    expect(message).toMatch(new RegExp(`" is [\\d,]+ characters long; a ${what} name is at most 300 characters$`));
  });

  test('a name of 300 characters is still matched (an unknown one gets suggestions)', () => {
    expect(() => call('LLM_GPU', `H100${' '.repeat(296)}`, 'name')).not.toThrow();
    expect(() => call('LLM_GPU', 'q'.repeat(300), 'name')).toThrow(
      /unknown GPU "q+…" \(300 characters\); did you mean/,
    );
  });
});

describe('class 4: loose parsing', () => {
  test.each([
    ['n_gpus=2; n_gpus=3', 'n_gpus'],
    ['N_GPUS=2\nn_gpus=2', 'n_gpus'],
    [
      [
        ['engine', 'vllm'],
        ['Engine', 'sglang'],
      ],
      'engine',
    ],
  ])('a key given twice in options is an error naming it: %j', (options, key) => {
    expect(() => call('LLM_TOKEN_LATENCY', ...SPEED, '', options)).toThrow(
      `LLM_TOKEN_LATENCY: options sets "${key}" twice; give each key once`,
    );
  });

  test('a key given twice in a custom GPU or a model given by keys', () => {
    expect(() => call('LLM_GPU', `${CUSTOM}; tflops=100`, 'tflops')).toThrow(
      'LLM_GPU: name (GPU name) sets "tflops" twice; give each key once',
    );
    expect(() =>
      call(
        'LLM_GPU',
        [
          ['tflops', 312],
          ['memory_gb', 80],
          ['memory_gb', 40],
        ],
        'memory_gb',
      ),
    ).toThrow('sets "memory_gb" twice');
    expect(() => estimate('hidden=64; layers=2; ffn=64; vocab=10; layers=3', 'params', 1, 1, 'fp16', 'H100')).toThrow(
      'LLM_ESTIMATE: model sets "layers" twice',
    );
  });

  test.each(['0x1000', '0X1000', '0b11', '0o7', '1,024', '4 096', '1_024', '0x', 'Infinity'])(
    'numeric text %s is refused in every numeric argument and option',
    (text) => {
      expect(() => call('LLM_VRAM', text, ...VRAM.slice(1))).toThrow(
        `LLM_VRAM: H (hidden size) must be a number, got "${text}"`,
      );
      expect(() => estimate('llama-3-8b', 'params', text, 1, 'fp16', 'H100')).toThrow(
        `LLM_ESTIMATE: batch (batch size) must be a number, got "${text}"`,
      );
      expect(() => call('LLM_TOKEN_LATENCY', ...SPEED, text)).toThrow('LLM_TOKEN_LATENCY: efficiency must be a number');
      expect(() => call('LLM_VRAM', ...VRAM, `kv_overhead=${text}`)).toThrow(
        'LLM_VRAM: options key kv_overhead must be a number',
      );
      expect(() => call('LLM_TOKEN_LATENCY', ...SPEED, '', `n_gpus=${text}`)).toThrow(
        'LLM_TOKEN_LATENCY: options key n_gpus must be a number',
      );
      expect(() => call('LLM_VRAM', ...VRAM, `heads=32; kv_heads=${text}`)).toThrow(
        'LLM_VRAM: options key kv_heads must be a whole number of 1 or more',
      );
      expect(() => call('LLM_GPU', `tflops=${text}; bandwidth_gbs=1000`, 'tflops')).toThrow(
        'LLM_GPU: name (GPU name): custom GPU tflops must be a positive number',
      );
      expect(() => estimate(`hidden=${text}; layers=2; ffn=64; vocab=10`, 'params', 1, 1, 'fp16', 'H100')).toThrow(
        'LLM_ESTIMATE: model: model key hidden must be a whole number of 1 or more',
      );
    },
  );

  test.each(['4096', ' 4096 ', '+4096', '4096.', '4096.0', '4.096e3', '4.096E+3', '409600e-2'])(
    'decimal text %s is read as 4096',
    (text) => {
      const plain = call('LLM_VRAM', ...VRAM);
      expect(call('LLM_VRAM', text, ...VRAM.slice(1))).toBe(plain);
      expect(call('LLM_VRAM', ...VRAM, `heads=${text}`)).toBe(call('LLM_VRAM', ...VRAM, 'heads=4096'));
      expect(call('LLM_GPU', `tflops=${text}`, 'tflops')).toBe(4096);
      expect(estimate(`hidden=${text}; layers=2; ffn=64; vocab=10`, 'params', 1, 1, 'fp16', 'H100')).toBe(
        estimate('hidden=4096; layers=2; ffn=64; vocab=10', 'params', 1, 1, 'fp16', 'H100'),
      );
    },
  );

  test('a fraction may be written .5 or 0.5', () => {
    expect(call('LLM_TOKEN_LATENCY', ...SPEED, '.5')).toBe(call('LLM_TOKEN_LATENCY', ...SPEED, 0.5));
    expect(call('LLM_MULTI_GPU_SPEEDUP', 4, '', 'scaling=.5')).toBe(2);
  });

  test('a wrong-typed config.json field is an error naming the field', () => {
    const config = JSON.stringify({ ...LLAMA_CONFIG, num_key_value_heads: 'eight' });
    expect(() => estimate(config, 'params', 1, 1, 'fp16', 'H100')).toThrow(
      'LLM_ESTIMATE: model: config.json field num_key_value_heads must be a whole number of 1 or more, got "eight"',
    );
    const text = JSON.stringify({ ...LLAMA_CONFIG, hidden_size: '64' });
    expect(() => estimate(text, 'params', 1, 1, 'fp16', 'H100')).toThrow(
      'config.json field hidden_size must be a whole number of 1 or more, got "64"',
    );
    const flag = JSON.stringify({ ...LLAMA_CONFIG, tie_word_embeddings: 'yes' });
    expect(() => estimate(flag, 'params', 1, 1, 'fp16', 'H100')).toThrow(
      'config.json field tie_word_embeddings must be true or false, got "yes"',
    );
  });
});
