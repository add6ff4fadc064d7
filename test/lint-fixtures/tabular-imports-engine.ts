// Lint fixture: core/tabular importing core/engine turns the engine → tabular direction round.
import { createRandom } from '../engine/rng';

export const random = createRandom(1);
