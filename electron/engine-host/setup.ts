import type { Command, EngineState, Snapshot } from '../../core/protocol';
import type { LabConfig } from '../../core/config';

type ConfigureCommand = Extract<Command, { type: 'configure' }>;
type SpeedCommand = Extract<Command, { type: 'set-speed' }>;

/**
 * What the engine host remembers of the page's commands and the worker's replies, so that a
 * restarted worker can be given the same configuration, speed and training state, and resume
 * playing if it was.
 */
export class RememberedSetup {
  lastConfigure: ConfigureCommand | null = null;
  lastSpeed: SpeedCommand | null = null;
  lastState: EngineState | null = null;
  running = false;
  /** The page's get-state requests not answered yet: re-asked after a restart so none hangs. */
  readonly pageStateRequests = new Map<number, Command>();
  /** How to forget a command's effect on the remembered setup if the engine refuses it (recent ids only). */
  private readonly undo = new Map<number, () => void>();
  /** The current worker's newest snapshot, and which of its configVersions lastState came from. */
  lastSnapshot: Snapshot | null = null;
  stateVersion: number | null = null;

  /** Notes a command the page sent, and how to forget it should the engine refuse it. */
  remember(command: Command): void {
    const before = { configure: this.lastConfigure, state: this.lastState, speed: this.lastSpeed };
    this.rememberOnly(command);
    const after = { configure: this.lastConfigure, state: this.lastState, speed: this.lastSpeed };
    if (after.configure === before.configure && after.state === before.state && after.speed === before.speed) return;
    // Undo only what is still this command's doing when the refusal arrives.
    this.undo.set(command.id, () => {
      if (this.lastConfigure === after.configure) this.lastConfigure = before.configure;
      if (this.lastState === after.state) this.lastState = before.state;
      if (this.lastSpeed === after.speed) this.lastSpeed = before.speed;
    });
    while (this.undo.size > 64) this.undo.delete(this.undo.keys().next().value as number);
  }

  /** The engine refused the page's command `id`, so it is not part of the setup to restore after a crash. */
  refused(id: number): void {
    this.pageStateRequests.delete(id);
    this.undo.get(id)?.();
    this.undo.delete(id);
  }

  /** A training state the worker reported, for the current snapshot's network. */
  stateReported(state: EngineState): void {
    this.lastState = state;
    this.stateVersion = this.lastSnapshot?.configVersion ?? null;
  }

  /** The worker is gone: its snapshots say nothing about the next one's. */
  forgetWorker(): void {
    this.lastSnapshot = null;
    this.stateVersion = null;
  }

  private rememberOnly(command: Command): void {
    switch (command.type) {
      case 'configure':
        this.lastConfigure = command;
        this.lastState = null;
        break;
      case 'set-training':
        if (this.lastConfigure) {
          const config: LabConfig = this.lastConfigure.config;
          this.lastConfigure = { ...this.lastConfigure, config: { ...config, training: { ...config.training, ...command.training } } };
        }
        break;
      case 'set-speed':
        this.lastSpeed = command;
        break;
      case 'load-state':
        this.lastState = command.state;
        // Snapshots seen so far show the parameters from before this state.
        this.stateVersion = null;
        break;
      case 'reset':
        this.lastState = null;
        break;
      case 'play':
        this.running = true;
        break;
      case 'pause':
        this.running = false;
        break;
      case 'get-state':
        this.pageStateRequests.set(command.id, command);
        break;
      case 'step':
      case 'set-parameter':
      case 'trace-example':
      case 'drawn':
        break;
    }
  }

  /**
   * The state to restore: the last reported state, or — when the optimizer keeps no moments
   * (plain SGD) — the newer parameters of the last snapshot of the same network, so less
   * training is lost than the time since the last heartbeat.
   */
  newestState(): EngineState | null {
    const state = this.lastState;
    const snapshot = this.lastSnapshot;
    if (!state || !snapshot || state.optimizer.length > 0) return state;
    if (snapshot.configVersion !== this.stateVersion || snapshot.epoch <= state.epoch || snapshot.params.length !== state.params.length)
      return state;
    return { epoch: snapshot.epoch, params: Array.from(snapshot.params), optimizer: [], step: state.step };
  }
}
