import type { Snapshot } from '../../core/protocol';

/**
 * Decides which of the worker's snapshots reach the page and how they are numbered. While a
 * restarted worker is being restored, its snapshots are held back until the barrier's state
 * reply arrives; and since a restarted worker starts its own configVersion numbering again,
 * its snapshots are shifted to continue the page's.
 */
export class SnapshotRelay {
  /** While restoring: events are held back until the barrier's state reply arrives. */
  private restoring: { barrier: number; snapshot: Snapshot | null } | null = null;
  /** Added to the worker's configVersion so a restarted worker continues the page's numbering. */
  private versionOffset = 0;
  private lastForwardedVersion = 0;
  private calibrate = false;

  /** Holds snapshots back until the state reply to `barrier` arrives. */
  beginRestore(barrier: number): void {
    this.restoring = { barrier, snapshot: null };
  }

  /** The worker is gone: nothing is being restored any more. */
  cancelRestore(): void {
    this.restoring = null;
  }

  /** Whether `replyTo` answers the restore's barrier. */
  isBarrier(replyTo: number): boolean {
    return this.restoring?.barrier === replyTo;
  }

  /** Keeps the snapshot back (the newest one only) if a restore is under way; true if it was. */
  hold(snapshot: Snapshot): boolean {
    if (!this.restoring) return false;
    this.restoring.snapshot = snapshot;
    return true;
  }

  /**
   * Ends the restore: returns the held snapshot, renumbered and showing `running`, for the
   * page — or null when none arrived, and then the next one forwarded sets the numbering.
   */
  finishRestore(running: boolean): Snapshot | null {
    const held = this.restoring?.snapshot ?? null;
    this.restoring = null;
    if (held) {
      this.calibrateTo(held);
      return this.renumber({ ...held, running });
    }
    this.calibrate = true;
    return null;
  }

  /** The snapshot as the page should see it. */
  renumber(snapshot: Snapshot): Snapshot {
    if (this.calibrate) this.calibrateTo(snapshot);
    const configVersion = snapshot.configVersion + this.versionOffset;
    this.lastForwardedVersion = configVersion;
    return configVersion === snapshot.configVersion ? snapshot : { ...snapshot, configVersion };
  }

  /** Continues the page's numbering from this (first) snapshot of a restarted worker. */
  private calibrateTo(snapshot: Snapshot): void {
    this.versionOffset = this.lastForwardedVersion - snapshot.configVersion;
    this.calibrate = false;
  }
}
