/**
 * The title an inserted sheet gets: a preset by its name, a pasted config.json by its shape (or the
 * name it states), never the raw JSON text.
 */
import { renderTemplate } from '../../src/addon/render';
import { DEFAULT_REQUEST, parseRequest, type TemplateId } from '../../src/addon/request';

const title = (model: string, template: TemplateId = 'sizing') =>
  String(renderTemplate(parseRequest({ ...DEFAULT_REQUEST, template, model })).blocks[0].values[0][0]);

const CONFIG = {
  hidden_size: 5120,
  num_hidden_layers: 40,
  intermediate_size: 13824,
  vocab_size: 32000,
  num_attention_heads: 40,
  num_key_value_heads: 8,
  hidden_act: 'silu',
  tie_word_embeddings: false,
};

test('a preset keeps its name in the title', () => {
  expect(title('llama-3.1-8b')).toBe('LLM sizing: llama-3.1-8b on h100-sxm');
});

test('a config.json from the custom architecture panel is titled by its shape', () => {
  expect(title(JSON.stringify(CONFIG))).toBe(
    'LLM sizing: custom model (H 5120, L 40, F 13824, V 32000, 40 heads, 8 KV heads) on h100-sxm',
  );
  expect(title(JSON.stringify(CONFIG), 'gpu-comparison')).toBe(
    'LLM GPU comparison: custom model (H 5120, L 40, F 13824, V 32000, 40 heads, 8 KV heads)',
  );
});

test('a config.json that states its name is titled by it', () => {
  expect(title(JSON.stringify({ ...CONFIG, _name_or_path: 'acme/model-13b' }))).toBe(
    'LLM sizing: acme/model-13b on h100-sxm',
  );
});

test('text that is not a config stays readable: long text is shortened', () => {
  // A mirror's Hugging Face id names the preset by its repository name; the title keeps it short.
  const mirror = `${'an-organisation-with-a-long-name-'.repeat(3)}mirror/Llama-3.1-8B`;
  const t = title(mirror);
  expect(t.length).toBeLessThan(120);
  expect(t).toMatch(/^LLM sizing: an-organisation-with-a-long-name-.*… on h100-sxm$/);
});

test('text that is no model is refused, not titled', () => {
  expect(() => title('{ not json')).toThrow('request field model is not valid config.json text');
});
