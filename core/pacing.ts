/**
 * How much a paced engine trains per frame of the page (see "Pacing" in runner.ts). The page
 * says when it begins each frame that draws a snapshot; from the time between those frames
 * the slice grows while the page keeps up and shrinks when it falls behind. Training thus
 * takes what the page leaves of the processor: nearly all of a core on a machine with cores
 * to spare, less on a two-core machine, where the page would otherwise drop frames.
 */

/** The range of a paced slice, in ms of training per frame. */
export const PACED_MIN_MS = 6;
export const PACED_MAX_MS = 16;
/** Frames closer than this (about 58 a second): the page keeps up, so the slice may grow. */
export const STEADY_FRAME_MS = 17.2;
/** Frames further apart than this (about 55 a second): the page falls behind, so the slice shrinks. */
export const SLOW_FRAME_MS = 18.2;
/** How much the slice grows or shrinks per frame. */
export const SLICE_STEP_MS = 0.25;
/** Frames further apart than this are a pause in drawing, not a slow frame, and are not averaged. */
export const FRAME_GAP_MS = 50;
/** The weight of the newest frame in the running average. */
const SMOOTHING = 0.1;

export class FramePacer {
  /** The time between the page's frames, a running average (ms). */
  period = 1000 / 60;
  /** How long to train before the next frame (ms). */
  slice = (PACED_MIN_MS + PACED_MAX_MS) / 2;
  private last = Number.NEGATIVE_INFINITY;

  /** The page began a frame at `now` (ms, the runner's clock). */
  frame(now: number): void {
    const gap = now - this.last;
    this.last = now;
    if (gap >= FRAME_GAP_MS) return;
    this.period += (gap - this.period) * SMOOTHING;
    if (this.period > SLOW_FRAME_MS) this.slice = Math.max(PACED_MIN_MS, this.slice - SLICE_STEP_MS);
    else if (this.period < STEADY_FRAME_MS) this.slice = Math.min(PACED_MAX_MS, this.slice + SLICE_STEP_MS);
  }
}
