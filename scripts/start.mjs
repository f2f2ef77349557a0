// npm start: builds the add-in and prints a sizing table computed through the built bundle
// (dist/Code.js loaded as Apps Script loads it), so the first command shows real numbers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { ROOT } from './lib/bundle.mjs';
import { build } from './build.mjs';

const { bytes, functions } = await build();
console.log(`Built dist/Code.js: ${functions} custom functions, ${(bytes / 1024).toFixed(1)} KiB\n`);

const context = vm.createContext({});
vm.runInContext(readFileSync(join(ROOT, 'dist', 'Code.js'), 'utf8'), context);
const call = (formula) => vm.runInContext(formula, context);

const models = [
  { name: 'Llama-2-7B shape', dims: '4096, 32, 11008, 32000' },
  { name: 'Llama-2-13B shape', dims: '5120, 40, 13824, 32000' },
  { name: 'GPT-2 shape', dims: '768, 12, 3072, 50257' },
];
const rows = [];
for (const model of models) {
  for (const [batch, context] of [
    [1, 2048],
    [8, 4096],
    [32, 4096],
  ]) {
    for (const gpu of ['A100', 'H100']) {
      const args = `${model.dims}, ${batch}, ${context}, "fp16"`;
      rows.push([
        model.name,
        batch,
        context,
        gpu,
        call(`LLM_VRAM(${args})`).toFixed(2),
        call(`LLM_GPU("${gpu}", "memory_gb")`),
        call(`LLM_PREFILL_LATENCY(${args}, "${gpu}")`).toFixed(4),
        (call(`LLM_TOKEN_LATENCY(${args}, "${gpu}")`) * 1000).toFixed(2),
        Math.round(call(`LLM_TOKENS_PER_SEC(${args}, "${gpu}")`)),
      ]);
    }
  }
}
const header = ['model', 'B', 'S', 'GPU', 'VRAM GiB', 'GPU GB', 'prefill s', 'token ms', 'tokens/s (3.1)'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
const line = (cells) => cells.map((c, i) => String(c).padStart(widths[i])).join('  ');
console.log('Seed method (the methodology document as written), fp16, efficiency 0.25:\n');
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of rows) console.log(line(row));
console.log(
  '\ntokens/s follows methodology 3.1 (compute only) and disagrees with 1 / token latency (3.3);',
  'see docs/methodology-notes.md.\nDeploy to Google Sheets: see "Deploy to Google Sheets" in README.md.',
);
