/**
 * Putting an area's scroll position back when the learner returns to it (App.svelte keeps one
 * position per area). The area's content may still be settling as it is shown again (a drawing
 * sized by a ResizeObserver, a font arriving): set once, the position would be clamped to the
 * shorter page and stay short of where the learner left it. So it is set again whenever the
 * content changes size, until it is reached or the learner scrolls themselves.
 */

/** What the learner does to scroll (or to move focus, which may scroll): the restore stops there. */
const LEARNER_INPUT = ['wheel', 'touchstart', 'pointerdown', 'keydown'] as const;

/**
 * Scrolls `scroller` to `top` and keeps it there while the children of `content` grow, until
 * the position is reached, the learner scrolls, or the returned function is called (the next
 * area change). Returns that function.
 */
export function restoreScroll(scroller: HTMLElement, content: HTMLElement, top: number): () => void {
  scroller.scrollTop = top;
  const reached = (): boolean => Math.abs(scroller.scrollTop - top) < 1;
  if (reached() || typeof ResizeObserver === 'undefined') return () => {};
  const observer = new ResizeObserver(() => {
    scroller.scrollTop = top;
    if (reached()) stop();
  });
  function stop(): void {
    observer.disconnect();
    for (const type of LEARNER_INPUT) scroller.removeEventListener(type, stop);
  }
  for (const child of content.children) observer.observe(child);
  for (const type of LEARNER_INPUT) scroller.addEventListener(type, stop, { passive: true });
  return stop;
}
