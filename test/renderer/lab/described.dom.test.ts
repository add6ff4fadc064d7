import { describe, expect, it } from 'vitest';
import { Described } from '../../../renderer/lab/described.svelte';
import { FrameScheduler, type FrameClock } from '../../../renderer/lab/frame';

/** Frames run only when told to. */
function manualClock(): FrameClock & { frame(): void } {
  let queue: (() => void)[] = [];
  let time = 0;
  return {
    now: () => time,
    request(callback) {
      queue.push(callback);
      return queue.length;
    },
    cancel() {
      queue = [];
    },
    frame() {
      time += 1000;
      const run = queue;
      queue = [];
      for (const callback of run) callback();
    },
  };
}

/** Lets a task queued after this one run (happy-dom has no requestIdleCallback, so idle work is such a task). */
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('Described', () => {
  it('works its words out in an idle task of its own, not inside the frame that draws the pictures', async () => {
    const clock = manualClock();
    const scheduler = new FrameScheduler(clock);
    let computed = 0;
    const words = new Described(scheduler, () => `described ${++computed}`, 'nothing yet');
    clock.frame();
    // The frame has asked for the words, but not worked them out.
    expect(computed).toBe(0);
    expect(words.value).toBe('nothing yet');
    await nextTask();
    expect(computed).toBe(1);
    expect(words.value).toBe('described 1');
    // Marked again and again before the idle moment comes: worked out once.
    scheduler.invalidate();
    clock.frame();
    scheduler.invalidate();
    clock.frame();
    await nextTask();
    expect(computed).toBe(2);
    // Disposed with idle work still to do: it is never done.
    scheduler.invalidate();
    clock.frame();
    words.dispose();
    await nextTask();
    expect(computed).toBe(2);
  });
});
