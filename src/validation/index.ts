/**
 * The validation and calibration library behind `npm run validate` and `npm run calibrate`
 * (and the test that keeps the measured errors within their targets). Not part of the add-in.
 */
export { EFFICIENCY } from '../core/roofline/efficiency';
export { fitEfficiencies, parameterName, startingTable } from './fit';
export { parseMeasurements } from './measurements';
export { prepareCases } from './predict';
export { formatValidation, validate } from './report';
export { formatEfficiencyTable } from './table';
