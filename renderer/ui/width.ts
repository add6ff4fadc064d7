/**
 * An element's width without forcing a layout. Svelte's `bind:clientWidth` reads the width
 * once as the element mounts, which makes the browser lay out the whole page in the middle of
 * the script that is building it (the Lab's first layout then ran twice in one long task).
 * `watchWidth` waits for a ResizeObserver, whose first report comes after the browser's own
 * layout of the frame, and then on every change.
 */
import type { Attachment } from 'svelte/attachments';

/**
 * Attach with `{@attach watchWidth((w) => (width = w))}`: `set` gets the element's clientWidth,
 * whenever it changes while the element is shown.
 */
export function watchWidth(set: (width: number) => void): Attachment<HTMLElement> {
  return (element) => {
    if (typeof ResizeObserver === 'undefined') {
      set(element.clientWidth);
      return;
    }
    // Read inside the observer's callback the layout is fresh, so clientWidth costs nothing.
    // An element with no box (its area hidden, `display: none`) keeps the width it had: a
    // drawing shrunk to nothing while hidden would come back small and grow a frame later,
    // moving everything below it after the area's scroll position was put back.
    const observer = new ResizeObserver(() => {
      if (element.getClientRects().length > 0) set(element.clientWidth);
    });
    observer.observe(element);
    return () => observer.disconnect();
  };
}

/**
 * A drawing's size in a container `available` CSS pixels wide: `largest` where there is room,
 * shrinking with the container (a narrow or zoomed window), never below `smallest`. Before the
 * first measurement (`available` infinite or not a number) it is `largest`.
 */
export function fittedSize(available: number, largest: number, smallest: number): number {
  if (!(available < Number.POSITIVE_INFINITY)) return largest;
  return Math.max(smallest, Math.min(largest, Math.floor(available)));
}
