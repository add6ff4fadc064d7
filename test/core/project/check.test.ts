import { describe, expect, it } from 'vitest';
import { checkProject, createProject, momentCount, paramCount, parseProject, serializeProject, type Project } from '../../../core/project';
import { digitsConfig } from '../../../core/tabular/presets';
import { sampleProject, seeded } from './sample';

/** What the full round trip through file text says about a project. */
function viaText(project: Project) {
  return parseProject(serializeProject(project));
}

describe('checking a project in memory', () => {
  it('accepts what the loader accepts, giving the same project back', () => {
    const project = sampleProject();
    expect(checkProject(project)).toEqual(viaText(project));
  });

  it('refuses what the loader refuses, with the same sentence', () => {
    const shortParams = sampleProject();
    shortParams.state!.params.pop();
    const badRate = sampleProject();
    badRate.config.training.learningRate = 0;
    const tooManyMoments = sampleProject();
    tooManyMoments.state!.optimizer.push([]);
    const blankName = { ...sampleProject(), name: '   ' };
    for (const project of [shortParams, badRate, tooManyMoments, blankName]) {
      const checked = checkProject(project);
      expect(checked.ok).toBe(false);
      expect(checked).toEqual(viaText(project));
    }
  });

  it('refuses numbers a file cannot hold', () => {
    const project = sampleProject();
    project.state!.optimizer[0][3] = Number.POSITIVE_INFINITY;
    const checked = checkProject(project);
    expect(checked.ok ? '' : checked.message).toContain('"state.optimizer[0][3]" is too large to be a real number.');
  });

  it('checks a digits network with Adam in memory as the loader does through its text', () => {
    const config = digitsConfig([{ size: 128, activation: 'relu' }]);
    const random = seeded(2);
    const values = () => Array.from({ length: paramCount(config) }, () => random() - 0.5);
    const project = createProject({
      config,
      state: {
        epoch: 1,
        params: values(),
        optimizer: Array.from({ length: momentCount('adam') }, (_, m) => (m === 1 ? values().map(Math.abs) : values())),
        step: 3,
      },
      savedAt: new Date(0),
    });
    // How much faster checking in memory is than the round trip: npm run bench (test/bench/files.ts).
    expect(checkProject(project).ok).toBe(true);
    expect(viaText(project).ok).toBe(true);
  });
});
