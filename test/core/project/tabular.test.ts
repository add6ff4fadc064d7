import { describe, expect, it } from 'vitest';
import { LIMITS, type LabConfig } from '../../../core/config';
import { createProject, momentCount, paramCount, parseProject, serializeProject } from '../../../core/project';
import { digitsConfig, irisConfig } from '../../../core/tabular/presets';
import { seeded } from './sample';

/** A digits project 784 → 128 → 10 with Adam's moments, all numbers from a seeded generator. */
function digitsProject() {
  const config = digitsConfig([{ size: 128, activation: 'relu' }]);
  const random = seeded(11);
  const count = paramCount(config);
  const values = () => Array.from({ length: count }, () => (random() - 0.5) * 0.2);
  return createProject({
    name: 'digits',
    config,
    state: {
      epoch: 3,
      params: values(),
      optimizer: Array.from({ length: momentCount('adam') }, (_, m) => (m === 1 ? values().map(Math.abs) : values())),
      step: 750,
    },
    history: [{ epoch: 1, trainLoss: 0.4, testLoss: 0.45, trainAccuracy: 0.9, testAccuracy: 0.89 }],
    savedAt: new Date(Date.UTC(2026, 10, 28, 22, 0, 0)),
  });
}

/** Replaces the config in a file's text, leaving everything else as written. */
function withConfig(text: string, edit: (config: LabConfig) => void): string {
  const file = JSON.parse(text) as { config: LabConfig };
  edit(file.config);
  return JSON.stringify(file);
}

describe('projects of the table data sets', () => {
  it('round-trips a digits 784 → 128 → 10 network bit for bit', () => {
    const project = digitsProject();
    expect(paramCount(project.config)).toBe(784 * 128 + 128 + 128 * 10 + 10);
    const text = serializeProject(project);
    const result = parseProject(text);
    if (!result.ok) throw new Error(result.message);
    expect(result.project.config).toEqual(project.config);
    const back = Float64Array.from(result.project.state!.params);
    const sent = Float64Array.from(project.state!.params);
    // Buffer.equals, not toEqual: comparing 800,000 bytes one by one takes the matcher most of a minute.
    expect(Buffer.from(back.buffer).equals(Buffer.from(sent.buffer))).toBe(true);
    result.project.state!.optimizer.forEach((moment, m) => {
      const a = Float64Array.from(moment);
      const b = Float64Array.from(project.state!.optimizer[m]);
      expect(Buffer.from(a.buffer).equals(Buffer.from(b.buffer))).toBe(true);
    });
    expect(serializeProject(result.project)).toBe(text);
  });

  it('refuses a digits project whose parameters do not fit its network, with a plain message', () => {
    const project = digitsProject();
    project.state!.params.pop();
    const result = parseProject(serializeProject(project));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain('"state.params" has 101769 numbers, but the network described in this file needs 101770.');
    expect(result.message).toMatch(/^This project file is damaged and cannot be opened:/);
  });

  it('opens an iris project', () => {
    const config = irisConfig();
    const result = parseProject(serializeProject(createProject({ config, savedAt: new Date(0) })));
    expect(result.ok ? result.project.config : result.message).toEqual(config);
  });

  it('allows the wider table limits and no more', () => {
    const text = serializeProject(digitsProject());
    const widest = withConfig(text, (c) => {
      c.network.hidden = [{ size: LIMITS.maxTableNeurons, activation: 'relu' }];
      c.data.size = LIMITS.maxTableRows;
    });
    // The parameters no longer fit, but the config itself passes: the message is about params.
    const opened = parseProject(widest);
    expect(opened.ok ? 'opened' : opened.message).toContain('"state.params"');

    const tooWide = parseProject(withConfig(text, (c) => (c.network.hidden = [{ size: LIMITS.maxTableNeurons + 1, activation: 'relu' }])));
    expect(tooWide.ok ? 'opened' : tooWide.message).toContain(
      `"config.network.hidden[0].size" is ${LIMITS.maxTableNeurons + 1}, but it must be between 1 and ${LIMITS.maxTableNeurons}.`,
    );

    const tooMany = parseProject(withConfig(text, (c) => (c.data.size = LIMITS.maxTableRows + 1)));
    expect(tooMany.ok ? 'opened' : tooMany.message).toContain(`"config.data.size" is ${LIMITS.maxTableRows + 1}`);

    const absurd = parseProject(withConfig(text, (c) => (c.network.hidden = [{ size: 1e9, activation: 'relu' }])));
    expect(absurd.ok).toBe(false);
  });

  it('keeps the 2-D data sets to their own, smaller limits', () => {
    const config = digitsConfig();
    const text = serializeProject(createProject({ config, savedAt: new Date(0) }));
    const circle = parseProject(
      withConfig(text, (c) => {
        c.data.dataset = 'circle';
        c.data.size = 500;
        c.network.hidden = [{ size: LIMITS.maxNeuronsPerLayer + 1, activation: 'relu' }];
      }),
    );
    expect(circle.ok ? 'opened' : circle.message).toContain(`between 1 and ${LIMITS.maxNeuronsPerLayer}`);
    const big = parseProject(withConfig(text, (c) => (c.data.dataset = 'circle')));
    expect(big.ok ? 'opened' : big.message).toContain(`"config.data.size" is 10000, but it must be between 2 and ${LIMITS.maxPoints}.`);
  });
});
