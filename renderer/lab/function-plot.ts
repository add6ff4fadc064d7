/**
 * Plotting a function of one variable on a canvas: the frame that maps values to CSS pixels
 * and back, the axes with their ticks, and curves (solid or dashed, clipped to the frame).
 * Used by the drawn-activation editor and the activation explorer.
 */

export interface PlotFrame {
  width: number;
  height: number;
  /** The plotted area in CSS pixels. */
  left: number;
  right: number;
  top: number;
  bottom: number;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  /** Value → pixel. */
  sx(x: number): number;
  sy(y: number): number;
  /** Pixel → value. */
  vx(px: number): number;
  vy(py: number): number;
}

export interface PlotMargin {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

const MARGIN: PlotMargin = { left: 34, right: 10, top: 10, bottom: 22 };
/** Room for axis titles (drawAxisTitles) as well as tick labels. */
export const TITLED_MARGIN: PlotMargin = { left: 50, right: 10, top: 10, bottom: 38 };

export function plotFrame(width: number, height: number, x: [number, number], y: [number, number], margin: PlotMargin = MARGIN): PlotFrame {
  const left = margin.left;
  const right = width - margin.right;
  const top = margin.top;
  const bottom = height - margin.bottom;
  const [x0, x1] = x;
  const [y0, y1] = y;
  return {
    width,
    height,
    left,
    right,
    top,
    bottom,
    x0,
    x1,
    y0,
    y1,
    sx: (v) => left + ((v - x0) / (x1 - x0)) * (right - left),
    sy: (v) => bottom - ((v - y0) / (y1 - y0)) * (bottom - top),
    vx: (px) => x0 + ((px - left) / (right - left)) * (x1 - x0),
    vy: (py) => y0 + ((bottom - py) / (bottom - top)) * (y1 - y0),
  };
}

/** A tick spacing of 1, 2 or 5 times a power of ten giving about `count` ticks over `span`. */
export function tickStep(span: number, count = 6): number {
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5]) if (m * power >= raw) return m * power;
  return 10 * power;
}

/** The numbers a tick label shows: no "-0", a real minus sign. */
export function tickLabel(v: number): string {
  const text = String(Number(v.toFixed(6)));
  return text === '-0' ? '0' : text.replace('-', '−');
}

export interface AxisColors {
  grid: string;
  axis: string;
  text: string;
}

/** One labelled tick: its value and the text it shows. */
export interface Tick {
  value: number;
  label: string;
}

/** About how many ticks each axis gets. */
export interface TickCounts {
  x: number;
  y: number;
}

const TICKS: TickCounts = { x: 6, y: 5 };

/**
 * The ticks drawAxes labels: about `counts` of them on each axis (six along x and five along y
 * unless told), at 1, 2 or 5 times a power of ten, so a plot from 0 to 1 is labelled at 0, 0.5
 * and 1 rather than only at its ends.
 */
export function axisTicks(frame: Pick<PlotFrame, 'x0' | 'x1' | 'y0' | 'y1'>, counts: TickCounts = TICKS): { x: Tick[]; y: Tick[] } {
  const along = (lo: number, hi: number, step: number): Tick[] => {
    const ticks: Tick[] = [];
    for (let t = Math.ceil(lo / step) * step; t <= hi + 1e-9; t += step) ticks.push({ value: t, label: tickLabel(t) });
    return ticks;
  };
  return {
    x: along(frame.x0, frame.x1, tickStep(frame.x1 - frame.x0, counts.x)),
    y: along(frame.y0, frame.y1, tickStep(frame.y1 - frame.y0, counts.y)),
  };
}

/** The size of tick labels: the smallest text the app draws (12 CSS pixels). */
export const TICK_FONT = '12px system-ui, sans-serif';

