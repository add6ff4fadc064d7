/**
 * What each lesson widget reports (its state) and how a step sets it up (its preset), one
 * pair per widget kind; `WidgetStates` and `WidgetPresets` tie a kind to its pair.
 */
import type { FoldSpacePreset, FoldSpaceState } from './widgets/fold-space';
import type { FlowTry } from './widgets/flow-tries';
import type { LossSurfacePreset, LossSurfaceState } from './widgets/loss-surface';
import type { ActivationName, CurveDatasetName, DataPoint, DatasetName, Knot, LabConfig, LayerSpec } from '../../core/config';
import type { HistoryPoint } from '../../core/protocol';
import type { ComparePreset, CompareState } from './12-saturation-and-init/compare';
import type { OutputLossPreset, OutputLossState } from './13-output-meets-loss/output-loss';
import type { HingesPreset, HingesState } from './15-enough-bumps/hinges';
import type { DrawnTrainerPreset, DrawnTrainerState } from './17-invent-your-own/drawing';
import type { LessonSpeed } from './widgets/speed';
import type { ProbeHidden } from './widgets/probe-plot';
import type { CapstonePreset, CapstoneState } from './19-what-you-can-explain/capstone';
import type { RacePreset, RaceState } from './race/race';

/** Lesson 1: how many numbers go into a network for one picture. */
export interface InputCountState {
  width: number;
  height: number;
  channels: number;
  /** The learner's answer for the preset's question, or null while the box is empty. */
  answer: number | null;
}
export interface InputCountPreset {
  initial: InputCountState;
  /** The answer box's label; null hides the box (the step asks with `predict` instead); absent: "Number of inputs:". */
  question?: string | null;
}

/** One neuron with two inputs over the plane: z = w1·x1 + w2·x2 + b. */
export interface NeuronState {
  w1: number;
  w2: number;
  b: number;
}
export interface NeuronPreset {
  initial: NeuronState;
  /** The points drawn on the plane (class 0 orange, class 1 blue). */
  points: DataPoint[];
  /** Half-width of the square shown, in input units. */
  extent: number;
  /** Slider range for weights and bias. */
  range: number;
  /** A point drawn as a ring, e.g. the one the live formula is worked out for. */
  sample?: { x1: number; x2: number };
}

/** A single-input neuron with a chosen activation: y = f(w·x + b), probed at one x. */
export interface ProbeState {
  activation: ActivationName;
  w: number;
  b: number;
  /** Where the learner put the probe on the x axis. */
  x: number;
  /** The learner's typed answer to the preset's question, if it asks one. */
  answer: number | null;
}
export interface ProbePreset {
  initial: ProbeState;
  /** Activations the learner may pick from; one entry hides the picker. */
  choices: ActivationName[];
  /** Show sliders for w and b (the ReLU threshold lesson) or only the probe. */
  showWeights: boolean;
  showDerivative: boolean;
  /** A question answered with a number typed in a box, or null for none. */
  question: string | null;
  /** Half-width of the x range plotted. */
  extent: number;
  /**
   * With the slope curve: where the slope at the probe is smaller than this (but the curve is
   * drawn at full scale, so 0.01 looks like 0), an inset magnifies it between −slopeZoom and
   * slopeZoom. Absent: no inset.
   */
  slopeZoom?: number;
  /** What the plot keeps back until the step's prediction is committed (probe-plot.ts); absent: only the read-outs wait. */
  untilPredicted?: ProbeHidden;
}

/** The two-hidden-unit network of the XOR lesson, set by hand. */
export interface HandNetState {
  /** Hidden weights, row-major: [w11, w12, w21, w22] (row = hidden unit, column = input). */
  W: number[];
  /** Hidden biases c1, c2. */
  c: number[];
  /** Output weights. */
  w: number[];
  /** Output bias. */
  b: number;
}
export interface HandNetPreset {
  initial: HandNetState;
}

/** Three class scores turned into probabilities by softmax. */
export interface SoftmaxState {
  scores: number[];
}
export interface SoftmaxPreset {
  initial: SoftmaxState;
}

