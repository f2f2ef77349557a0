/**
 * The roofline's two ways to split a model's weights into what every step reads and the routed
 * experts (src/core/roofline/model.ts): the closed form used for formats that store every tensor
 * alike (uniformSplit, through weightSplit), and the walk over the weight tensors used for mixed
 * formats (tensorSplit). For a uniform format both must give the same numbers; the closed form is
 * there only so that a deep model costs nothing. Checked for every model preset at bf16, as split
 * figures and as the step times they give on 1, 2, 4 and 8 tensor-parallel GPUs.
 */
import { resolveArchitecture } from '../../../src/core/architecture/spec';
import { getGpuPreset, presetSpec } from '../../../src/core/gpus/lookup';
import { MODEL_PRESETS } from '../../../src/core/models/catalog';
import { findPrecision, type Precision } from '../../../src/core/precision';
import {
  rooflineDecodeStepSeconds,
  rooflinePrefillSeconds,
  rooflineSetup,
  type RooflineSetup,
} from '../../../src/core/roofline/estimate';
import { rooflineModel, tensorSplit, weightSplit, type RooflineModel } from '../../../src/core/roofline/model';

const bf16 = findPrecision('bf16') as Precision;
const h100 = presetSpec(getGpuPreset('H100'));
const TP_SIZES = [1, 2, 4, 8];

function expectRelative(label: string, actual: number, expected: number): void {
  const error = expected === 0 ? Math.abs(actual) : Math.abs(actual - expected) / Math.abs(expected);
  expect({ label, actual, error: error <= 1e-9 }).toEqual({ label, actual, error: true });
}

test('bf16 is a uniform format, so weightSplit takes the closed form', () => {
  expect(bf16.layout.kind).toBe('uniform');
  expect(MODEL_PRESETS.length).toBeGreaterThan(40);
});

describe.each(MODEL_PRESETS.map((p) => [p.id, p] as const))('%s at bf16', (_, preset) => {
  const arch = resolveArchitecture(preset.architecture);
  const closed = weightSplit(arch, bf16);
  const walked = tensorSplit(arch, bf16);

  test('closed-form split equals the tensor walk to 1e-9', () => {
    for (const field of ['denseLinearParams', 'routedExpertParams', 'alwaysReadBits', 'routedExpertBits'] as const) {
      expectRelative(field, closed[field], walked[field]);
    }
    expect(closed.alwaysReadBits).toBeGreaterThan(0);
  });

  test.each(TP_SIZES)('the same prefill and decode step times at tensor-parallel size %i', (nGpus) => {
    const setup = rooflineSetup({
      arch,
      precision: bf16,
      gpu: h100,
      batch: 4,
      seqLen: 2048,
      outputTokens: 1,
      kvBits: 16,
      nGpus,
      parallelism: 'tensor',
      efficiency: { mfu: 0.5, mbu: 0.8, overheadSeconds: 0 },
    });
    // The summary as rooflineModel builds it, with the tensor walk's split in place of the closed form.
    const fromWalk: RooflineModel = {
      ...rooflineModel(arch, bf16, 16),
      denseLinearParams: walked.denseLinearParams,
      routedExpertParams: walked.routedExpertParams,
      alwaysReadBytes: walked.alwaysReadBits / 8,
      routedExpertBytes: walked.routedExpertBits / 8,
    };
    const walkedSetup: RooflineSetup = { ...setup, model: fromWalk };
    expectRelative('prefill', rooflinePrefillSeconds(setup), rooflinePrefillSeconds(walkedSetup));
    expectRelative('decode', rooflineDecodeStepSeconds(setup, 2049), rooflineDecodeStepSeconds(walkedSetup, 2049));
  });
});
