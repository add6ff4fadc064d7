/**
 * Turns a learner's drawing into a digit the way MNIST's digits were prepared: the ink's
 * bounding box is scaled to fit a 20 × 20 square (keeping its proportions), then placed in the
 * 28 × 28 image so that the ink's centre of mass sits in the middle. Without this, a digit
 * drawn small or off-centre looks nothing like the training images.
 */
import { DIGIT_PIXELS, DIGIT_SIDE } from './info';

const BOX = 20;

/**
 * `ink` is a side × side grid of values in [0, 1] (row-major). Returns 784 inputs in [0, 1],
 * all zero when nothing is drawn.
 */
export function drawingToDigit(ink: ArrayLike<number>, side: number, out = new Float64Array(DIGIT_PIXELS)): Float64Array {
  out.fill(0);
  let top = side;
  let bottom = -1;
  let left = side;
  let right = -1;
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      if (ink[y * side + x] <= 0) continue;
      if (y < top) top = y;
      if (y > bottom) bottom = y;
      if (x < left) left = x;
      if (x > right) right = x;
    }
  }
  if (bottom < 0) return out;
  const width = right - left + 1;
  const height = bottom - top + 1;
  const scale = BOX / Math.max(width, height);
  // Area-average the box into a small image of the scaled size.
  const w = Math.max(1, Math.round(width * scale));
  const h = Math.max(1, Math.round(height * scale));
  const small = new Float64Array(w * h);
  for (let sy = 0; sy < h; sy++) {
    const y0 = top + (sy * height) / h;
    const y1 = top + ((sy + 1) * height) / h;
    for (let sx = 0; sx < w; sx++) {
      const x0 = left + (sx * width) / w;
      const x1 = left + ((sx + 1) * width) / w;
      small[sy * w + sx] = areaMean(ink, side, x0, x1, y0, y1);
    }
  }
  // Centre of mass of the small image, then shift it to the middle of the 28 × 28 frame.
  let mass = 0;
  let cx = 0;
  let cy = 0;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const v = small[y * w + x];
      mass += v;
      cx += v * (x + 0.5);
      cy += v * (y + 0.5);
    }
  }
  const dx = Math.round(DIGIT_SIDE / 2 - cx / mass);
  const dy = Math.round(DIGIT_SIDE / 2 - cy / mass);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const tx = x + dx;
      const ty = y + dy;
      if (tx >= 0 && tx < DIGIT_SIDE && ty >= 0 && ty < DIGIT_SIDE) out[ty * DIGIT_SIDE + tx] = Math.min(1, small[y * w + x]);
    }
  }
  return out;
}

/** Mean of the grid over the rectangle [x0, x1) × [y0, y1), weighting partly covered cells by overlap. */
function areaMean(ink: ArrayLike<number>, side: number, x0: number, x1: number, y0: number, y1: number): number {
  let sum = 0;
  for (let y = Math.floor(y0); y < Math.ceil(y1); y++) {
    const fy = Math.min(y + 1, y1) - Math.max(y, y0);
    for (let x = Math.floor(x0); x < Math.ceil(x1); x++) {
      const fx = Math.min(x + 1, x1) - Math.max(x, x0);
      sum += ink[y * side + x] * fx * fy;
    }
  }
  return sum / ((x1 - x0) * (y1 - y0));
}
