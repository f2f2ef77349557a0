/**
 * The sizing sidebar: reads the form, shows the estimate as inputs change (computed in the page by
 * the same functions as the sheet), and inserts the chosen template through the server.
 */
import { GPU_PRESETS } from '../src/core/gpus/catalog';
import { PRECISIONS } from '../src/core/precision';
import { DEFAULT_REQUEST, TEMPLATE_IDS, type SizingRequest, type TemplateId } from '../src/addon/request';
import type { Arg } from '../src/sheets/cells';
import { AVAILABLE_METHODS, ENGINES } from '../src/sheets/options';
import { call, estimate, type Estimate } from './estimate';
import { insertSizingGrid } from './services';

const $ = <T extends HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`sidebar: no element #${id}`);
  return el as T;
};

function fillSelect(select: HTMLSelectElement, options: readonly { value: string; label: string }[], value: string) {
  select.replaceChildren(
    ...options.map((o) => {
      const option = document.createElement('option');
      option.value = o.value;
      option.textContent = o.label;
      return option;
    }),
  );
  select.value = value;
}

interface ModelEntry {
  readonly id: string;
  readonly label: string;
}

/** Model presets from LLM_MODELS() (id and display name columns of its header). */
function modelPresets(): ModelEntry[] {
  try {
    const table = call('LLM_MODELS', []);
    if (!Array.isArray(table) || table.length < 2) return [];
    const header = table[0].map((h) => String(h).toLowerCase());
    const idCol = Math.max(0, header.indexOf('id'));
    const nameCol = header.indexOf('name');
    return table.slice(1).map((row) => ({
      id: String(row[idCol]),
      label: nameCol >= 0 ? String(row[nameCol]) : String(row[idCol]),
    }));
  } catch {
    return [];
  }
}

const gib = (v: number) => `${v.toFixed(2)} GiB`;
const seconds = (v: number) => (v < 1 ? `${(v * 1000).toFixed(1)} ms` : `${v.toFixed(2)} s`);

function customModel(): Arg {
  const num = (id: string) => Number(($(id) as HTMLInputElement).value);
  return [
    ['hidden', num('c-hidden')],
    ['layers', num('c-layers')],
    ['ffn', num('c-ffn')],
    ['vocab', num('c-vocab')],
    ['heads', num('c-heads')],
    ['kv_heads', num('c-kv-heads')],
    ['gated_ffn', ($('c-gated') as HTMLInputElement).checked ? 1 : 0],
    ['tied_embeddings', ($('c-tied') as HTMLInputElement).checked ? 1 : 0],
  ];
}

/** The same custom architecture as a Hugging Face config.json, for the inserted sheet's model cell. */
function customModelConfig(): string {
  const [hidden, layers, ffn, vocab, heads, kvHeads, gated, tied] = (customModel() as [string, number][]).map(
    ([, v]) => v,
  );
  return JSON.stringify({
    hidden_size: hidden,
    num_hidden_layers: layers,
    intermediate_size: ffn,
    vocab_size: vocab,
    num_attention_heads: heads,
    num_key_value_heads: kvHeads,
    hidden_act: gated ? 'silu' : 'gelu',
    tie_word_embeddings: tied === 1,
  });
}

function readForm(): Omit<SizingRequest, 'template'> {
  const value = (id: string) => ($(id) as HTMLInputElement | HTMLSelectElement).value.trim();
  const int = (id: string) => Number(value(id));
  return {
    model: value('model'),
    gpu: value('gpu'),
    precision: value('precision'),
    kvPrecision: value('kv-precision'),
    batch: int('batch'),
    context: int('context'),
    outputTokens: int('output-tokens'),
    nGpus: int('n-gpus'),
    engine: value('engine') as SizingRequest['engine'],
    method: value('method') as SizingRequest['method'],
  };
}

function usingCustom(): boolean {
  return ($('use-custom') as HTMLInputElement).checked;
}

