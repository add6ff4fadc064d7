/**
 * The activation registry: every function a layer can apply, as data. Each entry carries its
 * value f(x), its derivative df(x, y) (given both the input x and the cached output y = f(x),
 * so functions like tanh and sigmoid need no second evaluation), a KaTeX formula and one
 * plain sentence for learners.
 */
import type { ActivationName, Knot, OutputActivationName } from '../config';
import { fastTanh } from './tanh';
import { DEFAULT_KNOTS, piecewise } from './drawn';

export interface Activation {
  name: ActivationName | OutputActivationName;
  /** Short label for menus, e.g. "ReLU". */
  label: string;
  f(x: number): number;
  /** Derivative at x, given y = f(x). */
  df(x: number, y: number): number;
  /** The formula in KaTeX. */
  tex: string;
  /** One plain sentence for learners. */
  description: string;
}

/** Slope of leaky ReLU for negative inputs. */
export const LEAKY_SLOPE = 0.01;
/** √(2/π), used by the tanh form of GELU. */
const GELU_K = Math.sqrt(2 / Math.PI);
const GELU_C = 0.044715;

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** log(1 + eˣ), computed without overflow for large x. */
export function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

// GELU keeps Math.tanh: its derivative scales tanh's slope by terms that grow like x², which
// would magnify the cheaper tanh's tiny slope error beyond what a gradient check accepts.
export function gelu(x: number): number {
  return 0.5 * x * (1 + Math.tanh(GELU_K * (x + GELU_C * x * x * x)));
}

export function geluDerivative(x: number): number {
  const t = Math.tanh(GELU_K * (x + GELU_C * x * x * x));
  return 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * GELU_K * (1 + 3 * GELU_C * x * x);
}

export const ACTIVATIONS: Record<ActivationName, Activation> = {
  identity: {
    name: 'identity',
    label: 'Linear',
    f: (x) => x,
    df: () => 1,
    tex: 'f(x) = x',
    description: 'Passes its input through unchanged, so a layer of these only ever draws straight lines.',
  },
  relu: {
    name: 'relu',
    label: 'ReLU',
    f: (x) => (x > 0 ? x : 0),
    df: (x) => (x > 0 ? 1 : 0),
    tex: 'f(x) = \\max(0, x)',
    description: 'Keeps positive inputs as they are and turns every negative input into zero.',
  },
  leakyRelu: {
    name: 'leakyRelu',
    label: 'Leaky ReLU',
    f: (x) => (x > 0 ? x : LEAKY_SLOPE * x),
    df: (x) => (x > 0 ? 1 : LEAKY_SLOPE),
    tex: 'f(x) = \\begin{cases} x & x > 0 \\\\ 0.01\\,x & x \\le 0 \\end{cases}',
    description: 'Like ReLU, but negative inputs keep a small slope so the neuron never goes completely silent.',
  },
  elu: {
    name: 'elu',
    label: 'ELU',
    f: (x) => (x > 0 ? x : Math.expm1(x)),
    df: (x, y) => (x > 0 ? 1 : y + 1),
    tex: 'f(x) = \\begin{cases} x & x > 0 \\\\ e^{x} - 1 & x \\le 0 \\end{cases}',
    description: 'Straight for positive inputs and a smooth curve that levels off at −1 for negative ones.',
  },
  softplus: {
    name: 'softplus',
    label: 'Softplus',
    f: softplus,
    df: (x) => sigmoid(x),
    tex: 'f(x) = \\ln\\left(1 + e^{x}\\right)',
    description: 'A smooth version of ReLU: close to zero for very negative inputs and close to x for large ones.',
  },
  sigmoid: {
    name: 'sigmoid',
    label: 'Sigmoid',
    f: sigmoid,
    df: (_x, y) => y * (1 - y),
    tex: 'f(x) = \\frac{1}{1 + e^{-x}}',
    description: 'Squashes any number into the range between 0 and 1, with 0.5 at zero.',
  },
  tanh: {
    name: 'tanh',
    label: 'Tanh',
    f: fastTanh,
    df: (_x, y) => 1 - y * y,
    tex: 'f(x) = \\tanh(x) = \\frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}',
    description: 'Squashes any number into the range between −1 and 1, with 0 at zero.',
  },
  gelu: {
    name: 'gelu',
    label: 'GELU',
    f: gelu,
    df: (x) => geluDerivative(x),
    tex: 'f(x) = \\tfrac{x}{2}\\left(1 + \\tanh\\left(\\sqrt{2/\\pi}\\,(x + 0.044715\\,x^{3})\\right)\\right)',
    description: 'Lets an input through in proportion to how large it is: a smooth ReLU that dips slightly below zero.',
  },
  swish: {
    name: 'swish',
    label: 'Swish',
    f: (x) => x * sigmoid(x),
    df: (x, y) => {
      const s = sigmoid(x);
      return y + s * (1 - y);
    },
    tex: 'f(x) = x \\cdot \\sigma(x) = \\frac{x}{1 + e^{-x}}',
    description: 'The input times its own sigmoid: smooth, close to ReLU, with a small dip below zero.',
  },
  sin: {
    name: 'sin',
    label: 'Sine',
    f: Math.sin,
    df: (x) => Math.cos(x),
    tex: 'f(x) = \\sin(x)',
    description: 'A wave that repeats forever, so one neuron can respond to several separate ranges of input.',
  },
  cos: {
    name: 'cos',
    label: 'Cosine',
    f: Math.cos,
    df: (x) => -Math.sin(x),
    tex: 'f(x) = \\cos(x)',
    description: 'A wave like the sine, shifted: it is highest at zero and gives the same value for x and −x.',
  },
  // The registry holds the default drawing (a straight line); a network's own knots are in
  // network.drawn, and activationFor(name, knots) gives the entry for them.
  drawn: drawnActivation(DEFAULT_KNOTS),
};

