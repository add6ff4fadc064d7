/**
 * Work that can wait until the page is idle: after the frame that shows a new screen, so
 * that doing it is a task of its own instead of part of that frame's long one. The timeout
 * makes it run soon even on a page that is never idle; without requestIdleCallback
 * (happy-dom, some engines) a plain task after the current one stands in.
 */

/** How long work may wait for an idle moment, in ms. */
export const IDLE_TIMEOUT_MS = 300;

/** Runs `work` once the page is idle; returns a function that cancels it if it has not run yet. */
export function whenIdle(work: () => void, timeout = IDLE_TIMEOUT_MS): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(() => work(), { timeout });
    return () => cancelIdleCallback(handle);
  }
  const timer = setTimeout(work, 0);
  return () => clearTimeout(timer);
}
