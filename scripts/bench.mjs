// npm run bench: bundle size, time to load the bundle in a fresh vm context, and broadcast calls
// over 10,000 rows, each as a ratio to a plain-arithmetic baseline measured in the same run and the
// same vm context (so the ratios hold on a slower or faster machine). Prints the numbers and the
// targets; `--check` exits 1 when a target is missed.
//
// Baseline: 10,000 rows × 1,000 FLOPs (2 per multiply-add: 125 steps of four independent
// multiply-adds a row), a loop a spreadsheet engine cannot beat for one cell per row.
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

// A load in a fresh context, as each Apps Script execution starts; node keeps the compiled script
// of a source it has seen, so a second measure makes each source new (parse and compile included).
const loads = [];
const coldLoads = [];
let context;
for (let i = 0; i < 30; i++) {
  let start = performance.now();
  context = vm.createContext({});
  vm.runInContext(code, context);
  loads.push(performance.now() - start);
  const fresh = `${code}\n// load ${i}\n`;
  start = performance.now();
  vm.runInContext(fresh, vm.createContext({}));
  coldLoads.push(performance.now() - start);
}

const ROWS = 10_000;
const BASELINE = `(() => {
  let sum = 0;
  for (let r = 0; r < ${ROWS}; r++) {
    let a = r, b = r + 1, c = r + 2, d = r + 3;
    for (let k = 0; k < 125; k++) {
      a = a * 0.999 + 1; b = b * 0.999 + 1; c = c * 0.999 + 1; d = d * 0.999 + 1;
    }
    sum += a + b + c + d;
  }
  return sum;
})()`;

context.batches = Array.from({ length: ROWS }, (_, i) => [1 + (i % 64)]);
context.contexts = Array.from({ length: ROWS }, (_, i) => [512 * (1 + (i % 32))]);
const SIX = '[["weights_gib", "vram_gib", "fits", "prefill_s", "token_latency_s", "tokens_per_s"]]';
/** label, formula, target ratio to the baseline (undefined: no target). */
const calls = [
  ['LLM_VRAM 10,000x1', 'LLM_VRAM(4096, 32, 11008, 32000, batches, contexts, "fp16")', 10],
  [
    'LLM_TOKEN_LATENCY 10,000x1 (roofline, 256 output tokens)',
    'LLM_TOKEN_LATENCY(4096, 32, 11008, 32000, batches, contexts, "fp16", "A100")',
  ],
  [
    'LLM_TOKEN_LATENCY 10,000x1 (seed)',
    'LLM_TOKEN_LATENCY(4096, 32, 11008, 32000, batches, contexts, "fp16", "A100", undefined, "method=seed")',
  ],
  [
    'LLM_ESTIMATE 10,000x4 metrics (preset model, roofline)',
    'LLM_ESTIMATE("llama-3.1-8b", [["vram_gib", "prefill_s", "token_latency_s", "tokens_per_s"]], batches, contexts, "bf16", "H100")',
  ],
  [
    'LLM_ESTIMATE 10,000x6 metrics (preset model, roofline)',
    `LLM_ESTIMATE("llama-3.1-8b", ${SIX}, batches, contexts, "bf16", "H100")`,
    50,
  ],
  [
    'LLM_VRAM 10,000x8 (column x row)',
    'LLM_VRAM(4096, 32, 11008, 32000, batches, [[512, 1024, 2048, 4096, 8192, 16384, 32768, 65536]], "fp16")',
  ],
];

function time(formula) {
  const start = performance.now();
  vm.runInContext(formula, context);
  return performance.now() - start;
}

// The machine may be busy with other work: each call is timed in rounds alternating with the
// baseline, and its ratio is the median of the call over the median of the baseline of its rounds.
const ROUNDS = 9;
const missed = [];
const load = median(loads);
console.log(`bundle size: ${(Buffer.byteLength(code) / 1024).toFixed(1)} KiB (${Buffer.byteLength(code)} bytes)`);
console.log(
  `bundle load in a fresh vm context: median ${load.toFixed(2)} ms over ${loads.length} loads (target < 20 ms)`,
);
console.log(
  `bundle load with parse and compile (a source node has not seen): median ${median(coldLoads).toFixed(2)} ms over ${coldLoads.length} loads`,
);
if (load >= 20) missed.push('bundle load');
for (let i = 0; i < 5; i++) time(BASELINE); // warm up
const baselines = [];
const results = [];
for (const [label, formula, target] of calls) {
  time(formula); // warm up
  const own = [];
  const mine = [];
  for (let i = 0; i < ROUNDS; i++) {
    own.push(time(BASELINE));
    mine.push(time(formula));
  }
  baselines.push(...own);
  results.push({ label, ms: median(mine), ratio: median(mine) / median(own), target });
}
console.log(
  `baseline, ${ROWS.toLocaleString('en-US')} rows x 1,000 FLOPs: median ${median(baselines).toFixed(2)} ms over ${baselines.length} runs`,
);
for (const { label, ms, ratio, target } of results) {
  const goal = target === undefined ? '' : ` (target <= ${target}x${ratio <= target ? '' : ': MISSED'})`;
  if (target !== undefined && ratio > target) missed.push(label);
  console.log(`${label}: median ${ms.toFixed(1)} ms over ${ROUNDS} calls = ${ratio.toFixed(1)}x the baseline${goal}`);
}
if (process.argv.includes('--check') && missed.length > 0) {
  console.error(`targets missed: ${missed.join('; ')}`);
  process.exit(1);
}
