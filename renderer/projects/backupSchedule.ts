/**
 * When the open project is backed up (browser host) or handed to the main process
 * (desktop), so that doing it never stalls the page. The Lab changes ~60 times a second
 * while training; a backup of a digits network writes hundreds of thousands of numbers.
 *
 * - A change only marks the project as changed (cheap: it runs on every snapshot).
 * - While training, backups are spaced out: at most one every `spacingMs`, more for a
 *   project whose last backup took long (`costFactor` times the time it took).
 * - Other changes (settings, names) are gathered for `settleMs` and then backed up.
 * - Pausing backs up soon; leaving the page backs up a waiting change at once, without
 *   waiting for idle time.
 * - The backup itself runs in idle time (requestIdleCallback, with a timeout so it always
 *   happens) and hands its work over in slices: `Slicer.next()` waits for the next idle
 *   period whenever the current one is used up.
 * Only one backup runs at a time; a change during one is backed up after it.
 */

/** Why the project changed. */
export type ChangeKind = 'progress' | 'settings' | 'pause' | 'leave';

/** What requestIdleCallback passes (only the part used here). */
export interface IdleDeadline {
  timeRemaining(): number;
}

export interface ScheduleClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** Calls `fn` in idle time, or after `timeoutMs` at the latest. */
  requestIdle(fn: (deadline: IdleDeadline) => void, timeoutMs: number): unknown;
}

/** Lets a long job give the page back its thread between slices of work. */
export interface Slicer {
  /** Resolves at once while the current idle period lasts, else at the next one. */
  next(): Promise<void>;
}

export interface ScheduleOptions {
  /** Quiet time gathered after a change of settings before backing up. */
  settleMs: number;
  /** Least time between two backups while training. */
  spacingMs: number;
  /** While training, wait at least this many times as long as the last backup took. */
  costFactor: number;
  /** The longest the start of a backup waits for idle time. */
  idleTimeoutMs: number;
  /** The longest each later slice of a backup waits for idle time (a busy page has little). */
  sliceTimeoutMs: number;
  /** Work stops for the next idle period when less than this is left of the current one. */
  sliceReserveMs: number;
  /**
   * A slice may always run this long, even in an idle callback that came by its timeout with
   * no idle time: small pieces then share one short task instead of one each.
   */
  minSliceMs: number;
}

export const DEFAULT_SCHEDULE: ScheduleOptions = {
  settleMs: 2000,
  spacingMs: 5000,
  costFactor: 40,
  idleTimeoutMs: 1000,
  sliceTimeoutMs: 50,
  sliceReserveMs: 4,
  minSliceMs: 5,
};

/** The page's own clock: requestIdleCallback where there is one, else a short timeout. */
export function pageClock(): ScheduleClock {
  const idle = (globalThis as { requestIdleCallback?: (fn: (d: IdleDeadline) => void, o: { timeout: number }) => number })
    .requestIdleCallback;
  return {
    now: () => performance.now(),
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    requestIdle: (fn, timeoutMs) =>
      idle
        ? idle.call(globalThis, fn, { timeout: timeoutMs })
        : // No idle callbacks (older Safari): a short timeout with a 10 ms budget.
          setTimeout(() => {
            const start = performance.now();
            fn({ timeRemaining: () => Math.max(0, 10 - (performance.now() - start)) });
          }, 16),
  };
}

export class BackupSchedule {
  private readonly options: ScheduleOptions;
  /** A change not yet backed up. */
  private changed = false;
  private training = false;
  private timer: unknown = null;
  private timerDue = Number.POSITIVE_INFINITY;
  private running = false;
  /** Due, and waiting for idle time: a run is about to start. */
  private starting = false;
  /** Counts requests to start, so an idle callback that was overtaken does nothing. */
  private startRequest = 0;
  private stopped = false;
  /** Training paused while a backup ran: the next one is due at once. */
  private pausedDuringRun = false;
  /** The page is going away: the running backup takes no more breaks. */
  private hurry = false;
  private lastStart = Number.NEGATIVE_INFINITY;
  private lastCost = 0;
  /** Time the running job spent waiting for idle periods. */
  private waited = 0;
  /** Deadline of the idle period the running job is in, or null between periods. */
  private deadline: IdleDeadline | null = null;
  /** When the running job's current slice began. */
  private sliceStart = 0;