/** A control the trainer widget can show. */
export type TrainerControl = 'activation' | 'dataset' | 'learningRate' | 'noise' | 'regularization' | 'reseed';

/** A small network trained live in the page. */
export interface TrainerState {
  config: LabConfig;
  epoch: number;
  trainLoss: number;
  testLoss: number;
  trainAccuracy: number | null;
  testAccuracy: number | null;
  diverged: boolean;
  /**
   * Every learning rate training blew up at since the step opened (a blow-up is still seen
   * after the learner lowers the rate and trains on); absent in states made before it existed.
   */
  divergedAt?: number[];
  /** True when every hidden activation is the identity and the engine collapsed the network. */
  collapsed: boolean;
  /** The learner's choice in the step's multiple-choice question, or null. */
  answer: string | null;
  /** Fewest epochs each activation needed to reach the race target (test accuracy), over every run since the step opened. */
  race: Partial<Record<ActivationName, number>>;
  /** The best test accuracy each activation reached, over every run since the step opened (kept with the race target). */
  bestAccuracy: Partial<Record<ActivationName, number>>;
  /** The highest test loss seen since the last reset, and the lowest. */
  peakTestLoss: number;
  lowestTestLoss: number;
  params: Float64Array | null;
  /** The network's output at each of the preset's probe points, or null when it has none. */
  probeOutputs: number[] | null;
  /** Loss and accuracy since the last fresh start (the run's own array, not a copy), for the Lab hand-off. */
  history?: readonly HistoryPoint[];
}
export interface TrainerPreset {
  config: LabConfig;
  controls: TrainerControl[];
  activationChoices: ActivationName[];
  datasetChoices: DatasetName[];
  /** Show the single affine map the network equals (lesson 6). */
  showCollapse: boolean;
  /**
   * Test accuracy that counts as "solved" for the table of runs (per activation: the first epoch
   * at it and the best accuracy, kept across Start over and activation changes); null hides it.
   */
  raceTarget: number | null;
  question: { label: string; options: string[] } | null;
  /** Also show the outputs on these points (the four XOR corners). */
  probePoints: DataPoint[] | null;
  /** The square [low, high]² the plot shows; null for the Lab's usual [−6, 6]². */
  view: [number, number] | null;
  /** How fast it trains at first (widgets/speed.ts); absent: full speed. */
  speed?: LessonSpeed;
  /** A step that names an epoch budget ("300 epochs each"): Train pauses by itself there. */
  epochBudget?: number;
  /** The loss chart starts on a log scale (losses that span powers of ten, as in a blow-up), with the toggle shown. */
  logLoss?: boolean;
  /**
   * For a step whose prediction is about what this network will draw: until it is committed the
   * plane shows only the points (no answer, no boundary) and Train and Step stay off.
   */
  trainAfterPrediction?: boolean;
}

/** The digits lesson: a network trained on real handwritten digits, and a pad to draw on. */
export interface DigitsState {
  epoch: number;
  testAccuracy: number | null;
  hidden: LayerSpec[];
  /** The network's answer for the drawing on the pad, or null when the pad is empty. */
  drawnPrediction: number | null;
  drawnConfidence: number | null;
  /** True when the pad holds the learner's own drawing, not a test digit picked from the gallery (with or without strokes over it). */
  drawnByHand: boolean;
  /** The digit the learner says they drew, or null before they say. */
  claimed: number | null;
  /** The lesson's network and its newest weights, for "Open this in the Lab". */
  config: LabConfig;
  params: Float64Array | null;
  /** The best test accuracy seen so far from a linear network (every hidden layer Linear) and from one with an activation. */
  best: { linear: number | null; nonLinear: number | null };
}
export interface DigitsPreset {
  /** The hidden layers the lesson's network starts with. */
  hidden: LayerSpec[];
  /** Show the "which digit did you draw?" question. */
  askDrawn: boolean;
  /** The test accuracy the lesson asks for, drawn as the chart's dashed line. */
  goal: number;
}

