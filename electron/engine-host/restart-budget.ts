/**
 * The engine host's restart policy: at most `maxRestarts` restarts within any
 * `restartWindowMs`; one more and the host gives up rather than restart a worker that keeps
 * stopping.
 */
export class RestartBudget {
  private restarts: number[] = [];

  constructor(
    private readonly maxRestarts: number,
    private readonly restartWindowMs: number,
    private readonly now: () => number,
  ) {}

  /** Counts a restart now and says whether it may go ahead (false: too many, give up). */
  take(): boolean {
    const now = this.now();
    this.restarts = this.restarts.filter((t) => now - t < this.restartWindowMs);
    if (this.restarts.length >= this.maxRestarts) return false;
    this.restarts.push(now);
    return true;
  }
}
