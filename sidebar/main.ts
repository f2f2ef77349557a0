/**
 * The sizing sidebar: reads the form, shows the estimate as inputs change (computed in the page by
 * the same functions as the sheet), and inserts the chosen template through the server.
 */
import { GPU_PRESETS } from '../src/core/gpus/catalog';
import { PRECISIONS } from '../src/core/precision';
import { DEFAULT_REQUEST, TEMPLATE_IDS, type SizingRequest, type TemplateId } from '../src/addon/request';
import type { Arg } from '../src/sheets/cells';
import { AVAILABLE_METHODS, ENGINES } from '../src/sheets/options';
import { call, estimate, type Estimate, type SpeedMetric } from './estimate';
import { METHOD_HELP, METHOD_HINTS, gpuHint } from './messages';
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

/** What the sidebar cannot estimate from: a field left empty or not a number. */
class FormError extends Error {}

/** The field's label, as its messages name it ("Batch", "Hidden size"). */
function fieldName(input: HTMLInputElement): string {
  return (input.labels?.[0]?.textContent ?? input.id).trim();
}

/**
 * A number field's value. A cleared field is "required", never 0 (a number input reads "" both when
 * empty and when its text is not a number).
 */
function numberField(id: string): number {
  const input = $<HTMLInputElement>(id);
  if (input.validity.badInput) throw new FormError(`${fieldName(input)} must be a number`);
  if (input.value.trim() === '') throw new FormError(`${fieldName(input)} is required`);
  return Number(input.value);
}

