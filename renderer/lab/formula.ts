/**
 * Formulas for the Lab's panels, rendered offline with the lessons' KaTeX renderer. Loaded
 * with import() the first time a panel shows a formula, so KaTeX (and its stylesheet) stays
 * out of the Lab's start-up.
 */
import 'katex/dist/katex.min.css';
import { renderTex } from '../lessons/markdown';

/** A display formula as HTML; a formula that does not parse shows as red source, never throws. */
export function formulaHtml(tex: string): string {
  return renderTex(tex, true, false);
}
