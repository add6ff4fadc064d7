/** Version 3 of the project file: curve-fitting sets, the learner's own 1-D points and drawn activations' knots. */
import { describe, expect, it } from 'vitest';
import type { LabConfig } from '../../../core/config';
import { parseProject, serializeProject } from '../../../core/project';
import { presetKnots } from '../../../core/engine/drawn';
import { curvePoint } from '../../../core/engine/curve-data';
import { sampleConfig, sampleProject } from './sample';

function curveConfig(): LabConfig {
  const config = sampleConfig();
  config.data = {
    ...config.data,
    dataset: 'ownCurve',
    problem: 'regression',
    points: [curvePoint(-5.5, 0.25), curvePoint(0, -1), curvePoint(2.125, 0.75)],
  };
  config.network = {
    hidden: [
      { size: 8, activation: 'drawn' },
      { size: 3, activation: 'relu' },
    ],
    outputActivation: 'identity',
    drawn: presetKnots('sawtooth'),
  };
  config.training.loss = 'halfSquared';
  return config;
}

function reopen(text: string): ReturnType<typeof parseProject> {
  return parseProject(text);
}

describe('project file: instruments', () => {
  it("keeps the learner's own curve points and drawn knots, bit for bit", () => {
    const project = sampleProject(curveConfig());
    const text = serializeProject(project);
    expect(JSON.parse(text).version).toBe(3);
    const result = reopen(text);
    expect(result.ok ? result.project : result.message).toEqual(project);
    if (result.ok) {
      expect(result.project.config.network.drawn).toEqual(presetKnots('sawtooth'));
      expect(result.project.config.data.points.map((p) => [p.x1, p.label])).toEqual([
        [-5.5, 0.25],
        [0, -1],
        [2.125, 0.75],
      ]);
    }
  });

  it('keeps a drawing no layer uses, and every generated curve set', () => {
    for (const dataset of ['sine', 'step', 'absolute', 'parabola', 'noisyLine'] as const) {
      const config = curveConfig();
      config.data = { ...config.data, dataset, points: [] };
      config.network.hidden = [{ size: 4, activation: 'tanh' }];
      config.network.drawn = presetKnots('stepLike');
      const project = sampleProject(config);
      project.view.layerSpaceLayer = 0; // one hidden layer
      const result = reopen(serializeProject(project));
      expect(result.ok ? result.project : result.message).toEqual(project);
    }
  });

  it('reads a network without knots as one without (the default drawing)', () => {
    const config = curveConfig();
    delete config.network.drawn;
    const result = reopen(serializeProject(sampleProject(config)));
    expect(result.ok && 'drawn' in result.project.config.network).toBe(false);
  });

  it('refuses bad knots and bad curve points with a sentence naming the field', () => {
    const file = JSON.parse(serializeProject(sampleProject(curveConfig())));
    const message = (edit: (f: typeof file) => void): string => {
      const copy = JSON.parse(JSON.stringify(file));
      edit(copy);
      const result = parseProject(JSON.stringify(copy));
      return result.ok ? 'opened' : result.message;
    };
    expect(message((f) => f.config.network.drawn.splice(0, 3))).toMatch(
      /"config.network.drawn" has 3 knots; a drawn activation needs from 5 to 9/,
    );
    expect(message((f) => (f.config.network.drawn[2].x = -5))).toMatch(/"config.network.drawn" is not a drawable function.*left to right/);
    expect(message((f) => (f.config.network.drawn[0].y = 40))).toMatch(/"config.network.drawn\[0\].y" is 40/);
    expect(message((f) => (f.config.network.drawn = 'zigzag'))).toMatch(/"config.network.drawn" should be a list/);
    expect(message((f) => (f.config.data.points[1].x2 = 1))).toMatch(
      /"config.data.points\[1\].x2" is 1, but a curve point keeps its x in x1 and 0 in x2/,
    );
    expect(message((f) => (f.config.data.points[0].x1 = 9))).toMatch(/"config.data.points\[0\].x1" is 9/);
  });
});
