import type { EngineEvent } from '../../core/protocol';
import type { WorkerLike } from './worker';

/** What the engine host is given: how to start a worker, where the page's events go, and its timing. */
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
