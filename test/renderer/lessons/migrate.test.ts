import { describe, expect, it } from 'vitest';
import { parseProject, serializeProject, createProject } from '../../../core/project';
import { defaultConfig } from '../../../core/config';
import { LESSONS } from '../../../renderer/lessons/index';
import { FIRST_EDITION_STEPS, LESSON_RENAMES, STEP_RENAMES, migrateDone } from '../../../renderer/lessons/migrate';
import { emptyProgress, isStepDone, parseProgress } from '../../../renderer/lessons/progress';
import { mergeProjectLessons, progressForProject } from '../../../renderer/lessons/projectLessons';

/** Every first-edition step, as saved progress of that edition names it. */
const everyOldStep: Record<string, string[]> = Object.fromEntries(
  Object.entries(FIRST_EDITION_STEPS).map(([id, steps]) => [id, [...steps]]),
);

function stepExists(lessonId: string, stepId: string): boolean {
  return LESSONS.some((l) => l.id === lessonId && l.steps.some((s) => s.id === stepId));
}

describe('progress from the first edition of the course', () => {
  it('every first-edition step lands on a step the course has, or is listed as dropped', () => {
    const moved = migrateDone(everyOldStep);
    for (const [lesson, steps] of Object.entries(moved)) {
      for (const step of steps) expect(stepExists(lesson, step), `${lesson}/${step}`).toBe(true);
    }
    const carried = Object.values(moved).flat().length;
    const dropped = Object.values(STEP_RENAMES).filter((s) => s === null).length;
    expect(carried + dropped).toBe(Object.values(everyOldStep).flat().length);
  });

  it('reads saved progress of version 1 under the lessons\u2019 new ids, and the last position too', () => {
    const saved = JSON.stringify({
      version: 1,
      done: { '08-training': ['race', 'spiral'], '10-pixels-are-inputs': ['draw'], '07-xor': ['by-hand'] },
      last: { lesson: '09-softmax-and-cos', step: 1 },
    });
    const p = parseProgress(saved);
    expect(p.version).toBe(2);
    expect(isStepDone(p, LESSON_RENAMES['08-training'], 'race')).toBe(true);
    expect(isStepDone(p, LESSON_RENAMES['10-pixels-are-inputs'], 'draw')).toBe(true);
    expect(isStepDone(p, '07-xor', 'by-hand')).toBe(true);
    expect(p.done['08-training']).toBeUndefined();
    expect(p.last).toEqual({ lesson: '16-softmax-and-cos', step: 1 });
  });

  it('leaves progress of version 2 as it is', () => {
    const p = parseProgress(JSON.stringify({ version: 2, done: { '08-training': ['race'] }, last: null }));
    expect(p.done).toEqual({ '08-training': ['race'] });
  });

  it('reads a version-2 project file\u2019s step positions as the first edition counted them', () => {
    const project = createProject({ name: 'Old', config: defaultConfig() });
    const file = JSON.parse(serializeProject({ ...project, lessons: { '08-training': { stepsDone: [1, 3], completed: false } } }));
    file.version = 2;
    const opened = parseProject(JSON.stringify(file));
    if (!opened.ok) throw new Error(opened.message);
    expect(Object.keys(opened.project.lessons)).toEqual(['ed1_08-training']);
    const merged = mergeProjectLessons(emptyProgress(), opened.project.lessons, LESSONS);
    const training = LESSON_RENAMES['08-training'];
    for (const old of ['spiral', 'overfit']) {
      const key = `${training}/${old}`;
      const now = key in STEP_RENAMES ? STEP_RENAMES[key] : old;
      if (now !== null && now !== undefined) expect(isStepDone(merged, training, now)).toBe(true);
    }
    // Saving again writes it under this edition's id, counted by this edition's positions.
    const saved = progressForProject(merged, opened.project.lessons, LESSONS);
    expect(Object.keys(saved)).toEqual([training]);
  });

  it('a completed first-edition lesson counts all its old steps', () => {
    const merged = mergeProjectLessons(emptyProgress(), { 'ed1_07-xor': { stepsDone: [], completed: true } }, LESSONS);
    const expected = migrateDone({ '07-xor': [...FIRST_EDITION_STEPS['07-xor']] })['07-xor'] ?? [];
    for (const step of expected) expect(isStepDone(merged, '07-xor', step)).toBe(true);
    expect(expected.length).toBeGreaterThan(0);
  });
});
