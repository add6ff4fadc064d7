/**
 * The engine host's heartbeat: at most one of its own state requests is outstanding at a
 * time, and one left unanswered longer than `timeoutMs` means the worker is hung.
 */
export class Heartbeat {
  private pending: { id: number; sentAt: number } | null = null;

  constructor(
    private readonly timeoutMs: number,
    private readonly now: () => number,
  ) {}

  /** Whether a heartbeat is waiting for its answer. */
  get waiting(): boolean {
    return this.pending !== null;
  }

  /** The state request `id` was just sent. */
  sent(id: number): void {
    this.pending = { id, sentAt: this.now() };
  }

  /** The worker answered (or refused) command `replyTo`. */
  answered(replyTo: number): void {
    if (this.pending?.id === replyTo) this.pending = null;
  }

  /** Forgets the outstanding heartbeat (its worker is gone). */
  clear(): void {
    this.pending = null;
  }

  /** Why the worker counts as hung (its heartbeat went unanswered too long), or null. */
  overdue(): string | null {
    const pending = this.pending;
    if (pending && this.now() - pending.sentAt > this.timeoutMs) return `no answer for ${this.now() - pending.sentAt} ms`;
    return null;
  }
}
