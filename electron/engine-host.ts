/**
 * Hosts the engine worker in the main process: relays the page's commands (checked with
 * parseCommand; bad ones are answered with an error event and never reach the worker),
 * forwards the worker's events, and supervises it. When the worker crashes, exits or stops
 * answering its heartbeat, the host starts a new one, re-sends the last configuration,
 * restores the last known training state, resumes playing if it was, and tells the page.
 * The digit images the page hands over (provideDigits) are kept here too and posted to every
 * new worker first, so a digits network survives a restart.
 * The pure parts live in engine-host/ (remembered setup, heartbeat, restart budget, snapshot
 * relay, page-command checks, worker listeners); this class wires them to one worker at a time.
 * No Electron import: tests drive it with real worker_threads Workers or fakes.
 */
import type { Command, EngineEvent, EngineState } from '../core/protocol';
import { DIGITS_FILE_MESSAGE, DIGITS_REFUSED_PREFIX, type DigitsFileMessage } from '../core/tabular/provide';
import { checkDigitsFile } from './engine-host/digits';
import { Heartbeat } from './engine-host/heartbeat';
import { GAVE_UP_NOTICE, restartNotice } from './engine-host/notices';
import type { EngineHostOptions } from './engine-host/options';
import { changesTraining, InternalIds, parsePageCommand } from './engine-host/page-command';
import { RestartBudget } from './engine-host/restart-budget';
import { RememberedSetup } from './engine-host/setup';
import { SnapshotRelay } from './engine-host/snapshot-relay';
import { watchWorker, type WorkerLike } from './engine-host/worker';

export { ENGINE_WORKER_LIMITS, type WorkerLike } from './engine-host/worker';
export { formatEpoch, GAVE_UP_NOTICE, restartNotice } from './engine-host/notices';
export type { EngineHostOptions } from './engine-host/options';

export class EngineHost {
  private worker: WorkerLike | null = null;
  private generation = 0;
  /** The host's own commands awaiting their answer. */
  private readonly ids = new InternalIds();
  /** The page's setup, restored on a new worker after a restart. */
  private readonly setup = new RememberedSetup();
  private readonly beat: Heartbeat;
  private timer: ReturnType<typeof setInterval> | null = null;
  private readonly restartBudget: RestartBudget;
  private disposed = false;
  private gaveUp = false;
  /** Holds snapshots back while restoring, and keeps the page's configVersion numbering going. */
  private readonly relay = new SnapshotRelay();
  private restartCount = 0;
  /** The digit file the page provided: posted to every new worker before anything else. */
  private digits: Uint8Array | null = null;

  private readonly heartbeatMs: number;
  private readonly log: (message: string) => void;

  constructor(private readonly options: EngineHostOptions) {
    this.heartbeatMs = options.heartbeatMs ?? 500;
    const now = options.now ?? (() => Date.now());
    this.beat = new Heartbeat(options.heartbeatTimeoutMs ?? 5000, now);
    this.restartBudget = new RestartBudget(options.maxRestarts ?? 5, options.restartWindowMs ?? 60_000, now);
    this.log = options.log ?? (() => undefined);
  }

  /** Starts the first worker and the heartbeat. */
  start(): void {
    if (this.worker || this.disposed) return;
    this.spawn();
    this.timer = setInterval(() => this.heartbeat(), this.heartbeatMs);
    this.timer.unref?.();
  }

  /** How many times the worker has been restarted (for tests and the log). */
  get restartTotal(): number {
    return this.restartCount;
  }

  /** The newest training state the host knows, or null. */
  get knownState(): EngineState | null {
    return this.setup.lastState;
  }

  /** Relays one message from the page. Anything malformed is answered with an error event. */
  send(message: unknown): void {
    const command = parsePageCommand(message);
    if (command.type === 'error') {
      this.options.onEvent(command);
      return;
    }
    if (!this.worker) {
      this.options.onEvent({ type: 'error', replyTo: command.id, message: 'The training engine is not running.' });
      return;
    }
    this.setup.remember(command);
    this.worker.postMessage(command);
    // A command that changes what training does is followed by a state request (the heartbeat
    // that lets a restarted worker resume).
    if (changesTraining(command)) this.requestState();
  }

  /**
   * Takes the packed digit file for the engine. It is checked here first (header, length and
   * labels — no pixel is read), refused with a logged reason and an error event when it is
   * not a digits file, and otherwise kept and posted to the worker. A worker handles its
   * messages in the order they were posted, so a configure sent after this finds the images;
   * a restarted worker gets the file again before the configuration is re-sent.
   */
  provideDigits(bytes: unknown): void {
    const checked = checkDigitsFile(bytes);
    if (typeof checked === 'string') {
      this.refuseDigits(checked);
      return;
    }
    this.digits = checked;
    this.postDigits();
  }

  private refuseDigits(reason: string): void {
    this.log(`Engine refused a digits file: ${reason}`);
    this.reportError(DIGITS_REFUSED_PREFIX + reason);
  }

