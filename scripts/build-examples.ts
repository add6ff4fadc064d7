// Builds the bundled example projects (core/examples.ts lists them) from the engine itself:
// each network is configured, trained with the engine's own training loop where the example
// says so, measured, and written as a project file by the project writer, so the files are
// reproducible and their weights are real. Weights are rounded to 4 significant digits to keep
// the files small; the last history point is measured again with the rounded weights.
// Usage: npx tsx scripts/build-examples.ts [output folder]
// The digits example needs the digit images: run `node scripts/build-digits.mjs` first.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultConfig, type LabConfig } from '../core/config';
import { EXAMPLES, type ExampleId } from '../core/examples';
import { measure } from '../core/engine/metrics';
import { createModel, trainEpoch, type Model } from '../core/engine/model';
import { checkProject, createProject, defaultView, serializeProject, type ProjectView } from '../core/project';
import type { EngineState, HistoryPoint } from '../core/protocol';
import { stateOf } from '../core/session/state';
import { decodeDigits, digitsTable } from '../core/tabular/digits';
import { digitsConfig, irisConfig } from '../core/tabular/presets';
import { registerTable } from '../core/tabular/table';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const output = resolve(root, process.argv[2] ?? 'renderer/projects/examples');
/** When every example was made: fixed, so building again gives the same bytes. */
const SAVED_AT = new Date('2026-12-01T12:00:00.000Z');

interface Recipe {
  config: LabConfig;
  /** Epochs to train (0: the weights are set by `params`, or left as the seed draws them). */
  epochs: number;
  /** Hand-set weights instead of training. */
  params?: number[];
  /** History points kept: about this many, evenly spread. */
  historyPoints?: number;
  view?: Partial<ProjectView>;
}

function plane(
  dataset: LabConfig['data']['dataset'],
  hidden: LabConfig['network']['hidden'],
  training: Partial<LabConfig['training']> = {},
): LabConfig {
  const base = defaultConfig();
  return { ...base, data: { ...base.data, dataset }, network: { ...base.network, hidden }, training: { ...base.training, ...training } };
}

const layers = (count: number, size: number, activation: LabConfig['network']['hidden'][number]['activation']) =>
  Array.from({ length: count }, () => ({ size, activation }));

/**
 * XOR by hand: h₁ = ReLU(x₁ + x₂), h₂ = ReLU(−x₁ − x₂), h₃ = ReLU(x₁ − x₂), h₄ = ReLU(x₂ − x₁), so
 * h₁ + h₂ = |x₁ + x₂| and h₃ + h₄ = |x₁ − x₂|; their difference is positive exactly when x₁ and x₂
 * have the same sign (class 1 of the XOR data). The output is tanh(h₁ + h₂ − h₃ − h₄).
 */
const XOR_PARAMS = [1, 1, -1, -1, 1, -1, -1, 1, 0, 0, 0, 0, 1, 1, -1, -1, 0];

function recipes(): Record<ExampleId, Recipe> {
  const sine = defaultConfig();
  return {
    'linear-collapse': { config: plane('circle', layers(3, 4, 'identity')), epochs: 200 },
    'xor-by-hand': { config: plane('xor', [{ size: 4, activation: 'relu' }]), epochs: 0, params: XOR_PARAMS },
    'spiral-relu': {
      config: plane('spiral', layers(2, 16, 'relu'), { optimizer: 'adam', learningRate: 0.01, initializer: 'he' }),
      epochs: 600,
    },
    'spiral-tanh': {
      config: plane('spiral', layers(2, 16, 'tanh'), { optimizer: 'adam', learningRate: 0.01, initializer: 'glorot' }),
      epochs: 600,
    },
    'relu-hinges': {
      config: {
        ...sine,
        data: { ...sine.data, dataset: 'sine', size: 200, trainRatio: 0.7 },
        network: { hidden: [{ size: 8, activation: 'relu' }], outputActivation: 'identity' },
        training: { ...sine.training, optimizer: 'adam', learningRate: 0.02, initializer: 'he' },
        seed: 3,
      },
      epochs: 800,
      view: { showEachNeuron: true },
    },
    'vanishing-sigmoid': {
      config: plane('circle', layers(6, 6, 'sigmoid')),
      epochs: 100,
      view: { gradientFlowOpen: true },
    },
    iris: { config: irisConfig([{ size: 8, activation: 'tanh' }]), epochs: 150 },
    digits: {
      config: (() => {
        const config = digitsConfig([{ size: 16, activation: 'relu' }]);
        return { ...config, training: { ...config.training, optimizer: 'sgd', learningRate: 0.05 } };
      })(),
      epochs: 4,
    },
  };
}

