/**
 * The sizing sidebar: reads the form, shows the estimate as inputs change (computed in the page by
 * the same functions as the sheet), and inserts the chosen template through the server.
 */
import { GPU_PRESETS } from '../src/core/gpus/catalog';
import {
  CUSTOM_MODEL_FIELDS,
  INPUTS,
  INPUT_KEYS,
  customModelText,
  fieldId,
  optionsText,
  type Choice,
  type CustomValues,
  type InputKey,
  type InputValues,
} from '../src/addon/inputs';
import { DEFAULT_REQUEST, TEMPLATE_IDS, type SizingRequest, type TemplateId } from '../src/addon/request';
import { estimate, type Estimate, type SpeedMetric } from './estimate';
import { METHOD_HINTS, gpuHint } from './messages';
import { insertSizingGrid } from './services';

const $ = <T extends HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`sidebar: no element #${id}`);
  return el as T;
};

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<Record<string, string>> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) if (value !== undefined) el.setAttribute(name, value);
  if (text !== undefined) el.textContent = text;
  return el;
}

function fillSelect(select: HTMLSelectElement, options: readonly Choice[], value: string) {
  select.replaceChildren(...options.map((o) => element('option', { value: o.value }, o.label)));
  select.value = value;
}

/**
 * A field of the input table in its place (`data-input`): label, control, help as its title, hint.
 * A hint element already in the page (id "<field>-hint") is used instead of a new one.
 */
function mountField(place: HTMLElement, key: InputKey): void {
  const spec = INPUTS[key];
  const id = fieldId(key);
  const hintId = `${id}-hint`;
  const title = spec.more ? `${spec.help} ${spec.more}` : spec.help;
  const common = { id, name: key, title, 'aria-describedby': hintId };
  let control: HTMLInputElement | HTMLSelectElement;
  const extra: HTMLElement[] = [];
  if (spec.kind === 'choice') {
    control = element('select', common);
    fillSelect(control, spec.choices, String(DEFAULT_REQUEST[key]));
  } else if (spec.kind === 'count') {
    control = element('input', { ...common, type: 'number', min: '1', value: String(spec.default) });
  } else {
    control = element('input', { ...common, list: `${id}-list`, spellcheck: 'false', value: spec.default });
    const list = element('datalist', { id: `${id}-list` });
    list.replaceChildren(...spec.suggestions.map((m) => element('option', { value: m.value }, m.label)));
    extra.push(list);
  }
  place.replaceChildren(element('label', { for: id }, spec.shortLabel), control, ...extra);
  const hint = document.getElementById(hintId);
  if (hint) {
    if (hint.textContent === '') hint.textContent = spec.hint;
  } else {
    place.append(element('div', { class: 'hint', id: hintId }, spec.hint));
  }
}

const customId = (key: string) => `c-${key.replace(/_/g, '-')}`;

/** The custom-architecture fields, from CUSTOM_MODEL_FIELDS: sizes in pairs, checkboxes below. */
function mountCustomFields(): void {
  const sizes: HTMLElement[] = [];
  const flags: HTMLElement[] = [];
  for (const f of CUSTOM_MODEL_FIELDS) {
    const id = customId(f.key);
    const hintId = `${id}-hint`;
    const common = { id, title: f.help, 'aria-describedby': hintId };
    if (f.kind === 'flag') {
      const box = element('input', { ...common, type: 'checkbox' });
      box.checked = f.default === true;
      const label = element('label', { class: 'check' });
      label.append(box, ` ${f.label} `, element('span', { class: 'hint inline', id: hintId }, f.hint));
      flags.push(label);
      continue;
    }
    let control: HTMLInputElement | HTMLSelectElement;
    if (f.kind === 'choice') {
      control = element('select', common);
      fillSelect(
        control,
        (f.choices ?? []).map((c) => ({ value: c, label: c })),
        String(f.default),
      );
    } else {
      const min = f.kind === 'count' ? '1' : '0';
      control = element('input', { ...common, type: 'number', min, value: String(f.default) });
    }
    const cell = element('div');
    cell.append(element('label', { for: id }, f.label), control, element('div', { class: 'hint', id: hintId }, f.hint));
    sizes.push(cell);
  }
  $('custom-fields').replaceChildren(...sizes);
  $('custom-flags').replaceChildren(...flags);
}

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

function readCustom(): CustomValues {
  return Object.fromEntries(
    CUSTOM_MODEL_FIELDS.map((f) => {
      const id = customId(f.key);
      if (f.kind === 'flag') return [f.key, $<HTMLInputElement>(id).checked];
      if (f.kind === 'choice') return [f.key, $<HTMLSelectElement>(id).value];
      return [f.key, numberField(id)];
    }),
  );
}

