/**
 * What the tests of the real engine worker share: the worker bundled by
 * scripts/build-electron.mjs into a scratch folder, started with worker_threads under the
 * app's resource limits behind a real EngineHost, and the packed digit file built from the
 * mnist package by scripts/build-digits.mjs.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { EngineEvent, Snapshot } from '../../core/protocol';
import { ENGINE_WORKER_LIMITS, EngineHost, type WorkerLike } from '../../electron/engine-host';

const root = path.resolve(__dirname, '..', '..');

/** Bundles electron/engine-worker.ts; returns the .cjs file and how to remove it again. */
export function buildEngineWorker(): { workerFile: string; remove(): void } {
  const outdir = mkdtempSync(path.join(os.tmpdir(), 'actlab-worker-'));
  execFileSync(process.execPath, ['scripts/build-electron.mjs', '--only', 'engine-worker', '--outdir', outdir], {
    cwd: root,
    stdio: 'pipe',
  });
  return { workerFile: path.join(outdir, 'engine-worker.cjs'), remove: () => rmSync(outdir, { recursive: true, force: true }) };
}

/** The app's packed digit file (all 10,000 images), as the build writes it for the renderer. */
export function buildDigitsFile(): Uint8Array {
  const outdir = mkdtempSync(path.join(os.tmpdir(), 'actlab-digits-'));
  try {
    const file = path.join(outdir, 'digits.bin');
    execFileSync(process.execPath, ['scripts/build-digits.mjs', file], { cwd: root, stdio: 'pipe' });
    return new Uint8Array(readFileSync(file));
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

export interface Rig {
  host: EngineHost;
  events: EngineEvent[];
  notices: string[];
  workers: Worker[];
  /** Every message the host posted, and to which worker (its index in `workers`). */
  posted: unknown[];
  postedTo: number[];
  /** The host's log lines (a restart names its reason here). */
  log: string[];
}

export interface RigOptions {
  heartbeatMs?: number;
  heartbeatTimeoutMs?: number;
  resourceLimits?: ResourceLimits;
  maxRestarts?: number;
}

/** A started EngineHost over the real worker; call `host.dispose()` when done. */
export function startRig(workerFile: string, options: RigOptions = {}): Rig {
  const events: EngineEvent[] = [];
  const notices: string[] = [];
  const workers: Worker[] = [];
  const posted: unknown[] = [];
  const postedTo: number[] = [];
  const log: string[] = [];
  const host = new EngineHost({
    createWorker: (): WorkerLike => {
      const worker = new Worker(workerFile, { name: 'engine', resourceLimits: options.resourceLimits ?? ENGINE_WORKER_LIMITS });
      const index = workers.push(worker) - 1;
      const post = worker.postMessage.bind(worker);
      worker.postMessage = (message: unknown) => {
        posted.push(message);
        postedTo.push(index);
        post(message);
      };
      return worker;
    },
    onEvent: (event) => events.push(event),
    onNotice: (message) => notices.push(message),
    heartbeatMs: options.heartbeatMs ?? 100,
    heartbeatTimeoutMs: options.heartbeatTimeoutMs ?? 5000,
    maxRestarts: options.maxRestarts,
    log: (message) => log.push(message),
  });
  host.start();
  return { host, events, notices, workers, posted, postedTo, log };
}

export function snapshots(events: EngineEvent[]): Snapshot[] {
  return events.flatMap((e) => (e.type === 'snapshot' ? [e.snapshot] : []));
}

export function errors(events: EngineEvent[]): string[] {
  return events.flatMap((e) => (e.type === 'error' ? [e.message] : []));
}

export async function until(check: () => boolean, what: string, ms = 20_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * Sets up a test file to start rigs: bundles the worker before its tests, disposes every rig
 * after each test and removes the bundle at the end. Returns the function that starts a rig.
 */
export function rigsForThisFile(): (options?: RigOptions) => Rig {
  let built: ReturnType<typeof buildEngineWorker> | null = null;
  const rigs: Rig[] = [];
  beforeAll(() => {
    built = buildEngineWorker();
  }, 60_000);
  afterAll(() => built?.remove());
  afterEach(async () => {
    for (const rig of rigs.splice(0)) await rig.host.dispose();
  });
  return (options = {}) => {
    if (built === null) throw new Error('The engine worker is bundled before the tests start.');
    const rig = startRig(built.workerFile, options);
    rigs.push(rig);
    return rig;
  };
}
