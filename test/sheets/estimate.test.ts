/**
 * LLM_ESTIMATE, LLM_MODEL and LLM_MODELS as Sheets calls them: models as names, keys and ranges;
 * metrics as one name or a row; broadcasting; blanks; errors that name the field and why; and the
 * architecture keys as options of the methodology functions.
 */
import { invoke } from '../../src/index';
import { doc } from '../helpers/reference';

const GIB = 2 ** 30;

describe('LLM_ESTIMATE arguments', () => {
  test('a row of metrics gives one column each; a column of batch sizes one row each', () => {
    const table = invoke('LLM_ESTIMATE', [
      'llama-3.1-8b',
      [['params', 'kv_cache_gib']],
      [[1], [4], ['']],
      1024,
      'bf16',
      'H100',
      'kv_overhead=1',
    ]);
    // KV: B × 1024 tokens × 2 × 32 layers × 8 heads × 128 × 2 bytes = B × 2^27 bytes = B/8 GiB.
    expect(table).toEqual([
      [8_030_261_248, 1 / 8],
      [8_030_261_248, 4 / 8],
      ['', ''],
    ]);
  });

  test('several metrics need single values or columns in the other arguments', () => {
    expect(() =>
      invoke('LLM_ESTIMATE', ['llama-3.1-8b', [['params', 'fits']], 1, [[1024, 2048]], 'bf16', 'H100']),
    ).toThrow(
      'LLM_ESTIMATE: with several metrics (one column each), the other arguments must be single values or columns; context is 1x2',
    );
    expect(() => invoke('LLM_ESTIMATE', ['llama-3.1-8b', [['params'], ['fits']], 1, 1024, 'bf16', 'H100'])).toThrow(
      'LLM_ESTIMATE: metrics (metric) must be one name or a one-row range of names, got 2x1',
    );
  });

  test('one metric broadcasts like any argument: batch column × context row', () => {
    const table = invoke('LLM_ESTIMATE', [
      'llama-3.1-70b',
      'kv_cache_gib',
      [[1], [2]],
      [[1000, 2000]],
      'bf16',
      'H100',
      'kv_overhead=1',
    ]) as number[][];
    expect(table.map((row) => row.map((gib) => gib * GIB))).toEqual([
      [1000 * 327_680, 2000 * 327_680],
      [2000 * 327_680, 4000 * 327_680],
    ]);
  });

  test('a column of model names', () => {
    expect(invoke('LLM_ESTIMATE', [[['llama-3-8b'], ['Qwen/Qwen3-8B'], ['']], 'params', 1, 1, 'bf16', 'H100'])).toEqual(
      [[8_030_261_248], [8_190_735_360], ['']],
    );
  });

  test('an unknown metric lists the valid ones; a bad position in a range stays in its cell', () => {
    expect(() => invoke('LLM_ESTIMATE', ['llama-3-8b', 'vram', 1, 1, 'bf16', 'H100'])).toThrow(
      'LLM_ESTIMATE: metrics (metric) must be one of params, active_params, weights_gib',
    );
    const row = invoke('LLM_ESTIMATE', ['llama-3-8b', [['params', 'speed']], 1, 1, 'bf16', 'H100']) as unknown[][];
    expect(row[0][0]).toBe(8_030_261_248);
    expect(row[0][1]).toMatch(/^ERROR: LLM_ESTIMATE: metrics \(metric\) must be one of/);
  });

  test('a model given by keys, as text or as a two-column range', () => {
    const keys =
      'hidden=4096; layers=32; ffn=14336; vocab=128256; heads=32; kv_heads=8; gated_ffn=1; tied_embeddings=0; norm=rmsnorm';
    expect(invoke('LLM_ESTIMATE', [keys, 'params', 1, 1, 'bf16', 'H100'])).toBe(8_030_261_248);
    const range = keys.split('; ').map((pair) => pair.split('='));
    expect(invoke('LLM_ESTIMATE', [range, 'params', 1, 1, 'bf16', 'H100'])).toBe(8_030_261_248);
    expect(invoke('LLM_MODEL', [range, 'kv_bytes_per_token'])).toBe(2 * 32 * 8 * 128 * 2);
  });

  test('architecture keys in options change a preset (a what-if)', () => {
    // Llama-3.1-8B with multi-query attention: one KV head instead of 8.
    const kv = invoke('LLM_ESTIMATE', [
      'llama-3.1-8b',
      'kv_cache_gib',
      1,
      8192,
      'bf16',
      'H100',
      'kv_overhead=1; kv_heads=1',
    ]);
    expect((kv as number) * GIB).toBe(8192 * 2 * 32 * 1 * 128 * 2);
  });
});