function customModel(): Arg {
  return [
    ['hidden', numberField('c-hidden')],
    ['layers', numberField('c-layers')],
    ['ffn', numberField('c-ffn')],
    ['vocab', numberField('c-vocab')],
    ['heads', numberField('c-heads')],
    ['kv_heads', numberField('c-kv-heads')],
    ['gated_ffn', $<HTMLInputElement>('c-gated').checked ? 1 : 0],
    ['tied_embeddings', $<HTMLInputElement>('c-tied').checked ? 1 : 0],
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

function usingCustom(): boolean {
  return $<HTMLInputElement>('use-custom').checked;
}

/** The form as a request; throws a FormError naming the first empty or non-numeric field. */
function readForm(): Omit<SizingRequest, 'template'> {
  const value = (id: string) => $<HTMLInputElement | HTMLSelectElement>(id).value.trim();
  const model = value('model');
  if (model === '' && !usingCustom()) throw new FormError('Model is required');
  return {
    model,
    gpu: value('gpu'),
    precision: value('precision'),
    kvPrecision: value('kv-precision'),
    nGpus: numberField('n-gpus'),
    batch: numberField('batch'),
    context: numberField('context'),
    outputTokens: numberField('output-tokens'),
    engine: value('engine') as SizingRequest['engine'],
    method: value('method') as SizingRequest['method'],
  };
}

const SPEED_ROWS: readonly { id: string; metric: SpeedMetric; show: (v: number) => string }[] = [
  { id: 'out-ttft', metric: 'prefill_s', show: seconds },
  { id: 'out-tpot', metric: 'token_latency_s', show: seconds },
  { id: 'out-tps', metric: 'tokens_per_s', show: (v) => v.toLocaleString('en-US', { maximumFractionDigits: 1 }) },
];

function flag(text: string): HTMLSpanElement {
  const span = document.createElement('span');
  span.className = 'flag';
  span.textContent = text;
  return span;
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
  // Per GPU repeats the total on one GPU: shown only when the model is split.
  $('out-per-gpu').textContent = gib(v.vram_per_gpu_gib as number);
  $('out-per-gpu').hidden = nGpus === 1;
  $('per-gpu-label').hidden = nGpus === 1;
  const fits = $('out-fits');
  fits.textContent = result.fits ? 'yes' : 'no';
  fits.className = result.fits ? 'fits' : 'nofit';
  $('out-gpus-needed').textContent = String(result.gpusNeeded);
  // Speed is computed even when the model does not fit, and says so beside each figure.
  const speed = result.speed;
  for (const row of SPEED_ROWS) {
    const dd = $(row.id);
    if (speed.available) {
      dd.className = '';
      dd.title = result.fits ? '' : 'Computed as if it fit; this configuration does not fit in the GPUs’ memory';
      dd.replaceChildren(row.show(speed.values[row.metric]), ...(result.fits ? [] : [flag('(does not fit)')]));
    } else {
      dd.className = 'unavailable';
      dd.title = speed.reason;
      dd.textContent = 'unavailable';
    }
  }
  $('speed-note').textContent = speed.available ? '' : `Speed unavailable: ${speed.reason}.`;
  $('out-params').textContent = (v.params as number).toLocaleString('en-US');
}

/** Insert is offered only when the estimate shows no error, and not while an insertion runs. */
const state = { estimateOk: false, inserting: false };

function syncInsert(): void {
  const button = $<HTMLButtonElement>('insert');
  button.disabled = state.inserting || !state.estimateOk;
  button.title = state.estimateOk ? '' : 'Fix the error in the estimate to insert';
}

const TEMPLATE_HINTS: Readonly<Record<TemplateId, string>> = {
  sizing: 'This model on this GPU, as formulas.',
  'gpu-comparison': 'This model across a list of GPUs.',
  sweep: 'Batch sizes down, contexts across.',
};

function updateHints(request: Pick<SizingRequest, 'gpu' | 'precision' | 'method'>): void {
  const preset = GPU_PRESETS.find((g) => g.id === request.gpu);
  $('gpu-hint').textContent = preset ? gpuHint(preset, request.precision) : '';
  $('method-hint').textContent = METHOD_HINTS[request.method] ?? '';
  const template = $<HTMLSelectElement>('template').value as TemplateId;
  $('template-hint').textContent = TEMPLATE_HINTS[template] ?? '';
}

function update(): void {
  const errorBox = $('estimate-error');
  const select = (id: string) => $<HTMLSelectElement>(id).value;
  updateHints({
    gpu: select('gpu'),
    precision: select('precision'),
    method: select('method') as SizingRequest['method'],
  });
  try {
    const request = readForm();
    const result = estimate(request, usingCustom() ? customModel() : request.model);
    showEstimate(result, request.nGpus);
    errorBox.textContent = '';
    $('estimate').hidden = false;
    state.estimateOk = true;
  } catch (error) {
    errorBox.textContent = (error as Error).message;
    $('estimate').hidden = true;
    state.estimateOk = false;
  }
  syncInsert();
}

async function insert(): Promise<void> {
  if (state.inserting || !state.estimateOk) return;
  const status = $('status');
  const template = $<HTMLSelectElement>('template').value as TemplateId;
  let request: SizingRequest;
  try {
    const form = readForm();
    request = {
      ...form,
      model: usingCustom() ? customModelConfig() : form.model,
      template: TEMPLATE_IDS.includes(template) ? template : 'sizing',
    };
  } catch (error) {
    status.className = 'error';
    status.textContent = (error as Error).message;
    return;
  }
  state.inserting = true;
  syncInsert();
  status.className = '';
  status.textContent = 'Inserting…';
  try {
    const name = await insertSizingGrid(request);
    status.textContent = `Inserted sheet “${name}”.`;
  } catch (error) {
    status.className = 'error';
    status.textContent = (error as Error).message;
  } finally {
    state.inserting = false;
    syncInsert();
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
  $<HTMLInputElement>('model').value = DEFAULT_REQUEST.model;
  $('model-hint').textContent =
    `${models.length} presets: type a preset’s name or its Hugging Face id, or paste a config.json (nothing is downloaded).`;
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
  $('method').title = METHOD_HELP;
  $('form').addEventListener('input', update);
  $('form').addEventListener('change', update);
  $('form').addEventListener('submit', (event) => event.preventDefault());
  $('template').addEventListener('change', update);
  $('insert').addEventListener('click', () => void insert());
  update();
}

init();
