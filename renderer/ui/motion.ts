/**
 * The learner's "reduce motion" setting (prefers-reduced-motion). With it, views redraw at
 * most REDUCED_FRAME_MS apart instead of every animation frame — training pictures change in
 * calm steps rather than streaming — and the stylesheet turns animated transitions off
 * (renderer/app/theme.css).
 */

/** The shortest gap between two redraws of a view when motion is reduced: 10 per second. */
export const REDUCED_FRAME_MS = 100;

/** True when the system asks for less motion; read afresh each time, so a change applies at once. */
export function prefersReducedMotion(): boolean {
  return typeof globalThis.matchMedia === 'function' && globalThis.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** The gap between redraws the learner's setting asks for (0: every frame). */
export function frameGap(): number {
  return prefersReducedMotion() ? REDUCED_FRAME_MS : 0;
}
