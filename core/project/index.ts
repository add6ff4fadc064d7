/**
 * Activation Lab project files (`.actlab`): read, check, upgrade and write them.
 * Everything here is pure TypeScript, used by the main process and the browser host alike.
 * The format is described in FORMAT.md beside this file.
 */
import type { LabConfig } from '../config';
import type { EngineState, HistoryPoint } from '../protocol';
import { openEnvelope } from './envelope';
import { migrate } from './migrate';
import { Invalid } from './read';
import { readProject } from './validate';
import {
  MAX_HISTORY_POINTS,
  PROJECT_VERSION,
  defaultView,
  type Challenge,
  type LessonProgress,
  type ParseResult,
  type Project,
  type ProjectView,
} from './types';

export * from './types';
export { NUMBERS_PER_PIECE, projectPieces, serializeProject } from './serialize';
export { CUT_OFF_MESSAGE, OTHER_ENCODING_MESSAGE, chooseOurs, tooLargeMessage } from './envelope';
export { MAX_PROJECT_DEPTH, MAX_PROJECT_VALUES, MAX_UNKNOWN_FIELD_CHARS, structureProblem } from './scan';
export { paramCount, momentCount } from './shape';
export { estimatedFileBytes, formatBytes, latestAccuracy, summarize, type DataKind, type ProjectSummary } from './summary';
export { MIGRATIONS, OLDEST_VERSION } from './migrate';
export { isRegression } from './validate-challenge';

/** Shown if something unforeseen goes wrong; tests check that it never appears. */
export const UNEXPECTED_MESSAGE =
  'This project file could not be read because of a problem in Activation Lab itself. Please report it with the file.';

/**
 * The sentence for a failure while reading: what is wrong, or that the app itself went wrong.
 * A version-1 file kept `epoch`, `params`, `optimizer` and `step` at the top; its messages
 * name those fields as the file spells them, not as the upgraded project does.
 */
function refused(error: unknown, version = PROJECT_VERSION): { ok: false; message: string } {
  if (error instanceof Invalid) {
    const what = version === 1 ? error.message.replace(/"state\./g, '"') : error.message;
    return {
      ok: false,
      message: `This project file is damaged and cannot be opened: ${what} Ask for the file again, or open another project.`,
    };
  }
  return { ok: false, message: UNEXPECTED_MESSAGE };
}

export interface ParseOptions {
  /** The file's name, when there is one: the advice then fits it ("Its name ends in .actlab, but…"). */
  fileName?: string;
}

/**
 * Reads a project from file text. Never throws; returns the whole checked project (with
 * unknown fields dropped) or a plain sentence that says what is wrong and what to do.
 */
export function parseProject(text: string, options: ParseOptions = {}): ParseResult {
  let version = PROJECT_VERSION;
  try {
    if (typeof text !== 'string') return { ok: false, message: 'There is no file text to read.' };
    const envelope = openEnvelope(text, options.fileName);
    if (!envelope.ok) return envelope;
    version = envelope.version;
    const current = migrate(envelope.file, envelope.version);
    return { ok: true, project: readProject(current) };
  } catch (error) {
    return refused(error, version);
  }
}

/**
 * Checks a project already in memory by the same rules as parseProject, without writing
 * and re-reading its text (for a digits network, ~6 MB of JSON parsed in one long task).
 * Returns the checked copy or the same sentence parseProject would give.
 */
export function checkProject(project: Project): ParseResult {
  try {
    return { ok: true, project: readProject(project) };
  } catch (error) {
    return refused(error);
  }
}

export interface NewProject {
  config: LabConfig;
  name?: string;
  state?: EngineState | null;
  history?: readonly HistoryPoint[];
  lessons?: Record<string, LessonProgress>;
  view?: ProjectView;
  /** A teacher's challenge; absent or null, the project is none. */
  challenge?: Challenge | null;
  /** Defaults to now. */
  savedAt?: Date;
}

/** A point a file can hold: a blown-up run can leave NaN or infinite losses in the live history. */
function storable(point: HistoryPoint): boolean {
  const accuracyOk = (a: number | null) => a === null || (Number.isFinite(a) && a >= 0 && a <= 1);
  return (
    Number.isInteger(point.epoch) &&
    point.epoch >= 0 &&
    Number.isFinite(point.trainLoss) &&
    point.trainLoss >= 0 &&
    Number.isFinite(point.testLoss) &&
    point.testLoss >= 0 &&
    accuracyOk(point.trainAccuracy) &&
    accuracyOk(point.testAccuracy)
  );
}

/**
 * A project from the app's current state. The history keeps only points a file can hold,
 * in epoch order, thinned to MAX_HISTORY_POINTS.
 */
export function createProject(options: NewProject): Project {
  const points: HistoryPoint[] = [];
  for (const point of options.history ?? []) {
    if (storable(point) && (points.length === 0 || point.epoch >= points[points.length - 1].epoch)) points.push({ ...point });
  }
  return {
    name: options.name ?? 'Untitled',
    savedAt: (options.savedAt ?? new Date()).toISOString(),
    config: options.config,
    state: options.state ?? null,
    history: decimateHistory(points, MAX_HISTORY_POINTS),
    lessons: options.lessons ?? {},
    view: options.view ?? defaultView(),
    ...(options.challenge ? { challenge: options.challenge } : {}),
  };
}

/**
 * Keeps at most `max` points, evenly spread over the run, always with the first and the
 * newest point, so a long run's curve keeps its shape in a small file.
 */
export function decimateHistory(history: readonly HistoryPoint[], max: number = MAX_HISTORY_POINTS): HistoryPoint[] {
  const n = history.length;
  if (n <= max) return history.slice();
  if (max <= 1) return max === 1 ? [history[n - 1]] : [];
  const out: HistoryPoint[] = [];
  for (let i = 0; i < max; i++) out.push(history[Math.round((i * (n - 1)) / (max - 1))]);
  return out;
}

/** The file name a project is saved as by default: "spiral" → "spiral.actlab". */
export function projectFileName(name: string): string {
  const printable = Array.from(name, (c) => (c.charCodeAt(0) < 32 ? ' ' : c)).join('');
  const safe =
    printable
      .replace(/[\\/:*?"<>|]+/g, ' ')
      .trim()
      .slice(0, 100) || 'Untitled';
  return safe.toLowerCase().endsWith('.actlab') ? safe : `${safe}.actlab`;
}

/** The project name for a file name: "spiral.actlab" → "spiral". */
export function nameFromFileName(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '');
  const name = base.toLowerCase().endsWith('.actlab') ? base.slice(0, -'.actlab'.length) : base;
  return name.trim() || 'Untitled';
}
