import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../core/config';
import { createProject, decimateHistory, paramCount, parseProject, serializeProject, type Project } from '../../../core/project';
import { sampleConfig, sampleProject } from './sample';

function reopen(project: Project): Project {
  const result = parseProject(serializeProject(project));
  if (!result.ok) throw new Error(result.message);
  return result.project;
}

describe('project round trip', () => {
  it('gives back every field', () => {
    const project = sampleProject();
    expect(reopen(project)).toEqual(project);
  });

  it('keeps every parameter bit for bit, including awkward doubles', () => {
    const project = sampleProject();
    const awkward = [-0, 0, 5e-324, -5e-324, 1.7976931348623157e308, 0.1 + 0.2, 1 / 3, -2.2250738585072014e-308, 123456789.98765433];
    awkward.forEach((value, i) => (project.state!.params[i] = value));
    const back = reopen(project);
    expect(back.state!.params.length).toBe(project.state!.params.length);
    project.state!.params.forEach((value, i) => expect(Object.is(back.state!.params[i], value)).toBe(true));
    project.state!.optimizer.forEach((moment, m) =>
      moment.forEach((value, i) => expect(Object.is(back.state!.optimizer[m][i], value)).toBe(true)),
    );
  });

  it('keeps Float64Array parameters exactly', () => {
    const project = sampleProject();
    const asFloat64 = Float64Array.from(project.state!.params, (v) => v * Math.PI);
    project.state!.params = Array.from(asFloat64);
    const back = Float64Array.from(reopen(project).state!.params);
    expect(new Uint8Array(back.buffer)).toEqual(new Uint8Array(asFloat64.buffer));
  });

  it('writes the same text again after reading it', () => {
    const text = serializeProject(sampleProject());
    expect(serializeProject(reopen(sampleProject()))).toBe(text);
    expect(text.startsWith('{\n  "format": "activation-lab-project",\n  "version": 3,')).toBe(true);
  });

  it('keeps an untrained project (state null) and a custom data set', () => {
    const config = defaultConfig();
    config.data.dataset = 'custom';
    config.data.points = [
      { x1: 1, x2: 2, label: 0 },
      { x1: -3, x2: 0.5, label: 2 },
    ];
    const project = createProject({ config, savedAt: new Date(0) });
    expect(reopen(project)).toEqual(project);
    expect(reopen(project).state).toBeNull();
  });

  it('refuses to write numbers that are not finite', () => {
    const project = sampleProject();
    project.state!.params[3] = Number.NaN;
    expect(() => serializeProject(project)).toThrow(/finite/);
  });

  it('brings a layer-space choice left over from removed layers into range', () => {
    const project = sampleProject();
    project.view.layerSpaceLayer = 5;
    expect(reopen(project).view.layerSpaceLayer).toBe(1);
  });

  it('drops fields it does not know', () => {
    const text = serializeProject(sampleProject()).replace('"name":', '"extra": {"a": 1},\n  "name":');
    const result = parseProject(text);
    expect(result.ok && 'extra' in result.project).toBe(false);
    expect(result.ok).toBe(true);
  });
});

describe('history decimation', () => {
  it('keeps the first and last point and at most the limit', () => {
    const history = Array.from({ length: 10_001 }, (_, epoch) => ({
      epoch,
      trainLoss: 1,
      testLoss: 1,
      trainAccuracy: null,
      testAccuracy: null,
    }));
    const thin = decimateHistory(history, 2000);
    expect(thin.length).toBe(2000);
    expect(thin[0].epoch).toBe(0);
    expect(thin[1999].epoch).toBe(10_000);
    for (let i = 1; i < thin.length; i++) expect(thin[i].epoch).toBeGreaterThan(thin[i - 1].epoch);
    expect(decimateHistory(history.slice(0, 5), 2000)).toHaveLength(5);
    expect(createProject({ config: sampleConfig(), history }).history).toHaveLength(2000);
  });
});

describe('createProject', () => {
  it('leaves out history points a file cannot hold (a blown-up run)', () => {
    const point = (epoch: number, trainLoss: number) => ({ epoch, trainLoss, testLoss: 0.5, trainAccuracy: 0.5, testAccuracy: null });
    const project = createProject({
      config: sampleConfig(),
      history: [point(0, 1), point(1, Number.NaN), point(2, Infinity), point(3, 0.5), point(1, 0.4)],
    });
    expect(project.history.map((p) => p.epoch)).toEqual([0, 3]);
    expect(parseProject(serializeProject(project)).ok).toBe(true);
  });
});

describe('parameter count', () => {
  it('agrees with a count by hand of weights and biases', () => {
    // Playground default: 2 inputs → 4 → 2 → 1: (2·4+4) + (4·2+2) + (2·1+1) = 25.
    expect(paramCount(defaultConfig())).toBe(25);
    const three = defaultConfig();
    three.data.dataset = 'spiral3';
    expect(paramCount(three)).toBe(12 + 10 + (2 * 3 + 3));
    const custom = defaultConfig();
    custom.data.dataset = 'custom';
    custom.network.hidden = [];
    custom.data.points = [{ x1: 0, x2: 0, label: 2 }];
    expect(paramCount(custom)).toBe(2 * 3 + 3);
    custom.data.problem = 'regression';
    expect(paramCount(custom)).toBe(3);
    const iris = defaultConfig();
    iris.data.dataset = 'iris';
    expect(paramCount(iris)).toBe(4 * 4 + 4 + 10 + (2 * 3 + 3));
    // 4 features → 6 → 3 → 1, as in the sample project.
    expect(paramCount(sampleConfig())).toBe(30 + 21 + 4);
  });
});

describe('FORMAT.md', () => {
  it('has an example that opens', () => {
    const doc = readFileSync(new URL('../../../core/project/FORMAT.md', import.meta.url), 'utf8');
    const example = doc.slice(doc.indexOf('```json') + 7, doc.lastIndexOf('```'));
    const result = parseProject(example);
    expect(result.ok ? result.project.state?.epoch : result.message).toBe(12);
  });
});
