// npm run validate: both methods against data/measurements.json, per metric class (median
// and 90th-percentile absolute percentage error), with held-out figures for the roofline, the
// worst rows and the skipped rows. The roofline uses the committed efficiencies
// (src/core/roofline/efficiency.ts). `--quick` leaves out the held-out refits.
import { loadValidation, readMeasurements } from './lib/validation.mjs';

const lib = await loadValidation();
const validation = lib.validate(readMeasurements(), lib.EFFICIENCY, { heldOut: !process.argv.includes('--quick') });
console.log(`Roofline efficiencies fitted ${lib.EFFICIENCY.fitted} (npm run calibrate).`);
console.log(lib.formatValidation(validation));
