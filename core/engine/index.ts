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
export { initialParams } from './init';
export { createRandom, type Random } from './rng';
export { activationFor, drawnActivation } from './activations';
export {
  DRAWN_PRESETS,
  DEFAULT_KNOTS,
  presetKnots,
  networkKnots,
  piecewise,
  checkKnots,
  straightLine,
  MIN_KNOTS,
  MAX_KNOTS,
  type DrawnPresetName,
  type Piecewise,
} from './drawn';
export { CURVE_SHAPES, CURVE_LABELS, CURVE_DOMAIN, curvePoint, isCurveDataset, inputFeatures } from './curve-data';
export { createCurveEvaluator, curveView, curveXs, type CurveEvaluator, type CurveView } from './curve';
export { traceExample, trainExample, largestChanges, neuronSum, type ExampleTrace, type ExampleStep, type NeuronSum } from './trace';
export {
  exploreActivation,
  sampleActivation,
  valueAt,
  SATURATION_SLOPE,
  type ActivationSamples,
  type Interval,
  type SlopeRegion,
} from './explorer';
export { activationLine } from './inspect';
export { readOutput, type OutputReading } from './output-loss';
