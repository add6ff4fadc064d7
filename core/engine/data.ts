/**
 * The data sets. Generation is deterministic: the same spec and seed give the same points in
 * the same order, so the UI can draw exactly the points the engine trains on without sending
 * them across processes. Points live in the square [−6, 6]² like the Playground's.
 */
import type { DATASET_NAMES, DataPoint, DataSpec, DatasetName, ProblemType } from '../config';
import { isTableDataset, TABLE_INFO } from '../tabular/info';
import { tablePoints, requireTable, tableSplit } from './table-split';
import { createRandom, deriveSeed, normal, shuffle, STREAM, uniform, type Random } from './rng';
import { CURVE_LABELS, curvePoints, isCurveDataset } from './curve-data';

export interface Dataset {
  train: DataPoint[];
  test: DataPoint[];
  problem: ProblemType;
  /** 2 or 3 for classification, 1 for regression. */
  classes: number;
  /** Table sets (iris, digits) only: which table rows are the training and test examples. */
  rows?: { train: Int32Array; test: Int32Array };
}

export interface DatasetInfo {
  label: string;
  problem: ProblemType;
  /** Classes for classification sets; 1 for regression; for `custom` the usual two. */
  classes: number;
}

export const DATASET_INFO: Record<DatasetName, DatasetInfo> = {
  circle: { label: 'Circle', problem: 'classification', classes: 2 },
  xor: { label: 'Exclusive or', problem: 'classification', classes: 2 },
  gaussian: { label: 'Two blobs', problem: 'classification', classes: 2 },
  spiral: { label: 'Spiral', problem: 'classification', classes: 2 },
  moons: { label: 'Moons', problem: 'classification', classes: 2 },
  checkerboard: { label: 'Checkerboard', problem: 'classification', classes: 2 },
  spiral3: { label: 'Three-arm spiral', problem: 'classification', classes: 3 },
  blobs3: { label: 'Three blobs', problem: 'classification', classes: 3 },
  plane: { label: 'Plane', problem: 'regression', classes: 1 },
  multiGaussian: { label: 'Hills and valleys', problem: 'regression', classes: 1 },
  custom: { label: 'Your own points', problem: 'classification', classes: 2 },
  iris: { label: TABLE_INFO.iris.label, problem: 'classification', classes: TABLE_INFO.iris.classes },
  digits: { label: TABLE_INFO.digits.label, problem: 'classification', classes: TABLE_INFO.digits.classes },
  sine: { label: CURVE_LABELS.sine, problem: 'regression', classes: 1 },
  step: { label: CURVE_LABELS.step, problem: 'regression', classes: 1 },
  absolute: { label: CURVE_LABELS.absolute, problem: 'regression', classes: 1 },
  parabola: { label: CURVE_LABELS.parabola, problem: 'regression', classes: 1 },
  noisyLine: { label: CURVE_LABELS.noisyLine, problem: 'regression', classes: 1 },
  ownCurve: { label: CURVE_LABELS.ownCurve, problem: 'regression', classes: 1 },
};

/** Half the side of the square the data lives in. */
export const DOMAIN = 6;

type Generator = (n: number, noise: number, random: Random) => DataPoint[];

function circle(n: number, noise: number, random: Random): DataPoint[] {
  const radius = 5;
  const points: DataPoint[] = [];
  const ring = (count: number, rMin: number, rMax: number): void => {
    for (let i = 0; i < count; i++) {
      const r = uniform(random, rMin, rMax);
      const angle = uniform(random, 0, 2 * Math.PI);
      const x1 = r * Math.sin(angle) + uniform(random, -radius, radius) * noise;
      const x2 = r * Math.cos(angle) + uniform(random, -radius, radius) * noise;
      // The label follows the point where it landed, noise included (as in the Playground).
      points.push({ x1, x2, label: Math.hypot(x1, x2) < radius * 0.5 ? 1 : 0 });
    }
  };
  ring(Math.floor(n / 2), 0, radius * 0.5);
  ring(n - Math.floor(n / 2), radius * 0.7, radius);
  return points;
}

