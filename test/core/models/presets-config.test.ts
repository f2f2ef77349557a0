/**
 * Every preset is its config.json: the catalog stores config fields only, and the text of those
 * fields, pasted as a model, gives the preset's numbers (the vision tower aside, which no config
 * field counts).
 */
import { MODEL_TYPES, parseHfConfig } from '../../../src/core/architecture/config';
import { MODEL_ENTRIES, MODEL_PRESETS } from '../../../src/core/models/catalog';
import { invoke } from '../../../src/index';

const METRICS = ['params', 'active_params', 'weights_gib', 'kv_cache_gib', 'vram_gib', 'flops_prefill', 'tokens_per_s'];

function estimate(model: string, metrics: string[], S: number) {
  return invoke('LLM_ESTIMATE', [
    model,
    [metrics],
    4,
    S,
    'bf16',
    'H100',
    `n_gpus=2; max_model_len=${S}`,
  ]) as unknown[][];
}

describe('the catalog stores config.json fields', () => {
  test('every entry is a config with a model_type the parser reads, plus metadata; none states an architecture', () => {
    expect(MODEL_ENTRIES.length).toBe(MODEL_PRESETS.length);
    for (const entry of MODEL_ENTRIES) {
      expect([entry.id, 'architecture' in entry]).toEqual([entry.id, false]);
      expect(Object.keys(MODEL_TYPES)).toContain(entry.config.model_type);
      const keys = Object.keys(entry).filter(
        (k) =>
          ![
            'id',
            'name',
            'hfId',
            'aliases',
            'family',
            'source',
            'note',
            'config',
            'extraParams',
            'contextLength',
          ].includes(k),
      );
      expect([entry.id, keys]).toEqual([entry.id, []]);
    }
  });

  test('every preset config is read whole: no field left unread', () => {
    for (const preset of MODEL_PRESETS) {
      const parsed = parseHfConfig(JSON.stringify(preset.config));
      expect([preset.id, parsed.unread]).toEqual([preset.id, []]);
    }
  });
});

describe('every preset equals its own config.json pasted as text', () => {
  test.each(MODEL_PRESETS.map((p) => [p.id, p] as const))('%s', (_id, preset) => {
    const text = JSON.stringify(preset.config, null, 2);
    const parsed = parseHfConfig(text);
    const extra = preset.extraParams ?? 0;
    expect(extra > 0 ? { ...parsed.spec, extraParams: extra } : parsed.spec).toEqual(preset.architecture);
    if (preset.contextLength !== undefined && parsed.contextLength !== undefined) {
      expect(parsed.contextLength).toBe(preset.contextLength);
    }

    const S = Math.min(4096, preset.contextLength);
    if (extra === 0) {
      expect(estimate(text, METRICS, S)).toEqual(estimate(preset.id, METRICS, S));
    } else {
      // A vision tower is in the preset's params and weights, and in nothing a token passes through.
      const same = ['active_params', 'kv_cache_gib', 'flops_prefill'];
      expect(estimate(text, same, S)).toEqual(estimate(preset.id, same, S));
      expect(invoke('LLM_MODEL', [text, 'params'])).toBe(
        (invoke('LLM_MODEL', [preset.id, 'params']) as number) - extra,
      );
    }
    // Pasted one line per cell, the same config.
    const column = text.split('\n').map((line) => [line]);
    expect(invoke('LLM_MODEL', [column, 'kv_bytes_per_token'])).toBe(
      invoke('LLM_MODEL', [preset.id, 'kv_bytes_per_token']),
    );
  });

  test('a config that states no max_position_embeddings (BLOOM, ALiBi) has no context; the preset states 2048', () => {
    const bloom = MODEL_PRESETS.find((p) => p.id === 'bloom-176b')!;
    expect(parseHfConfig(JSON.stringify(bloom.config)).contextLength).toBeUndefined();
    expect(bloom.contextLength).toBe(2048);
  });
});
