/**
 * Words for what a picture on the plane shows, for screen readers: where a neuron's heatmap
 * is high ("high where x₁ is large"), and what the output plot's boundary does ("blue on 48 %
 * of the plane, near the centre, in one region"). Pure functions over a grid of values laid
 * out as core/engine/grid.ts lays it out: row r from the top (x₂ large) down, column c from
 * the left (x₁ small).
 */

/** How strongly a value must follow a pattern (a correlation) before we name the pattern. */
const CLEAR = 0.55;
const BOTH = 0.35;

function correlation(values: ArrayLike<number>, pattern: (x1: number, x2: number) => number, resolution: number): number {
  let sv = 0;
  let sp = 0;
  let svv = 0;
  let spp = 0;
  let svp = 0;
  const n = resolution * resolution;
  for (let r = 0; r < resolution; r++) {
    const x2 = 1 - (2 * (r + 0.5)) / resolution;
    for (let c = 0; c < resolution; c++) {
      const x1 = (2 * (c + 0.5)) / resolution - 1;
      const v = values[r * resolution + c];
      const p = pattern(x1, x2);
      sv += v;
      sp += p;
      svv += v * v;
      spp += p * p;
      svp += v * p;
    }
  }
  const cov = svp / n - (sv / n) * (sp / n);
  const varV = svv / n - (sv / n) ** 2;
  const varP = spp / n - (sp / n) ** 2;
  return varV <= 1e-12 || varP <= 1e-12 ? 0 : cov / Math.sqrt(varV * varP);
}

/**
 * Where the values are high, in words: "where x₁ is large", "towards the top left", "near the
 * centre", "in the top-right and bottom-left quarters"; null for a pattern with no simple name.
 */
export function whereHigh(values: ArrayLike<number>, resolution: number): string | null {
  const c1 = correlation(values, (x1) => x1, resolution);
  const c2 = correlation(values, (_, x2) => x2, resolution);
  const radial = correlation(values, (x1, x2) => x1 * x1 + x2 * x2, resolution);
  const quarters = correlation(values, (x1, x2) => x1 * x2, resolution);
  const best = Math.max(Math.abs(c1), Math.abs(c2), Math.abs(radial), Math.abs(quarters));
  if (Math.abs(c1) >= BOTH && Math.abs(c2) >= BOTH && Math.abs(c1) + Math.abs(c2) >= best + BOTH) {
    return `towards the ${c2 > 0 ? 'top' : 'bottom'} ${c1 > 0 ? 'right' : 'left'}`;
  }
  if (best < CLEAR) return null;
  if (best === Math.abs(c1)) return `where x₁ is ${c1 > 0 ? 'large' : 'small'}`;
  if (best === Math.abs(c2)) return `where x₂ is ${c2 > 0 ? 'large' : 'small'}`;
  if (best === Math.abs(radial)) return radial > 0 ? 'far from the centre' : 'near the centre';
  return quarters > 0 ? 'in the top-right and bottom-left quarters' : 'in the top-left and bottom-right quarters';
}

/** A neuron's heatmap in words, e.g. "high where x₁ is large, low where it is small". */
export function describeNeuron(values: ArrayLike<number> | undefined, resolution: number): string {
  if (!values) return 'not computed yet';
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < resolution * resolution; i++) {
    if (values[i] < min) min = values[i];
    if (values[i] > max) max = values[i];
  }
  if (!(max - min > 1e-3)) return `about ${round(min)} everywhere`;
  const where = whereHigh(values, resolution);
  return where ? `high ${where}` : 'a mixed pattern of high and low';
}

/** Connected regions (4-neighbour) of the cells where `inside` is true. */
export function countRegions(inside: Uint8Array, resolution: number): number {
  const seen = new Uint8Array(inside.length);
  const stack: number[] = [];
  let regions = 0;
  for (let start = 0; start < inside.length; start++) {
    if (!inside[start] || seen[start]) continue;
    regions++;
    seen[start] = 1;
    stack.push(start);
    while (stack.length > 0) {
      const cell = stack.pop() as number;
      const r = Math.floor(cell / resolution);
      const c = cell % resolution;
      const next = [
        r > 0 ? cell - resolution : -1,
        r < resolution - 1 ? cell + resolution : -1,
        c > 0 ? cell - 1 : -1,
        c < resolution - 1 ? cell + 1 : -1,
      ];
      for (const n of next) {
        if (n >= 0 && inside[n] && !seen[n]) {
          seen[n] = 1;
          stack.push(n);
        }
      }
    }
  }
  return regions;
}

export interface OutputPicture {
  /** The output layer's values on the grid: one array per output. */
  outputs: ArrayLike<number>[];
  resolution: number;
  regression: boolean;
  /** Where one output splits the two classes (0.5 for sigmoid, 0 for tanh). */
  threshold: number;
  /** The classes' names in label order, e.g. "orange (class A)". */
  classNames: readonly string[];
  /** Test accuracy in [0, 1] (classification) or null. */
  accuracy: number | null;
  testLoss: number | null;
}

const words = ['no', 'one', 'two', 'three', 'four', 'five', 'six'];
const regionsText = (n: number) => `in ${words[n] ?? n} ${n === 1 ? 'region' : 'separate regions'}`;

/** The output plot in words: which class the network predicts where, and how well it does. */
export function describeOutput(picture: OutputPicture): string {
  const { outputs, resolution, regression } = picture;
  const cells = resolution * resolution;
  const parts: string[] = [];
  if (regression) {
    const where = whereHigh(outputs[0], resolution);
    parts.push(`The network's output is ${where ? `high ${where}` : 'a mixed pattern of high and low'}.`);
  } else {
    const classes = outputs.length > 1 ? outputs.length : 2;
    const label = new Uint8Array(cells);
    for (let i = 0; i < cells; i++) {
      if (outputs.length === 1) label[i] = outputs[0][i] > picture.threshold ? 1 : 0;
      else {
        let best = 0;
        for (let k = 1; k < outputs.length; k++) if (outputs[k][i] > outputs[best][i]) best = k;
        label[i] = best;
      }
    }
    const shares: string[] = [];
    for (let k = 0; k < classes; k++) {
      const inside = new Uint8Array(cells);
      let count = 0;
      for (let i = 0; i < cells; i++) {
        if (label[i] !== k) continue;
        inside[i] = 1;
        count++;
      }
      const name = picture.classNames[k] ?? `class ${k + 1}`;
      if (count === 0) continue;
      if (count === cells) {
        shares.push(`${name} everywhere`);
        continue;
      }
      const where = whereHigh(inside, resolution);
      shares.push(
        `${name} on ${Math.round((100 * count) / cells)} % of the plane${where ? `, ${where}` : ''}, ${regionsText(countRegions(inside, resolution))}`,
      );
    }
    parts.push(`The network predicts ${shares.join('; ')}.`);
  }
  const measures: string[] = [];
  if (picture.accuracy !== null) measures.push(`test accuracy ${Math.round(picture.accuracy * 100)} %`);
  if (picture.testLoss !== null && Number.isFinite(picture.testLoss)) measures.push(`test loss ${round(picture.testLoss)}`);
  if (measures.length > 0) parts.push(`${capitalise(measures.join(', '))}.`);
  return parts.join(' ');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function round(value: number): string {
  return Math.abs(value) >= 100 ? value.toFixed(0) : Number(value.toPrecision(2)).toString();
}