describe('a model that cannot be right is an error naming the field and why', () => {
  const params = (model: string) => () => invoke('LLM_ESTIMATE', [model, 'params', 1, 1, 'bf16', 'H100']);
  const base = 'hidden=4096; layers=32; ffn=14336; vocab=32000';

  test.each([
    [`${base}; heads=30`, 'heads (30) does not divide hidden (4096), so the head size is unknown; give head_dim'],
    [`${base}; heads=32; kv_heads=5`, 'kv_heads (5) must divide heads (32) evenly'],
    [`${base}; heads=32; kv_heads=64`, 'kv_heads (64) cannot exceed heads (32)'],
    [`${base}; kv_heads=8`, 'kv_heads needs heads (the number of query heads) as well'],
    [`${base}; experts=8; active_experts=9`, 'active_experts (9) cannot exceed experts (8)'],
    [`${base}; experts=8`, 'active_experts is required with experts (8)'],
    [`${base}; dense_layers=40; experts=8; active_experts=2`, 'dense_layers (40) cannot exceed layers (32)'],
    [`${base}; sliding_layers=4`, 'sliding_layers needs sliding_window'],
    [
      `${base}; heads=32; kv_lora_rank=512`,
      'kv_lora_rank (latent attention) also needs qk_nope_head_dim, qk_rope_head_dim, v_head_dim',
    ],
    ['hidden=4096; layers=32', 'a model given by keys needs ffn, vocab'],
    [`${base}; kv_heads=abc`, 'model key kv_heads must be a whole number of 1 or more, got "abc"'],
    [`${base}; gated_ffn=maybe`, 'model key gated_ffn must be 1 or 0 (TRUE or FALSE), got "maybe"'],
    [`${base}; norm=batchnorm`, 'model key norm must be layernorm or rmsnorm, got "batchnorm"'],
    [
      `${base}; hiden=3`,
      'unknown model key "hiden"; did you mean "hidden"? valid keys: hidden, layers, ffn, vocab (required) and the architecture keys such as heads,',
    ],
  ])('%s', (model, message) => {
    expect(params(model)).toThrow(message);
  });

  test('an unknown preset suggests the closest names', () => {
    expect(params('llama-3.1-80b')).toThrow(
      'LLM_ESTIMATE: model: unknown model "llama-3.1-80b"; did you mean "llama-3.1-70b", "llama-3.1-8b", "llama-3.1-405b"?',
    );
  });
});

