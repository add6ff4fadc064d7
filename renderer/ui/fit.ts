/**
 * The one canvas-fit helper: a canvas's backing store sized to its CSS size times the
 * screen's pixel density (capped, so a 3× phone screen does not triple the pixel work), and
 * a context that draws in CSS pixels.
 */

/** The highest pixel density a canvas is drawn at. */
export const MAX_PIXEL_RATIO = 2;

/** Backing-store size in device pixels for a CSS size at a pixel density (at least 1×1). */
export function backingSize(width: number, height: number, ratio: number): { width: number; height: number; ratio: number } {
  const r = Math.min(MAX_PIXEL_RATIO, ratio > 0 && Number.isFinite(ratio) ? ratio : 1);
  return { width: Math.max(1, Math.round(width * r)), height: Math.max(1, Math.round(height * r)), ratio: r };
}

/**
 * Sizes `canvas` for `width` × `height` CSS pixels and returns its context scaled to CSS
 * pixels (null if the browser gives none). With `clear`, the whole canvas is cleared.
 */
export function fitCanvas(canvas: HTMLCanvasElement, width: number, height: number, clear = false): CanvasRenderingContext2D | null {
  const size = backingSize(width, height, globalThis.devicePixelRatio || 1);
  if (canvas.width !== size.width || canvas.height !== size.height) {
    canvas.width = size.width;
    canvas.height = size.height;
  }
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.setTransform(size.ratio, 0, 0, size.ratio, 0, 0);
  if (clear) ctx.clearRect(0, 0, width, height);
  return ctx;
}
