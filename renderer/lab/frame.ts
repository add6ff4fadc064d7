/**
 * One redraw per animation frame. Views mark themselves dirty as often as they like (every
 * snapshot, every hover); the scheduler draws each dirty view once in the next frame.
 * Before the views draw, `prepare` runs once, so expensive shared work (the grid
 * evaluation) happens once per frame however many views use it.
 */

export type Draw = () => void;

export interface FrameClock {
  request(callback: () => void): number;
  cancel(handle: number): void;
}

export const browserClock: FrameClock = {
  request: (callback) => requestAnimationFrame(() => callback()),
  cancel: (handle) => cancelAnimationFrame(handle),
};

export class FrameScheduler {
  private readonly views = new Map<symbol, Draw>();
  private readonly dirty = new Set<symbol>();
  private handle: number | null = null;
  private prepareDirty = false;
  /** Frames actually drawn (for tests and the benchmark). */
  frames = 0;

  constructor(
    private readonly clock: FrameClock = browserClock,
    private readonly prepare: () => void = () => {},
  ) {}

  /** Registers a view; returns its key and a function that removes it. */
  add(draw: Draw): { key: symbol; remove: () => void } {
    const key = Symbol('view');
    this.views.set(key, draw);
    this.mark(key);
    return {
      key,
      remove: () => {
        this.views.delete(key);
        this.dirty.delete(key);
      },
    };
  }

  /** Marks one view dirty. */
  mark(key: symbol): void {
    this.dirty.add(key);
    this.schedule();
  }

  /** Marks the shared data stale (so `prepare` runs) and every view dirty. */
  invalidate(): void {
    this.prepareDirty = true;
    for (const key of this.views.keys()) this.dirty.add(key);
    this.schedule();
  }

  dispose(): void {
    if (this.handle !== null) this.clock.cancel(this.handle);
    this.handle = null;
    this.views.clear();
    this.dirty.clear();
  }

  private schedule(): void {
    if (this.handle !== null) return;
    this.handle = this.clock.request(() => this.run());
  }

  private run(): void {
    this.handle = null;
    if (this.prepareDirty) {
      this.prepareDirty = false;
      this.prepare();
    }
    const keys = [...this.dirty];
    this.dirty.clear();
    for (const key of keys) this.views.get(key)?.();
    this.frames++;
  }
}
