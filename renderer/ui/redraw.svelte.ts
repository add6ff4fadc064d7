/**
 * Redraws coalesced to one per animation frame, and a component's redraw that also follows
 * the theme (read from context) and stops with the component.
 */
import { onDestroy } from 'svelte';
import type { Palette } from './palette';
import { useTheme } from './theme.svelte';

/** Coalesces any number of redraw requests into one call per animation frame. */
export function frameRedraw(draw: () => void): { request: () => void; cancel: () => void } {
  let handle = 0;
  return {
    request() {
      if (handle !== 0) return;
      handle = requestAnimationFrame(() => {
        handle = 0;
        draw();
      });
    },
    cancel() {
      if (handle !== 0) cancelAnimationFrame(handle);
      handle = 0;
    },
  };
}

/**
 * For a component's canvas: `draw` runs at most once per animation frame, again whenever the
 * theme changes, and never after the component is gone. Call it while the component starts;
 * `palette` is the theme's current palette, for `draw` to read.
 */
export function themedRedraw(draw: () => void): { request: () => void; readonly palette: Palette } {
  const theme = useTheme();
  const redraw = frameRedraw(draw);
  $effect(() => {
    void theme.palette;
    redraw.request();
  });
  onDestroy(redraw.cancel);
  return {
    request: redraw.request,
    get palette() {
      return theme.palette;
    },
  };
}