/** The registry entry of a drawn activation through these (checked) knots. */
export function drawnActivation(knots: readonly Knot[]): Activation {
  const p = piecewise(knots);
  return {
    name: 'drawn',
    label: 'Draw your own',
    f: p.f,
    df: (x) => p.df(x),
    tex: 'f(x) = y_i + \\frac{y_{i+1} - y_i}{x_{i+1} - x_i}\\,(x - x_i) \\quad (x_i < x \\le x_{i+1})',
    description: 'Straight pieces between the knots you drag; beyond the outer knots it carries on straight.',
  };
}

/** The entry for a hidden activation, with the network's own knots for a drawn one. */
export function activationFor(name: ActivationName, knots?: readonly Knot[]): Activation {
  return name === 'drawn' && knots !== undefined ? drawnActivation(knots) : ACTIVATIONS[name];
}

/**
 * Output activations. Softmax works on the whole output layer (each output is e^{z_k}
 * divided by the sum over all outputs); its entry here shows the two-class view, where
 * softmax of the scores (x, 0) equals the sigmoid of x.
 */
export const OUTPUT_ACTIVATIONS: Record<OutputActivationName, Activation> = {
  identity: { ...ACTIVATIONS.identity, description: 'Outputs the weighted sum as it is: any real number, right for regression.' },
  tanh: ACTIVATIONS.tanh,
  sigmoid: ACTIVATIONS.sigmoid,
  softmax: {
    name: 'softmax',
    label: 'Softmax',
    f: sigmoid,
    df: (_x, y) => y * (1 - y),
    tex: '\\operatorname{softmax}(z)_k = \\frac{e^{z_k}}{\\sum_j e^{z_j}}',
    description: 'Turns the scores of all classes into probabilities that are positive and add up to 1.',
  },
};

/** Numeric codes so inner loops can switch once per layer instead of calling through objects. */
export const ACT = {
  identity: 0,
  relu: 1,
  leakyRelu: 2,
  elu: 3,
  softplus: 4,
  sigmoid: 5,
  tanh: 6,
  gelu: 7,
  swish: 8,
  sin: 9,
  cos: 10,
  softmax: 11,
  drawn: 12,
} as const satisfies Record<ActivationName | OutputActivationName, number>;

export type ActCode = (typeof ACT)[keyof typeof ACT];
