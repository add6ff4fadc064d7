/**
 * The pieces of the PyTorch script that depend on the network's kinds: activations, inputs,
 * targets and loss, each written as a few lines of Python that do exactly what the engine
 * does (core/engine/activations.ts, features.ts, loss.ts).
 */
import type { ActivationName, FeatureName, Knot, LossName, OutputActivationName } from '../config';
import { LEAKY_SLOPE } from '../engine/activations';
import { real } from './text';

/** The PyTorch module for a hidden activation (custom classes are defined by `activationClasses`). */
export const TORCH_ACTIVATION: Record<ActivationName, string> = {
  identity: 'nn.Identity()',
  relu: 'nn.ReLU()',
  leakyRelu: `nn.LeakyReLU(${real(LEAKY_SLOPE)})`,
  elu: 'nn.ELU()',
  // Above the threshold softplus returns x itself; at 40 that is exact in 64-bit floats.
  softplus: 'nn.Softplus(threshold=40)',
  sigmoid: 'nn.Sigmoid()',
  tanh: 'nn.Tanh()',
  gelu: 'nn.GELU(approximate="tanh")',
  swish: 'nn.SiLU()',
  sin: 'Sine()',
  cos: 'Cosine()',
  drawn: 'Drawn(KNOTS)',
};

/** Python class definitions for the activations PyTorch does not have, only those used. */
export function activationClasses(used: ReadonlySet<ActivationName>, knots: readonly Knot[] | null): string[] {
  const out: string[] = [];
  if (used.has('sin')) {
    out.push('class Sine(nn.Module):', '    """sin(x), a wave."""', '', '    def forward(self, x):', '        return torch.sin(x)', '', '');
  }
  if (used.has('cos')) {
    out.push(
      'class Cosine(nn.Module):',
      '    """cos(x), a wave."""',
      '',
      '    def forward(self, x):',
      '        return torch.cos(x)',
      '',
      '',
    );
  }
  if (used.has('drawn') && knots !== null) {
    out.push(
      '# The activation drawn in the app: straight pieces through these knots (x, y), carried on',
      "# straight beyond the first and last knot. At a knot the slope is the left piece's.",
      `KNOTS = [${knots.map((k) => `(${real(k.x)}, ${real(k.y)})`).join(', ')}]`,
      '',
      '',
      'class Drawn(nn.Module):',
      '    """A piecewise-linear function through knots, as drawn in Activation Lab."""',
      '',
      '    def __init__(self, knots):',
      '        super().__init__()',
      '        xs = torch.tensor([k[0] for k in knots], dtype=torch.float64)',
      '        ys = torch.tensor([k[1] for k in knots], dtype=torch.float64)',
      '        self.register_buffer("xs", xs)',
      '        self.register_buffer("ys", ys)',
      '        self.register_buffer("slopes", (ys[1:] - ys[:-1]) / (xs[1:] - xs[:-1]))',
      '',
      '    def forward(self, x):',
      '        # Piece i runs from knot i to knot i + 1; x exactly at a knot uses the piece to its left.',
      '        i = torch.bucketize(x.detach(), self.xs[1:-1])',
      '        return self.ys[i] + self.slopes[i] * (x - self.xs[i])',
      '',
      '',
    );
  }
  return out;
}

/** Python expression of an input feature from the tensors x1 and x2. */
export const FEATURE_EXPRESSION: Record<FeatureName, string> = {
  x1: 'x1',
  x2: 'x2',
  x1Squared: 'x1 * x1',
  x2Squared: 'x2 * x2',
  x1x2: 'x1 * x2',
  sinX1: 'torch.sin(x1)',
  sinX2: 'torch.sin(x2)',
  cosX1: 'torch.cos(x1)',
  cosX2: 'torch.cos(x2)',
};

/** Python expression of the output layer's activation applied to the scores z. */
export const OUTPUT_EXPRESSION: Record<OutputActivationName, string> = {
  identity: 'z',
  tanh: 'torch.tanh(z)',
  sigmoid: 'torch.sigmoid(z)',
  softmax: 'torch.softmax(z, dim=1)',
};

/** The body of `loss_per_example(z, y, t)`: the engine's loss of each example, summed over outputs. */
export function lossLines(loss: LossName, output: OutputActivationName): string[] {
  if (loss === 'halfSquared') return ['    # ½·squared error on the outputs.', '    return 0.5 * ((y - t) ** 2).sum(dim=1)'];
  if (loss === 'softmaxCrossEntropy') {
    return [
      '    # Cross-entropy of the softmax, from the scores: log Σ e^z − Σ t·z.',
      '    return torch.logsumexp(z, dim=1) - (t * z).sum(dim=1)',
    ];
  }
  const lines = ['    # Binary cross-entropy from the scores: softplus(s) − t·s = −[t·ln p + (1 − t)·ln(1 − p)], p = sigmoid(s).'];
  if (output === 'tanh') lines.push('    # A tanh output y means p = (y + 1)/2 = sigmoid(2z).', '    s = 2 * z');
  else lines.push('    s = z');
  lines.push('    return (torch.logaddexp(torch.zeros_like(s), s) - t * s).sum(dim=1)');
  return lines;
}

/** The readable name of a loss and an optimizer, for the script's header. */
export const LOSS_TEXT: Record<LossName, string> = {
  halfSquared: '½·squared error',
  binaryCrossEntropy: 'binary cross-entropy',
  softmaxCrossEntropy: 'softmax cross-entropy',
};
