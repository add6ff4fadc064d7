/**
 * Runs a training session inside a worker, whichever kind: it answers commands at once and,
 * while playing, trains in time slices of about one frame, posting one snapshot per slice
 * (so at most ~60 a second reach the UI; fewer for big networks, see snapshotInterval). The host supplies the clock, the timer and the
 * outgoing channel, which keeps this file free of DOM and Node types.
 */
import { parseCommand, type Command, type EngineEvent, type Snapshot, type Speed } from './protocol';

/** What the runner needs from a training session (core/session.ts provides it). */
export interface SessionLike {
  /** Applies a command and returns the events it produces (usually a snapshot). */
  handle(command: Command): EngineEvent[];
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
  /** Calls `fn` after `ms` milliseconds (setTimeout in both hosts). */
  later(fn: () => void, ms: number): void;
}

/** Length of one training slice: a frame at 60 Hz less some room for posting. */
export const SLICE_MS = 14;
const FRAME_MS = 16;

export class EngineRunner {
  private scheduled = false;
  /** When the last snapshot of a training slice went out. */
  private lastSliceSnapshot = Number.NEGATIVE_INFINITY;

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
    let events: EngineEvent[];
    try {
      events = this.session.handle(command);
    } catch (error) {
      events = [{ type: 'error', replyTo: command.id, message: errorMessage(error) }];
    }
    for (const event of events) this.host.post(event);
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled || !this.session.isRunning()) return;
    this.scheduled = true;
    this.host.later(() => this.tick(), 0);
  }

  private tick(): void {
    this.scheduled = false;
    if (!this.session.isRunning()) return;
    const start = this.host.now();
    const speed = this.session.speed();
    const maxEpochs = speed.mode === 'max' ? Number.POSITIVE_INFINITY : speed.epochs;
    let events: EngineEvent[];
    try {
      events = this.session.train(maxEpochs, () => this.host.now(), start + SLICE_MS);
    } catch (error) {
      events = [{ type: 'error', replyTo: null, message: errorMessage(error) }];
    }
    for (const event of events) this.host.post(event);
    const now = this.host.now();
    const due = now - this.lastSliceSnapshot >= (this.session.snapshotInterval?.() ?? 0) || !this.session.isRunning();
    if (due && !events.some((e) => e.type === 'diverged')) {
      this.host.post({ type: 'snapshot', snapshot: this.session.snapshot() });
      this.lastSliceSnapshot = now;
    }
    if (!this.session.isRunning()) return;
    const elapsed = this.host.now() - start;
    this.scheduled = true;
    // In "max" mode yield briefly so incoming commands get through; otherwise keep a frame's pace.
    const wait = speed.mode === 'max' ? 0 : Math.max(0, FRAME_MS - elapsed);
    this.host.later(() => this.tick(), wait);
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
