/**
 * Plain definitions for the terms marked `[[term]]` in lesson text. Keys are lower case;
 * the lesson text may write a term with a different label: `[[weight|weights]]`.
 */
export interface GlossaryEntry {
  term: string;
  definition: string;
}

const entries: GlossaryEntry[] = [
  {
    term: 'neuron',
    definition:
      'A tiny function inside a network. It multiplies its inputs by weights, adds a bias, and passes the sum through an activation function. Its result is one number.',
  },
  {
    term: 'weight',
    definition:
      'A number that says how strongly one input pushes a neuron. Big positive weights push up, negative ones push down, weights near zero mean the input barely matters.',
  },
  {
    term: 'bias',
    definition: 'A number a neuron adds after the weighted sum. It shifts where the neuron switches on, without depending on any input.',
  },
  {
    term: 'activation',
    definition:
      'The function a neuron applies to its weighted sum, such as ReLU, sigmoid or tanh. Without a non-linear one, a whole network is no more powerful than one neuron layer.',
  },
  {
    term: 'hidden layer',
    definition:
      'A layer between the inputs and the output. Nobody tells it what to compute: training finds weights that make its outputs useful to the layers after it.',
  },
  {
    term: 'confusion matrix',
    definition:
      'A table of right and wrong answers: each row is the true class, each column the class the network said, and each cell counts the examples. Everything off the diagonal is a mistake, and where it sits says which classes get mixed up.',
  },
  { term: 'layer', definition: "A group of neurons that all read the same inputs. Each layer's outputs become the next layer's inputs." },
  {
    term: 'input',
    definition: 'One number fed into the network, such as one colour value of one pixel. All the inputs together form the input vector.',
  },
  {
    term: 'vector',
    definition: 'An ordered list of numbers. A picture, a sound or a row of a table becomes a vector before a network reads it.',
  },
  {
    term: 'output',
    definition: "The numbers the last layer returns: the network's answer, for example the chance that a picture shows a dog.",
  },
  { term: 'epoch', definition: 'One pass of training over every training example once.' },
  {
    term: 'monotonic',
    definition:
      'Always moving one way: a monotonic function only ever rises (or only ever falls) as its input grows. ReLU, sigmoid and tanh are; cosine is not, since it rises and falls again and again.',
  },
  {
    term: 'loss',
    definition: "One number measuring how wrong the network's answers are on some examples. Training tries to make it small.",
  },
  {
    term: 'learning rate',
    definition: 'How big a step training takes each time it nudges the weights. Too small is slow; too large overshoots and can blow up.',
  },
  {
    term: 'overfitting',
    definition:
      'When a network learns the quirks and noise of its training examples so well that it does worse on new examples it has not seen.',
  },
  {
    term: 'regularization',
    definition: 'A penalty on large weights added to the loss. It keeps the network simpler and often helps against overfitting.',
  },
  { term: 'decision boundary', definition: 'The line or curve where the network changes its mind from one class to another.' },
  {
    term: 'affine map',
    definition:
      'Multiply by a matrix, then add a vector. Composing two affine maps gives another affine map, which is why stacked linear layers collapse into one.',
  },
  {
    term: 'derivative',
    definition:
      'How fast a function changes at a point: the slope of its curve there. Training uses derivatives to know which way to move each weight.',
  },
  {
    term: 'gradient',
    definition:
      'All the derivatives of the loss with respect to every weight, collected together. It points the way that makes the loss grow fastest, so training steps the other way.',
  },
  {
    term: 'probability',
    definition: 'A number from 0 to 1 saying how likely something is; the probabilities of all the possible outcomes add up to 1.',
  },
  {
    term: 'softmax',
    definition:
      'A function that turns a list of scores into probabilities: every result is positive and together they add up to 1. The biggest score gets the biggest share.',
  },
  {
    term: 'squared error',
    definition:
      'A loss that takes the gap between the output and the target and squares it (here with a half in front): ½·(y − t)². Small gaps cost little, big gaps a lot.',
  },
  {
    term: 'cross-entropy',
    definition:
      'A loss for outputs that are probabilities: −ln of the probability the network gave the right answer. It grows without limit as that probability goes to 0, so confident mistakes cost the most.',
  },
  {
    term: 'hinge',
    definition:
      'The shape of one ReLU neuron over one input: flat, then a straight ramp, with one bend where its weighted sum crosses 0. Hinges added together make any bendy line.',
  },
  {
    term: 'universal approximation',
    definition:
      'The fact that a network with one hidden layer of a non-linear activation can follow any reasonable curve as closely as you like, given enough neurons. It says such a network exists, not that training will find it quickly.',
  },
  {
    term: 'saturation',
    definition:
      'A sigmoid or tanh neuron is saturated when its weighted sum is far out on a flat end of the curve. Its slope there is almost 0, so training barely moves the weights before it.',
  },
  {
    term: 'symmetry',
    definition:
      'Neurons of one layer that start with exactly the same weights compute the same thing and get the same push at every step, so they stay copies of each other. Random starting weights break this symmetry.',
  },
  {
    term: 'initialisation',
    definition:
      'Choosing the starting values of the weights and biases before training. Usual choices are small random numbers: small to keep neurons off their flat ends, random so that no two neurons start alike.',
  },
  { term: 'class', definition: 'One of the categories a classifier chooses between, such as "cat" and "dog".' },
  {
    term: 'test set',
    definition: 'Examples kept aside during training and used only to measure how well the network does on data it never learned from.',
  },
  {
    term: 'backpropagation',
    definition:
      "How training finds every weight's gradient: it starts at the loss and works backwards through the network, one layer at a time, multiplying by each neuron's slope on the way.",
  },
  {
    term: 'vanishing gradient',
    definition:
      'A gradient that shrinks layer by layer on its way back, so the first layers of a deep network hardly learn. Sigmoid layers cause it: each passes on at most a quarter.',
  },
  {
    term: 'dead neuron',
    definition:
      'A ReLU neuron whose input is negative for every example. It always outputs 0, its slope is 0, so no gradient reaches its weights and it never learns again.',
  },
  {
    term: 'leaky relu',
    definition:
      'ReLU with a small slope (0.01) for negative inputs instead of none, so a neuron that is switched off still gets a little gradient.',
  },
  {
    term: 'gradient descent',
    definition:
      'Training by many small steps: work out the gradient of the loss, move every weight and bias a little the opposite way (downhill), and repeat from the new place.',
  },
  {
    term: 'layer space',
    definition:
      "The points as a hidden layer sees them: each neuron of the layer gives every input one number, and those numbers are the point's new coordinates.",
  },
  {
    term: 'linearly separable',
    definition:
      'Two groups of points that one straight line (or flat plane) can split, every point of one group on one side and the other group on the other.',
  },
  {
    term: 'batch',
    definition:
      'The handful of training examples whose gradients are averaged before one step of training. A batch of one steps after every example; a batch of all the examples steps once per epoch.',
  },
  {
    term: 'momentum',
    definition:
      'A way of stepping that keeps some of the previous steps going, like a ball rolling downhill: each step is the new gradient plus a share of the last step, so it speeds up on long slopes.',
  },
  {
    term: 'adam',
    definition:
      'A popular way of stepping: it keeps a running average of each weight’s recent gradients (like momentum) and of their size, and divides one by the other, so every weight takes steps of a similar size.',
  },
  {
    term: 'test loss',
    definition:
      'The loss measured on the test set, the points training never sees. If it stays close to the training loss, the network has learned the pattern; if it climbs while the training loss falls, the network is memorising its training points.',
  },
  {
    term: 'transpose',
    definition:
      'Turning a column of numbers on its side (written with a small ᵀ). In wᵀh it just means: multiply each number in h by the matching weight in w and add the products up — one weighted sum.',
  },
  {
    term: 'sum',
    definition:
      'Adding up a list of numbers. The Greek capital letter Σ (sigma) is short for it: Σⱼ xⱼ means x₁ + x₂ + x₃ + … over every j.',
  },
  {
    term: 'error signal',
    definition:
      "How much the loss changes when one neuron's sum z changes a little, written δ (delta). Training works it out backwards from the output; a weight's gradient is the δ of the neuron it feeds times the input it carries.",
  },
  {
    term: 'e',
    definition:
      'A fixed number, about 2.718, that turns up wherever things grow in proportion to their size. Raising e to a power, eᶻ, gives a positive result for every z and grows fast as z grows.',
  },
  {
    term: 'natural logarithm',
    definition:
      'The reverse of raising e to a power, written ln: ln 18 is the power of e that gives 18, about 2.9. So e raised to ln 18 is 18 again.',
  },
  {
    term: 'scientific notation',
    definition:
      'A short way to write very big or very small numbers: 2.2e-4 means 2.2 × 10⁻⁴, that is 2.2 divided by 10 four times, 0.00022; 3e5 means 3 × 10⁵, 300,000.',
  },
];

export const GLOSSARY: ReadonlyMap<string, GlossaryEntry> = new Map(entries.map((e) => [e.term, e]));

export function lookupTerm(key: string): GlossaryEntry | undefined {
  return GLOSSARY.get(key.trim().toLowerCase());
}
