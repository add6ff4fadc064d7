/**
 * The Iris panel's state: one training session run directly in the page (150 flowers and a
 * tiny network train in well under a millisecond per epoch), a few epochs per animation frame.
 */
import type { LabConfig, LayerSpec } from '../../../core/config';
import type { Snapshot } from '../../../core/protocol';
import { createSession, type TrainingSession } from '../../../core/session';
import { generateData, type Dataset } from '../../../core/engine/data';
import { irisConfig } from '../../../core/tabular/presets';

const EPOCHS_PER_FRAME = 5;
const FRAME_BUDGET_MS = 8;

export class IrisLab {
  config = $state.raw<LabConfig>(irisConfig());
  snapshot = $state.raw<Snapshot | null>(null);
  data = $state.raw<Dataset>(generateData(irisConfig().data, 1));
  message = $state<string | null>(null);
  running = $state(false);
  private session: TrainingSession = createSession();
  private frame: number | null = null;

  constructor() {
    this.configure(this.config);
  }

  configure(config: LabConfig): void {
    this.stop();
    const events = this.session.handle({ type: 'configure', id: 1, config });
    const event = events[0];
    if (event.type === 'error') {
      this.message = event.message;
      return;
    }
    this.message = null;
    this.config = config;
    this.data = generateData(config.data, config.seed);
    this.snapshot = this.session.snapshot();
  }

  setHidden(hidden: LayerSpec[]): void {
    this.configure({ ...this.config, network: { ...this.config.network, hidden } });
  }

  reseed(): void {
    this.configure({ ...this.config, seed: this.config.seed + 1 });
  }

  private tick = (): void => {
    const start = performance.now();
    const events = this.session.train(EPOCHS_PER_FRAME, () => performance.now(), start + FRAME_BUDGET_MS);
    const diverged = events.find((e) => e.type === 'diverged');
    this.snapshot = this.session.snapshot();
    if (diverged !== undefined && diverged.type === 'diverged') {
      this.message = diverged.message;
      this.frame = null;
      this.running = false;
      return;
    }
    this.frame = requestAnimationFrame(this.tick);
  };

  toggle(): void {
    if (this.frame !== null) {
      this.stop();
      return;
    }
    this.running = true;
    this.frame = requestAnimationFrame(this.tick);
  }

  reset(): void {
    this.stop();
    this.session.handle({ type: 'reset', id: 2 });
    this.snapshot = this.session.snapshot();
  }

  stop(): void {
    if (this.frame !== null) cancelAnimationFrame(this.frame);
    this.frame = null;
    this.running = false;
  }
}
