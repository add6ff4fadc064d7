import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GLOSSARY } from '../../../renderer/lessons/glossary';
import { LESSONS } from '../../../renderer/lessons/index';
import { renderMarkdown, splitSteps, termsIn } from '../../../renderer/lessons/markdown';

const lessonsDir = fileURLToPath(new URL('../../../renderer/lessons/', import.meta.url));
const text = (id: string): string => readFileSync(`${lessonsDir}${id}/lesson.md`, 'utf8');

describe('lesson content', () => {
  it('lists every lesson folder once, in order', () => {
    const folders = readdirSync(lessonsDir, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(`${lessonsDir}${d.name}/lesson.ts`))
      .map((d) => d.name)
      .sort();
    expect(LESSONS.map((l) => l.id)).toEqual(folders);
  });

  for (const lesson of LESSONS) {
    describe(lesson.id, () => {
      it('has one text section per step', () => {
        expect(splitSteps(text(lesson.id))).toHaveLength(lesson.steps.length);
      });
      it('has at least one exercise the app checks, and a hint for each', () => {
        expect(lesson.steps.some((s) => s.check !== null)).toBe(true);
        for (const s of lesson.steps) expect(s.hint.length).toBeGreaterThan(10);
        expect(new Set(lesson.steps.map((s) => s.id)).size).toBe(lesson.steps.length);
      });
      it('renders: every formula parses and every marked term is in the glossary', () => {
        for (const part of splitSteps(text(lesson.id))) {
          const html = renderMarkdown(part, { strict: true });
          expect(html).not.toContain('ZZPIECE');
          expect(html).not.toMatch(/\$[^$]+\$/);
        }
        for (const term of termsIn(text(lesson.id))) expect(GLOSSARY.has(term.toLowerCase())).toBe(true);
      });
    });
  }

  it('turns terms into glossary buttons and math into KaTeX', () => {
    const html = renderMarkdown('A [[weight|weights]] and $x^2$.', { strict: true });
    expect(html).toContain('<button type="button" class="term" data-term="weight" aria-haspopup="dialog">weights</button>');
    expect(html).toContain('class="katex"');
  });

  it("keeps punctuation after a term on the term's line (no full stop wrapping by itself)", () => {
    const html = renderMarkdown('Watch the [[decision boundary]].', { strict: true });
    expect(html).toMatch(/<span class="term-run"><button [^>]*>decision boundary<\/button>\.<\/span>/);
    expect(renderMarkdown('A [[weight]] here', { strict: true })).not.toContain('term-run');
  });

  // A new learner met these words and symbols with nothing to explain them (course walk):
  // each is now linked to the glossary in the lesson where it first appears.
  it.each([
    ['03-relu', ['epoch', 'test loss', 'test set']],
    ['07-xor', ['transpose']],
    ['09-one-step-downhill', ['error signal']],
    ['16-softmax-and-cos', ['sum', 'e', 'monotonic']],
  ])('%s links the terms a newcomer asked about: %j', (id, terms) => {
    const linked = new Set(termsIn(text(id)).map((t) => t.toLowerCase()));
    for (const term of terms) expect(linked).toContain(term);
  });

  it('refuses an unknown term in strict mode and shows plain text otherwise', () => {
    expect(() => renderMarkdown('[[flux capacitor]]', { strict: true })).toThrow();
    expect(renderMarkdown('[[flux capacitor]]')).toContain('flux capacitor');
  });
});
