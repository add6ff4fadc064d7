/**
 * Text alternatives that follow the pictures: a view's words are worked out from the shared
 * grid at most once a second (on the Lab's frame scheduler, as a throttled view), so a
 * screen reader always finds them current without the page doing the work every frame.
 */
import type { FrameScheduler } from './frame';

export const DESCRIBE_INTERVAL_MS = 1000;

export class Described<T> {
  value = $state.raw() as T;
  private readonly remove: () => void;

  constructor(scheduler: FrameScheduler, compute: () => T, initial: T) {
    this.value = initial;
    this.remove = scheduler.add(() => (this.value = compute()), { minInterval: DESCRIBE_INTERVAL_MS }).remove;
  }

  dispose(): void {
    this.remove();
  }
}