/** The activation explorer: f and f′ of one activation, read at a cursor. */
export interface ExplorerState {
  activation: ActivationName;
  /** Where the read-out cursor is, and what it reads there. */
  x: number;
  f: number;
  df: number;
}
export interface ExplorerPreset {
  initial: ActivationName;
  /** Activations the learner may pick from; one entry hides the menu. */
  choices: ActivationName[];
  /** Where the cursor starts (−6 to 6, in steps of 0.01). */
  x: number;
  /** The drawing the explorer shows for 'drawn' (the straight line y = x when absent). */
  knots?: Knot[];
  /**
   * What waits for the step's prediction: 'slope' keeps back only the slope (its dashed curve
   * and read-out), for a question about it; absent, the whole explorer waits.
   */
  untilPredicted?: 'slope';
}

/** "Draw your own": a piecewise-linear activation shaped by its knots. */
export interface DrawnState {
  knots: Knot[];
  /** True when every piece has the same slope: a network using it collapses to a straight line. */
  straight: boolean;
}
export interface DrawnPreset {
  /** The knots the drawing starts from (they must pass core's checkKnots). */
  initial: Knot[];
}

/** How much of the gradient reaches each layer of a network trained live (the Lab's Gradient flow panel). */
export interface GradientFlowState {
  activation: ActivationName;
  hiddenLayers: number;
  epoch: number;
  /** Mean |∂L/∂w| per layer of weights over the last complete epoch (hidden layers, then output); empty before one. */
  gradient: number[];
  /** The first layer's gradient over the output layer's, or null before an epoch (or with no hidden layer). */
  firstOverLast: number | null;
  /** The learner's typed answer to the preset's question, or null while the box is empty (or there is none). */
  answer: number | null;
  /** Layer 1's share for every activation and depth trained so far (widgets/flow-tries.ts). */
  tried: FlowTry[];
}
export interface GradientFlowPreset {
  /** The network trained (its hidden layers all get the chosen activation). */
  config: LabConfig;
  /** Activations the learner may pick from; one entry hides the picker. */
  activationChoices: ActivationName[];
  /** Hidden-layer counts the learner may pick from; one entry hides the picker. */
  depthChoices: number[];
  /** A question answered with a number typed in a box (absent: none). */
  question?: string;
  /** How fast it trains at first (widgets/speed.ts); absent: full speed. */
  speed?: LessonSpeed;
}

/** Dead neurons of a network trained live (the Lab's dead marks and count). */
export interface DeadNeuronsState {
  activation: ActivationName;
  learningRate: number;
  epoch: number;
  /** Dead neurons per hidden layer (empty before the engine has measured). */
  deadCount: number[];
  /** Neurons per hidden layer. */
  sizes: number[];
  /** Share of the test points classified right (0–1), or null before the first measurement. */
  testAccuracy: number | null;
  /** Epochs trained since the learning rate was last changed (all of them after a fresh start). */
  epochsAtRate: number;
  /** The run has trained at this learning rate only, from its start (or Start over) on. */
  freshAtRate: boolean;
  /** Neurons per hidden layer switched off on every example (input never above 0; empty before the engine has measured). */
  inactiveCount: number[];
  /** The most neurons switched off at once in this run (all layers); with inactiveCount it tells how many came back. */
  inactivePeak: number;
}
export interface DeadNeuronsPreset {
  config: LabConfig;
  activationChoices: ActivationName[];
  /** Learning rates the learner may pick from; one entry hides the picker. */
  learningRates: number[];
  /** How fast it trains at first (widgets/speed.ts); absent: full speed. */
  speed?: LessonSpeed;
}

/** A control the curve widget can show. */
export type CurveControl = 'dataset' | 'activation' | 'width' | 'learningRate';

