/**
 * How a training session paces its work: which networks train batch by batch, and how often
 * they are measured and snapshotted while playing.
 */
import type { Speed } from '../protocol';

/**
 * Networks whose epoch costs more than this many weight-times-example products (about a
 * slice of work) are trained batch by batch, so Pause and other commands never wait for a
 * long epoch (784→128→10 on 8,000 digits is 800 million).
 */
const BATCHWISE_WORK = 5_000_000;

/**
 * Batch-by-batch networks (digits) are measured on all their data only when an epoch ends or
 * after training this many times as long as the last measurement took, so measuring takes at
 * most a fifth of the time. (Measuring 10,000 digits after every ~14 ms slice took over 95 %.)
 */
const MEASURE_EVERY = 4;

/**
 * While playing, the hidden neurons' activity (dead.ts) is measured with every this-many-th
 * slice (about eight times a second), not every one: on 2→8×6→1 measuring it with every
 * slice cost a fifth of the training speed. Snapshots carry the latest; commands measure it.
 */
export const ACTIVITY_EVERY = 8;

/**
 * Whether this record measures the neurons' activity. Commands always do; playing at a speed in
 * epochs per second (at most 60 epochs a second, each epoch measured and drawn) does with every
 * slice, so a learner watching neurons switch off and come back sees each epoch's count, not
 * one every eight epochs; the other speeds with every ACTIVITY_EVERY-th slice.
 */
export function activityDue(playing: boolean, slicesSinceActivity: number, speed: Speed): boolean {
  return !playing || speed.mode === 'epochsPerSecond' || slicesSinceActivity + 1 >= ACTIVITY_EVERY;
}

/** Batch-by-batch networks are big: a snapshot (all their weights) at most this often while playing, in ms. */
export const SLOW_SNAPSHOT_MS = 100;

/** Speed until the UI sets one: one epoch per frame, like the Playground. */
export const DEFAULT_SPEED: Speed = { mode: 'epochsPerFrame', epochs: 1 };

/**
 * While an epoch-by-epoch network trains, its loss is kept as a history point every epoch up
 * to epoch 2 × HISTORY_DENSITY, then every (epoch / HISTORY_DENSITY)-th epoch. The loss chart
 * spans epoch 0 to now, so it always has some 70 points (100 × ln 2) in its newer half and
 * more in the older, however many epochs a slice trains at full speed. (Once per slice, as
 * before, left a 300-epoch run at full speed with a handful of points: a few straight segments.)
 */
export const HISTORY_DENSITY = 100;

/**
 * Whether the epoch just trained gets a point in the history, the last one being at
 * `lastPointEpoch`. Measuring is a forward pass over the data; spaced out like this it costs
 * at most a few hundred passes in a run's first epochs and a hundredth of the epochs after.
 */
export function historyDue(epoch: number, lastPointEpoch: number): boolean {
  return epoch - lastPointEpoch >= Math.max(1, Math.floor(epoch / HISTORY_DENSITY));
}

/** Whether a batch-by-batch network is due to be measured after a slice of training. */
export function measureDue(epochEnded: boolean, trainedMs: number, lastMeasureMs: number): boolean {
  return epochEnded || trainedMs >= MEASURE_EVERY * lastMeasureMs;
}

/** Whether one epoch of a network this size is too long to train without checking the clock. */
export function trainsBatchwise(paramCount: number, trainExamples: number): boolean {
  return paramCount * trainExamples > BATCHWISE_WORK;
}
