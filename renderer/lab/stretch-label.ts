/**
 * Where the activation explorer writes "flat" or "saturated" over a shaded stretch, and how big
 * its box is: sized from the text as the canvas measured it (so no font clips it), across the
 * stretch when it fits, upright along a narrow one, and always wholly inside the plot.
 */

/** The plotted area, in CSS pixels. */
export interface PlotArea {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface StretchLabel {
  /** The box's centre, in CSS pixels. */
  cx: number;
  cy: number;
  /** True: the text runs upwards (rotated a quarter turn), along a narrow stretch. */
  upright: boolean;
  /** The box along the text and across it (upright, the box is `height` wide and `width` tall on screen). */
  width: number;
  height: number;
}

/** Room around the text inside its box, and between the box and the plot's edge. */
const PAD = 4;
const EDGE = 2;

/**
 * The label of a stretch from pixel `a` to `b` whose text measured `textWidth` by `textHeight`,
 * or null when the stretch is too narrow even for upright text (the list under the plot still names it).
 */
export function stretchLabel(textWidth: number, textHeight: number, a: number, b: number, plot: PlotArea): StretchLabel | null {
  const width = Math.ceil(textWidth) + 2 * PAD;
  const height = Math.ceil(textHeight) + PAD;
  const span = Math.abs(b - a);
  const middle = (a + b) / 2;
  /** The centre moved so a box `across` wide and `tall` high lies inside the plot. */
  const inside = (across: number, tall: number): { cx: number; cy: number } => ({
    cx: Math.max(plot.left + EDGE + across / 2, Math.min(plot.right - EDGE - across / 2, middle)),
    cy: plot.top + EDGE + tall / 2,
  });
  if (span >= width) return { ...inside(width, height), upright: false, width, height };
  if (span >= height && plot.bottom - plot.top >= width + 2 * EDGE) return { ...inside(height, width), upright: true, width, height };
  return null;
}

/** A text's height from the canvas's measurement, with a fallback for a canvas that gives none. */
export function textHeightOf(metrics: Pick<TextMetrics, 'fontBoundingBoxAscent' | 'fontBoundingBoxDescent'>, fontSize: number): number {
  const h = (metrics.fontBoundingBoxAscent ?? Number.NaN) + (metrics.fontBoundingBoxDescent ?? Number.NaN);
  return Number.isFinite(h) && h > 0 ? h : fontSize * 1.25;
}
