/**
 * Progress from the course's first edition carried into the second. The first edition had ten
 * lessons; the second inserts new ones between them, so three lessons moved to a new number
 * (and so a new id), and a few rewritten steps have new ids. Saved progress and project files
 * both name steps of the first edition: these tables say where each one went.
 *
 * A step that the second edition dropped maps to nothing: its tick is not carried, because
 * no step of the new course asks what it asked.
 */

/** First-edition lesson id → second-edition lesson id (lessons that kept their id are absent). */
export const LESSON_RENAMES: Readonly<Record<string, string>> = {
  '08-training': '14-training',
  '09-softmax-and-cos': '16-softmax-and-cos',
  '10-pixels-are-inputs': '18-pixels-are-inputs',
};

/**
 * First-edition step ids per lesson, in order: project files record steps by position, so a
 * file saved by the first edition is read through this list.
 */
export const FIRST_EDITION_STEPS: Readonly<Record<string, readonly string[]>> = {
  '01-what-a-network-does': ['photo', 'digits'],
  '02-one-neuron': ['flip', 'separate'],
  '03-relu': ['negative', 'threshold', 'hinges'],
  '04-sigmoid': ['middle', 'three', 'flat'],
  '05-tanh-and-friends': ['tanh', 'leaky', 'periodic'],
  '06-linear-collapse': ['collapse', 'relu'],
  '07-xor': ['one-line', 'by-hand', 'train'],
  '08-training': ['race', 'spiral', 'too-fast', 'overfit'],
  '09-softmax-and-cos': ['softmax', 'cosine'],
  '10-pixels-are-inputs': ['from-photo-to-digit', 'train', 'draw'],
};

/**
 * Steps that were rewritten under a new id, keyed `lesson/step` in the SECOND edition's lesson
 * ids (after LESSON_RENAMES): the value is the new step id, or null when the step was dropped.
 * A step not listed kept its id.
 */
export const STEP_RENAMES: Readonly<Record<string, string | null>> = {
  // It asked for 28 × 28 × 1 inputs again, as lesson "What a network does" already had; the
  // digits lesson now opens by training a linear network instead, which no old step did.
  '18-pixels-are-inputs/from-photo-to-digit': null,
  // It asked for σ(3), which its own widget printed; it now asks for σ(−2), which the text
  // does not give (found from σ(2) and the curve's symmetry), predicted before it is shown.
  '04-sigmoid/three': 'mirror',
};

/** Where a first-edition step is now, or null if the course no longer has it. */
export function migrateStep(lessonId: string, stepId: string): { lesson: string; step: string } | null {
  const lesson = LESSON_RENAMES[lessonId] ?? lessonId;
  const key = `${lesson}/${stepId}`;
  if (!(key in STEP_RENAMES)) return { lesson, step: stepId };
  const step = STEP_RENAMES[key];
  return step === null || step === undefined ? null : { lesson, step };
}

/** Done step ids per lesson, each moved to where the second edition keeps it. */
export function migrateDone(done: Readonly<Record<string, readonly string[]>>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [lessonId, steps] of Object.entries(done)) {
    for (const stepId of steps) {
      const moved = migrateStep(lessonId, stepId);
      if (moved === null) continue;
      const list = (out[moved.lesson] ??= []);
      if (!list.includes(moved.step)) list.push(moved.step);
    }
  }
  return out;
}

/** The first-edition step ids a project file's positions name, for a lesson id of that edition. */
export function firstEditionStepIds(lessonId: string, positions: readonly number[], completed: boolean): string[] | null {
  const steps = FIRST_EDITION_STEPS[lessonId];
  if (steps === undefined) return null;
  const indexes = completed ? steps.map((_, i) => i) : positions;
  return indexes.flatMap((i) => (steps[i] === undefined ? [] : [steps[i]]));
}
