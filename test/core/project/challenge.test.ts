/**
 * The optional `challenge` field: it round-trips, files without it still open, nonsense is
 * refused with a sentence naming the field, and a limit the saved network already breaks
 * does not lock the learner out (the file opens; core/challenge says which limit is broken).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../core/config';
import { brokenLimits } from '../../../core/challenge';
import { createProject, parseProject, serializeProject, type Challenge, type Project } from '../../../core/project';
import { sampleConfig, sampleProject } from './sample';

function challenge(): Challenge {
  return {
    note: 'Separate the spiral with as few neurons as you can.',
    goal: { metric: 'testAccuracy', target: 0.9 },
    limits: { maxLayers: 2, maxNeurons: 10, activations: ['relu', 'tanh'], lockData: true, lockFeatures: false },
    solved: null,
  };
}

function withChallenge(value: unknown, project: Project = sampleProject()): string {
  const json = JSON.parse(serializeProject(project)) as Record<string, unknown>;
  json.challenge = value;
  return JSON.stringify(json);
}

function messageFor(text: string): string {
  const result = parseProject(text);
  expect(result.ok).toBe(false);
  return result.ok ? '' : result.message;
}

describe('project challenge field', () => {
  it('keeps a challenge, unsolved and solved, through a save and an open, at version 3', () => {
    const open = { ...sampleProject(), challenge: challenge() };
    const solved: Project = {
      ...sampleProject(),
      challenge: {
        ...challenge(),
        solved: {
          epoch: 140,
          value: 0.925,
          hidden: [{ size: 6, activation: 'relu' }],
          features: ['x1', 'x2'],
          solvedAt: '2026-12-02T05:00:00.000Z',
        },
      },
    };
    for (const project of [open, solved]) {
      const text = serializeProject(project);
      expect(JSON.parse(text).version).toBe(3);
      const result = parseProject(text);
      expect(result.ok ? result.project : result.message).toEqual(project);
      expect(result.ok && serializeProject(result.project)).toBe(text);
    }
  });

  it('writes limits in one order whatever order they were set in', () => {
    const a = { ...sampleProject(), challenge: challenge() };
    const b = {
      ...sampleProject(),
      challenge: {
        ...challenge(),
        limits: { lockFeatures: false, lockData: true, activations: ['relu', 'tanh'], maxNeurons: 10, maxLayers: 2 },
      },
    } as Project;
    expect(serializeProject(b)).toBe(serializeProject(a));
  });

  it('opens a version-3 file without the field as no challenge, and writes none back', () => {
    const text = serializeProject(sampleProject());
    expect(text).not.toContain('challenge');
    const result = parseProject(text);
    expect(result.ok && 'challenge' in result.project).toBe(false);
    expect(createProject({ config: defaultConfig(), challenge: null })).not.toHaveProperty('challenge');
  });

  it('opens a challenge whose limits the saved network already breaks, so the work is never locked away', () => {
    // The sample network has 2 hidden layers of 6 ReLU and 3 tanh neurons.
    const strict: Challenge = {
      ...challenge(),
      limits: { maxLayers: 1, maxNeurons: 4, activations: ['sigmoid'], lockData: true, lockFeatures: true },
    };
    const result = parseProject(withChallenge(strict));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.project.state?.params.length).toBeGreaterThan(0);
    expect(brokenLimits(result.project.challenge!.limits, result.project.config)).toEqual([
      'The network has 2 hidden layers; this challenge allows at most 1. Remove a layer.',
      'The network has 9 hidden neurons; this challenge allows at most 4. Remove neurons.',
      'Layer 1 uses ReLU, which this challenge does not allow. Choose Sigmoid.',
      'Layer 2 uses Tanh, which this challenge does not allow. Choose Sigmoid.',
    ]);
  });

  it('refuses an accuracy goal for a regression, and says to use the loss', () => {
    const config = sampleConfig();
    config.data.dataset = 'sine';
    config.network.outputActivation = 'identity';
    config.training.loss = 'halfSquared';
    const curve = sampleProject(config);
    expect(messageFor(withChallenge(challenge(), curve))).toMatch(
      /"challenge\.goal\.metric" asks for a test accuracy, but this project's data is a regression .* Use "testLoss" instead\./,
    );
    const lossGoal = parseProject(withChallenge({ ...challenge(), goal: { metric: 'testLoss', target: 0.01 } }, curve));
    expect(lossGoal.ok && lossGoal.project.challenge?.goal).toEqual({ metric: 'testLoss', target: 0.01 });
  });

  it('refuses each kind of nonsense with a sentence naming the field', () => {
    const cases: [unknown, RegExp][] = [
      ['win', /"challenge" should be a group of fields, but it is the text "win"\./],
      [
        { ...challenge(), goal: { metric: 'trainAccuracy', target: 0.9 } },
        /"challenge\.goal\.metric" is the text "trainAccuracy", which this app does not know\. It should be one of: testAccuracy, testLoss\./,
      ],
      [
        { ...challenge(), goal: { metric: 'testAccuracy', target: 95 } },
        /"challenge\.goal\.target" is 95, but it must be between 0 and 1\./,
      ],
      [
        { ...challenge(), goal: { metric: 'testAccuracy', target: 0 } },
        /"challenge\.goal\.target" is 0, which any network reaches before training/,
      ],
      [{ ...challenge(), goal: { metric: 'testLoss', target: 0 } }, /"challenge\.goal\.target" is 0, a loss no network reaches/],
      [
        { ...challenge(), limits: { ...challenge().limits, maxLayers: 9 } },
        /"challenge\.limits\.maxLayers" is 9, but it must be between 0 and 8\./,
      ],
      [
        { ...challenge(), limits: { ...challenge().limits, maxNeurons: 0 } },
        /"challenge\.limits\.maxNeurons" is 0, but it must be between 1 and 2048\./,
      ],
      [
        { ...challenge(), limits: { ...challenge().limits, maxNeurons: 2.5 } },
        /"challenge\.limits\.maxNeurons" is 2\.5, but it must be a whole number\./,
      ],
      [
        { ...challenge(), limits: { ...challenge().limits, activations: [] } },
        /"challenge\.limits\.activations" is empty, so no hidden layer could have an activation/,
      ],
      [{ ...challenge(), limits: { ...challenge().limits, activations: ['relu', 'relu'] } }, /names the same activation twice/],
      [
        { ...challenge(), limits: { ...challenge().limits, activations: ['magic'] } },
        /"challenge\.limits\.activations\[0\]" is the text "magic"/,
      ],
      [{ ...challenge(), limits: { maxLayers: 2 } }, /"challenge\.limits\.lockData" is missing\./],
      [{ ...challenge(), note: 'x'.repeat(501) }, /"challenge\.note" is 501 characters long; the most is 500\./],
      [
        { note: '', goal: { metric: 'testLoss', target: 1 }, limits: { lockData: false, lockFeatures: false } },
        /"challenge\.solved" is missing\./,
      ],
      [
        { ...challenge(), solved: { epoch: 3, value: 1.5, hidden: [], features: ['x1'], solvedAt: '2026-12-02T05:00:00Z' } },
        /"challenge\.solved\.value" is 1\.5, but it must be between 0 and 1\./,
      ],
      [
        {
          ...challenge(),
          solved: { epoch: 3, value: 0.9, hidden: [{ size: 99, activation: 'relu' }], features: ['x1'], solvedAt: '2026-12-02T05:00:00Z' },
        },
        /"challenge\.solved\.hidden\[0\]\.size" is 99, but it must be between 1 and 16\./,
      ],
      [
        { ...challenge(), solved: { epoch: 3, value: 0.9, hidden: [], features: [], solvedAt: '2026-12-02T05:00:00Z' } },
        /"challenge\.solved\.features" is empty/,
      ],
      [
        { ...challenge(), solved: { epoch: 3, value: 0.9, hidden: [], features: ['x1'], solvedAt: 'yesterday' } },
        /"challenge\.solved\.solvedAt" should be a date and time such as 2026-11-28T20:46:29Z, but it is "yesterday"\./,
      ],
    ];
    for (const [value, expected] of cases) {
      const message = messageFor(withChallenge(value));
      expect(message).toMatch(/^This project file is damaged and cannot be opened: /);
      expect(message).toMatch(expected);
    }
  });
});

describe('FORMAT.md', () => {
  it('shows a challenge that opens in its example project', () => {
    const doc = readFileSync(new URL('../../../core/project/FORMAT.md', import.meta.url), 'utf8');
    const field = doc.slice(doc.indexOf('"challenge": {'), doc.indexOf('```', doc.indexOf('"challenge": {'))).trim();
    const example = doc.slice(doc.lastIndexOf('```json') + 7, doc.lastIndexOf('```')).trim();
    const config = JSON.parse(example) as Record<string, unknown>;
    (config.config as { data: { dataset: string } }).data.dataset = 'spiral';
    const result = parseProject(
      withChallenge(JSON.parse(`{${field}}`).challenge, (parseProject(JSON.stringify(config)) as { project: Project }).project),
    );
    expect(result.ok ? result.project.challenge?.solved?.epoch : result.message).toBe(212);
  });
});
