/**
 * The engine's public face: what the UI and the lessons import. See README.md beside this
 * file for one paragraph on each name.
 */
export { ACTIVATIONS, OUTPUT_ACTIVATIONS, sigmoid, type Activation } from './activations';
export { softmax } from './kernels';
export { decisionThreshold } from './loss';
export { fastTanh } from './tanh';
export { generateData, DATASET_INFO, DOMAIN, type Dataset, type DatasetInfo } from './data';
export { FEATURE_INFO, type FeatureInfo } from './features';
export { networkShape, type NetworkShape } from './shape';
export { createGridEvaluator, gridPoints, type GridEvaluator, type GridOutputs } from './grid';
export { createPointEvaluator, forwardPoints, collapse, type PointEvaluator } from './inspect';
export { checkConfig } from './validate';
export { createRandom, type Random } from './rng';
