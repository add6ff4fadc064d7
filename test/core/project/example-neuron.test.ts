/** The optional view field `exampleNeuron`: the neuron whose formula One example writes out. */
import { describe, expect, it } from 'vitest';
import { parseProject, serializeProject, type Project } from '../../../core/project';
import { sampleProject } from './sample';

function reopen(text: string): Project {
  const result = parseProject(text);
  if (!result.ok) throw new Error(result.message);
  return result.project;
}

/** The sample project's file as JSON, with `view` edited. */
function withView(edit: (view: Record<string, unknown>) => void): string {
  const file = JSON.parse(serializeProject(sampleProject())) as { view: Record<string, unknown> };
  edit(file.view);
  return JSON.stringify(file);
}

describe('view.exampleNeuron', () => {
  it('is kept through saving and opening', () => {
    const project = sampleProject();
    const last = project.config.network.hidden.length;
    project.view.exampleNeuron = { layer: last, neuron: 0 };
    expect(reopen(serializeProject(project)).view.exampleNeuron).toEqual({ layer: last, neuron: 0 });
    project.view.exampleNeuron = { layer: 0, neuron: project.config.network.hidden[0].size - 1 };
    expect(reopen(serializeProject(project)).view.exampleNeuron).toEqual(project.view.exampleNeuron);
  });

  it('is optional: a version-3 file without it opens as before, and saving writes none', () => {
    const text = serializeProject(sampleProject());
    expect(text).not.toContain('exampleNeuron');
    const view = reopen(text).view;
    expect(view).toEqual(sampleProject().view);
    expect('exampleNeuron' in view).toBe(false);
  });

  it('reads a neuron the network does not have as absent', () => {
    const layers = sampleProject().config.network.hidden.length + 1;
    for (const neuron of [
      { layer: layers, neuron: 0 },
      { layer: 0, neuron: 200 },
    ]) {
      expect('exampleNeuron' in reopen(withView((v) => (v.exampleNeuron = neuron))).view).toBe(false);
    }
  });

  it('refuses a malformed one with a sentence that says what is wrong', () => {
    const message = (edit: (view: Record<string, unknown>) => void) => {
      const result = parseProject(withView(edit));
      return result.ok ? '' : result.message;
    };
    expect(message((v) => (v.exampleNeuron = 3))).toMatch(/"view.exampleNeuron" should be a group of fields/);
    expect(message((v) => (v.exampleNeuron = { layer: 0 }))).toMatch(/"view.exampleNeuron.neuron" is missing/);
    expect(message((v) => (v.exampleNeuron = { layer: 1.5, neuron: 0 }))).toMatch(
      /"view.exampleNeuron.layer" is 1.5, but it must be a whole number/,
    );
    expect(message((v) => (v.exampleNeuron = { layer: -1, neuron: 0 }))).toMatch(/"view.exampleNeuron.layer"/);
  });
});
