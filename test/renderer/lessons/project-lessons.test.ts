import { describe, expect, it } from 'vitest';
import { createProject, parseProject, serializeProject } from '../../../core/project';
import { defaultConfig } from '../../../core/config';
import { LESSONS } from '../../../renderer/lessons/index';
import { emptyProgress, markStepDone, type Progress } from '../../../renderer/lessons/progress';
import { lessonProgressOf, mergeProjectLessons, progressForProject } from '../../../renderer/lessons/projectLessons';

const xor = LESSONS.find((l) => l.id === '07-xor')!;
const pixels = LESSONS.find((l) => l.id === '18-pixels-are-inputs')!;

function doneSteps(progress: Progress, lessonId: string, indexes: number[]): Progress {
  const lesson = LESSONS.find((l) => l.id === lessonId)!;
  return indexes.reduce((p, i) => markStepDone(p, lessonId, lesson.steps[i].id), progress);
}

describe('lesson progress in projects', () => {
  it('counts steps by position, in lesson order, and knows when a lesson is complete', () => {
    const progress = doneSteps(emptyProgress(), xor.id, [2, 0]);
    expect(lessonProgressOf(progress, xor)).toEqual({ stepsDone: [0, 2], completed: false });
    const all = doneSteps(emptyProgress(), pixels.id, [0, 1, 2]);
    expect(lessonProgressOf(all, pixels)).toEqual({ stepsDone: [0, 1, 2], completed: true });
    expect(lessonProgressOf(emptyProgress(), pixels)).toEqual({ stepsDone: [], completed: false });
  });

  it('saves only the lessons that belong to the project, with their current progress', () => {
    let progress = doneSteps(emptyProgress(), xor.id, [0, 1]);
    progress = doneSteps(progress, pixels.id, [0]);
    const saved = progressForProject(progress, { [xor.id]: { stepsDone: [0], completed: false } }, LESSONS);
    expect(saved).toEqual({ [xor.id]: { stepsDone: [0, 1], completed: false } });
    expect(progressForProject(progress, {}, LESSONS)).toEqual({});
  });

  it('keeps a lesson this app does not have as the file said', () => {
    const carried = { 'old-lesson': { stepsDone: [1, 4], completed: false } };
    expect(progressForProject(emptyProgress(), carried, LESSONS)).toEqual(carried);
  });

  it('opening adds the recorded steps, never removes any, and skips what it does not know', () => {
    const mine = doneSteps(emptyProgress(), pixels.id, [2]);
    const merged = mergeProjectLessons(
      mine,
      {
        [pixels.id]: { stepsDone: [0], completed: false },
        [xor.id]: { stepsDone: [], completed: true },
        'old-lesson': { stepsDone: [0], completed: true },
        '01-what-a-network-does': { stepsDone: [150], completed: false },
      },
      LESSONS,
    );
    expect(lessonProgressOf(merged, pixels)).toEqual({ stepsDone: [0, 2], completed: false });
    expect(lessonProgressOf(merged, xor).completed).toBe(true);
    expect(merged.done['old-lesson']).toBeUndefined();
    expect(merged.done['01-what-a-network-does']).toBeUndefined();
    expect(mergeProjectLessons(mine, {}, LESSONS)).toBe(mine);
  });

  it('goes through a project file and back', () => {
    const progress = doneSteps(emptyProgress(), xor.id, [0, 2]);
    const lessons = progressForProject(progress, { [xor.id]: { stepsDone: [], completed: false } }, LESSONS);
    const result = parseProject(serializeProject(createProject({ config: defaultConfig(), lessons, savedAt: new Date(0) })));
    if (!result.ok) throw new Error(result.message);
    const reopened = mergeProjectLessons(emptyProgress(), result.project.lessons, LESSONS);
    expect(lessonProgressOf(reopened, xor)).toEqual({ stepsDone: [0, 2], completed: false });
  });
});
