import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../../renderer/lessons/index';

/**
 * Lessons move when the course grows (the second edition put eight new ones between the
 * first edition's), so no lesson's text may name another by its number or position, or count
 * the lessons: "lesson 9", "the last lesson" and "nine lessons" all went stale once already.
 */
const lessonsDir = fileURLToPath(new URL('../../../renderer/lessons/', import.meta.url));
const COUNT = '(?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty)';
const POSITIONAL = new RegExp(
  [
    `\\blessons? ${COUNT}\\b`,
    `\\b(?:first|second|third|last|final|next|previous|earlier|later) lesson\\b`,
    `\\b${COUNT} (?:short |more |guided )?lessons\\b`,
  ].join('|'),
  'i',
);

function words(lesson: (typeof LESSONS)[number]): string[] {
  const text = readFileSync(`${lessonsDir}${lesson.id}/lesson.md`, 'utf8');
  return [text, lesson.title, lesson.summary, ...lesson.steps.flatMap((s) => [s.title, s.hint])];
}

describe('lesson text names no lesson by number or position', () => {
  it('finds the phrases it is meant to find', () => {
    for (const bad of ['as in lesson 9', 'in the last lesson', 'Nine short lessons', 'the next lesson shows', 'ten lessons'])
      expect(bad).toMatch(POSITIONAL);
    for (const fine of ['the lesson Softmax and the controversial cosine', 'a lesson on XOR', 'one neuron', 'three layers'])
      expect(fine).not.toMatch(POSITIONAL);
  });
  for (const lesson of LESSONS) {
    it(lesson.id, () => {
      for (const text of words(lesson)) expect(text.match(POSITIONAL)?.[0] ?? null).toBeNull();
    });
  }
});
