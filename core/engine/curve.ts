/**
 * The curve-fitting view's numbers: for a row of x values, the network's curve and what each
 * neuron of the last hidden layer adds to it. The output neuron computes
 * z(x) = b + Σⱼ wⱼ·hⱼ(x), so the curve is literally the sum of the thin curves wⱼ·hⱼ(x) plus
 * the bias: a ReLU network's curve is a sum of hinges, a tanh network's a sum of S-curves.
 */
import type { LabConfig } from '../config';
import { CURVE_DOMAIN, inputFeatures } from './curve-data';
import { featureMatrix } from './features';
import { createWorkspace, forwardBatch } from './kernels';
import { topology } from './shape';
import { fastTanh } from './tanh';

export interface CurveView {
  /** The x positions, as given. */
  x: Float64Array;
  /** The output neuron's weighted sum z(x) = b + Σⱼ wⱼ·hⱼ(x), exactly as the engine computes it. */
  sum: Float64Array;
  /** The network's output y(x) = g(z(x)), g the output activation (the same as `sum` for a linear output). */
  output: Float64Array;
  /**
   * contributions[j][p] = wⱼ·hⱼ(x_p): neuron j of the last hidden layer (of the inputs when
   * there is no hidden layer) times its weight into the output.
   */
  contributions: Float64Array[];
  /** The output neuron's bias b. */
  bias: number;
}

export interface CurveEvaluator {
  count: number;
  /** The view for these parameters; the arrays are reused by the next call. */
  evaluate(params: Float64Array): CurveView;
}

/** `count` x values evenly spaced from −6 to 6, both ends included. */
export function curveXs(count: number, from = -CURVE_DOMAIN, to = CURVE_DOMAIN): Float64Array {
  const xs = new Float64Array(count);
  for (let i = 0; i < count; i++) xs[i] = count === 1 ? from : from + ((to - from) * i) / (count - 1);
  return xs;
}

/**
 * Prepares the view for a network with one output, over fixed x values (a curve set's one
 * input; for a 2-D set, points (x, 0)). Throws for a network with several outputs.
 */
export function createCurveEvaluator(config: LabConfig, xs: Float64Array): CurveEvaluator {
  const topo = topology(config);
  if (topo.sizes[topo.depth] !== 1) throw new Error('The curve view needs a network with one output.');
  const n = xs.length;
  const xy = new Float64Array(2 * n);
  for (let p = 0; p < n; p++) xy[2 * p] = xs[p];
  const inputs = featureMatrix(inputFeatures(config), xy, n, new Float64Array(n * topo.sizes[0]));
  const ws = createWorkspace(topo, Math.max(1, n));
  const last = topo.depth - 1;
  const fanIn = topo.sizes[last];
  const below = last === 0 ? inputs : ws.act[last - 1];
  const contributions = Array.from({ length: fanIn }, () => new Float64Array(n));
  const view: CurveView = { x: xs, sum: ws.pre[last].subarray(0, n), output: ws.act[last].subarray(0, n), contributions, bias: 0 };
  return {
    count: n,
    evaluate(params: Float64Array): CurveView {
      if (n > 0) forwardBatch(topo, params, inputs, 0, n, ws, fastTanh);
      const w0 = topo.weightOffsets[last];
      for (let j = 0; j < fanIn; j++) {
        const w = params[w0 + j];
        const c = contributions[j];
        for (let p = 0; p < n; p++) c[p] = w * below[p * fanIn + j];
      }
      view.bias = params[topo.biasOffsets[last]];
      return view;
    },
  };
}

/** The view once, in arrays that are the caller's to keep. */
export function curveView(config: LabConfig, params: Float64Array, xs: Float64Array): CurveView {
  const v = createCurveEvaluator(config, xs).evaluate(params);
  return {
    x: xs.slice(),
    sum: v.sum.slice(),
    output: v.output.slice(),
    contributions: v.contributions.map((c) => c.slice()),
    bias: v.bias,
  };
}
