/**
 * Digits networks as project files. The same core code writes and checks them as every
 * other project (`serializeProject`, `parseProject`); this only decides what a digits
 * project holds and refuses files that hold another kind of network.
 */
import type { LabConfig } from '../../core/config';
import { isTableDataset } from '../../core/tabular/info';
import type { EngineState, HistoryPoint } from '../../core/protocol';
import { createProject, parseProject, serializeProject, type ParseResult, type Project } from '../../core/project';

export const DIGITS_PROJECT_NAME = 'digits';

export interface DigitsWork {
  config: LabConfig;
  state: EngineState;
  history: readonly HistoryPoint[];
  savedAt: Date;
}

/**
 * The file text for a digits network, checked by the loader that will open it again.
 * Throws with a sentence for the learner when that check fails.
 */
export function digitsProjectText(work: DigitsWork, name = DIGITS_PROJECT_NAME): string {
  const project = createProject({
    name,
    config: work.config,
    state: work.state,
    history: work.history,
    // Lesson progress travels with the Lab's projects (see FORMAT.md), not with these.
    lessons: {},
    // The Lab shows 2-D data; a digits project is reopened in the Digits area.
    view: { area: 'lab', showTestData: false, discretize: false, layerSpaceLayer: 0 },
    savedAt: work.savedAt,
  });
  const text = serializeProject(project);
  const check = parseProject(text);
  if (!check.ok) throw new Error(`The network could not be saved: ${check.message}`);
  return text;
}

/** A project the Digits area can open: a digits network, or a sentence saying why not. */
export function asDigitsProject(result: ParseResult): { ok: true; project: Project } | { ok: false; message: string } {
  if (!result.ok) return result;
  const dataset = result.project.config.data.dataset;
  if (dataset !== 'digits') {
    const where = isTableDataset(dataset) ? 'Only digits networks open here.' : 'Open it from the Projects area instead.';
    return { ok: false, message: `This project holds a network for the ${dataset} data, not for digits. ${where}` };
  }
  return result;
}
