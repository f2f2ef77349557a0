// npm run bench: bundle size, time to load the bundle in a fresh vm context, and broadcast calls
// over 10,000 rows (memory, speed in both methods, a row of LLM_ESTIMATE metrics). Prints numbers;
// asserts nothing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import vm from 'node:vm';
import { ROOT } from './lib/bundle.mjs';
import { build } from './build.mjs';

await build();
const code = readFileSync(join(ROOT, 'dist', 'Code.js'), 'utf8');

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const loads = [];
let context;
for (let i = 0; i < 30; i++) {
  const start = performance.now();
  context = vm.createContext({});
  vm.runInContext(code, context);
  loads.push(performance.now() - start);
}

const ROWS = 10_000;
context.batches = Array.from({ length: ROWS }, (_, i) => [1 + (i % 64)]);
context.contexts = Array.from({ length: ROWS }, (_, i) => [512 * (1 + (i % 32))]);
const calls = {
  'LLM_VRAM 10,000x1': 'LLM_VRAM(4096, 32, 11008, 32000, batches, contexts, "fp16")',
  'LLM_TOKEN_LATENCY 10,000x1 (roofline, 256 output tokens)':
    'LLM_TOKEN_LATENCY(4096, 32, 11008, 32000, batches, contexts, "fp16", "A100")',
  'LLM_TOKEN_LATENCY 10,000x1 (seed)':
    'LLM_TOKEN_LATENCY(4096, 32, 11008, 32000, batches, contexts, "fp16", "A100", undefined, "method=seed")',
  'LLM_ESTIMATE 10,000x4 metrics (preset model, roofline)':
    'LLM_ESTIMATE("llama-3.1-8b", [["vram_gib", "prefill_s", "token_latency_s", "tokens_per_s"]], batches, contexts, "bf16", "H100")',
  'LLM_VRAM 10,000x8 (column x row)':
    'LLM_VRAM(4096, 32, 11008, 32000, batches, [[512, 1024, 2048, 4096, 8192, 16384, 32768, 65536]], "fp16")',
};

console.log(`bundle size: ${(Buffer.byteLength(code) / 1024).toFixed(1)} KiB (${Buffer.byteLength(code)} bytes)`);
console.log(`bundle load in a fresh vm context: median ${median(loads).toFixed(2)} ms over ${loads.length} loads`);
for (const [label, formula] of Object.entries(calls)) {
  const times = [];
  for (let i = 0; i < 7; i++) {
    const start = performance.now();
    vm.runInContext(formula, context);
    times.push(performance.now() - start);
  }
  console.log(`${label}: median ${median(times).toFixed(1)} ms over ${times.length} calls`);
}
