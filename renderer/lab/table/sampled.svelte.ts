/**
 * The newest snapshot, but at most a few times a second. The digits views run the network
 * over 2,000 test images and repaint dozens of small canvases; doing that for each of ~60
 * snapshots a second would starve the page, and nobody reads a gallery that fast.
 */
import type { Snapshot } from '../../../core/protocol';

export const SAMPLE_MS = 250;

export class SampledSnapshot {
  value = $state.raw<Snapshot | null>(null);
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly stop: () => void;

  constructor(read: () => Snapshot | null, every = SAMPLE_MS) {
    this.value = read();
    this.stop = $effect.root(() => {
      $effect(() => {
        const next = read();
        // Training stopped (paused, a step, a new network): show that one at once, not up to `every` later.
        if (next !== null && !next.running) {
          this.value = next;
          return;
        }
        if (this.timer !== null) return;
        // The first change after a quiet spell shows at once; later ones wait for the timer.
        this.value = read();
        this.timer = setTimeout(() => {
          this.timer = null;
          this.value = read();
        }, every);
      });
    });
  }

  dispose(): void {
    this.stop();
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
