import { describe, expect, it } from 'vitest';
import { FIRST_EDITION_PREFIX, MIGRATIONS, PROJECT_VERSION, parseProject, serializeProject } from '../../../core/project';
import { sampleProject } from './sample';

/** A version-1 file, as the first release wrote it: engine state flat at the top, no view. */
function versionOneText(): { text: string; expected: ReturnType<typeof sampleProject> } {
  const project = sampleProject();
  project.view = { area: 'lab', showTestData: false, discretize: false, layerSpaceLayer: 0 };
  const { state, view: _view, ...rest } = project;
  const file = { format: 'activation-lab-project', version: 1, ...rest, ...state };
  return { text: JSON.stringify(file), expected: project };
}

/** The project as version 3 reads an older file: lesson progress kept under `ed1_` + id. */
function firstEdition(project: ReturnType<typeof sampleProject>): ReturnType<typeof sampleProject> {
  const lessons = Object.fromEntries(Object.entries(project.lessons).map(([id, p]) => [FIRST_EDITION_PREFIX + id, p]));
  return { ...project, lessons };
}

describe('migrations', () => {
  it('has one step for every older version', () => {
    expect(PROJECT_VERSION).toBe(3);
    expect(MIGRATIONS.map((m) => m.from)).toEqual([1, 2]);
  });

  it('upgrades a version-1 file to the same project, its lessons marked as the first edition\u2019s', () => {
    const { text, expected } = versionOneText();
    const result = parseProject(text);
    expect(result.ok ? result.project : result.message).toEqual(firstEdition(expected));
    if (result.ok) expect(JSON.parse(serializeProject(result.project)).version).toBe(3);
  });

  it('upgrades a version-2 file (before curve sets and drawn activations) to the same project', () => {
    const project = sampleProject();
    const file = JSON.parse(serializeProject(project));
    file.version = 2;
    const result = parseProject(JSON.stringify(file));
    expect(result.ok ? result.project : result.message).toEqual(firstEdition(project));
    const step = MIGRATIONS.find((m) => m.from === 2)!;
    const before = JSON.stringify(file);
    expect(step.up(file)).toEqual({ ...file, version: 3, lessons: { 'ed1_why-activations': file.lessons['why-activations'] } });
    expect(JSON.stringify(file)).toBe(before);
  });

  it('reads an untrained version-1 file as a project without state', () => {
    const file = JSON.parse(versionOneText().text);
    file.epoch = 0;
    file.params = [];
    file.optimizer = [];
    file.step = 0;
    const result = parseProject(JSON.stringify(file));
    expect(result.ok && result.project.state).toBeNull();
  });

  it('still checks a migrated file fully', () => {
    const file = JSON.parse(versionOneText().text);
    file.params = file.params.slice(1);
    const result = parseProject(JSON.stringify(file));
    expect(result.ok ? '' : result.message).toMatch(/"params" has 54 numbers/);
    delete file.params;
    const missing = parseProject(JSON.stringify(file));
    expect(missing.ok ? '' : missing.message).toMatch(/"params" should be a list of numbers/);
  });

  it('does not change the decoded file it upgrades', () => {
    const file = JSON.parse(versionOneText().text);
    const before = JSON.stringify(file);
    MIGRATIONS[0].up(file);
    expect(JSON.stringify(file)).toBe(before);
  });
});
