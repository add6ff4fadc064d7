/** The activation explorer's saved choice: an optional field of `view` (absent = the default). */
import { describe, expect, it } from 'vitest';
import { ACTIVATION_NAMES } from '../../../core/config';
import { DEFAULT_EXPLORER_ACTIVATION, parseProject, serializeProject, withViewDefaults } from '../../../core/project';
import { sampleProject } from './sample';

describe('project file: view.explorerActivation', () => {
  it.each(ACTIVATION_NAMES)('keeps the explorer showing %s', (name) => {
    const project = sampleProject();
    project.view = { ...project.view, explorerActivation: name };
    const text = serializeProject(project);
    expect(JSON.parse(text).version).toBe(3);
    const result = parseProject(text);
    expect(result.ok ? result.project.view : result.message).toEqual(project.view);
  });

  it('opens a version-3 file written without it, and the default applies', () => {
    const project = sampleProject();
    const file = JSON.parse(serializeProject(project));
    expect(file.view).not.toHaveProperty('explorerActivation');
    const result = parseProject(JSON.stringify(file));
    if (!result.ok) throw new Error(result.message);
    expect(result.project.view).not.toHaveProperty('explorerActivation');
    expect(withViewDefaults(result.project.view).explorerActivation).toBe(DEFAULT_EXPLORER_ACTIVATION);
    expect(withViewDefaults({ ...result.project.view, explorerActivation: 'relu' }).explorerActivation).toBe('relu');
  });

  it.each([['softmax'], [3], [null], ['']])('refuses %j with a sentence naming the field and the choices', (bad) => {
    const file = JSON.parse(serializeProject(sampleProject()));
    file.view.explorerActivation = bad;
    const result = parseProject(JSON.stringify(file));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toContain('"view.explorerActivation"');
      expect(result.message).toContain('identity, relu');
    }
  });
});
