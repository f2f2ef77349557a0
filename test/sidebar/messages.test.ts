/**
 * The sidebar's wording of the functions' messages and its GPU hint, outside the browser: the
 * messages the sheet functions give, rephrased for the sidebar (no sheet-function names), and a
 * peak labelled with the compute type it really is.
 */
import { GPU_PRESETS } from '../../src/core/gpus/catalog';
import { estimate } from '../../sidebar/estimate';
import { gpuHint, shortReason, sidebarMessage } from '../../sidebar/messages';
import { DEFAULT_REQUEST } from '../../src/addon/request';

const preset = (id: string) => {
  const found = GPU_PRESETS.find((g) => g.id === id);
  if (!found) throw new Error(`no preset ${id}`);
  return found;
};

describe('sidebarMessage', () => {
  test('an unknown model keeps its suggestions and points at the Model list, not LLM_MODELS()', () => {
    const message = sidebarMessage(
      'ERROR: LLM_ESTIMATE: model: unknown model "llama-3.1-8bx"; did you mean "llama-3.1-8b", "llama-3.1-70b"? ' +
        'LLM_MODELS() lists every preset; a model can also be the text of its config.json or "hidden=4096; layers=32".',
    );
    expect(message).toBe(
      'model: unknown model "llama-3.1-8bx"; did you mean "llama-3.1-8b", "llama-3.1-70b"? ' +
        'Pick a preset from the Model list (type to filter), or paste its Hugging Face id or a config.json.',
    );
  });

  test('the message LLM_ESTIMATE really gives for an unknown model names no sheet function', () => {
    let message = '';
    try {
      estimate({ ...DEFAULT_REQUEST, model: 'no-such-model-xyz' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^model: unknown model "no-such-model-xyz"/);
    expect(message).toContain('Model list');
    expect(message).not.toMatch(/LLM_[A-Z]+/);
  });

  test('an unknown GPU, and a sentence citing any other sheet function, are rephrased or dropped', () => {
    expect(
      sidebarMessage(
        'unknown GPU "h900"; did you mean "h100"? LLM_GPUS() lists every preset; a custom GPU is written "a=1".',
      ),
    ).toBe('unknown GPU "h900"; did you mean "h100"? Pick a GPU from the list.');
    expect(sidebarMessage('bad value. See LLM_HELP("x") for more. Try again.')).toBe('bad value. Try again.');
  });

  test('shortReason keeps the first clause: why a speed figure is unavailable, in a line', () => {
    expect(
      shortReason(
        'ERROR: LLM_ESTIMATE: NVIDIA A10G has no bf16 peak; give one, e.g. "tflops_bf16=100" or "tflops=100" in a custom GPU',
      ),
    ).toBe('NVIDIA A10G has no bf16 peak');
  });
});

describe('estimate', () => {
  test('a GPU without a peak keeps the memory figures and reports speed unavailable, with the reason', () => {
    const result = estimate({ ...DEFAULT_REQUEST, gpu: 'memory_gb=24; bandwidth_gbs=600' });
    expect(result.values.vram_gib).toBeGreaterThan(0);
    expect(result.fits).toBe(false);
    expect(result.speed).toEqual({ available: false, reason: 'custom GPU has no bf16 peak' });
  });

  test('a configuration that does not fit still has its speed figures', () => {
    const result = estimate({ ...DEFAULT_REQUEST, gpu: 'l4' });
    expect(result.fits).toBe(false);
    expect(result.speed.available).toBe(true);
  });
});

describe('gpuHint', () => {
  test('TPU v5e: the BF16 figure, labelled BF16 (a TPU has no FP16)', () => {
    expect(gpuHint(preset('tpu-v5e'), 'bf16')).toBe('16 GB, 810 GB/s, 197 dense BF16 TFLOPS');
    expect(gpuHint(preset('tpu-v5e'), 'fp16')).toBe('16 GB, 810 GB/s, 197 dense BF16 TFLOPS');
  });

  test('the label follows the type the chosen precision computes at', () => {
    expect(gpuHint(preset('h100-sxm'), 'fp16')).toMatch(/dense FP16 TFLOPS$/);
    expect(gpuHint(preset('h100-sxm'), 'fp8')).toMatch(/dense FP8 TFLOPS$/);
    expect(gpuHint(preset('h100-sxm'), 'fp32')).toMatch(/dense FP32 TFLOPS$/);
  });
});
