/**
 * Runs a training session inside a worker, whichever kind: it answers commands at once and,
 * while playing, trains in time slices of about one frame, posting one snapshot per slice
 * (so at most ~60 a second reach the UI; fewer for big networks, see snapshotInterval). The host supplies the clock, the timer and the
 * outgoing channel, which keeps this file free of DOM and Node types.
 *
 * Pacing: the Lab's views send 'drawn' as they begin each frame that draws a snapshot. While
 * they do, the runner keeps each slice's snapshot back until that signal, so exactly one
 * goes out per frame, just in time for the next; and it trains only as long a slice as the
 * page can afford (pacing.ts), resting until the next frame when it is done. On a two-core
 * machine the page's frames would otherwise lose out to a worker that never rests. When no
 * 'drawn' comes for PAGE_WAIT_MS (the Lab is closed, the window hidden), the snapshot goes
 * anyway and the runner trains flat out again until the page draws.
 */
import { FramePacer } from './pacing';
import { parseCommand, type EngineEvent, type SessionCommand, type Snapshot, type Speed } from './protocol';

/** What the runner needs from a training session (core/session.ts provides it). */
export interface SessionLike {
  /** Applies a command and returns the events it produces (usually a snapshot). */
  handle(command: SessionCommand): EngineEvent[];
  isRunning(): boolean;
  speed(): Speed;
  /**
   * Trains whole epochs, at most `maxEpochs`, stopping early once `clock()` passes
   * `deadline`; returns the events that training raised (a divergence, say).
   */
  train(maxEpochs: number, clock: () => number, deadline: number): EngineEvent[];
  snapshot(): Snapshot;
  /**
   * The shortest time between two snapshots while playing, in ms (0 or absent: one per
   * slice). A big network's snapshot is large (784→128→10: 800 KB of weights), and ten a
   * second is plenty for its views.
   */
  snapshotInterval?(): number;
}

export interface RunnerHost {
  post(event: EngineEvent): void;
  now(): number;
  /**
   * Calls `fn` after `ms` milliseconds. Every engine worker (engine-worker.ts) answers a 0 with
   * a message to itself, which no browser clamps, and a longer wait with a timer.
   */
  later(fn: () => void, ms: number): void;
}

/** Length of one training slice: a frame at 60 Hz less some room for posting. */
export const SLICE_MS = 14;
const FRAME_MS = 16;
/** At a speed in epochs per second, ticks this late catch up; later ones start the timetable afresh. */
const CATCH_UP_MS = 100;
/** How long a held snapshot waits for the page's next frame before it goes anyway and pacing stops. */
export const PAGE_WAIT_MS = 50;

export class EngineRunner {
  private scheduled = false;
  /** When the last snapshot of a training slice went out. */
  private lastSliceSnapshot = Number.NEGATIVE_INFINITY;
  /** The page draws our snapshots and says so at the start of each frame ('drawn'). */
  private paced = false;
  /** A 'drawn' came since the last slice's snapshot went out, so the next may go at once. */
  private drawnSincePost = true;
  /** A slice's snapshot kept back until the page begins its next frame. */
  private held: Snapshot | null = null;
  /** How long a slice trains while paced, from how well the page keeps up. */
  private readonly pacer = new FramePacer();
  /** At a speed in epochs per second: when the next tick is due (the runner's clock, ms). */
  private due = Number.NEGATIVE_INFINITY;
  /** Counts scheduled ticks: a tick scheduled before a newer one does nothing (see `next`). */
  private generation = 0;

  constructor(
    private readonly session: SessionLike,
    private readonly host: RunnerHost,
  ) {}

  /** Entry point for every incoming message, trusted or not. */
  receive(message: unknown): void {
    const command = parseCommand(message);
    if (typeof command === 'string') {
      const id = typeof message === 'object' && message !== null ? (message as { id?: unknown }).id : null;
      this.host.post({ type: 'error', replyTo: Number.isInteger(id) ? (id as number) : null, message: command });
      return;
    }
    if (command.type === 'drawn') {
      this.pageDrew();
      return;
    }
    // A kept-back snapshot goes before anything this command brings, so the page sees them in order.
    this.release();
    // A new speed or a fresh start keeps time from now on, not from a tick due at the old pace.
    // A tick already waiting at the old pace is replaced.
    if (command.type === 'set-speed' || command.type === 'play') {
      this.due = Number.NEGATIVE_INFINITY;
      this.scheduled = false;
    }
    let events: EngineEvent[];
    try {
      events = this.session.handle(command);
    } catch (error) {
      events = [{ type: 'error', replyTo: command.id, message: errorMessage(error) }];
    }
    for (const event of events) this.host.post(event);
    this.schedule();
  }

