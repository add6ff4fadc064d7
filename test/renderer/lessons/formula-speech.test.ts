/**
 * Every formula the app draws has an accessible form a screen reader says as words: an image
 * role whose name is the formula in plain words (renderTex, speech.ts), not KaTeX's MathML,
 * which Chromium reads letter by letter ("W 2 left paren W 1 x plus b 1…").
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ACTIVATIONS } from '../../../core/engine';
import { handFormula, lesson as xorLesson } from '../../../renderer/lessons/07-xor/lesson';
import { LESSONS } from '../../../renderer/lessons/index';
import { renderMarkdown, renderTex } from '../../../renderer/lessons/markdown';
import { speakTex } from '../../../renderer/lessons/speech';

const lessonsDir = fileURLToPath(new URL('../../../renderer/lessons/', import.meta.url));

/** Every formula written in the lessons' text, and the activations' formulas the Lab shows. */
function allFormulas(): string[] {
  const found = new Set<string>();
  for (const lesson of LESSONS) {
    const md = readFileSync(`${lessonsDir}${lesson.id}/lesson.md`, 'utf8');
    for (const m of md.matchAll(/\$\$([\s\S]+?)\$\$|\$([^$\n]+?)\$/g)) found.add(m[1] ?? m[2]);
  }
  for (const a of Object.values(ACTIVATIONS)) found.add(a.tex);
  const hand = xorLesson.steps[1];
  if (hand.widget !== 'handNet') throw new Error('lesson 7 step 2 is the hand-set network');
  found.add(handFormula(hand.preset.initial));
  return [...found];
}

/** The accessible names of the formula images in some HTML. */
function names(html: string): string[] {
  return [...html.matchAll(/role="img" aria-label="([^"]*)"/g)].map((m) => m[1]);
}

/** Letter soup: TeX left over, or an index read as a separate letter and digit ("W 2", "x 1"). */
function soup(words: string): boolean {
  return /[\\{}^_&]/.test(words) || /(^|\s)[A-Za-z] \d/.test(words) || words.trim() === '';
}

describe('formulas for screen readers', () => {
  it('reads the lessons’ formulas as words', () => {
    expect(speakTex('z = w_1 x_1 + w_2 x_2 + b')).toBe('z equals w1 x1 plus w2 x2 plus b');
    expect(speakTex('\\sigma(x) = \\frac{1}{1 + e^{-x}}')).toBe(
      'sigma of x equals the fraction 1, over 1 plus e to the power minus x, end of fraction',
    );
    expect(speakTex('W_2(W_1 x + b_1) + b_2')).toBe('W2 (W1 x plus b1) plus b2');
    expect(speakTex('\\mathrm{ReLU}(x) = \\max(0,\\ x)')).toBe('ReLU of x equals max of 0, x');
    expect(speakTex('L = \\tfrac12 (y - t)^2')).toBe('L equals 1 over 2 (y minus t) squared');
    expect(speakTex('y = w^\\top h + b')).toBe('y equals w transposed h plus b');
    expect(speakTex('W = \\begin{bmatrix}1 & 1\\\\ 1 & 1\\end{bmatrix},\\quad c = \\begin{bmatrix}0\\\\ -1\\end{bmatrix}')).toBe(
      'W equals the matrix with rows 1, 1; 1, 1, c equals the column 0, minus 1',
    );
    expect(speakTex('f(x) = \\begin{cases} x & x > 0 \\\\ 0.01\\,x & x \\le 0 \\end{cases}')).toBe(
      'f of x equals x if x is greater than 0; 0.01 x if x is at most 0',
    );
    expect(speakTex('\\text{measured: }{\\times}\\text{0.00012}')).toBe('measured: times 0.00012');
  });

  it('gives every formula in the lessons and the Lab an image role named in words, not letter soup', () => {
    const formulas = allFormulas();
    expect(formulas.length).toBeGreaterThan(80);
    for (const tex of formulas) {
      const html = renderTex(tex, true);
      const [name] = names(html);
      expect(html.startsWith('<span class="formula-words" role="img"'), tex).toBe(true);
      expect(soup(name ?? ''), `${tex} → ${name}`).toBe(false);
      // Words for the operators, not their symbols.
      if (/(^|[^\\])=/.test(tex)) expect(name, tex).toContain('equals');
      if (/\\t?frac/.test(tex)) expect(name, tex).toMatch(/ over /);
    }
  });

  it('names the formulas inside the lessons’ text, inline and displayed', () => {
    const html = renderMarkdown('Stack two: $$W_2(W_1 x + b_1) + b_2$$ and $z = w x + b$.', { strict: true });
    expect(names(html)).toEqual(['W2 (W1 x plus b1) plus b2', 'z equals w x plus b']);
    // KaTeX's MathML stays for MathML-aware tools; its drawing stays hidden from screen readers.
    expect(html).toContain('<math');
    expect(html).toContain('class="katex-html" aria-hidden="true"');
  });
});
