/**
 * Feeds the loader more than 10,000 generated and damaged files. Each must give either a
 * complete, valid project or a message — never an exception, never part of a project.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UNEXPECTED_MESSAGE, momentCount, paramCount, parseProject, serializeProject, type ParseResult } from '../../../core/project';
import { mutate, mutationArb, projectArb } from './arbitraries';

/** A loaded project must be whole: right lengths, finite numbers, and it writes and reads back unchanged. */
function expectWholeOrMessage(result: ParseResult): void {
  if (!result.ok) {
    expect(typeof result.message).toBe('string');
    expect(result.message.length).toBeGreaterThan(20);
    expect(result.message).not.toBe(UNEXPECTED_MESSAGE);
    expect('project' in result).toBe(false);
    return;
  }
  const { project } = result;
  if (project.state) {
    expect(project.state.params).toHaveLength(paramCount(project.config));
    expect(project.state.optimizer).toHaveLength(momentCount(project.config.training.optimizer));
  }
  const text = serializeProject(project);
  const again = parseProject(text);
  expect(again.ok && serializeProject(again.project)).toBe(text);
}

// Generous time: the machine may be busy; the files themselves take a few seconds.
describe('loader property tests', { timeout: 300_000 }, () => {
  it('reads every valid generated project back exactly (2,000 files)', () => {
    fc.assert(
      fc.property(projectArb, (project) => {
        const text = serializeProject(project);
        const result = parseProject(text);
        expect(result.ok && serializeProject(result.project)).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });

  it('gives a whole project or a message for mutated files (5,000 files)', () => {
    let refused = 0;
    fc.assert(
      fc.property(projectArb, fc.array(mutationArb, { minLength: 1, maxLength: 3 }), (project, mutations) => {
        let text = serializeProject(project);
        for (const mutation of mutations) {
          const decoded: unknown = JSON.parse(text.replace(/\bNaN\b|-?Infinity|1e999|-1e400|undefined|0x10|1e-999/g, '0'));
          text = mutate(decoded, mutation);
        }
        const result = parseProject(text);
        expectWholeOrMessage(result);
        if (!result.ok) refused++;
      }),
      { numRuns: 5000 },
    );
    // Most mutations break the file; a few (a number swapped for another valid one) do not.
    expect(refused).toBeGreaterThan(3500);
    expect(refused).toBeLessThan(5000);
  });

  it('gives a message for every cut-off file (1,500 files)', () => {
    fc.assert(
      fc.property(projectArb, fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), (project, share) => {
        const text = serializeProject(project);
        const cut = text.slice(0, Math.floor(text.trimEnd().length * share));
        const result = parseProject(cut);
        expectWholeOrMessage(result);
        expect(result.ok).toBe(false);
      }),
      { numRuns: 1500 },
    );
  });

  it('gives a message for random bytes and for bytes spliced into a file (1,500 files)', () => {
    const bytes = fc.uint8Array({ minLength: 1, maxLength: 2000 }).map((b) => Array.from(b, (c) => String.fromCharCode(c)).join(''));
    fc.assert(
      fc.property(bytes, (garbage) => expectWholeOrMessage(parseProject(garbage))),
      { numRuns: 700 },
    );
    fc.assert(
      fc.property(projectArb, bytes, fc.nat(), (project, garbage, at) => {
        const text = serializeProject(project);
        const i = at % text.length;
        expectWholeOrMessage(parseProject(text.slice(0, i) + garbage + text.slice(i)));
      }),
      { numRuns: 800 },
    );
  });

  it('never throws for any JSON value at all (1,000 values)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => expectWholeOrMessage(parseProject(JSON.stringify(value) ?? ''))),
      { numRuns: 1000 },
    );
  });
});