function usingCustom(): boolean {
  return $<HTMLInputElement>('use-custom').checked;
}

/**
 * The form as the scenario's inputs, field by field from the input table; with the custom
 * architecture, the model is its key=value text. Throws a FormError naming the first empty or
 * non-numeric field.
 */
function readForm(): InputValues {
  const values = {} as Record<InputKey, string | number>;
  const custom = usingCustom() ? customModelText(readCustom()) : undefined;
  for (const key of INPUT_KEYS) {
    const id = fieldId(key);
    if (INPUTS[key].kind === 'count') values[key] = numberField(id);
    else values[key] = $<HTMLInputElement | HTMLSelectElement>(id).value.trim();
  }
  if (custom !== undefined) values.model = custom;
  else if (values.model === '') throw new FormError(`${INPUTS.model.shortLabel} is required`);
  return values as InputValues;
}

const gib = (v: number) => `${v.toFixed(2)} GiB`;
const seconds = (v: number) => (v < 1 ? `${(v * 1000).toFixed(1)} ms` : `${v.toFixed(2)} s`);

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
  show('out-vram', gib(total), total);
  // Per GPU repeats the total on one GPU: shown only when the model is split.
  show('out-per-gpu', gib(v.vram_per_gpu_gib as number), v.vram_per_gpu_gib);
  $('out-per-gpu').hidden = nGpus === 1;
  $('per-gpu-label').hidden = nGpus === 1;
  const fits = show('out-fits', result.fits ? 'yes' : 'no', result.fits);
  fits.className = result.fits ? 'fits' : 'nofit';
  show('out-gpus-needed', String(result.gpusNeeded), result.gpusNeeded);
  // Speed is computed even when the model does not fit, and says so beside each figure.
  const speed = result.speed;
  for (const row of SPEED_ROWS) {
    const dd = $(row.id);
    if (speed.available) {
      const value = speed.values[row.metric];
      dd.className = '';
      dd.title = result.fits ? '' : 'Computed as if it fit; this configuration does not fit in the GPUs’ memory';
      dd.replaceChildren(row.show(value), ...(result.fits ? [] : [flag('(does not fit)')]));
      dd.dataset.value = String(value);
    } else {
      dd.className = 'unavailable';
      dd.title = speed.reason;
      dd.textContent = 'unavailable';
      delete dd.dataset.value;
    }
  }
  $('speed-note').textContent = speed.available ? '' : `Speed unavailable: ${speed.reason}.`;
  show('out-params', (v.params as number).toLocaleString('en-US'), v.params);
}

/** Shows a figure, and keeps the value it was computed as (data-value) for checking against a sheet. */
function show(id: string, text: string, value: number | boolean): HTMLElement {
  const dd = $(id);
  dd.textContent = text;
  dd.dataset.value = String(value);
  return dd;
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
  const select = (key: InputKey) => $<HTMLSelectElement>(fieldId(key)).value;
  updateHints({
    gpu: select('gpu'),
    precision: select('precision'),
    method: select('method') as SizingRequest['method'],
  });
  const box = $('estimate');
  try {
    const request = readForm();
    const result = estimate(request);
    showEstimate(result, request.nGpus);
    // The arguments it was computed from, as the inserted sheet's model and options cells hold them.
    box.dataset.model = request.model;
    box.dataset.options = optionsText(request);
    errorBox.textContent = '';
    box.hidden = false;
    state.estimateOk = true;
  } catch (error) {
    errorBox.textContent = (error as Error).message;
    box.hidden = true;
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
    request = { ...readForm(), template: TEMPLATE_IDS.includes(template) ? template : 'sizing' };
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
  document.querySelectorAll<HTMLElement>('[data-input]').forEach((place) => {
    const key = place.dataset.input as InputKey;
    if (!INPUT_KEYS.includes(key)) throw new Error(`sidebar: no input ${key}`);
    mountField(place, key);
  });
  mountCustomFields();
  $('model-hint').textContent =
    `${INPUTS.model.suggestions.length} presets: type a preset’s name or its Hugging Face id, or paste a config.json (nothing is downloaded).`;
  $('form').addEventListener('input', update);
  $('form').addEventListener('change', update);
  $('form').addEventListener('submit', (event) => event.preventDefault());
  $('template').addEventListener('change', update);
  $('insert').addEventListener('click', () => void insert());
  update();
}

init();