function showEstimate(result: Estimate, nGpus: number): void {
  const v = result.values;
  const weights = v.weights_gib as number;
  const kv = v.kv_cache_gib as number;
  const activations = v.activations_gib as number;
  const total = v.vram_gib as number;
  const overhead = Math.max(0, total - weights - kv - activations);
  const limit = result.gpuMemoryGib * nGpus;
  const scale = Math.max(total, limit);
  const bar = $('bar');
  const segment = (cls: string, value: number, label: string) => {
    const span = document.createElement('span');
    span.className = cls;
    span.style.width = `${(100 * value) / scale}%`;
    span.title = `${label}: ${gib(value)}`;
    return span;
  };
  const line = document.createElement('span');
  line.className = 'limit';
  line.style.left = `${Math.min(100, (100 * limit) / scale)}%`;
  line.title = `GPU memory: ${gib(limit)}`;
  bar.replaceChildren(
    segment('weights', weights, 'Weights'),
    segment('kv', kv, 'KV cache'),
    segment('activations', activations, 'Activations'),
    segment('overhead', overhead, 'Overhead'),
    line,
  );
  bar.setAttribute(
    'aria-label',
    `VRAM ${gib(total)}: weights ${gib(weights)}, KV cache ${gib(kv)}, activations ${gib(activations)}, overhead ${gib(overhead)}; GPU memory ${gib(limit)}`,
  );
  $('out-vram').textContent = gib(total);
  $('out-per-gpu').textContent = gib(v.vram_per_gpu_gib as number);
  const fits = $('out-fits');
  fits.textContent = v.fits ? 'yes' : 'no';
  fits.className = v.fits ? 'fits' : 'nofit';
  $('out-gpus-needed').textContent = String(result.gpusNeeded);
  $('out-ttft').textContent = seconds(v.prefill_s as number);
  $('out-tpot').textContent = seconds(v.token_latency_s as number);
  $('out-tps').textContent = (v.tokens_per_s as number).toLocaleString('en-US', { maximumFractionDigits: 1 });
  $('out-params').textContent = (v.params as number).toLocaleString('en-US');
}

function update(): void {
  const request = readForm();
  const errorBox = $('estimate-error');
  try {
    const result = estimate(request, usingCustom() ? customModel() : request.model);
    showEstimate(result, request.nGpus);
    errorBox.textContent = '';
    $('estimate').hidden = false;
  } catch (error) {
    errorBox.textContent = (error as Error).message;
    $('estimate').hidden = true;
  }
  const preset = GPU_PRESETS.find((g) => g.id === request.gpu);
  $('gpu-hint').textContent = preset
    ? `${preset.memoryGb.value} GB, ${preset.bandwidthGbs.value.toLocaleString('en-US')} GB/s, ` +
      `${preset.peaks.fp16?.value ?? preset.peaks.bf16?.value ?? '–'} dense FP16 TFLOPS`
    : '';
}

async function insert(): Promise<void> {
  const button = $('insert') as HTMLButtonElement;
  const status = $('status');
  const template = ($('template') as HTMLSelectElement).value as TemplateId;
  const form = readForm();
  const request: SizingRequest = {
    ...form,
    model: usingCustom() ? customModelConfig() : form.model,
    template: TEMPLATE_IDS.includes(template) ? template : 'sizing',
  };
  button.disabled = true;
  status.className = '';
  status.textContent = 'Inserting…';
  try {
    const name = await insertSizingGrid(request);
    status.textContent = `Inserted sheet “${name}”.`;
  } catch (error) {
    status.className = 'error';
    status.textContent = (error as Error).message;
  } finally {
    button.disabled = false;
  }
}

function init(): void {
  const models = modelPresets();
  $('model-list').replaceChildren(
    ...models.map((m) => {
      const option = document.createElement('option');
      option.value = m.id;
      option.textContent = m.label;
      return option;
    }),
  );
  ($('model') as HTMLInputElement).value = DEFAULT_REQUEST.model;
  $('model-hint').textContent = `${models.length} presets; type to search, or paste a Hugging Face id.`;
  fillSelect(
    $('gpu'),
    GPU_PRESETS.map((g) => ({ value: g.id, label: `${g.name} (${g.memoryGb.value} GB)` })),
    DEFAULT_REQUEST.gpu,
  );
  const precisions = PRECISIONS.map((p) => ({ value: p.id, label: p.id }));
  fillSelect($('precision'), precisions, DEFAULT_REQUEST.precision);
  fillSelect($('kv-precision'), [{ value: '', label: 'same as compute' }, ...precisions], '');
  fillSelect(
    $('engine'),
    ENGINES.map((e) => ({ value: e, label: e })),
    DEFAULT_REQUEST.engine,
  );
  fillSelect(
    $('method'),
    AVAILABLE_METHODS.map((m) => ({ value: m, label: m })),
    DEFAULT_REQUEST.method,
  );
  $('form').addEventListener('input', update);
  $('form').addEventListener('change', update);
  $('form').addEventListener('submit', (event) => event.preventDefault());
  $('insert').addEventListener('click', () => void insert());
  update();
}

init();
