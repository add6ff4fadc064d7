/**
 * Canvas helpers shared by the lesson widgets: theme colours read from CSS variables,
 * sharp drawing on high-density screens, one redraw per animation frame, and redraws
 * when the theme changes.
 */
import { onDestroy, onMount } from 'svelte';

export interface Palette {
  fg: string;
  muted: string;
  border: string;
  panel: string;
  accent: string;
  classA: string;
  classB: string;
  classC: string;
}

export function readPalette(el: Element): Palette {
  const style = getComputedStyle(el);
  const v = (name: string, fallback: string): string => style.getPropertyValue(name).trim() || fallback;
  return {
    fg: v('--fg', '#222'),
    muted: v('--muted', '#666'),
    border: v('--border', '#ccc'),
    panel: v('--panel', '#fff'),
    accent: v('--accent', '#36c'),
    classA: v('--class-a', '#e8710a'),
    classB: v('--class-b', '#1a73e8'),
    classC: v('--class-c', '#8e44ad'),
  };
}

const rgbCache = new Map<string, [number, number, number]>();

/** Any CSS colour as [r, g, b], by letting a canvas parse it (remembered per colour string). */
export function colorToRgb(color: string): [number, number, number] {
  const known = rgbCache.get(color);
  if (known) return known;
  const rgb = parseColor(color);
  rgbCache.set(color, rgb);
  return rgb;
}

function parseColor(color: string): [number, number, number] {
  const c = document.createElement('canvas');
  c.width = 1;
  c.height = 1;
  const ctx = c.getContext('2d', { willReadFrequently: true });
  if (!ctx) return [128, 128, 128];
  ctx.fillStyle = color;
  ctx.fillRect(0, 0, 1, 1);
  const d = ctx.getImageData(0, 0, 1, 1).data;
  return [d[0], d[1], d[2]];
}

/** Sizes the backing store for the screen's pixel density; returns a context in CSS pixels. */
export function prepare(canvas: HTMLCanvasElement, width: number, height: number): CanvasRenderingContext2D | null {
  const ratio = window.devicePixelRatio || 1;
  const w = Math.round(width * ratio);
  const h = Math.round(height * ratio);
  if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w;
    canvas.height = h;
  }
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, width, height);
  return ctx;
}

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

/** Calls `fn` whenever the light/dark theme may have changed; returns the unsubscribe. */
export function onThemeChange(fn: () => void): () => void {
  const observer = new MutationObserver(fn);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'class', 'style'] });
  const media = window.matchMedia('(prefers-color-scheme: dark)');
  media.addEventListener('change', fn);
  return () => {
    observer.disconnect();
    media.removeEventListener('change', fn);
  };
}

/**
 * For a component's canvas: one redraw per animation frame, also when the theme changes,
 * and nothing left running once the component is gone. Call it while the component starts.
 */
export function themedRedraw(draw: () => void): { request: () => void } {
  const redraw = frameRedraw(draw);
  let stopTheme = (): void => {};
  onMount(() => {
    stopTheme = onThemeChange(redraw.request);
  });
  onDestroy(() => {
    redraw.cancel();
    stopTheme();
  });
  return redraw;
}

/** Maps a value range onto a pixel range. */
export function scale(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  const k = (r1 - r0) / (d1 - d0);
  return (v) => r0 + (v - d0) * k;
}

/** Light grid lines and the two axes of a square plane over [−extent, extent]². */
export function drawAxes(ctx: CanvasRenderingContext2D, size: number, extent: number, p: Palette): void {
  const s = scale(-extent, extent, 0, size);
  ctx.lineWidth = 1;
  ctx.strokeStyle = p.border;
  const step = extent > 3 ? 1 : 0.5;
  for (let v = -Math.floor(extent / step) * step; v <= extent; v += step) {
    ctx.beginPath();
    ctx.moveTo(s(v), 0);
    ctx.lineTo(s(v), size);
    ctx.moveTo(0, size - s(v));
    ctx.lineTo(size, size - s(v));
    ctx.stroke();
  }
  ctx.strokeStyle = p.muted;
  ctx.beginPath();
  ctx.moveTo(s(0), 0);
  ctx.lineTo(s(0), size);
  ctx.moveTo(0, size - s(0));
  ctx.lineTo(size, size - s(0));
  ctx.stroke();
}

/** A data point: filled with its class colour and ringed so it shows on any tint. */
export function drawPoint(ctx: CanvasRenderingContext2D, x: number, y: number, fill: string, ring: string, r = 4.5): void {
  ctx.beginPath();
  ctx.arc(x, y, r, 0, 2 * Math.PI);
  ctx.fillStyle = fill;
  ctx.fill();
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = ring;
  ctx.stroke();
}
