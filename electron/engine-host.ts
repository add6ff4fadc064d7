/**
 * Hosts the engine worker in the main process: relays the page's commands (checked with
 * parseCommand; bad ones are answered with an error event and never reach the worker),
 * forwards the worker's events, and supervises it. When the worker crashes, exits or stops
 * answering its heartbeat, the host starts a new one, re-sends the last configuration,
 * restores the last known training state, resumes playing if it was, and tells the page.
 * The digit images the page hands over (provideDigits) are kept here too and posted to every
 * new worker first, so a digits network survives a restart.
 * No Electron import: tests drive it with real worker_threads Workers or fakes.
 */
import { parseCommand, type Command, type EngineEvent, type EngineState, type Snapshot } from '../core/protocol';
import type { LabConfig } from '../core/config';
import { decodeDigits } from '../core/tabular/digits';
import { checkDigitsPayload, DIGITS_FILE_MESSAGE, DIGITS_REFUSED_PREFIX, type DigitsFileMessage } from '../core/tabular/provide';

/** The part of a worker_threads Worker the host uses. */
export interface WorkerLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  removeAllListeners(): unknown;
  terminate(): Promise<number>;
}

export interface EngineHostOptions {
  createWorker(): WorkerLike;
  /** Receives every event meant for the page. */
  onEvent(event: EngineEvent): void;
  /** Receives short notices for the page ("The training engine … was restarted"). */
  onNotice(message: string): void;
  /** How often to ask the worker for its state (and check it is alive). */
  heartbeatMs?: number;
  /** How long a heartbeat may go unanswered before the worker counts as hung. */
  heartbeatTimeoutMs?: number;
  /** More restarts than this within `restartWindowMs` and the host gives up. */
  maxRestarts?: number;
  restartWindowMs?: number;
  now?: () => number;
  log?: (message: string) => void;
}

type ConfigureCommand = Extract<Command, { type: 'configure' }>;
type SpeedCommand = Extract<Command, { type: 'set-speed' }>;

/**
 * Limits for the worker thread: a runaway network that eats memory kills only the worker
 * (which the host then restarts), never the whole app.
 */
export const ENGINE_WORKER_LIMITS = { maxOldGenerationSizeMb: 768, maxYoungGenerationSizeMb: 64, stackSizeMb: 8 } as const;

/** Ids of the host's own commands count down from here; the page may not use this range. */
const INTERNAL_ID_BASE = -1_000_000_000;

export function formatEpoch(epoch: number): string {
  return Math.round(epoch).toLocaleString('en-US');
}

export function restartNotice(epoch: number | null, resumed: boolean): string {
  if (epoch === null) return 'The training engine stopped unexpectedly and was restarted.';
  return resumed
    ? `The training engine stopped unexpectedly and was restarted; training resumed from epoch ${formatEpoch(epoch)}.`
    : `The training engine stopped unexpectedly and was restarted; your network was restored at epoch ${formatEpoch(epoch)}.`;
}

export const GAVE_UP_NOTICE =
  'The training engine keeps stopping, so it was not restarted again. Save your project and restart Activation Lab.';

