import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../core/config';
import {
  MAX_PROJECT_BYTES,
  NUMBERS_PER_PIECE,
  createProject,
  momentCount,
  paramCount,
  parseProject,
  projectPieces,
  serializeProject,
} from '../../../core/project';
import { writeJson } from '../../../core/project/serialize';
import { digitsConfig } from '../../../core/tabular/presets';
import { sampleProject, seeded } from './sample';

/** A digits project with Adam's moments, every number from a seeded generator. */
function digitsProject(hidden: number[], value?: () => number) {
  const config = digitsConfig(hidden.map((size) => ({ size, activation: 'relu' as const })));
  const random = seeded(3);
  const count = paramCount(config);
  const next = value ?? (() => (random() - 0.5) * 0.2);
  const values = () => Array.from({ length: count }, next);
  return createProject({
    name: 'digits',
    config,
    state: {
      epoch: 2,
      params: values(),
      optimizer: Array.from({ length: momentCount('adam') }, (_, m) => (m === 1 ? values().map(Math.abs) : values())),
      step: 500,
    },
    savedAt: new Date(Date.UTC(2026, 10, 28, 23, 0, 0)),
  });
}

/** How many numbers a piece's text holds (commas and brackets counted loosely). */
function numbersIn(piece: string): number {
  return (piece.match(/-?\d[\d.e+-]*/g) ?? []).length;
}

describe('a project file in pieces', () => {
  it('joins to exactly the text serializeProject writes, for small and large networks', () => {
    const small = sampleProject();
    expect([...projectPieces(small, 7)].join('')).toBe(serializeProject(small));
    const untrained = createProject({ config: small.config, savedAt: new Date(0) });
    expect([...projectPieces(untrained, 7)].join('')).toBe(serializeProject(untrained));
    const digits = digitsProject([128]);
    const text = serializeProject(digits);
    expect([...projectPieces(digits)].join('')).toBe(text);
    const parsed = parseProject(text);
    expect(parsed.ok && parsed.project.state?.params).toEqual(digits.state!.params);
  });

  it('writes the state as the generic JSON writer would, −0 included', () => {
    const project = sampleProject();
    project.state!.params[0] = -0;
    project.state!.params[1] = 1e-300;
    const text = serializeProject(project);
    expect(text).toContain(`"state": ${writeJson(project.state)},\n`);
    expect(text).toContain('"params":[-0,1e-300,');
    const back = parseProject(text);
    expect(back.ok && Object.is(back.project.state!.params[0], -0)).toBe(true);
  });

  it('keeps each piece to a bounded amount of work', () => {
    const digits = digitsProject([128]);
    const pieces = [...projectPieces(digits)];
    const total = 3 * paramCount(digits.config);
    expect(pieces.length).toBeGreaterThanOrEqual(Math.ceil(total / NUMBERS_PER_PIECE));
    // The first pieces carry the settings; from then on no piece writes more than the bound.
    for (const piece of pieces.slice(2, -1)) expect(numbersIn(piece)).toBeLessThanOrEqual(NUMBERS_PER_PIECE + 2);
  });

  it('refuses non-finite numbers in any piece', () => {
    const digits = digitsProject([16]);
    digits.state!.optimizer[1][5000] = Number.NaN;
    expect(() => [...projectPieces(digits, 100)]).toThrow(/finite numbers only/);
    expect(() => serializeProject(digits)).toThrow(/finite numbers only/);
  });

  it('fits the largest table network the Lab can build, with the longest numbers, within the size limit', () => {
    const hidden = Array.from({ length: LIMITS.maxHiddenLayers }, () => LIMITS.maxTableNeurons);
    // 24 characters: the longest a double can be written in its shortest round-trip form.
    const longest = -1.2345678901234567e-100;
    expect(String(longest)).toHaveLength(24);
    const project = digitsProject(hidden, () => longest);
    let bytes = 0;
    for (const piece of projectPieces(project)) bytes += piece.length;
    expect(3 * paramCount(project.config)).toBe(1_992_222);
    expect(bytes).toBeGreaterThan(45 * 1024 * 1024);
    expect(bytes).toBeLessThan(MAX_PROJECT_BYTES);
  });
});
