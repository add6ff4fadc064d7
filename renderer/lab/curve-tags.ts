/**
 * Where the curve view writes each neuron's number (and the bias's b): a small box on or next
 * to its own curve, never over another box. Pure geometry over measured text widths, so the
 * placement can be tested without a canvas.
 */
import type { CurveView } from '../../core/engine';
import { labelX, xToPx, yToPx, type CurveFrame } from './curve-frame';

/** One label to place: its text's measured width and the curve it belongs to (samples). */
export interface TagRequest {
  /** The text's width in CSS pixels (the canvas's measureText). */
  textWidth: number;
  xs: ArrayLike<number>;
  ys: ArrayLike<number>;
  /** The x the label would like to sit at. */
  preferred: number;
}

/** A placed label: its box in CSS pixels, and the point on its curve it names. */
export interface TagBox {
  left: number;
  top: number;
  width: number;
  height: number;
  /** The curve's point the box stands for (a short leader joins them when the box had to move off it). */
  anchorX: number;
  anchorY: number;
  /** True when the box sits on its curve's point; false when it was moved aside. */
  onCurve: boolean;
}

/** A box's height, and the padding around its text. */
export const TAG_HEIGHT = 14;
const PAD = 3;
/** Free space kept between two boxes. */
const GAP = 2;

export function boxesOverlap(a: TagBox, b: TagBox, gap = 0): boolean {
  return (
    a.left < b.left + b.width + gap && b.left < a.left + a.width + gap && a.top < b.top + b.height + gap && b.top < a.top + a.height + gap
  );
}

/** A box of this size centred at (cx, cy), moved wholly inside the plot. */
function boxAt(f: CurveFrame, width: number, cx: number, cy: number, anchorX: number, anchorY: number, onCurve: boolean): TagBox {
  const left = Math.max(f.left + 1, Math.min(f.right - 1 - width, cx - width / 2));
  const top = Math.max(f.top + 1, Math.min(f.bottom - 1 - TAG_HEIGHT, cy - TAG_HEIGHT / 2));
  return { left, top, width, height: TAG_HEIGHT, anchorX, anchorY, onCurve };
}

/** Sample indices by distance from the preferred x (every other sample: near enough, half the work). */
function candidates(xs: ArrayLike<number>, preferred: number): number[] {
  const order: number[] = [];
  for (let i = 0; i < xs.length; i += 2) order.push(i);
  return order.sort((a, b) => Math.abs(xs[a] - preferred) - Math.abs(xs[b] - preferred));
}

/**
 * Places every label in order (earlier ones get the better spots): on its own curve, as near
 * its preferred x as possible, where no other curve (nor an `obstacle`, such as the network's
 * own curve) passes through the box, so the number plainly names its curve; else one or two
 * box heights above or below it, joined by a leader; else the same without that condition;
 * last, anywhere free in the plot. Only where the curve is inside the plot. No two boxes
 * returned overlap unless the plot has no free room left at all.
 */
export function placeTags(f: CurveFrame, requests: readonly TagRequest[], obstacles: readonly ArrayLike<number>[] = []): TagBox[] {
  const placed: TagBox[] = [];
  const free = (box: TagBox): boolean => placed.every((other) => !boxesOverlap(box, other, GAP));
  const inside = (py: number): boolean => py >= f.top + TAG_HEIGHT / 2 && py <= f.bottom - TAG_HEIGHT / 2;
  requests.forEach((r, index) => {
    const width = Math.ceil(r.textWidth) + 2 * PAD;
    const order = candidates(r.xs, r.preferred);
    const spot = (i: number): { px: number; py: number } => ({ px: xToPx(f, r.xs[i]), py: yToPx(f, r.ys[i]) });
    const others = [...requests.filter((_, k) => k !== index).map((o) => o.ys), ...obstacles];
    /** Whether another curve crosses the box (checked at the samples under it). */
    const crossed = (box: TagBox): boolean => {
      const last = r.xs.length - 1;
      const at = (px: number): number => Math.round(((px - f.left) / (f.right - f.left)) * last);
      const from = Math.max(0, at(box.left));
      const to = Math.min(last, at(box.left + box.width));
      for (const ys of others) {
        for (let m = from; m <= to; m++) {
          const py = yToPx(f, ys[m]);
          if (py >= box.top - 1 && py <= box.top + box.height + 1) return true;
        }
      }
      return false;
    };
    /** The first free box on the curve (`shift` box heights above it, 0: on it), alone if `alone`. */
    const first = (shift: number, alone: boolean): TagBox | null => {
      for (const i of order) {
        const { px, py } = spot(i);
        if (!Number.isFinite(py) || !inside(py)) continue;
        const b = boxAt(f, width, px, py + shift * (TAG_HEIGHT + GAP), px, py, shift === 0);
        if (free(b) && (!alone || !crossed(b))) return b;
      }
      return null;
    };
    // On the curve where no other passes, then just beside it; failing both, anywhere free on or beside it.
    let box: TagBox | null = null;
    for (const alone of [true, false]) {
      for (const shift of [0, 1, -1, 2, -2]) {
        box ??= first(shift, alone);
      }
    }
    // Anywhere free, row by row from the top right (where the bias and the curve's end usually leave room).
    if (!box) {
      const near = spot(order[0]);
      const anchorY = Math.max(f.top, Math.min(f.bottom, near.py));
      outer: for (let top = f.top + 1; top + TAG_HEIGHT <= f.bottom - 1; top += TAG_HEIGHT / 2) {
        for (let left = f.right - 1 - width; left >= f.left + 1; left -= width / 2) {
          const b: TagBox = { left, top, width, height: TAG_HEIGHT, anchorX: near.px, anchorY, onCurve: false };
          if (free(b)) {
            box = b;
            break outer;
          }
        }
      }
      box ??= boxAt(f, width, near.px, anchorY, near.px, anchorY, false);
    }
    placed.push(box);
  });
  return placed;
}

/** A label of the curve view: neuron j (0-based), or the output bias (-1), its text and its box. */
export interface CurveTag {
  neuron: number;
  text: string;
  box: TagBox;
}

/**
 * The numbers of a curve view's neuron curves and the bias's b, placed: the picked neuron's
 * first (it gets the best spot), then the bias's (near the right end), then the others, each
 * preferring its own share of the x range. `measure` gives a text's width (the canvas's).
 */
export function curveTags(f: CurveFrame, view: CurveView, focus: number | null, measure: (text: string) => number): CurveTag[] {
  const n = view.contributions.length;
  const picked = focus !== null && focus >= 0 && focus < n ? focus : null;
  const order = [...(picked === null ? [] : [picked]), -1, ...Array.from({ length: n }, (_, j) => j).filter((j) => j !== picked)];
  const bias = view.x.map(() => view.bias);
  const text = (j: number): string => (j < 0 ? 'b' : String(j + 1));
  const boxes = placeTags(
    f,
    order.map((j) => ({
      textWidth: measure(text(j)),
      xs: view.x,
      ys: j < 0 ? bias : view.contributions[j],
      preferred: j < 0 ? 5.6 : labelX(j, n),
    })),
    [view.output],
  );
  return order.map((j, k) => ({ neuron: j, text: text(j), box: boxes[k] }));
}