function xor(n: number, noise: number, random: Random): DataPoint[] {
  const points: DataPoint[] = [];
  const padding = 0.3;
  for (let i = 0; i < n; i++) {
    let x1 = uniform(random, -5, 5);
    x1 += x1 > 0 ? padding : -padding;
    let x2 = uniform(random, -5, 5);
    x2 += x2 > 0 ? padding : -padding;
    x1 += uniform(random, -5, 5) * noise;
    x2 += uniform(random, -5, 5) * noise;
    points.push({ x1, x2, label: x1 * x2 >= 0 ? 1 : 0 });
  }
  return points;
}

/** Points scattered normally around each centre in turn; the class is the centre's index. */
function blobs(centres: readonly (readonly [number, number])[], spread: number): Generator {
  return (n, noise, random) => {
    const sd = spread * (1 + 3 * noise);
    const points: DataPoint[] = [];
    for (let i = 0; i < n; i++) {
      const c = i % centres.length;
      points.push({ x1: centres[c][0] + normal(random) * sd, x2: centres[c][1] + normal(random) * sd, label: c });
    }
    return points;
  };
}

function spiralArms(arms: number): Generator {
  return (n, noise, random) => {
    const points: DataPoint[] = [];
    const perArm = Math.floor(n / arms);
    for (let arm = 0; arm < arms; arm++) {
      const count = arm === arms - 1 ? n - perArm * (arms - 1) : perArm;
      const shift = (2 * Math.PI * arm) / arms;
      for (let i = 0; i < count; i++) {
        const r = (i / count) * 5;
        const t = ((1.75 * i) / count) * 2 * Math.PI + shift;
        points.push({
          x1: r * Math.sin(t) + uniform(random, -1, 1) * noise * 5,
          x2: r * Math.cos(t) + uniform(random, -1, 1) * noise * 5,
          // With two arms the second one is class 0, so class 1 starts at the centre like the Playground's positive arm.
          label: arms === 2 ? 1 - arm : arm,
        });
      }
    }
    return points;
  };
}

function moons(n: number, noise: number, random: Random): DataPoint[] {
  const points: DataPoint[] = [];
  for (let i = 0; i < n; i++) {
    const upper = i % 2 === 0;
    const t = uniform(random, 0, Math.PI);
    // Two interlocking half circles of radius 1, then scaled and centred into the square.
    const u = upper ? Math.cos(t) : 1 - Math.cos(t);
    const v = upper ? Math.sin(t) : 0.5 - Math.sin(t);
    points.push({
      x1: (u - 0.5) * 3.2 + normal(random) * noise * 2,
      x2: (v - 0.25) * 3.2 + normal(random) * noise * 2,
      label: upper ? 0 : 1,
    });
  }
  return points;
}

function checkerboard(n: number, noise: number, random: Random): DataPoint[] {
  const points: DataPoint[] = [];
  const cell = 3;
  for (let i = 0; i < n; i++) {
    const x1 = uniform(random, -DOMAIN, DOMAIN);
    const x2 = uniform(random, -DOMAIN, DOMAIN);
    const parity = (Math.floor(x1 / cell) + Math.floor(x2 / cell)) & 1;
    points.push({
      x1: x1 + uniform(random, -cell, cell) * noise,
      x2: x2 + uniform(random, -cell, cell) * noise,
      label: parity,
    });
  }
  return points;
}

function plane(n: number, noise: number, random: Random): DataPoint[] {
  const points: DataPoint[] = [];
  for (let i = 0; i < n; i++) {
    const x1 = uniform(random, -DOMAIN, DOMAIN);
    const x2 = uniform(random, -DOMAIN, DOMAIN);
    const nx1 = x1 + uniform(random, -DOMAIN, DOMAIN) * noise;
    const nx2 = x2 + uniform(random, -DOMAIN, DOMAIN) * noise;
    // A tilted plane scaled so the corners of the square reach about ±1.
    points.push({ x1, x2, label: (nx1 + nx2) / 12 });
  }
  return points;
}