/** Why a whole-looking digits file cannot be used (a label out of range), or null. */
function decodeProblem(bytes: Uint8Array): string | null {
  try {
    decodeDigits(bytes);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

export class EngineHost {
  private worker: WorkerLike | null = null;
  private generation = 0;
  private nextInternalId = INTERNAL_ID_BASE;
  private readonly internalIds = new Set<number>();
  private lastConfigure: ConfigureCommand | null = null;
  private lastSpeed: SpeedCommand | null = null;
  private lastState: EngineState | null = null;
  private running = false;
  private pendingHeartbeat: { id: number; sentAt: number } | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private restarts: number[] = [];
  private disposed = false;
  private gaveUp = false;
  /** While restoring: events are held back until the barrier's state reply arrives. */
  private restoring: { barrier: number; snapshot: Snapshot | null } | null = null;
  /** Added to the worker's configVersion so a restarted worker continues the page's numbering. */
  private versionOffset = 0;
  private lastForwardedVersion = 0;
  private calibrate = false;
  private restartCount = 0;
  /** The page's get-state requests not answered yet: re-asked after a restart so none hangs. */
  private readonly pageStateRequests = new Map<number, Command>();
  /** How to forget a command's effect on the remembered setup if the engine refuses it (recent ids only). */
  private readonly undo = new Map<number, () => void>();
  /** The current worker's newest snapshot, and which of its configVersions lastState came from. */
  private lastSnapshot: Snapshot | null = null;
  private stateVersion: number | null = null;
  /** The digit file the page provided: posted to every new worker before anything else. */
  private digits: Uint8Array | null = null;

  private readonly heartbeatMs: number;
  private readonly heartbeatTimeoutMs: number;
  private readonly maxRestarts: number;
  private readonly restartWindowMs: number;
  private readonly now: () => number;
  private readonly log: (message: string) => void;

  constructor(private readonly options: EngineHostOptions) {
    this.heartbeatMs = options.heartbeatMs ?? 500;
    this.heartbeatTimeoutMs = options.heartbeatTimeoutMs ?? 5000;
    this.maxRestarts = options.maxRestarts ?? 5;
    this.restartWindowMs = options.restartWindowMs ?? 60_000;
    this.now = options.now ?? (() => Date.now());
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
    return this.lastState;
  }

  /** Relays one message from the page. Anything malformed is answered with an error event. */
  send(message: unknown): void {
    const command = parseCommand(message);
    if (typeof command === 'string') {
      const id = typeof message === 'object' && message !== null ? (message as { id?: unknown }).id : null;
      this.options.onEvent({ type: 'error', replyTo: Number.isInteger(id) ? (id as number) : null, message: command });
      return;
    }
    if (command.id <= INTERNAL_ID_BASE) {
      this.options.onEvent({ type: 'error', replyTo: command.id, message: 'That command id is reserved.' });
      return;
    }
    if (!this.worker) {
      this.options.onEvent({ type: 'error', replyTo: command.id, message: 'The training engine is not running.' });
      return;
    }
    this.remember(command);
    this.worker.postMessage(command);
    // A command that changes what training does is followed by a state request (the heartbeat
    // that lets a restarted worker resume); play, pause, a trace and the page's frame signal change nothing to keep.
    const keeps =
      command.type === 'get-state' ||
      command.type === 'play' ||
      command.type === 'pause' ||
      command.type === 'drawn' ||
      command.type === 'trace-example';
    if (!keeps) this.requestState();
  }

  /**
   * Takes the packed digit file for the engine. It is checked here first (header, length and
   * labels — no pixel is read), refused with a logged reason and an error event when it is
   * not a digits file, and otherwise kept and posted to the worker. A worker handles its
   * messages in the order they were posted, so a configure sent after this finds the images;
   * a restarted worker gets the file again before the configuration is re-sent.
   */
  provideDigits(bytes: unknown): void {
    const checked = checkDigitsPayload(bytes);
    if (typeof checked === 'string') {
      this.refuseDigits(checked);
      return;
    }
    const problem = decodeProblem(checked);
    if (problem !== null) {
      this.refuseDigits(problem);
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
    this.lastState = this.newestState();
    const old = this.detach();
    if (old) void old.terminate().catch(() => 0);
    const now = this.now();
    this.restarts = this.restarts.filter((t) => now - t < this.restartWindowMs);
    if (this.restarts.length >= this.maxRestarts) {
      this.gaveUp = true;
      this.options.onNotice(GAVE_UP_NOTICE);
      return;
    }
    this.restarts.push(now);
    this.restartCount += 1;
    const resume = this.running;
    this.spawn();
    this.restore(resume);
  }

  private remember(command: Command): void {
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

  private internalId(): number {
    const id = this.nextInternalId--;
    this.internalIds.add(id);
    return id;
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
    if (!this.worker || !this.lastConfigure || this.pendingHeartbeat) return;
    const id = this.internalId();
    this.pendingHeartbeat = { id, sentAt: this.now() };
    this.post({ type: 'get-state', id });
  }

  private heartbeat(): void {
    if (!this.worker) return;
    const pending = this.pendingHeartbeat;
    if (pending && this.now() - pending.sentAt > this.heartbeatTimeoutMs) {
      this.restart(`no answer for ${this.now() - pending.sentAt} ms`);
      return;
    }
    if (!pending && this.running) this.requestState();
  }

  private spawn(): void {
    const generation = ++this.generation;
    const worker = this.options.createWorker();
    this.worker = worker;
    this.pendingHeartbeat = null;
    worker.on('message', (message) => {
      if (generation === this.generation) this.receive(message as EngineEvent);
    });
    worker.on('error', (error) => {
      if (generation !== this.generation) return;
      this.restart(`worker error: ${error.message}`);
    });
    worker.on('exit', (code) => {
      if (generation !== this.generation) return;
      this.restart(`worker exited with code ${code}`);
    });
    // First message of every worker, ahead of a restored configuration.
    this.postDigits();
  }

  private detach(): WorkerLike | null {
    const worker = this.worker;
    this.worker = null;
    this.lastSnapshot = null;
    this.stateVersion = null;
    this.generation += 1;
    this.pendingHeartbeat = null;
    this.restoring = null;
    worker?.removeAllListeners();
    return worker;
  }

  /**
   * The state to restore: the last reported state, or — when the optimizer keeps no moments
   * (plain SGD) — the newer parameters of the last snapshot of the same network, so less
   * training is lost than the time since the last heartbeat.
   */
  private newestState(): EngineState | null {
    const state = this.lastState;
    const snapshot = this.lastSnapshot;
    if (!state || !snapshot || state.optimizer.length > 0) return state;
    if (snapshot.configVersion !== this.stateVersion || snapshot.epoch <= state.epoch || snapshot.params.length !== state.params.length)
      return state;
    return { epoch: snapshot.epoch, params: Array.from(snapshot.params), optimizer: [], step: state.step };
  }

  private restore(resume: boolean): void {
    const configure = this.lastConfigure;
    if (!configure) {
      this.options.onNotice(restartNotice(null, false));
      return;
    }
    this.post({ ...configure, id: this.internalId() });
    const state = this.lastState;
    if (state) this.post({ type: 'load-state', id: this.internalId(), state });
    if (this.lastSpeed) this.post({ ...this.lastSpeed, id: this.internalId() });
    const barrier = this.internalId();
    this.restoring = { barrier, snapshot: null };
    this.pendingHeartbeat = { id: barrier, sentAt: this.now() };
    this.post({ type: 'get-state', id: barrier });
    this.running = resume;
    if (resume) this.post({ type: 'play', id: this.internalId() });
    for (const request of this.pageStateRequests.values()) this.post(request);
    this.options.onNotice(restartNotice(state ? state.epoch : null, resume));
  }

  private receive(event: EngineEvent): void {
    switch (event.type) {
      case 'state':
        if (this.internalIds.delete(event.replyTo)) {
          this.lastState = event.state;
          this.stateVersion = this.lastSnapshot?.configVersion ?? null;
          if (this.pendingHeartbeat?.id === event.replyTo) this.pendingHeartbeat = null;
          if (this.restoring?.barrier === event.replyTo) this.finishRestore();
          return;
        }
        this.pageStateRequests.delete(event.replyTo);
        this.lastState = event.state;
        this.stateVersion = this.lastSnapshot?.configVersion ?? null;
        this.options.onEvent(event);
        return;
      case 'error':
        if (event.replyTo !== null && this.internalIds.delete(event.replyTo)) {
          this.log(`Engine refused the host's own command: ${event.message}`);
          if (this.pendingHeartbeat?.id === event.replyTo) this.pendingHeartbeat = null;
          if (this.restoring?.barrier === event.replyTo) this.finishRestore();
          return;
        }
        if (event.replyTo !== null) {
          this.pageStateRequests.delete(event.replyTo);
          // The engine refused it, so it is not part of the setup to restore after a crash.
          this.undo.get(event.replyTo)?.();
          this.undo.delete(event.replyTo);
        }
        this.options.onEvent(event);
        return;
      case 'trace':
      case 'example-step':
        // Answers to the page's own questions (the One example instrument): passed on as they are.
        this.options.onEvent(event);
        return;
      case 'snapshot':
      case 'diverged': {
        if (this.restoring) {
          this.restoring.snapshot = event.snapshot;
          return;
        }
        this.running = event.snapshot.running;
        this.lastSnapshot = event.snapshot;
        this.options.onEvent({ ...event, snapshot: this.renumber(event.snapshot) });
        return;
      }
    }
  }

  private finishRestore(): void {
    const held = this.restoring?.snapshot ?? null;
    this.restoring = null;
    if (held) {
      this.versionOffset = this.lastForwardedVersion - held.configVersion;
      this.calibrate = false;
      this.options.onEvent({ type: 'snapshot', snapshot: this.renumber({ ...held, running: this.running }) });
    } else {
      this.calibrate = true;
    }
  }

  private renumber(snapshot: Snapshot): Snapshot {
    if (this.calibrate) {
      this.versionOffset = this.lastForwardedVersion - snapshot.configVersion;
      this.calibrate = false;
    }
    const configVersion = snapshot.configVersion + this.versionOffset;
    this.lastForwardedVersion = configVersion;
    return configVersion === snapshot.configVersion ? snapshot : { ...snapshot, configVersion };
  }
}
