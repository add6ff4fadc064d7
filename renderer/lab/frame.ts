/**
 * One redraw per animation frame. Views mark themselves dirty as often as they like (every
 * snapshot, every hover); the scheduler draws each dirty view once in the next frame.
 * Before the views draw, `prepare` runs once, so expensive shared work (the grid
 * evaluation) happens once per frame however many views use it. Throttled views (charts,
 * layer space) are the costly, rarely needed kind: at most one of them draws in a frame, so
 * their work is spread over frames instead of piling up in one long task.
 *
 * Two options keep a screen's first frames short (issue 12, item 6). `quietFirstFrame`: the
 * first frame after the scheduler starts draws no view (it runs `prepare` only), since that
 * frame already lays out the whole new screen; the views draw from the next one. `budgetMs`: once the views of a frame
 * have used this much time, the views still dirty wait for the next frame (the first view of a
 * frame always draws, so every view gets its turn).
 */

export type Draw = () => void;

export interface FrameClock {
  request(callback: () => void): number;
  cancel(handle: number): void;
  now(): number;
}

export const browserClock: FrameClock = {
  request: (callback) => requestAnimationFrame(() => callback()),
  cancel: (handle) => cancelAnimationFrame(handle),
  now: () => performance.now(),
};

export interface ViewOptions {
  /** A static layer: `invalidate` leaves it alone; it redraws only when marked itself. */
  static?: boolean;
  /** Draw at most once per this many milliseconds (a chart need not move at 60 Hz). */
  minInterval?: number;
}

export interface SchedulerOptions {
  /** Draw nothing in the first frame (the one that lays out a freshly mounted screen). */
  quietFirstFrame?: boolean;
  /** Once a frame's drawing has taken this many ms, the rest waits for the next frame. */
  budgetMs?: number;
}

interface View {
  draw: Draw;
  static: boolean;
  minInterval: number;
  last: number;
}

export class FrameScheduler {
  private readonly views = new Map<symbol, View>();
  private readonly dirty = new Set<symbol>();
  private handle: number | null = null;
  private prepareDirty = false;
  /** Frames actually drawn (for tests and the benchmark). */
  frames = 0;

  /** When the last frame was drawn, for `gap`. */
  private lastFrame = Number.NEGATIVE_INFINITY;
  /** True once the first frame has gone by (see SchedulerOptions.quietFirstFrame). */
  private started: boolean;
  private readonly budgetMs: number;

  /** `gap`: the shortest time between two drawn frames (reduced motion asks for fewer; 0: every frame). */
  constructor(
    private readonly clock: FrameClock = browserClock,
    private readonly prepare: () => void = () => {},
    private readonly gap: () => number = () => 0,
    options: SchedulerOptions = {},
  ) {
    this.started = !options.quietFirstFrame;
    this.budgetMs = options.budgetMs ?? Number.POSITIVE_INFINITY;
  }

  /** Registers a view; returns its key and a function that removes it. */
  add(draw: Draw, options: ViewOptions = {}): { key: symbol; remove: () => void } {
    const key = Symbol('view');
    this.views.set(key, { draw, static: options.static ?? false, minInterval: options.minInterval ?? 0, last: Number.NEGATIVE_INFINITY });
    this.mark(key);
    return {
      key,
      remove: () => {
        this.views.delete(key);
        this.dirty.delete(key);
      },
    };
  }

  /** True when every view has drawn what it was asked to: nothing dirty, no frame waiting. */
  get settled(): boolean {
    return this.started && this.dirty.size === 0 && this.handle === null;
  }

  /** Marks one view dirty. */
  mark(key: symbol): void {
    this.dirty.add(key);
    this.schedule();
  }

  /** Marks the shared data stale (so `prepare` runs) and every view but the static ones dirty. */
  invalidate(): void {
    this.prepareDirty = true;
    for (const [key, view] of this.views) if (!view.static) this.dirty.add(key);
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
    if (this.clock.now() - this.lastFrame < this.gap()) {
      // Too soon after the last frame for the learner's motion setting: wait for a later one.
      this.schedule();
      return;
    }
    this.lastFrame = this.clock.now();
    if (this.prepareDirty) {
      this.prepareDirty = false;
      this.prepare();
    }
    if (!this.started) {
      // The frame that lays out the new screen: the shared work is done, the views draw in the next one.
      this.started = true;
      this.schedule();
      return;
    }
    const now = this.clock.now();
    const keys = [...this.dirty];
    this.dirty.clear();
    let deferred = false;
    let throttledDrawn = false;
    let drawnAny = false;
    for (const key of keys) {
      const view = this.views.get(key);
      if (!view) continue;
      if (drawnAny && this.clock.now() - now >= this.budgetMs) {
        // This frame has drawn enough: the rest draws in the next one.
        this.dirty.add(key);
        deferred = true;
        continue;
      }
      const throttled = view.minInterval > 0;
      if (throttled && (throttledDrawn || now - view.last < view.minInterval)) {
        // Too soon for this view, or another costly one drew this frame: keep it for later.
        this.dirty.add(key);
        deferred = true;
        continue;
      }
      if (throttled) throttledDrawn = true;
      view.last = now;
      view.draw();
      drawnAny = true;
    }
    this.frames++;
    if (deferred) this.schedule();
  }
}
