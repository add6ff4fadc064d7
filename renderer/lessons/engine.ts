/** The engine functions the lessons use, gathered in one place. */
export {
  ACTIVATIONS,
  OUTPUT_ACTIVATIONS,
  DATASET_INFO,
  DOMAIN,
  collapse,
  createGridEvaluator,
  forwardPoints,
  generateData,
  gridPoints,
  networkShape,
  type GridEvaluator,
} from '../../core/engine';
