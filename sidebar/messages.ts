/**
 * Text the sidebar shows: the functions' error messages rephrased for someone using the sidebar
 * (no cell function names, no advice about custom GPU text the sidebar has no field for), and the
 * one-line hints under the fields. No DOM here, so it can be checked outside a browser.
 */
import type { GpuPreset } from '../src/core/gpus/catalog';
import { peakTflops, presetSpec } from '../src/core/gpus/lookup';
import { findPrecision } from '../src/core/precision';

/** What replaces a sentence pointing at a sheet function, by the function it names. */
const SIDEBAR_INSTEAD: Readonly<Record<string, string>> = {
  LLM_MODELS: 'Pick a preset from the Model list (type to filter), or paste its Hugging Face id or a config.json.',
  LLM_GPUS: 'Pick a GPU from the list.',
};

/**
 * A function's message as the sidebar says it: without "ERROR: " and the "LLM_ESTIMATE: " prefix,
 * and with each sentence that cites a sheet function (e.g. "LLM_MODELS() lists every preset; …")
 * replaced by what to do in the sidebar, or dropped.
 */
export function sidebarMessage(raw: string): string {
  let text = raw
    .trim()
    .replace(/^ERROR:\s*/, '')
    .replace(/^LLM_[A-Z_]+:\s*/, '');
  for (;;) {
    const match = /\bLLM_[A-Z_]+\(/.exec(text);
    if (!match) break;
    // The sentence starts after the last ". ", "? " or "! " before the function name.
    const before = text.slice(0, match.index);
    const start = Math.max(before.lastIndexOf('. '), before.lastIndexOf('? '), before.lastIndexOf('! '));
    const head = start < 0 ? '' : text.slice(0, start + 1);
    // It ends at the next ". " (or the end): sentences here can hold quoted "a=1; b=2" examples.
    const rest = text.slice(match.index);
    const end = rest.search(/\.(\s|$)/);
    const tail = end < 0 ? '' : rest.slice(end + 1).trim();
    const name = match[0].slice(0, -1);
    const instead = SIDEBAR_INSTEAD[name] ?? '';
    text = [head, instead, tail].filter((part) => part !== '').join(' ');
  }
  // "(see …)" left empty by a removal, and doubled spaces.
  return text
    .replace(/\s*\(see\s*\)/g, '')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

/** A message cut to its first clause: why a figure is unavailable, in a line. */
export function shortReason(raw: string): string {
  const text = sidebarMessage(raw);
  const cut = text.search(/;\s/);
  return (cut < 0 ? text : text.slice(0, cut)).replace(/\.$/, '');
}

/**
 * The GPU hint: memory, bandwidth, and the dense peak the chosen precision computes at, labelled
 * with the compute type that peak really is (a TPU has no FP16: its figure is BF16).
 */
export function gpuHint(preset: GpuPreset, precision: string): string {
  const parts = [`${preset.memoryGb.value} GB`, `${preset.bandwidthGbs.value.toLocaleString('en-US')} GB/s`];
  const computeType = findPrecision(precision)?.computeType ?? 'fp16';
  try {
    const peak = peakTflops(presetSpec(preset), computeType);
    const unit = peak.computeType === 'int8' ? 'TOPS' : 'TFLOPS';
    parts.push(`${peak.tflops.toLocaleString('en-US')} dense ${peak.computeType.toUpperCase()} ${unit}`);
  } catch {
    parts.push(`no sourced ${computeType.toUpperCase()} peak`);
  }
  return parts.join(', ');
}

/** Hints for the method, by method: what a user choosing between them needs to know. */
export const METHOD_HINTS: Readonly<Record<string, string>> = {
  roofline: 'roofline: calibrated to measured runs (default).',
  seed: 'seed: the methodology document as written; its tokens/s and latency can disagree.',
};