  constructor(
    private readonly job: (slicer: Slicer) => Promise<void>,
    private readonly clock: ScheduleClock,
    options: Partial<ScheduleOptions> = {},
  ) {
    this.options = { ...DEFAULT_SCHEDULE, ...options };
  }

  /** Notes a change. Cheap: called on every training snapshot. */
  note(kind: ChangeKind): void {
    if (this.stopped) return;
    if (kind === 'leave') {
      if (this.running) this.hurry = true;
      else if (this.changed) {
        this.hurry = true;
        this.cancelTimer();
        this.startRequest++;
        void this.run(null);
      }
      return;
    }
    this.changed = true;
    this.training = kind === 'progress';
    if (this.running) {
      if (kind === 'pause') this.pausedDuringRun = true;
      return;
    }
    if (this.starting) return;
    const now = this.clock.now();
    const due = this.dueTime(kind, now);
    if (due < this.timerDue) this.setTimer(due, now);
  }

  /** True while a backup runs or a change waits for one. */
  get pending(): boolean {
    return this.running || this.changed;
  }

  /** The main-thread time the last backup took, in ms, waits for idle periods left out. */
  get lastWork(): number {
    return this.lastCost;
  }

  /** Stops for good: nothing more is scheduled or started. */
  stop(): void {
    this.stopped = true;
    this.cancelTimer();
  }

  private dueTime(kind: 'progress' | 'settings' | 'pause', now: number): number {
    if (kind === 'pause') return now;
    const settled = now + this.options.settleMs;
    if (kind === 'settings') return settled;
    const spacing = Math.max(this.options.spacingMs, this.options.costFactor * this.lastCost);
    return Math.max(settled, this.lastStart + spacing);
  }

  private setTimer(due: number, now: number): void {
    this.cancelTimer();
    this.timerDue = due;
    this.timer = this.clock.setTimeout(
      () => {
        this.timer = null;
        this.timerDue = Number.POSITIVE_INFINITY;
        this.starting = true;
        const request = ++this.startRequest;
        this.clock.requestIdle((deadline) => {
          if (request === this.startRequest) void this.run(deadline);
        }, this.options.idleTimeoutMs);
      },
      Math.max(0, due - now),
    );
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
    this.timerDue = Number.POSITIVE_INFINITY;
  }

  private async run(deadline: IdleDeadline | null): Promise<void> {
    this.starting = false;
    if (this.stopped || this.running || !this.changed) return;
    this.running = true;
    this.changed = false;
    this.pausedDuringRun = false;
    this.deadline = deadline;
    this.waited = 0;
    const start = this.clock.now();
    this.lastStart = start;
    this.sliceStart = start;
    try {
      await this.job({ next: () => this.nextSlice() });
    } catch {
      // The job reports its own problems; a failed backup is tried again at the next change.
    } finally {
      this.lastCost = Math.max(0, this.clock.now() - start - this.waited);
      this.running = false;
      this.deadline = null;
    }
    if (this.stopped) return;
    if (!this.changed) {
      this.hurry = false;
      return;
    }
    if (this.hurry) {
      void this.run(null);
      return;
    }
    const now = this.clock.now();
    const kind = this.pausedDuringRun ? 'pause' : this.training ? 'progress' : 'settings';
    this.pausedDuringRun = false;
    this.setTimer(this.dueTime(kind, now), now);
  }

  private nextSlice(): Promise<void> {
    if (this.hurry || this.stopped) return Promise.resolve();
    const asked = this.clock.now();
    if (asked - this.sliceStart < this.options.minSliceMs) return Promise.resolve();
    if (this.deadline && this.deadline.timeRemaining() > this.options.sliceReserveMs) return Promise.resolve();
    return new Promise((resolve) => {
      this.clock.requestIdle((deadline) => {
        this.sliceStart = this.clock.now();
        this.waited += this.sliceStart - asked;
        this.deadline = deadline;
        resolve();
      }, this.options.sliceTimeoutMs);
    });
  }
}

/**
 * A slicer for work the learner is waiting for (Save, Open): it takes a break every
 * `sliceMs` so that the page still draws, but never waits for idle time.
 */
export function hurriedSlicer(now: () => number = () => performance.now(), sliceMs = 10): Slicer {
  let since = now();
  return {
    next() {
      if (now() - since < sliceMs) return Promise.resolve();
      return new Promise((resolve) =>
        setTimeout(() => {
          since = now();
          resolve();
        }, 0),
      );
    },
  };
}