/** Light grid lines with labels on both axes, and the two axes through zero a little darker. */
export function drawAxes(ctx: CanvasRenderingContext2D, frame: PlotFrame, colors: AxisColors, counts: TickCounts = TICKS): void {
  const { left, right, top, bottom, x0, x1, y0, y1, sx, sy } = frame;
  const ticks = axisTicks(frame, counts);
  ctx.save();
  ctx.font = TICK_FONT;
  ctx.lineWidth = 1;
  ctx.strokeStyle = colors.grid;
  ctx.fillStyle = colors.text;
  ctx.textAlign = 'center';
  for (const { value, label } of ticks.x) {
    const px = Math.round(sx(value)) + 0.5;
    ctx.beginPath();
    ctx.moveTo(px, top);
    ctx.lineTo(px, bottom);
    ctx.stroke();
    ctx.fillText(label, px, bottom + 15);
  }
  ctx.textAlign = 'right';
  for (const { value, label } of ticks.y) {
    const py = Math.round(sy(value)) + 0.5;
    ctx.beginPath();
    ctx.moveTo(left, py);
    ctx.lineTo(right, py);
    ctx.stroke();
    ctx.fillText(label, left - 4, py + 4);
  }
  ctx.strokeStyle = colors.axis;
  ctx.beginPath();
  if (y0 <= 0 && y1 >= 0) {
    ctx.moveTo(left, Math.round(sy(0)) + 0.5);
    ctx.lineTo(right, Math.round(sy(0)) + 0.5);
  }
  if (x0 <= 0 && x1 >= 0) {
    ctx.moveTo(Math.round(sx(0)) + 0.5, top);
    ctx.lineTo(Math.round(sx(0)) + 0.5, bottom);
  }
  ctx.stroke();
  ctx.restore();
}

/** What each axis measures, e.g. "input x" along and "f(x)" up. */
export interface AxisTitles {
  x: string;
  y: string;
}

/**
 * Axis titles in the margins of a frame made with TITLED_MARGIN, at the tick labels' size: the
 * x title centred under the x labels, the y title turned to read upwards left of the y labels.
 */
export function drawAxisTitles(ctx: CanvasRenderingContext2D, frame: PlotFrame, titles: AxisTitles, color: string): void {
  ctx.save();
  ctx.font = TICK_FONT;
  ctx.fillStyle = color;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'alphabetic';
  ctx.fillText(titles.x, (frame.left + frame.right) / 2, frame.bottom + 32);
  ctx.translate(13, (frame.top + frame.bottom) / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.fillText(titles.y, 0, 0);
  ctx.restore();
}

/** Clips drawing to the plotted area until the returned function is called. */
export function clipTo(ctx: CanvasRenderingContext2D, frame: PlotFrame): () => void {
  ctx.save();
  ctx.beginPath();
  ctx.rect(frame.left, frame.top, frame.right - frame.left, frame.bottom - frame.top);
  ctx.clip();
  return () => ctx.restore();
}

export interface CurveStyle {
  color: string;
  width: number;
  /** Dash pattern in CSS pixels; empty for a solid line. */
  dash: number[];
}

/**
 * One curve through (xs[i], ys[i]), clipped to the frame. Values far outside are held just
 * beyond the frame's edge so steep pieces still leave it at the right place. With `breaks`,
 * a jump between neighbours larger than it is not joined (a slope that steps at a knot).
 */
export function drawCurve(
  ctx: CanvasRenderingContext2D,
  frame: PlotFrame,
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  style: CurveStyle,
  breaks = Infinity,
): void {
  const restore = clipTo(ctx, frame);
  const span = frame.y1 - frame.y0;
  const hold = (v: number): number => Math.min(frame.y1 + span, Math.max(frame.y0 - span, v));
  ctx.strokeStyle = style.color;
  ctx.lineWidth = style.width;
  ctx.lineJoin = 'round';
  ctx.setLineDash(style.dash);
  ctx.beginPath();
  let open = false;
  for (let i = 0; i < xs.length; i++) {
    const y = ys[i];
    if (!Number.isFinite(y)) {
      open = false;
      continue;
    }
    const px = frame.sx(xs[i]);
    const py = frame.sy(hold(y));
    if (open && Math.abs(y - ys[i - 1]) <= breaks) ctx.lineTo(px, py);
    else ctx.moveTo(px, py);
    open = true;
  }
  ctx.stroke();
  restore();
}