describe('architecture keys as options of the methodology functions', () => {
  // Llama-3-70B's shape: H 8192, L 80, F 28672, V 128256; GQA 64/8, SwiGLU, untied head; the
  // document's LayerNorm term (4HL + 2H) stays, as no norm key is given.
  const P =
    2 * 128256 * 8192 + 80 * (8192 * 8192 + 2 * 8192 * 1024 + 8192 * 8192 + 3 * 8192 * 28672 + 4 * 8192) + 2 * 8192;
  const opts = 'kv_heads=8; heads=64; gated_ffn=1; tied_embeddings=0';

  test('LLM_PARAMS and LLM_VRAM of the issue’s example', () => {
    expect(invoke('LLM_PARAMS', [8192, 80, 28672, 128256, opts])).toBe(P);
    const W = doc.weights(P, 16);
    const KV = doc.kv(1024, 80, 1, 8192, 16); // K/V width 8 × 128 = 1024 in place of H
    const A = doc.activations(8192, 1, 8192, 16);
    expect(invoke('LLM_VRAM', [8192, 80, 28672, 128256, 1, 8192, 'bf16', opts])).toBe(doc.total(W, KV, A));
    expect(invoke('LLM_VRAM_KV', [8192, 80, 1, 8192, 'bf16', opts])).toBe(KV);
    expect(invoke('LLM_VRAM_WEIGHTS', [8192, 80, 28672, 128256, 'bf16', opts])).toBe(W);
  });

  test('with norm=rmsnorm it is the Llama-3-70B checkpoint', () => {
    expect(invoke('LLM_PARAMS', [8192, 80, 28672, 128256, `${opts}; norm=rmsnorm`])).toBe(70_553_706_496);
  });

  test('H, L, F, V cannot come from options; an impossible shape is an error', () => {
    expect(() => invoke('LLM_PARAMS', [8192, 80, 28672, 128256, 'hidden=4096'])).toThrow(
      'LLM_PARAMS: options cannot set hidden: it is an argument of this function',
    );
    expect(() => invoke('LLM_VRAM_KV', [8192, 80, 1, 8192, 'bf16', 'heads=100'])).toThrow(
      'LLM_VRAM_KV: heads (100) does not divide hidden (8192)',
    );
    expect(() => invoke('LLM_PARAMS', [8192, 80, 28672, 128256, 'kv_heads=-1'])).toThrow(
      'LLM_PARAMS: options key kv_heads must be a whole number of 1 or more, got "-1"',
    );
  });

  test('they size the whole model on one device, as the document does: they do not read n_gpus', () => {
    // Issue 12: a key a function does not read is an error, not ignored; LLM_ESTIMATE splits memory.
    const args = [8192, 80, 28672, 128256, 8, 8192, 'bf16'];
    expect(() => invoke('LLM_VRAM', [...args, `${opts}; n_gpus=16`])).toThrow(
      /^LLM_VRAM: options key n_gpus is not used by LLM_VRAM \(it uses: method, weights_overhead, .*\); n_gpus is read by LLM_ESTIMATE, /,
    );
    expect(() => invoke('LLM_VRAM_KV', [8192, 80, 8, 8192, 'bf16', `${opts}; n_gpus=16`])).toThrow(
      'LLM_VRAM_KV: options key n_gpus is not used by LLM_VRAM_KV',
    );
  });

  test('kv_precision accepts only cache formats', () => {
    expect(() => invoke('LLM_VRAM_KV', [4096, 32, 1, 2048, 'bf16', 'kv_precision=q4_k_m'])).toThrow(
      'options key kv_precision must be one of fp32, fp16, bf16, fp8, int8, q8_0, q4_0, got "q4_k_m"',
    );
  });
});

describe('LLM_MODEL and LLM_MODELS', () => {
  test('fields of a preset', () => {
    const field = (f: string) => invoke('LLM_MODEL', ['meta-llama/Llama-3.1-70B', f]);
    expect([field('id'), field('hidden'), field('layers'), field('ffn'), field('vocab')]).toEqual([
      'llama-3.1-70b',
      8192,
      80,
      28672,
      128256,
    ]);
    expect([
      field('heads'),
      field('kv_heads'),
      field('head_dim'),
      field('gated_ffn'),
      field('tied_embeddings'),
    ]).toEqual([64, 8, 128, true, false]);
    expect(field('source')).toContain('mlc-ai/mlc-llm@79d603f');
    expect(invoke('LLM_MODEL', ['deepseek-v3', 'head_dim'])).toBe(128 + 64);
    expect(invoke('LLM_MODEL', ['qwen3-235b-a22b', 'experts'])).toBe(128);
    expect(() => invoke('LLM_MODEL', ['llama-3-8b', 'size'])).toThrow('LLM_MODEL: field must be one of id, name');
    expect(() => invoke('LLM_MODEL', ['hidden=64; layers=2; ffn=8; vocab=8', 'heads'])).toThrow(
      'custom model does not state heads',
    );
  });

  test('LLM_MODELS spills one row per preset under a header', () => {
    const table = invoke('LLM_MODELS', []) as unknown[][];
    expect(table[0].slice(0, 6)).toEqual(['id', 'name', 'hf_id', 'family', 'params', 'active_params']);
    expect(table.length).toBeGreaterThanOrEqual(36);
    for (const row of table) expect(row).toHaveLength(table[0].length);
    const scout = table.find((row) => row[0] === 'llama-4-scout') as unknown[];
    expect(scout.slice(4, 6)).toEqual([108_641_793_536, 17_172_894_720]);
  });
});