  /** The page began a frame: a held snapshot goes now, and the next slice may start. */
  private pageDrew(): void {
    this.pacer.frame(this.host.now());
    this.paced = true;
    this.drawnSincePost = true;
    if (this.held) {
      this.release();
      this.schedule();
    }
  }

  /** Posts the kept-back snapshot, if any. */
  private release(): void {
    if (!this.held) return;
    this.host.post({ type: 'snapshot', snapshot: this.held });
    this.held = null;
    this.drawnSincePost = false;
  }

  /** Keeps a slice's snapshot back until the page's next frame, or PAGE_WAIT_MS at most. */
  private hold(snapshot: Snapshot): void {
    this.held = snapshot;
    this.host.later(() => {
      // Only while this very snapshot is still held: a later hold has its own time-out.
      if (this.held !== snapshot) return;
      this.paced = false;
      this.release();
      this.schedule();
    }, PAGE_WAIT_MS);
  }

  private schedule(): void {
    if (this.scheduled || this.held || !this.session.isRunning()) return;
    this.scheduled = true;
    this.next(this.untilDue());
  }

  /** Schedules the next tick, replacing any scheduled before. */
  private next(ms: number): void {
    const generation = ++this.generation;
    this.host.later(() => {
      if (generation === this.generation) this.tick();
    }, ms);
  }

  /** How long until the next tick at a speed in epochs per second (0 at the other speeds). */
  private untilDue(): number {
    return this.session.speed().mode === 'epochsPerSecond' ? Math.max(0, this.due - this.host.now()) : 0;
  }

  private tick(): void {
    this.scheduled = false;
    if (!this.session.isRunning()) return;
    const start = this.host.now();
    const speed = this.session.speed();
    const perTick = ticking(speed);
    if (perTick !== null) {
      // Ticks keep to a timetable, so timer delays do not add up (late ticks catch up); one
      // behind by more than CATCH_UP_MS (a pause, a busy machine) starts it again from now.
      if (start - this.due > Math.max(perTick.period, CATCH_UP_MS)) this.due = start;
      this.due += perTick.period;
    }
    const maxEpochs = speed.mode === 'max' ? Number.POSITIVE_INFINITY : perTick !== null ? perTick.epochs : speed.epochs;
    let events: EngineEvent[];
    try {
      events = this.session.train(maxEpochs, () => this.host.now(), start + (this.paced ? this.pacer.slice : SLICE_MS));
    } catch (error) {
      events = [{ type: 'error', replyTo: null, message: errorMessage(error) }];
    }
    for (const event of events) this.host.post(event);
    const now = this.host.now();
    const due = now - this.lastSliceSnapshot >= (this.session.snapshotInterval?.() ?? 0) || !this.session.isRunning();
    if (due && !events.some((e) => e.type === 'diverged')) {
      const snapshot = this.session.snapshot();
      this.lastSliceSnapshot = now;
      if (this.paced && !this.drawnSincePost && this.session.isRunning()) {
        this.hold(snapshot);
        return;
      }
      this.host.post({ type: 'snapshot', snapshot });
      this.drawnSincePost = false;
    }
    if (!this.session.isRunning()) return;
    const elapsed = this.host.now() - start;
    this.scheduled = true;
    // In "max" mode yield briefly so incoming commands get through; otherwise keep a frame's
    // pace, which the page's own frames set while it paces us.
    // At a speed in epochs per second, wait for the timetable.
    const wait = perTick !== null ? this.untilDue() : speed.mode === 'max' || this.paced ? 0 : Math.max(0, FRAME_MS - elapsed);
    this.next(wait);
  }
}

/**
 * At a speed in epochs per second: the epochs each tick trains and the time between ticks
 * (ms). Up to one epoch a frame each tick trains one; faster, a frame's worth.
 */
export function ticking(speed: Speed): { epochs: number; period: number } | null {
  if (speed.mode !== 'epochsPerSecond') return null;
  const epochs = Math.max(1, Math.round((speed.epochs * FRAME_MS) / 1000));
  return { epochs, period: (epochs * 1000) / speed.epochs };
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
