/** The engine functions the lessons use, gathered in one place. */
export {
  ACTIVATIONS,
  OUTPUT_ACTIVATIONS,
  DATASET_INFO,
  DOMAIN,
  decisionThreshold,
  collapse,
  createGridEvaluator,
  forwardPoints,
  generateData,
  gridPoints,
  networkShape,
  sigmoid,
  softmax,
  type GridEvaluator,
} from '../../core/engine';
