/**
 * Text alternatives that follow the pictures: a view's words are worked out from the shared
 * grid at most once a second (on the Lab's frame scheduler, as a throttled view), so a
 * screen reader always finds them current without the page doing the work every frame.
 * The words are worked out when the page is next idle, in a task of their own, not inside
 * the frame that draws the pictures (a freshly opened Lab's first frames stay short).
 */
import { whenIdle } from '../ui/idle';
import type { FrameScheduler } from './frame';

export const DESCRIBE_INTERVAL_MS = 1000;

export class Described<T> {
  value = $state.raw() as T;
  private readonly remove: () => void;
  /** Cancels the idle work asked for and not yet done, if any. */
  private pending: (() => void) | null = null;

  constructor(scheduler: FrameScheduler, compute: () => T, initial: T) {
    this.value = initial;
    const update = () => {
      this.pending = null;
      this.value = compute();
    };
    this.remove = scheduler.add(() => (this.pending ??= whenIdle(update)), { minInterval: DESCRIBE_INTERVAL_MS }).remove;
  }

  dispose(): void {
    this.remove();
    this.pending?.();
    this.pending = null;
  }
}