  /** Tells the page about a refusal with an error event that answers no command. */
  reportError(message: string): void {
    this.options.onEvent({ type: 'error', replyTo: null, message });
  }

  /** Stops the worker for good (on quit). */
  async dispose(): Promise<void> {
    this.disposed = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    const worker = this.detach();
    if (worker) await worker.terminate().catch(() => 0);
  }

  /** Kills the current worker as if it had crashed (used by tests and by a hung heartbeat). */
  restart(reason: string): void {
    if (this.disposed || this.gaveUp) return;
    this.log(`Engine worker restart: ${reason}`);
    this.setup.lastState = this.setup.newestState();
    const old = this.detach();
    if (old) void old.terminate().catch(() => 0);
    if (!this.restartBudget.take()) {
      this.gaveUp = true;
      this.options.onNotice(GAVE_UP_NOTICE);
      return;
    }
    this.restartCount += 1;
    const resume = this.setup.running;
    this.spawn();
    this.restore(resume);
  }

  private post(command: Command): void {
    this.worker?.postMessage(command);
  }

  private postDigits(): void {
    if (!this.worker || !this.digits) return;
    // Copied by the structured clone (never transferred): the host keeps its own for restarts.
    const message: DigitsFileMessage = { type: DIGITS_FILE_MESSAGE, bytes: this.digits };
    this.worker.postMessage(message);
  }

  private requestState(): void {
    if (!this.worker || !this.setup.lastConfigure || this.beat.waiting) return;
    const id = this.ids.take();
    this.beat.sent(id);
    this.post({ type: 'get-state', id });
  }

  private heartbeat(): void {
    if (!this.worker) return;
    const overdue = this.beat.overdue();
    if (overdue !== null) {
      this.restart(overdue);
      return;
    }
    if (!this.beat.waiting && this.setup.running) this.requestState();
  }

  private spawn(): void {
    const generation = ++this.generation;
    const worker = this.options.createWorker();
    this.worker = worker;
    this.beat.clear();
    watchWorker(worker, () => generation === this.generation, {
      message: (message) => this.receive(message as EngineEvent),
      stopped: (reason) => this.restart(reason),
    });
    // First message of every worker, ahead of a restored configuration.
    this.postDigits();
  }

  private detach(): WorkerLike | null {
    const worker = this.worker;
    this.worker = null;
    this.setup.forgetWorker();
    this.generation += 1;
    this.beat.clear();
    this.relay.cancelRestore();
    worker?.removeAllListeners();
    return worker;
  }

  private restore(resume: boolean): void {
    const setup = this.setup;
    const configure = setup.lastConfigure;
    if (!configure) {
      this.options.onNotice(restartNotice(null, false));
      return;
    }
    this.post({ ...configure, id: this.ids.take() });
    const state = setup.lastState;
    if (state) this.post({ type: 'load-state', id: this.ids.take(), state });
    if (setup.lastSpeed) this.post({ ...setup.lastSpeed, id: this.ids.take() });
    const barrier = this.ids.take();
    this.relay.beginRestore(barrier);
    this.beat.sent(barrier);
    this.post({ type: 'get-state', id: barrier });
    setup.running = resume;
    if (resume) this.post({ type: 'play', id: this.ids.take() });
    for (const request of setup.pageStateRequests.values()) this.post(request);
    this.options.onNotice(restartNotice(state ? state.epoch : null, resume));
  }

  private receive(event: EngineEvent): void {
    switch (event.type) {
      case 'state':
        if (this.ids.claim(event.replyTo)) {
          this.setup.stateReported(event.state);
          this.beat.answered(event.replyTo);
          if (this.relay.isBarrier(event.replyTo)) this.finishRestore();
          return;
        }
        this.setup.pageStateRequests.delete(event.replyTo);
        this.setup.stateReported(event.state);
        this.options.onEvent(event);
        return;
      case 'error':
        if (event.replyTo !== null && this.ids.claim(event.replyTo)) {
          this.log(`Engine refused the host's own command: ${event.message}`);
          this.beat.answered(event.replyTo);
          if (this.relay.isBarrier(event.replyTo)) this.finishRestore();
          return;
        }
        // The engine refused it, so it is not part of the setup to restore after a crash.
        if (event.replyTo !== null) this.setup.refused(event.replyTo);
        this.options.onEvent(event);
        return;
      case 'trace':
      case 'example-step':
        // Answers to the page's own questions (the One example instrument): passed on as they are.
        this.options.onEvent(event);
        return;
      case 'snapshot':
      case 'diverged': {
        if (this.relay.hold(event.snapshot)) return;
        this.setup.running = event.snapshot.running;
        this.setup.lastSnapshot = event.snapshot;
        this.options.onEvent({ ...event, snapshot: this.relay.renumber(event.snapshot) });
        return;
      }
    }
  }

  private finishRestore(): void {
    const snapshot = this.relay.finishRestore(this.setup.running);
    if (snapshot) this.options.onEvent({ type: 'snapshot', snapshot });
  }
}
