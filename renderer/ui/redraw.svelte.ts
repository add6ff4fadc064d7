/**
 * Redraws coalesced to one per animation frame, and a component's redraw that also follows
 * the theme (read from context) and stops with the component.
 */
import { onDestroy } from 'svelte';
import { frameGap } from './motion';
import type { Palette } from './palette';
import { useTheme } from './theme.svelte';

/**
 * Coalesces any number of redraw requests into one call per animation frame (with reduced
 * motion, one per REDUCED_FRAME_MS: `gap` says how far apart draws must be).
 */
export function frameRedraw(draw: () => void, gap: () => number = frameGap): { request: () => void; cancel: () => void } {
  let handle = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let last = Number.NEGATIVE_INFINITY;
  const frame = () => {
    handle = requestAnimationFrame(() => {
      handle = 0;
      last = performance.now();
      draw();
    });
  };
  return {
    request() {
      if (handle !== 0 || timer !== null) return;
      const wait = last + gap() - performance.now();
      if (wait <= 0) return frame();
      timer = setTimeout(() => {
        timer = null;
        frame();
      }, wait);
    },
    cancel() {
      if (handle !== 0) cancelAnimationFrame(handle);
      if (timer !== null) clearTimeout(timer);
      handle = 0;
      timer = null;
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