const HILLS: readonly (readonly [number, number, number])[] = [
  [-3.5, 2.5, 1],
  [0, 2.5, -1],
  [3.5, 2.5, 1],
  [-3.5, -2.5, -1],
  [0, -2.5, 1],
  [3.5, -2.5, -1],
];

function multiGaussian(n: number, noise: number, random: Random): DataPoint[] {
  const points: DataPoint[] = [];
  for (let i = 0; i < n; i++) {
    const x1 = uniform(random, -DOMAIN, DOMAIN);
    const x2 = uniform(random, -DOMAIN, DOMAIN);
    const nx1 = x1 + uniform(random, -DOMAIN, DOMAIN) * noise;
    const nx2 = x2 + uniform(random, -DOMAIN, DOMAIN) * noise;
    let label = 0;
    for (const [cx, cy, sign] of HILLS) label += sign * Math.exp(-((nx1 - cx) ** 2 + (nx2 - cy) ** 2) / 2.5);
    points.push({ x1, x2, label: Math.max(-1, Math.min(1, label)) });
  }
  return points;
}

const GENERATORS: Record<Exclude<(typeof DATASET_NAMES)[number], 'custom'>, Generator> = {
  circle,
  xor,
  // Class 1 around (2, 2), class 0 around (−2, −2); noise widens both.
  gaussian: blobs(
    [
      [-2, -2],
      [2, 2],
    ],
    0.7,
  ),
  spiral: spiralArms(2),
  moons,
  checkerboard,
  spiral3: spiralArms(3),
  blobs3: blobs(
    [
      [0, 3.5],
      [-3.03, -1.75],
      [3.03, -1.75],
    ],
    0.9,
  ),
  plane,
  multiGaussian,
};

/** Number of classes of a custom set: 1 for regression, else 2 or the highest label + 1. */
export function customClasses(spec: DataSpec): number {
  if (spec.problem === 'regression') return 1;
  let top = 1;
  for (const p of spec.points) top = Math.max(top, p.label);
  return top + 1;
}

/** Problem type and class count of a spec, without generating anything. */
export function dataKind(spec: DataSpec): { problem: ProblemType; classes: number } {
  if (spec.dataset === 'custom') return { problem: spec.problem, classes: customClasses(spec) };
  // Curve sets, the learner's own curve points included, are always regression.
  const info = DATASET_INFO[spec.dataset];
  return { problem: info.problem, classes: info.classes };
}

/**
 * Generates (or copies, for `custom`) the points, shuffles them with the seed and splits them
 * into training and test sets by `trainRatio`.
 */
export function generateData(data: DataSpec, seed: number): Dataset {
  if (isTableDataset(data.dataset)) {
    // Inputs are the table's own columns; the points carry its first two, for plotting.
    const rows = tableSplit({ ...data, dataset: data.dataset }, seed);
    const table = requireTable(data.dataset);
    return {
      train: tablePoints(table, rows.train),
      test: tablePoints(table, rows.test),
      problem: 'classification',
      classes: table.classes,
      rows,
    };
  }
  const noise = data.noise / 100;
  const dataset = data.dataset;
  const random = createRandom(deriveSeed(seed, STREAM.data));
  const points =
    dataset === 'custom' || dataset === 'ownCurve'
      ? data.points.map((p) => ({ x1: p.x1, x2: p.x2, label: p.label }))
      : isCurveDataset(dataset)
        ? curvePoints(dataset, data.size, noise, random)
        : GENERATORS[dataset](data.size, noise, random);
  shuffle(points, createRandom(deriveSeed(seed, STREAM.split)));
  const split = Math.round(points.length * data.trainRatio);
  const { problem, classes } = dataKind(data);
  return { train: points.slice(0, split), test: points.slice(split), problem, classes };
}
