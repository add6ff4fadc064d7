import { describe, expect, it } from 'vitest';
import { FrameScheduler, type FrameClock } from '../../../renderer/lab/frame';

function manualClock(): FrameClock & { tick(ms?: number): void; spend(ms: number): void; pending(): number } {
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
    tick(ms = 16) {
      time += ms;
      const run = queue;
      queue = [];
      for (const callback of run) callback();
    },
    /** Time passing inside a frame (a view that takes this long to draw). */
    spend(ms) {
      time += ms;
    },
    pending: () => queue.length,
  };
}

describe('FrameScheduler', () => {
  it('draws each dirty view once per frame however often it is marked', () => {
    const clock = manualClock();
    let prepared = 0;
    const scheduler = new FrameScheduler(clock, () => prepared++);
    const drawn = { a: 0, b: 0 };
    const a = scheduler.add(() => drawn.a++);
    scheduler.add(() => drawn.b++);
    clock.tick();
    expect(drawn).toEqual({ a: 1, b: 1 });
    for (let i = 0; i < 50; i++) scheduler.invalidate();
    scheduler.mark(a.key);
    expect(clock.pending()).toBe(1);
    clock.tick();
    expect(drawn).toEqual({ a: 2, b: 2 });
    expect(prepared).toBe(1);
  });

  it('redraws only the marked view and skips the shared work for it', () => {
    const clock = manualClock();
    let prepared = 0;
    const scheduler = new FrameScheduler(clock, () => prepared++);
    const drawn = { a: 0, b: 0 };
    const a = scheduler.add(() => drawn.a++);
    scheduler.add(() => drawn.b++);
    clock.tick();
    scheduler.mark(a.key);
    clock.tick();
    expect(drawn).toEqual({ a: 2, b: 1 });
    expect(prepared).toBe(0);
  });

  it('does nothing after a view is removed or the scheduler disposed', () => {
    const clock = manualClock();
    const scheduler = new FrameScheduler(clock);
    let drawn = 0;
    const view = scheduler.add(() => drawn++);
    view.remove();
    clock.tick();
    expect(drawn).toBe(0);
    scheduler.add(() => drawn++);
    scheduler.dispose();
    clock.tick();
    expect(drawn).toBe(0);
  });

  it('leaves static layers alone on invalidate and redraws them only when marked', () => {
    const clock = manualClock();
    const scheduler = new FrameScheduler(clock);
    const drawn = { points: 0, heat: 0 };
    const points = scheduler.add(() => drawn.points++, { static: true });
    scheduler.add(() => drawn.heat++);
    clock.tick();
    scheduler.invalidate();
    clock.tick();
    scheduler.invalidate();
    clock.tick();
    expect(drawn).toEqual({ points: 1, heat: 3 });
    scheduler.mark(points.key);
    clock.tick();
    expect(drawn.points).toBe(2);
  });

  it('holds a throttled view back until its interval has passed, without losing the update', () => {
    const clock = manualClock();
    const scheduler = new FrameScheduler(clock);
    let drawn = 0;
    const chart = scheduler.add(() => drawn++, { minInterval: 50 });
    clock.tick(16); // first draw
    scheduler.mark(chart.key);
    clock.tick(16); // 16 ms later: too soon
    clock.tick(16); // 32 ms: too soon
    expect(drawn).toBe(1);
    expect(clock.pending()).toBe(1);
    clock.tick(20); // 52 ms: drawn
    expect(drawn).toBe(2);
    expect(clock.pending()).toBe(0);
  });

  it('draws at most one throttled view per frame, so costly views take turns', () => {
    const clock = manualClock();
    const scheduler = new FrameScheduler(clock);
    const order: string[] = [];
    scheduler.add(() => order.push('chart'), { minInterval: 100 });
    scheduler.add(() => order.push('space'), { minInterval: 100 });
    scheduler.add(() => order.push('heat'));
    clock.tick();
    expect(order).toEqual(['chart', 'heat']);
    clock.tick();
    expect(order).toEqual(['chart', 'heat', 'space']);
    expect(clock.pending()).toBe(0);
    // Both due again much later, and every frame invalidated: still one costly view a frame.
    clock.tick(200);
    for (let frame = 0; frame < 3; frame++) {
      scheduler.invalidate();
      clock.tick();
    }
    expect(order.filter((v) => v === 'heat')).toHaveLength(4);
    expect(order.slice(3).filter((v) => v !== 'heat')).toEqual(['chart', 'space']);
  });

  it('with reduced motion, draws no more often than the gap asks, and still draws every change', () => {
    const clock = manualClock();
    let gap = 100;
    const scheduler = new FrameScheduler(
      clock,
      () => {},
      () => gap,
    );
    let drawn = 0;
    scheduler.add(() => drawn++);
    clock.tick();
    expect(drawn).toBe(1);
    // Sixty frames' worth of snapshots in one second: about ten draws, one per 100 ms.
    for (let frame = 0; frame < 60; frame++) {
      scheduler.invalidate();
      clock.tick(1000 / 60);
    }
    expect(drawn).toBeGreaterThanOrEqual(9);
    expect(drawn).toBeLessThanOrEqual(11);
    // The last change is drawn once its time comes, not dropped.
    scheduler.invalidate();
    const before = drawn;
    for (let frame = 0; frame < 8; frame++) clock.tick(16);
    expect(drawn).toBe(before + 1);
    // Motion allowed again: every frame draws.
    gap = 0;
    for (let frame = 0; frame < 5; frame++) {
      scheduler.invalidate();
      clock.tick(16);
    }
    expect(drawn).toBe(before + 6);
  });

  it('with quietFirstFrame, leaves the first frame to the layout of the new screen: shared work only, views from the next frame', () => {
    const clock = manualClock();
    let prepared = 0;
    const scheduler = new FrameScheduler(clock, () => prepared++, undefined, { quietFirstFrame: true });
    let drawn = 0;
    scheduler.add(() => drawn++);
    scheduler.invalidate();
    clock.tick();
    expect({ prepared, drawn }).toEqual({ prepared: 1, drawn: 0 });
    expect(clock.pending()).toBe(1);
    clock.tick();
    expect({ prepared, drawn }).toEqual({ prepared: 1, drawn: 1 });
    // Only the first frame is quiet.
    scheduler.invalidate();
    clock.tick();
    expect({ prepared, drawn }).toEqual({ prepared: 2, drawn: 2 });
  });

  it('is settled only once every view has drawn (a menu export waits for it before taking a picture)', () => {
    const clock = manualClock();
    const scheduler = new FrameScheduler(clock, undefined, undefined, { quietFirstFrame: true, budgetMs: 8 });
    scheduler.add(() => clock.spend(10));
    scheduler.add(() => clock.spend(10));
    expect(scheduler.settled).toBe(false);
    clock.tick(); // the quiet frame
    expect(scheduler.settled).toBe(false);
    clock.tick(); // the first view; the budget leaves the second for the next frame
    expect(scheduler.settled).toBe(false);
    clock.tick();
    expect(scheduler.settled).toBe(true);
    scheduler.invalidate();
    expect(scheduler.settled).toBe(false);
  });

  it('with a budget, spreads the views of a busy frame over the next frames, each view drawn once and none dropped', () => {
    const clock = manualClock();
    const scheduler = new FrameScheduler(clock, undefined, undefined, { budgetMs: 8 });
    const order: string[] = [];
    const view = (name: string, ms: number) => scheduler.add(() => (order.push(name), clock.spend(ms)));
    view('network', 20);
    view('output', 5);
    view('points', 2);
    view('weights', 3);
    clock.tick();
    // The first view of a frame always draws, however long it takes; the rest wait.
    expect(order).toEqual(['network']);
    clock.tick();
    // 5 + 2 ms is within the budget, and the view that starts after 7 ms still fits before 8.
    expect(order).toEqual(['network', 'output', 'points', 'weights']);
    expect(clock.pending()).toBe(0);
    // Without a budget, one frame draws them all.
    const plain = new FrameScheduler(clock);
    let all = 0;
    for (let i = 0; i < 4; i++) plain.add(() => (all++, clock.spend(20)));
    clock.tick();
    expect(all).toBe(4);
  });
});
