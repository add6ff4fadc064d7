/**
 * Putting an opened project into the Lab, the same way for every kind of data: a trained
 * network (2-D, digits or Iris) goes through the Lab's restore, which waits for the digit
 * images itself; an untrained one is configured afresh from its settings.
 */
import type { LabConfig } from '../../core/config';
import { withViewDefaults, type Challenge, type LessonProgress, type Project, type ProjectView } from '../../core/project';
import type { EngineState, HistoryPoint } from '../../core/protocol';

/** The part of the Lab a project is put into (the Lab in renderer/app/lab.svelte.ts). */
export interface LabTarget {
  view: ProjectView;
  dirty: boolean;
  /** The project's challenge; its limits apply to the learner's changes, not to opening the project. */
  challenge: Challenge | null;
  applyProject(restore: { config: LabConfig; state: EngineState; history: HistoryPoint[]; view?: Partial<ProjectView> }): Promise<void>;
  configure(config: LabConfig): Promise<void>;
}

export interface LessonsTarget {
  openProject(lessons: Record<string, LessonProgress>): void;
}

/**
 * Puts `project` into the Lab and its lesson progress into the learner's; `dirty` when it
 * is unsaved work (a restored backup). Resolves once the Lab has it.
 */
export async function putIntoLab(lab: LabTarget, lessons: LessonsTarget, project: Project, dirty: boolean): Promise<void> {
  lessons.openProject(project.lessons);
  // The open challenge's limits are the old project's business: none while the new one goes in.
  lab.challenge = null;
  if (project.state) {
    // Fields the file leaves out take their defaults rather than keeping what the Lab had.
    const view = withViewDefaults(project.view);
    const applied = lab.applyProject({ config: project.config, state: project.state, history: project.history, view });
    if (dirty) lab.dirty = true;
    lab.challenge = project.challenge ?? null;
    await applied;
    return;
  }
  Object.assign(lab.view, withViewDefaults(project.view));
  const configured = lab.configure(project.config);
  lab.dirty = dirty;
  lab.challenge = project.challenge ?? null;
  await configured;
}
