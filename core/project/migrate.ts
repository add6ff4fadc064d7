/**
 * Upgrades older project files, one version at a time, to the version this app writes.
 * Each step takes the decoded JSON of version `from` and returns version `from + 1`; it
 * must not trust its input (validation happens once, after the last step) and must not
 * change its argument. To change the format: bump PROJECT_VERSION in types.ts, add a step
 * here, describe it in FORMAT.md and add a test with a file of the old version.
 */
import { isRecord, type Json } from './read';
import { FIRST_EDITION_PREFIX, PROJECT_VERSION } from './types';

export interface Migration {
  from: number;
  /** What changed, for FORMAT.md and for readers of this file. */
  change: string;
  up(file: Json): Json;
}

/** The oldest version this app can still read. */
export const OLDEST_VERSION = 1;

export const MIGRATIONS: readonly Migration[] = [
  {
    from: 1,
    change:
      'Version 1 kept the engine state (epoch, params, optimizer, step) as four top-level fields and had no view. ' +
      'Version 2 groups them in one "state" object (null when untrained), in the shape the engine\'s load-state takes, and adds "view".',
    up(file) {
      const { epoch, params, optimizer, step, ...rest } = file;
      const untrained = Array.isArray(params) && params.length === 0 && epoch === 0;
      const state = untrained ? null : { epoch, params, optimizer, step };
      const view = { area: 'lab', showTestData: false, discretize: false, layerSpaceLayer: 0 };
      return { ...rest, version: 2, state, view };
    },
  },
  {
    from: 2,
    change:
      "Version 3 may name the curve-fitting data sets (sine, step, absolute, parabola, noisyLine, and ownCurve with the learner's " +
      'own 1-D points) and the drawn activation, whose knots are "config.network.drawn". It also comes with the second edition ' +
      'of the course, whose lessons have other steps: each lesson progress of a version-2 file is kept under "ed1_" + its id, ' +
      'so that the app reads its step positions as the first edition numbered them. The new number makes an older app refuse ' +
      'such a file with "Update the app" instead of misreading it.',
    up(file) {
      return { ...file, version: 3, lessons: firstEditionLessons(file.lessons) };
    },
  },
];

/** Marks each lesson progress of a version-2 file as the first edition's: `id` → `ed1_id`. */
function firstEditionLessons(lessons: unknown): unknown {
  if (!isRecord(lessons)) return lessons;
  const out: Json = {};
  for (const [id, progress] of Object.entries(lessons)) out[FIRST_EDITION_PREFIX + id] = progress;
  return out;
}

/**
 * Brings a decoded file of `version` up to PROJECT_VERSION. The caller has checked that
 * OLDEST_VERSION <= version <= PROJECT_VERSION.
 */
export function migrate(file: Json, version: number): Json {
  let current = file;
  for (let v = version; v < PROJECT_VERSION; v++) {
    const step = MIGRATIONS.find((migration) => migration.from === v);
    if (!step) throw new Error(`No migration from project version ${v}.`);
    const next = step.up(current);
    if (!isRecord(next)) throw new Error(`Migration from version ${v} did not return an object.`);
    current = next;
  }
  return current;
}
