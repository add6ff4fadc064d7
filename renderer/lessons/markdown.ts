/**
 * Turns lesson Markdown into HTML: `$…$` and `$$…$$` become KaTeX, `[[term]]` or
 * `[[term|label]]` become glossary buttons (the page opens a pop-over on click), and the
 * rest goes through `marked`. Lesson files hold one section per step, separated by a line
 * `<!-- step -->`.
 */
import katex from 'katex';
import { marked } from 'marked';
import { lookupTerm } from './glossary';
import { speakTex } from './speech';

export const STEP_SEPARATOR = '<!-- step -->';

export function splitSteps(markdown: string): string[] {
  return markdown.split(STEP_SEPARATOR).map((part) => part.trim());
}

/**
 * A formula as HTML: KaTeX's drawing, inside an image whose accessible name is the formula in
 * plain words (speech.ts). Chromium reads KaTeX's MathML letter by letter ("W 2 left paren W 1
 * x…"), so the MathML stays in the page for copying and MathML-aware tools but the image role
 * makes screen readers say the words instead.
 */
export function renderTex(tex: string, displayMode: boolean, throwOnError = false): string {
  const html = katex.renderToString(tex, { displayMode, throwOnError, output: 'htmlAndMathml' });
  // A span either way: a display formula often sits inside a paragraph, which a div would break.
  return `<span class="formula-words" role="img" aria-label="${escapeHtml(speakTex(tex))}">${html}</span>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export interface RenderOptions {
  /** Throw on a bad formula or an unknown glossary term (used by the tests). */
  strict?: boolean;
}

/** Replaces math and terms with placeholder words marked cannot touch, then swaps them back. */
export function renderMarkdown(markdown: string, options: RenderOptions = {}): string {
  const strict = options.strict ?? false;
  const pieces: string[] = [];
  const hold = (html: string): string => {
    pieces.push(html);
    return `ZZPIECE${pieces.length - 1}ZZ`;
  };
  let text = markdown.replace(/\$\$([\s\S]+?)\$\$/g, (_m, tex: string) => hold(renderTex(tex, true, strict)));
  text = text.replace(/\$([^$\n]+?)\$/g, (_m, tex: string) => hold(renderTex(tex, false, strict)));
  text = text.replace(/\[\[([^\]|]+)(?:\|([^\]]+))?\]\]/g, (_m, key: string, label: string | undefined) => {
    const entry = lookupTerm(key);
    if (!entry) {
      if (strict) throw new Error(`No glossary entry for "${key}".`);
      return escapeHtml(label ?? key);
    }
    const shown = escapeHtml(label ?? key);
    return hold(`<button type="button" class="term" data-term="${escapeHtml(entry.term)}" aria-haspopup="dialog">${shown}</button>`);
  });
  const html = marked.parse(text, { async: false, gfm: true });
  return html.replace(/ZZPIECE(\d+)ZZ/g, (_m, i: string) => pieces[Number(i)]);
}

/** Every `[[term]]` key used in a text, for the glossary test. */
export function termsIn(markdown: string): string[] {
  return [...markdown.matchAll(/\[\[([^\]|]+)(?:\|[^\]]+)?\]\]/g)].map((m) => m[1]);
}
