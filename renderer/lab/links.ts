/**
 * The network diagram's links, drawn on their own canvas under the neurons. A few hundred
 * anti-aliased strokes are the costliest thing a frame draws when the browser renders in
 * software (about 6 ms a frame for 2 → 8×6 → 1), so the layer is redrawn only when a link's
 * look changes: its sign or its width step. A weight must move clearly past the edge
 * between two steps before its step changes (hysteresis), so a weight that wobbles at an
 * edge does not redraw the layer every frame.
 */
import { LINK_STRIDE } from './layout';

/** Link widths come in this many steps, from hairline (|w| near 0) to thick (|w| ≥ 4). */
export const WIDTH_STEPS = 8;
/** How far past the middle between two steps, in steps, a weight must go to change step. */
const HYSTERESIS = 0.2;
/** Added to a look when the weight is negative. */
const NEGATIVE = WIDTH_STEPS;
/** The look of a link not drawn yet. */
export const UNSEEN = 255;

/** A link's look: its width step (0 … WIDTH_STEPS − 1), plus NEGATIVE when its weight is below zero. */
export function linkLook(w: number, previous: number = UNSEEN): number {
  if (w !== w) return 0;
  const position = (Math.min(Math.abs(w), 4) * (WIDTH_STEPS - 1)) / 4;
  const sign = w < 0 ? NEGATIVE : 0;
  if (previous !== UNSEEN) {
    const before = previous % NEGATIVE;
    const beforeSign = previous - before;
    // A hairline that changes sign is not worth a redraw until it grows.
    const sameSign = sign === beforeSign || (before === 0 && position < HYSTERESIS);
    if (sameSign && Math.abs(position - before) <= 0.5 + HYSTERESIS) return previous;
  }
  return sign + Math.round(position);
}

/**
 * Brings `looks` (one per link of `links`) up to date with the weights in `params`; true
 * when any look changed, that is, when the layer needs drawing again.
 */
export function updateLooks(params: ArrayLike<number>, links: Float32Array, looks: Uint8Array): boolean {
  let changed = false;
  for (let i = 0, k = 0; i < links.length; i += LINK_STRIDE, k++) {
    const look = linkLook(params[links[i + 4]], looks[k]);
    if (look !== looks[k]) {
      looks[k] = look;
      changed = true;
    }
  }
  return changed;
}

/** Draws every link by its look: one stroke per look instead of one per link. */
export function drawLinks(ctx: CanvasRenderingContext2D, links: Float32Array, looks: Uint8Array, positive: string, negative: string): void {
  ctx.lineCap = 'round';
  for (let look = 0; look < WIDTH_STEPS * 2; look++) {
    let any = false;
    ctx.beginPath();
    for (let i = 0, k = 0; i < links.length; i += LINK_STRIDE, k++) {
      if (looks[k] !== look) continue;
      ctx.moveTo(links[i], links[i + 1]);
      ctx.lineTo(links[i + 2], links[i + 3]);
      any = true;
    }
    if (!any) continue;
    ctx.strokeStyle = look >= NEGATIVE ? negative : positive;
    ctx.lineWidth = 0.5 + (look % NEGATIVE) * 0.75;
    ctx.stroke();
  }
}
