/** A fake page clock for the backup schedule: timers, idle callbacks and time under test control. */
import type { IdleDeadline, ScheduleClock } from '../../../renderer/projects/backupSchedule';

interface Timer {
  id: number;
  at: number;
  fn: () => void;
}
interface Idle {
  id: number;
  timeoutAt: number;
  fn: (deadline: IdleDeadline) => void;
}

/** Lets every pending promise callback run. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export class FakeClock implements ScheduleClock {
  t = 0;
  private nextId = 1;
  private timers: Timer[] = [];
  private idles: Idle[] = [];
  /** How many idle callbacks ran because their timeout passed (no idle time came). */
  timedOutIdles = 0;

  now = (): number => this.t;

  setTimeout = (fn: () => void, ms: number): unknown => {
    const id = this.nextId++;
    this.timers.push({ id, at: this.t + ms, fn });
    return id;
  };

  clearTimeout = (handle: unknown): void => {
    this.timers = this.timers.filter((timer) => timer.id !== handle);
  };

  requestIdle = (fn: (deadline: IdleDeadline) => void, timeoutMs: number): unknown => {
    const id = this.nextId++;
    this.idles.push({ id, timeoutAt: this.t + timeoutMs, fn });
    return id;
  };

  get waitingIdles(): number {
    return this.idles.length;
  }

  /** Moves time on in 1 ms steps, firing timers and timed-out idle callbacks (with no time left). */
  async advance(ms: number): Promise<void> {
    const end = this.t + ms;
    while (this.t < end) {
      this.t += 1;
      await this.fireDue();
    }
  }

  /** An idle period of `ms`: every waiting idle callback runs with that much time (time itself moves on by `used`). */
  async idle(ms: number, used = 0): Promise<void> {
    const start = this.t;
    const waiting = this.idles.splice(0);
    for (const idle of waiting) idle.fn({ timeRemaining: () => Math.max(0, ms - (this.t - start)) });
    this.t += used;
    await settle();
  }

  private async fireDue(): Promise<void> {
    const due = this.timers.filter((timer) => timer.at <= this.t);
    this.timers = this.timers.filter((timer) => timer.at > this.t);
    for (const timer of due) timer.fn();
    const late = this.idles.filter((idle) => idle.timeoutAt <= this.t);
    this.idles = this.idles.filter((idle) => idle.timeoutAt > this.t);
    for (const idle of late) {
      this.timedOutIdles++;
      idle.fn({ timeRemaining: () => 0 });
    }
    if (due.length > 0 || late.length > 0) await settle();
  }
}
