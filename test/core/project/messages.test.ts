import { describe, expect, it } from 'vitest';
import { MAX_PROJECT_BYTES, parseProject, serializeProject } from '../../../core/project';
import { sampleProject } from './sample';

/** Decoded file text that the tests edit freely, as a hand editor would. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type EditableFile = Record<string, any>;

function fileJson(): EditableFile {
  return JSON.parse(serializeProject(sampleProject()));
}

function messageFor(text: string): string {
  const result = parseProject(text);
  expect(result.ok).toBe(false);
  return result.ok ? '' : result.message;
}

function messageForJson(edit: (file: EditableFile) => void): string {
  const file = fileJson();
  edit(file);
  return messageFor(JSON.stringify(file));
}

describe('bad files get plain messages', () => {
  it('truncated JSON', () => {
    const text = serializeProject(sampleProject());
    for (const cut of [10, 100, Math.floor(text.length / 2), text.length - 3]) {
      expect(messageFor(text.slice(0, cut))).toBe(
        'The file is cut off — it may not have finished downloading or saving. Ask for the file again.',
      );
    }
  });

  it('an empty file', () => {
    expect(messageFor('')).toMatch(/^This file is empty/);
    expect(messageFor('  \n')).toMatch(/^This file is empty/);
  });

  it("another app's JSON", () => {
    expect(messageFor('{"name": "my-package", "version": "1.0.0"}')).toBe(
      'This is not an Activation Lab project (it has no "format" field). Choose a file that ends in .actlab.',
    );
    expect(messageFor('[1, 2, 3]')).toMatch(/has no "format" field/);
    expect(messageFor('{"format": "tensorflow-playground"}')).toMatch(/its format is "tensorflow-playground"/);
  });

  it('a future version', () => {
    expect(messageForJson((f) => (f.version = 7))).toBe(
      'This file was made by a newer version of Activation Lab (format version 7). Update the app to open it.',
    );
  });

  it('a missing or broken version', () => {
    expect(messageForJson((f) => delete f.version)).toMatch(/"version" is missing or is not a whole number/);
    expect(messageForJson((f) => (f.version = '2'))).toMatch(/"version" is missing/);
    expect(messageForJson((f) => (f.version = 0))).toMatch(/"version" is missing/);
  });

  it('NaN and Infinity', () => {
    const text = serializeProject(sampleProject());
    const withNaN = text.replace(/"params":\[[^,]+,/, '"params":[NaN,');
    expect(messageFor(withNaN)).toMatch(/not valid JSON/);
    const withHuge = text.replace(/"params":\[[^,]+,/, '"params":[1e999,');
    expect(messageFor(withHuge)).toMatch(/"state.params\[0\]" is too large to be a real number/);
    expect(messageForJson((f) => (f.state.params[2] = 'NaN'))).toMatch(/"state.params\[2\]" should be a number, but it is the text "NaN"/);
    expect(messageForJson((f) => (f.state.params[2] = null))).toMatch(/"state.params\[2\]" should be a number, but it is empty/);
    expect(messageForJson((f) => (f.history[0].trainLoss = 'Infinity'))).toMatch(/history\[0\].trainLoss/);
  });

  it('parameters that do not match the network', () => {
    expect(messageForJson((f) => f.state.params.pop())).toMatch(
      /"state.params" has 54 numbers, but the network described in this file needs 55/,
    );
    expect(messageForJson((f) => f.config.network.hidden.push({ size: 2, activation: 'relu' }))).toMatch(/state.params/);
    expect(messageForJson((f) => f.state.optimizer.pop())).toMatch(/"state.optimizer" holds 1 lists, but the adam optimizer keeps 2/);
    expect(messageForJson((f) => f.state.optimizer[1].push(0))).toMatch(/state.optimizer\[1\]/);
  });

  it('absurd sizes', () => {
    const layers = Array.from({ length: 10_000 }, () => ({ size: 4, activation: 'relu' }));
    expect(messageForJson((f) => (f.config.network.hidden = layers))).toMatch(
      /"config.network.hidden" has 10000 entries; the most allowed is 8/,
    );
    expect(messageForJson((f) => (f.config.network.hidden[0].size = 1000))).toMatch(/between 1 and 16/);
    const points = Array.from({ length: 5001 }, () => ({ x1: 0, x2: 0, label: 0 }));
    expect(messageForJson((f) => (f.config.data.points = points))).toMatch(/the most allowed is 5000/);
    const history = Array.from({ length: 2001 }, (_, epoch) => ({
      epoch,
      trainLoss: 0,
      testLoss: 0,
      trainAccuracy: null,
      testAccuracy: null,
    }));
    expect(messageForJson((f) => (f.history = history))).toMatch(/"history" has 2001 entries/);
    const big = ' '.repeat(MAX_PROJECT_BYTES + 1);
    expect(messageFor(big)).toMatch(/^This file is too big to be an Activation Lab project \(64 MB; projects are at most 64 MB\)/);
  });

  it('binary garbage', () => {
    const bytes = Array.from({ length: 600 }, (_, i) => String.fromCharCode((i * 37) % 256)).join('');
    expect(messageFor(bytes)).toBe('This file holds binary data, not an Activation Lab project. Choose a file that ends in .actlab.');
    expect(messageFor('\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR')).toMatch(/binary data/);
  });

  it('broken JSON that is not cut off', () => {
    expect(messageFor('{"format": "activation-lab-project",, }')).toMatch(/not valid JSON/);
  });

  it('fields of the wrong kind or out of range', () => {
    expect(messageForJson((f) => delete f.config)).toMatch(/"config" is missing/);
    expect(messageForJson((f) => delete f.config.training.loss)).toMatch(/"config.training.loss" is missing/);
    expect(messageForJson((f) => (f.config.data.noise = 80))).toMatch(/"config.data.noise" is 80, but it must be between 0 and 50/);
    expect(messageForJson((f) => (f.config.network.hidden[1].activation = 'mish'))).toMatch(/does not know/);
    expect(messageForJson((f) => (f.config.features = ['x1', 'x1']))).toMatch(/same input twice/);
    expect(messageForJson((f) => (f.config.features = []))).toMatch(/at least one input/);
    expect(messageForJson((f) => (f.config.seed = 1.5))).toMatch(/whole number/);
    expect(messageForJson((f) => (f.config.training.learningRate = 0))).toMatch(/never learns/);
    expect(messageForJson((f) => (f.name = ' '))).toMatch(/needs a name/);
    expect(messageForJson((f) => (f.name = 'x'.repeat(201)))).toMatch(/201 characters long/);
    expect(messageForJson((f) => (f.savedAt = 'yesterday'))).toMatch(/"savedAt" should be a date/);
    expect(messageForJson((f) => (f.history[3].epoch = 1))).toMatch(/goes back in time/);
    expect(messageForJson((f) => (f.history[3].testAccuracy = 1.5))).toMatch(/between 0 and 1/);
    expect(messageForJson((f) => (f.lessons = JSON.parse('{"__proto__": {"stepsDone": [], "completed": true}}')))).toMatch(/lesson names/);
    expect(messageForJson((f) => (f.lessons.intro = { stepsDone: [2, 1], completed: true }))).toMatch(/each step once/);
    expect(messageForJson((f) => (f.view.area = 'settings'))).toMatch(/"view.area"/);
    expect(messageForJson((f) => (f.view.layerSpaceLayer = 8))).toMatch(/"view.layerSpaceLayer" is 8, but it must be between 0 and 7/);
    expect(messageForJson((f) => (f.state.epoch = -1))).toMatch(/"state.epoch" is -1/);
  });

  it('wraps field problems in one sentence that says what to do', () => {
    expect(messageForJson((f) => (f.config.data.noise = 80))).toBe(
      'This project file is damaged and cannot be opened: "config.data.noise" is 80, but it must be between 0 and 50. ' +
        'Ask for the file again, or open another project.',
    );
  });
});
