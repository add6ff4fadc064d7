/**
 * `view.showEachNeuron` (the curve view's "Show each neuron"): optional within version 3, so
 * files written before it existed still open and read it as absent (false in the Lab).
 */
import { describe, expect, it } from 'vitest';
import { parseProject, serializeProject } from '../../../core/project';
import { sampleProject } from './sample';

/** The project's file text with its view replaced by `view`. */
function withView(view: Record<string, unknown>): string {
  const file = JSON.parse(serializeProject(sampleProject())) as Record<string, unknown>;
  return JSON.stringify({ ...file, view });
}

const BASE = { area: 'lab', showTestData: false, discretize: false, layerSpaceLayer: 0 };

describe('view.showEachNeuron', () => {
  it('is kept through a save and a load, true or false', () => {
    for (const showEachNeuron of [true, false]) {
      const project = sampleProject();
      project.view = { ...project.view, showEachNeuron };
      const read = parseProject(serializeProject(project));
      expect(read.ok && read.project.view.showEachNeuron).toBe(showEachNeuron);
    }
  });

  it('may be absent: a version-3 file without it opens, and the field stays absent', () => {
    const read = parseProject(withView(BASE));
    expect(read.ok).toBe(true);
    if (read.ok) expect('showEachNeuron' in read.project.view).toBe(false);
  });

  it('refuses anything but true or false, with a sentence naming the field', () => {
    for (const bad of ['yes', 1, null]) {
      const read = parseProject(withView({ ...BASE, showEachNeuron: bad }));
      expect(read.ok).toBe(false);
      if (!read.ok) expect(read.message).toContain('"view.showEachNeuron" should be true or false');
    }
  });
});