/** Curve fitting: one input x, one output y, and what each neuron of the last hidden layer adds. */
export interface CurveState {
  dataset: CurveDatasetName;
  /** The hidden layers' activation (the first layer's, when they differ). */
  activation: ActivationName;
  /** Neurons in the last hidden layer: the number of thin curves "Show each neuron" draws. */
  width: number;
  showEachNeuron: boolean;
  epoch: number;
  trainLoss: number;
  testLoss: number;
  /** The learner's own points (dataset `ownCurve`), else 0. */
  ownPoints: number;
  /** The widget's network and its newest weights, for "Open this in the Lab". */
  config: LabConfig;
  params: Float64Array | null;
  /** With the preset's `recordWidths`: per width tried, the most epochs trained and the lowest test loss seen. */
  widths?: WidthRecord[];
  /** With the preset's `question`: the learner's typed answer, or null. */
  answer?: number | null;
}
export interface WidthRecord {
  width: number;
  epochs: number;
  lowestTestLoss: number;
}
export interface CurvePreset {
  /** A curve data set's network (one input, a linear output). */
  config: LabConfig;
  controls: CurveControl[];
  datasetChoices: CurveDatasetName[];
  activationChoices: ActivationName[];
  /** Widths the last hidden layer may take. */
  widthChoices: number[];
  showEachNeuron: boolean;
  /** Let the learner add and move points of their own (switches to `ownCurve`). */
  editable: boolean;
  /** Keep a table of the lowest test loss per width tried (measuring loss against width). */
  recordWidths?: boolean;
  /** A question answered with a typed number. */
  question?: string;
  /** How fast it trains at first (widgets/speed.ts); absent: full speed. */
  speed?: LessonSpeed;
  /** A step that names an epoch budget ("300 epochs each"): Train pauses by itself there. */
  epochBudget?: number;
}

/** One example, forward and backward, on a small network of its own (the Lab's One example). */
export interface OneExampleState {
  /** Where the walk is: nothing shown, waiting for the engine, forward, backward, or updated. */
  phase: 'idle' | 'waiting' | 'forward' | 'backward' | 'updated';
  /** Updates applied since the widget opened (each trains on one example). */
  updates: number;
  /** The neuron whose formula is written out: layer 0 is the first hidden layer, the output last. */
  picked: { layer: number; neuron: number } | null;
  /** The shown example's loss, or null when none is shown. */
  loss: number | null;
  /** The step's network and its newest weights, for "Open this in the Lab". */
  config: LabConfig;
  params: Float64Array | null;
}
export interface OneExamplePreset {
  /** The network and data; trained one example at a time by the widget's own engine. */
  config: LabConfig;
  /** The neuron whose formula is written out first, or null for the first neuron. */
  picked: { layer: number; neuron: number } | null;
}

export interface WidgetStates {
  inputCount: InputCountState;
  neuron: NeuronState;
  probe: ProbeState;
  handNet: HandNetState;
  softmax: SoftmaxState;
  trainer: TrainerState;
  digits: DigitsState;
  explorer: ExplorerState;
  drawn: DrawnState;
  gradientFlow: GradientFlowState;
  deadNeurons: DeadNeuronsState;
  curve: CurveState;
  oneExample: OneExampleState;
  capstone: CapstoneState;
  compare: CompareState;
  outputLoss: OutputLossState;
  hinges: HingesState;
  drawnTrainer: DrawnTrainerState;
  lossSurface: LossSurfaceState;
  foldSpace: FoldSpaceState;
  race: RaceState;
}
export interface WidgetPresets {
  inputCount: InputCountPreset;
  neuron: NeuronPreset;
  probe: ProbePreset;
  handNet: HandNetPreset;
  softmax: SoftmaxPreset;
  trainer: TrainerPreset;
  digits: DigitsPreset;
  explorer: ExplorerPreset;
  drawn: DrawnPreset;
  gradientFlow: GradientFlowPreset;
  deadNeurons: DeadNeuronsPreset;
  curve: CurvePreset;
  oneExample: OneExamplePreset;
  capstone: CapstonePreset;
  compare: ComparePreset;
  outputLoss: OutputLossPreset;
  hinges: HingesPreset;
  drawnTrainer: DrawnTrainerPreset;
  lossSurface: LossSurfacePreset;
  foldSpace: FoldSpacePreset;
  race: RacePreset;
}
export type WidgetKind = keyof WidgetStates;
