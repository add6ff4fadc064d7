import { describe, expect, it } from 'vitest';
import type { LabConfig } from '../../../core/config';
import { createProject, momentCount, paramCount, serializeProject, type LessonProgress } from '../../../core/project';
import { digitsConfig, irisConfig } from '../../../core/tabular/presets';
import { readChosenFile } from '../../../renderer/projects/files';
import { putIntoLab, type LabTarget } from '../../../renderer/projects/intoLab';

/** A Lab that records what it is given; its restore finishes only when told (the digit images arriving). */
function fakeLab() {
  const calls: string[] = [];
  let finish: () => void = () => undefined;
  const lab: LabTarget & { restored: Parameters<LabTarget['applyProject']>[0][]; configured: LabConfig[] } = {
    view: { area: 'projects', showTestData: false, discretize: false, layerSpaceLayer: 0 },
    dirty: false,
    challenge: null,
    restored: [],
    configured: [],
    applyProject(restore) {
      calls.push('applyProject');
      lab.restored.push(restore);
      lab.dirty = false;
      return new Promise<void>((resolve) => (finish = resolve));
    },
    configure(config) {
      calls.push(lab.challenge ? 'configure under a challenge' : 'configure');
      lab.configured.push(config);
      lab.dirty = true;
      return Promise.resolve();
    },
  };
  return { lab, calls, finishRestore: () => finish() };
}

function lessonsTarget() {
  const opened: Record<string, LessonProgress>[] = [];
  return { opened, openProject: (lessons: Record<string, LessonProgress>) => void opened.push(lessons) };
}

function trainedDigits() {
  const config = digitsConfig([{ size: 16, activation: 'relu' }]);
  const values = () => Array.from({ length: paramCount(config) }, (_, i) => ((i % 17) - 8) / 100);
  return createProject({
    name: 'digits',
    config,
    state: {
      epoch: 2,
      params: values(),
      optimizer: Array.from({ length: momentCount('adam') }, (_, m) => (m === 1 ? values().map(Math.abs) : values())),
      step: 500,
    },
    history: [{ epoch: 2, trainLoss: 0.3, testLoss: 0.4, trainAccuracy: 0.9, testAccuracy: 0.88 }],
    view: { area: 'lab', showTestData: false, discretize: false, layerSpaceLayer: 0 },
    savedAt: new Date(0),
  });
}

describe('opening a table project in the Lab', () => {
  it('a digits file chosen in the browser reaches the Lab restore with its exact state', async () => {
    const project = trainedDigits();
    const chosen = await readChosenFile(new Blob([serializeProject(project)]));
    if (!chosen.ok) throw new Error(chosen.message);
    const { lab, calls, finishRestore } = fakeLab();
    const lessons = lessonsTarget();
    let done = false;
    const opening = putIntoLab(lab, lessons, chosen.project, false).then(() => (done = true));
    expect(calls).toEqual(['applyProject']);
    expect(lab.restored[0].config).toEqual(project.config);
    expect(lab.restored[0].state).toEqual(project.state);
    expect(lab.restored[0].history).toEqual(project.history);
    expect(lessons.opened).toEqual([{}]);
    // Opening is finished only when the Lab has the network (after the images came).
    await Promise.resolve();
    expect(done).toBe(false);
    finishRestore();
    await opening;
    expect(done).toBe(true);
    expect(lab.dirty).toBe(false);
  });

  it('restored unsaved work stays marked unsaved', async () => {
    const { lab, finishRestore } = fakeLab();
    const opening = putIntoLab(lab, lessonsTarget(), trainedDigits(), true);
    finishRestore();
    await opening;
    expect(lab.dirty).toBe(true);
  });

  it('an untrained Iris project is configured from its settings, with its view', async () => {
    const project = createProject({
      name: 'flowers',
      config: irisConfig(),
      view: { area: 'lab', showTestData: true, discretize: false, layerSpaceLayer: 0 },
      savedAt: new Date(0),
    });
    const chosen = await readChosenFile(new Blob([serializeProject(project)]));
    if (!chosen.ok) throw new Error(chosen.message);
    const { lab, calls } = fakeLab();
    await putIntoLab(lab, lessonsTarget(), chosen.project, false);
    expect(calls).toEqual(['configure']);
    expect(lab.configured[0]).toEqual(irisConfig());
    expect(lab.view).toMatchObject({ area: 'lab', showTestData: true });
    expect(lab.dirty).toBe(false);
  });

  it('the explorer shows the activation a project saved, and the default when the file has none', async () => {
    const { lab, finishRestore } = fakeLab();
    lab.view.explorerActivation = 'relu';
    const untrained = createProject({
      name: 'flowers',
      config: irisConfig(),
      view: { area: 'lab', showTestData: false, discretize: false, layerSpaceLayer: 0 },
      savedAt: new Date(0),
    });
    await putIntoLab(lab, lessonsTarget(), untrained, false);
    expect(lab.view.explorerActivation).toBe('sigmoid');
    await putIntoLab(lab, lessonsTarget(), { ...untrained, view: { ...untrained.view, explorerActivation: 'drawn' } }, false);
    expect(lab.view.explorerActivation).toBe('drawn');
    // A trained project hands its view, defaults filled in, to the Lab's restore.
    const opening = putIntoLab(lab, lessonsTarget(), trainedDigits(), false);
    finishRestore();
    await opening;
    expect(lab.restored[0].view).toMatchObject({
      area: 'lab',
      showTestData: false,
      discretize: false,
      layerSpaceLayer: 0,
      explorerActivation: 'sigmoid',
    });
  });

  it("puts the project's challenge in the Lab only after its settings, so the old limits never refuse them", async () => {
    const { lab, calls, finishRestore } = fakeLab();
    const challenge = {
      note: 'Fewer neurons',
      goal: { metric: 'testAccuracy' as const, target: 0.9 },
      limits: { maxNeurons: 4, lockData: true, lockFeatures: true },
      solved: null,
    };
    lab.challenge = { ...challenge, note: 'the old one' };
    const untrained = createProject({ name: 'challenge', config: irisConfig(), challenge, savedAt: new Date(0) });
    await putIntoLab(lab, lessonsTarget(), untrained, false);
    expect(calls).toEqual(['configure']);
    expect(lab.challenge).toEqual(challenge);
    // A project without one leaves no challenge behind.
    const opening = putIntoLab(lab, lessonsTarget(), trainedDigits(), false);
    finishRestore();
    await opening;
    expect(lab.challenge).toBeNull();
  });
});
