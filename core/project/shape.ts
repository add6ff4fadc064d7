/**
 * How many numbers a configuration's network and optimizer hold, so a project file's
 * parameters can be checked without building the network. The layout itself is the
 * engine's (core/engine/shape.ts); this only asks it.
 */
import type { LabConfig, OptimizerName } from '../config';
import { networkShape } from '../engine';

/** Weights plus biases of every layer, as the engine lays them out. */
export function paramCount(config: LabConfig): number {
  return networkShape(config).paramCount;
}

/** How many neurons each layer has: the hidden layers, then the output layer. */
export function layerSizes(config: LabConfig): number[] {
  return networkShape(config).layers.map((l) => l.size);
}

/** How many moment arrays an optimizer keeps: none for SGD, a velocity for momentum, m and v for Adam. */
export function momentCount(optimizer: OptimizerName): number {
  switch (optimizer) {
    case 'sgd':
      return 0;
    case 'momentum':
      return 1;
    case 'adam':
      return 2;
  }
}