const round = (v: number): number => (v === 0 ? 0 : Number(v.toPrecision(4)));

/** Keeps about `count` points, evenly spread, always the first and the last. */
function thin(history: HistoryPoint[], count: number): HistoryPoint[] {
  if (history.length <= count) return history;
  const out: HistoryPoint[] = [];
  for (let i = 0; i < count; i++) out.push(history[Math.round((i * (history.length - 1)) / (count - 1))]);
  return out;
}

function roundedPoint(point: HistoryPoint): HistoryPoint {
  const r = (v: number | null) => (v === null ? null : round(v));
  return {
    epoch: point.epoch,
    trainLoss: round(point.trainLoss),
    testLoss: round(point.testLoss),
    trainAccuracy: r(point.trainAccuracy),
    testAccuracy: r(point.testAccuracy),
  };
}

function build(id: ExampleId, recipe: Recipe): { text: string; last: HistoryPoint } {
  const model: Model = createModel(recipe.config, { gradientFlow: false });
  if (recipe.params) model.params.set(recipe.params);
  const history: HistoryPoint[] = [measure(model, 0).point];
  for (let epoch = 1; epoch <= recipe.epochs; epoch++) {
    trainEpoch(model);
    history.push(measure(model, epoch).point);
  }
  // Round the weights (and moments) for a small file, and measure what the file really holds.
  for (let i = 0; i < model.params.length; i++) model.params[i] = round(model.params[i]);
  const state: EngineState = stateOf(model, recipe.epochs);
  state.optimizer = state.optimizer.map((moment) => moment.map(round));
  const last = measure(model, recipe.epochs).point;
  history[history.length - 1] = last;
  const info = EXAMPLES.find((e) => e.id === id);
  if (!info) throw new Error(`${id} is not in the catalogue`);
  const project = createProject({
    name: info.title,
    config: recipe.config,
    // A network that was never trained opens at epoch 0 from its own weights all the same.
    state,
    history: recipe.epochs === 0 ? [] : thin(history, recipe.historyPoints ?? 100).map(roundedPoint),
    view: { ...defaultView(), ...recipe.view },
    savedAt: SAVED_AT,
  });
  const checked = checkProject(project);
  if (!checked.ok) throw new Error(`${id}: ${checked.message}`);
  return { text: serializeProject(checked.project), last };
}

const digitsFile = resolve(root, 'renderer/lab/digits/assets/digits.bin');
if (!existsSync(digitsFile)) throw new Error('The digit images are missing: run node scripts/build-digits.mjs first.');
registerTable(digitsTable(decodeDigits(new Uint8Array(readFileSync(digitsFile)))));

mkdirSync(output, { recursive: true });
const only = process.argv[3];
for (const [id, recipe] of Object.entries(recipes()) as [ExampleId, Recipe][]) {
  if (only && only !== id) continue;
  const started = Date.now();
  const { text, last } = build(id, recipe);
  const file = resolve(output, `${id}.actlab`);
  writeFileSync(file, text);
  const accuracy =
    last.testAccuracy === null ? `test loss ${last.testLoss.toFixed(4)}` : `test accuracy ${(last.testAccuracy * 100).toFixed(1)} %`;
  console.log(`${id}: ${accuracy}, ${(text.length / 1024).toFixed(1)} KB, ${Date.now() - started} ms`);
}
