import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ActivationName } from '../../../core/config';
import { forwardPoints, networkShape } from '../../../core/engine';
import {
  BEND_PREDICTION,
  BENDS,
  bentNotYet,
  BENT,
  checkBent,
  checkFolded,
  checkStraight,
  FOLDS,
  foldConfig,
  foldedNotYet,
  lesson,
  STRAIGHT,
  STRAIGHT_PREDICTION,
} from '../../../renderer/lessons/08-folding-space/lesson';
import { layerSpaceBox, layerSpaceInputs, LINES, SAMPLES } from '../../../renderer/lab/layer-space';
import { XOR_POINTS } from '../../../renderer/lessons/07-xor/lesson';
import { closeUpBox, largestCorner, sharpestBend } from '../../../renderer/lessons/widgets/fold-bend';
import { judgePrediction } from '../../../renderer/lessons/predict';
import { splitSteps } from '../../../renderer/lessons/markdown';
import { runCheck } from '../../../renderer/lessons/types';
import { clipToBox, LINE_REACH, lineToShow, offViewDirection } from '../../../renderer/lessons/widgets/fold-line';
import { XOR_CORNERS } from '../../../renderer/lessons/math';
import { CLOSE_UP, FOLD_SAMPLES, type FoldSpaceState } from '../../../renderer/lessons/widgets/fold-space';
import { trainedSession } from './instrument-helpers';

/** The step whose preset offers `activation` (tanh: step 3, with its weight decay; ReLU: step 2). */
function stepConfig(activation: ActivationName) {
  const step = lesson.steps.find(
    (st) => st.widget === 'foldSpace' && st.preset.activationChoices.includes(activation) && (activation !== 'relu' || st.id === 'fold'),
  );
  if (step?.widget !== 'foldSpace') throw new Error(`no folding-space step offers ${activation}`);
  return step.preset.config;
}

/** Trains the lesson's network with `activation` for `epochs` and reports what the widget would, plus the weights. */
function trained(activation: ActivationName, epochs: number) {
  const config = structuredClone(stepConfig(activation));
  config.network.hidden = config.network.hidden.map((h) => ({ ...h, activation }));
  const run = trainedSession(config);
  run.train(epochs);
  const snap = run.session.snapshot();
  const state: FoldSpaceState = { activation, epoch: snap.epoch, trainAccuracy: snap.metrics.trainAccuracy };
  return { state, config, params: snap.params };
}

/** The four corners in layer space, and whether the output neuron's line splits them by class. */
function cornersInLayerSpace(config: typeof foldConfig, params: Float64Array) {
  const xy = new Float64Array(XOR_CORNERS.flatMap((p) => [p.x1, p.x2]));
  const hidden = forwardPoints(config, params, xy)[0];
  const shape = networkShape(config);
  const side = XOR_CORNERS.map((_, i) => {
    const z =
      params[shape.weightIndex(1, 0, 0)] * hidden[2 * i] +
      params[shape.weightIndex(1, 0, 1)] * hidden[2 * i + 1] +
      params[shape.biasIndex(1, 0)];
    return z > 0 ? 1 : 0;
  });
  return { hidden, separated: side.every((s, i) => s === XOR_CORNERS[i].label) };
}

/**
 * Layer space as the widget draws it: the grid lines, `samples` points each, carried through the
 * network, and how many layer-space units one pixel of the 300-pixel picture is.
 */
function drawnGrid(config: typeof foldConfig, params: Float64Array, samples = FOLD_SAMPLES) {
  const inputs = layerSpaceInputs(XOR_POINTS, -0.5, 1.5, samples);
  const hidden = forwardPoints(config, params, inputs.xy)[0];
  const box = layerSpaceBox(hidden, 2, 0, 1, inputs.xy.length / 2)!;
  return { hidden, samples, pixel: (box.maxX - box.minX) / 300 };
}

/** The most any grid line turns within 12 pixels of its length, in degrees: a crease turns 90° there, a round bend far less. */
function sharpestTurn(grid: ReturnType<typeof drawnGrid>): number {
  return sharpestBend(grid.hidden, 2, grid.samples, 12 * grid.pixel, grid.pixel / 3)?.turn ?? 0;
}

/** The most a drawn grid line turns from one piece to the next, in degrees: a corner the eye sees. */
function corner(grid: ReturnType<typeof drawnGrid>): number {
  return largestCorner(grid.hidden, 2, grid.samples, grid.pixel / 3);
}

/** How far from flat a linear hidden layer's 2×2 matrix is: its larger stretch over its smaller. */
function stretchRatio(config: typeof foldConfig, params: Float64Array): number {
  const shape = networkShape(config);
  const [a, b, c, d] = [0, 1].flatMap((i) => [0, 1].map((j) => params[shape.weightIndex(0, i, j)]));
  const sum = a * a + b * b + c * c + d * d;
  const det = Math.abs(a * d - b * c);
  const root = Math.sqrt(Math.max(0, (sum * sum) / 4 - det * det));
  return Math.sqrt((sum / 2 + root) / Math.max(1e-12, sum / 2 - root));
}

describe('lesson 8: folding space', () => {
  it('a linear layer keeps layer space a plane, not a line: the matrix never comes near flat', () => {
    const config = structuredClone(foldConfig);
    const run = trainedSession(config);
    const ratios: number[] = [];
    for (const epochs of [0, 50, 100, 200, 400]) {
      run.train(epochs - run.session.snapshot().epoch);
      ratios.push(stretchRatio(config, run.session.snapshot().params));
    }
    console.log(
      `lesson 8 linear layer, larger stretch over smaller at 0, 50, 100, 200, 400 epochs: ${ratios.map((r) => r.toFixed(1)).join(', ')}`,
    );
    for (const r of ratios) expect(r).toBeLessThan(6);
  });
  it('the picture agrees with the answers: ReLU folds at one point, tanh turns a little at a time round a curve', () => {
    const relu = trained('relu', 100);
    const tanh = trained('tanh', 1000);
    const creased = drawnGrid(relu.config, relu.params);
    const bent = drawnGrid(tanh.config, tanh.params);
    const coarse = drawnGrid(tanh.config, tanh.params, SAMPLES);
    console.log(
      `lesson 8 layer space, sharpest turn within 12 px: ReLU ${sharpestTurn(creased).toFixed(0)}°, tanh after 1,000 epochs ${sharpestTurn(bent).toFixed(0)}°; ` +
        `largest corner between drawn pieces: ReLU ${corner(creased).toFixed(0)}°, tanh ${corner(bent).toFixed(1)}° (${corner(coarse).toFixed(0)}° at the Lab's ${SAMPLES} points a line)`,
    );
    // ReLU turns the whole way at one point, however finely the line is drawn.
    expect(corner(creased)).toBeGreaterThan(45);
    expect(sharpestTurn(creased)).toBeGreaterThan(45);
    // Tanh turns as far in all (the grid still bends from one arm to the other) but spread over
    // many pieces, none turning more than a few degrees from the last: a curve, not a corner.
    expect(sharpestBend(bent.hidden, 2, bent.samples, 300 * bent.pixel)!.turn).toBeGreaterThan(80);
    expect(sharpestTurn(bent)).toBeLessThan(30);
    expect(corner(bent)).toBeLessThan(5);
    // At the Lab's 32 points a line, tanh's bend was drawn as a few pieces meeting at corners.
    expect(corner(coarse)).toBeGreaterThan(10);
    expect(checkBent(tanh.state)).toBe(true);
  });

  it('the close-up sits on the sharpest bend: the orange corners, between the two blue arms', () => {
    for (const [activation, epochs] of [
      ['relu', 100],
      ['tanh', 1000],
    ] as const) {
      const { config, params } = trained(activation, epochs);
      const grid = drawnGrid(config, params);
      const side = (300 / CLOSE_UP) * grid.pixel;
      const bend = sharpestBend(grid.hidden, 2, grid.samples, side / 2)!;
      const close = closeUpBox(grid.hidden, 2, LINES * 2 * grid.samples, bend, side);
      const { hidden } = cornersInLayerSpace(config, params);
      // XOR_CORNERS: (0,0) and (1,1) are orange (label 0), in the close-up; the blue ones are not.
      XOR_CORNERS.forEach((c, i) => {
        const [x, y] = [hidden[2 * i], hidden[2 * i + 1]];
        const inside = x >= close.minX && x <= close.maxX && y >= close.minY && y <= close.maxY;
        expect(inside, `${activation}: corner (${c.x1}, ${c.x2})`).toBe(c.label === 0);
      });
    }
  });

  it('measured: a linear hidden layer stays below 100 % after 400 epochs; ReLU reaches 100 % within 50, tanh within 200', () => {
    const linear = trained('identity', 400);
    const relu = trained('relu', 50);
    const tanh = trained('tanh', 200);
    console.log(
      `training points right: linear ${linear.state.trainAccuracy} after 400 epochs, ReLU ${relu.state.trainAccuracy} after 50, tanh ${tanh.state.trainAccuracy} after 200`,
    );
    expect(checkStraight(linear.state)).toBe(true);
    expect(checkFolded(relu.state)).toBe(true);
    expect(checkBent(tanh.state)).toBe(true);
    // In layer space, the output neuron's straight line splits the corners for ReLU and tanh, never for the linear layer.
    expect(cornersInLayerSpace(relu.config, relu.params).separated).toBe(true);
    expect(cornersInLayerSpace(tanh.config, tanh.params).separated).toBe(true);
    expect(cornersInLayerSpace(linear.config, linear.params).separated).toBe(false);
  });
  it('a linear layer keeps the four corners a parallelogram: the two diagonals still share their midpoint', () => {
    const { config, params } = trained('identity', 100);
    const { hidden } = cornersInLayerSpace(config, params);
    // Corners in order (0,0), (0,1), (1,0), (1,1): an affine map keeps (h00 + h11)/2 = (h01 + h10)/2.
    for (const k of [0, 1]) expect((hidden[k] + hidden[6 + k]) / 2).toBeCloseTo((hidden[2 + k] + hidden[4 + k]) / 2, 9);
  });
  it('step checks: the activation and the watching count, and the page asks the prediction first', () => {
    const base: FoldSpaceState = { activation: 'identity', epoch: 100, trainAccuracy: 0.56 };
    expect(checkStraight(base)).toBe(true);
    expect(checkStraight({ ...base, epoch: 20 })).toBe(false);
    expect(checkStraight({ ...base, activation: 'relu' })).toBe(false);
    expect(checkFolded({ ...base, activation: 'relu', trainAccuracy: 1 })).toBe(true);
    expect(checkFolded({ ...base, activation: 'relu', trainAccuracy: 0.81 })).toBe(false);
    expect(checkFolded({ ...base, activation: 'tanh', trainAccuracy: 1 })).toBe(false);
    expect(checkBent({ activation: 'tanh', epoch: 150, trainAccuracy: 1 })).toBe(true);
    expect(checkBent({ activation: 'tanh', epoch: 150, trainAccuracy: 0.75 })).toBe(false);
    expect(checkBent({ activation: 'relu', epoch: 150, trainAccuracy: 1 })).toBe(false);
  });
  it('steps 1 and 3 are predict-first through the shared panel: no pass before a prediction, and a wrong one is corrected, not refused', () => {
    const [straight, , bend] = lesson.steps;
    expect(straight.predict).toBe(STRAIGHT_PREDICTION);
    expect(bend.predict).toBe(BEND_PREDICTION);
    expect(STRAIGHT_PREDICTION.answers).toEqual([STRAIGHT]);
    expect(BEND_PREDICTION.answers).toEqual([BENDS]);
    const watched: FoldSpaceState = { activation: 'identity', epoch: 60, trainAccuracy: 0.47 };
    expect(runCheck(straight, watched, null)).toBe(false);
    expect(runCheck(straight, watched, judgePrediction(STRAIGHT_PREDICTION, STRAIGHT))).toBe(true);
    expect(judgePrediction(STRAIGHT_PREDICTION, BENT)?.correct).toBe(false);
    expect(runCheck(straight, watched, judgePrediction(STRAIGHT_PREDICTION, BENT))).toBe(true);
    // The learner's own run is still needed after the prediction.
    expect(runCheck(straight, { ...watched, epoch: 0 }, judgePrediction(STRAIGHT_PREDICTION, STRAIGHT))).toBe(false);
    const tanh: FoldSpaceState = { activation: 'tanh', epoch: 200, trainAccuracy: 1 };
    expect(runCheck(bend, tanh, null)).toBe(false);
    expect(runCheck(bend, tanh, judgePrediction(BEND_PREDICTION, FOLDS))).toBe(true);
    expect(runCheck(bend, { ...tanh, activation: 'relu' }, judgePrediction(BEND_PREDICTION, BENDS))).toBe(false);
  });
});

describe('lesson 8: the output neuron’s line stays in sight', () => {
  /** Layer space as the widget frames it after `epochs` of training: the grid's box, the view's box and the line. */
  function framed(activation: ActivationName, epochs: number) {
    const { config, params } = trained(activation, epochs);
    const inputs = layerSpaceInputs([], -0.5, 1.5);
    const hidden = forwardPoints(config, params, inputs.xy)[0];
    const count = inputs.xy.length / 2;
    const shape = networkShape(config);
    const line = { w1: params[shape.weightIndex(1, 0, 0)], w2: params[shape.weightIndex(1, 0, 1)], b: params[shape.biasIndex(1, 0)] };
    const grid = layerSpaceBox(hidden, 2, 0, 1, count)!;
    const view = layerSpaceBox(hidden, 2, 0, 1, count, lineToShow(line, grid))!;
    return { grid, view, line };
  }

  it('the linear layer’s line leaves the grid’s own frame within 20 epochs, the old cause of it vanishing', () => {
    const { grid, line } = framed('identity', 20);
    expect(clipToBox(line, grid)).toBeNull();
  });

  it('the view widens to keep the line drawn, or an arrow points to it, at every epoch a learner may stop', () => {
    const drawn: string[] = [];
    for (const [activation, epochs] of [
      ['identity', 0],
      ['identity', 16],
      ['identity', 30],
      ['identity', 50],
      ['identity', 100],
      ['identity', 400],
      ['relu', 100],
      ['tanh', 200],
    ] as const) {
      const { grid, view, line } = framed(activation, epochs);
      const segment = clipToBox(line, view);
      const half = (grid.maxX - grid.minX) / 2;
      const centre = [(grid.minX + grid.maxX) / 2, (grid.minY + grid.maxY) / 2];
      const distance = Math.abs(line.w1 * centre[0] + line.w2 * centre[1] + line.b) / Math.hypot(line.w1, line.w2);
      drawn.push(`${activation} ${epochs}: ${segment ? 'line' : 'arrow'} at ${(distance / half).toFixed(1)} half-widths`);
      if (distance <= LINE_REACH * half) {
        expect(segment, `${activation} after ${epochs} epochs`).not.toBeNull();
        // The piece drawn lies inside the view, so the canvas never gets coordinates far off it.
        const [x1, y1, x2, y2] = segment!;
        for (const x of [x1, x2]) expect(x).toBeGreaterThanOrEqual(view.minX - 1e-9);
        for (const x of [x1, x2]) expect(x).toBeLessThanOrEqual(view.maxX + 1e-9);
        for (const y of [y1, y2]) expect(y).toBeGreaterThanOrEqual(view.minY - 1e-9);
        for (const y of [y1, y2]) expect(y).toBeLessThanOrEqual(view.maxY + 1e-9);
      } else {
        expect(offViewDirection(line, view), `${activation} after ${epochs} epochs`).not.toBeNull();
      }
    }
    console.log(`lesson 8, the output neuron's line: ${drawn.join('; ')}`);
    // ReLU and tanh solve XOR: their line runs through the grid itself.
    expect(drawn.filter((d) => d.startsWith('relu') || d.startsWith('tanh')).every((d) => d.includes(': line'))).toBe(true);
  });

  it('clips a line to the box and says which way an off-box line lies', () => {
    const box = { minX: 0, maxX: 1, minY: 0, maxY: 1 };
    expect(clipToBox({ w1: 1, w2: 1, b: -1 }, box)?.map((v) => v + 0)).toEqual([0, 1, 1, 0]);
    expect(clipToBox({ w1: 0, w2: 1, b: -0.5 }, box)).toEqual([0, 0.5, 1, 0.5]);
    expect(clipToBox({ w1: 0, w2: 1, b: -3 }, box)).toBeNull();
    expect(offViewDirection({ w1: 0, w2: 1, b: -3 }, box)).toEqual([0, 1]);
    expect(offViewDirection({ w1: 0, w2: 0, b: 1 }, box)).toBeNull();
  });
});

describe('lesson 8, the tanh step before its prediction', () => {
  const bend = lesson.steps.findIndex((st) => st.predict === BEND_PREDICTION);
  const md = splitSteps(
    readFileSync(fileURLToPath(new URL('../../../renderer/lessons/08-folding-space/lesson.md', import.meta.url)), 'utf8'),
  )[bend];

  it('does not say what tanh does to the grid before the learner commits', () => {
    // The step's title and text are read before "Predict first": neither may answer it.
    expect(lesson.steps[bend].title).not.toMatch(/bend|curve|smooth/i);
    expect(md).not.toMatch(/no corner|round a curve|curve gently|smooth|^## .*bend/im);
    // What the text held back is said once the prediction is in.
    expect(BEND_PREDICTION.explanation).toMatch(/no corner/);
    expect(BEND_PREDICTION.explanation).toMatch(/however closely you look/);
  });
});

describe('lesson 8: the folding steps say what is missing instead of a bare "Not quite yet"', () => {
  const state = (activation: ActivationName, epoch: number, trainAccuracy: number | null): FoldSpaceState => ({
    activation,
    epoch,
    trainAccuracy,
  });

  it('asks for the step’s activation first, then for Train, then for more training', () => {
    expect(bentNotYet(state('relu', 240, 1))).toBe('Not quite yet: choose Tanh as the hidden activation, then train.');
    expect(foldedNotYet(state('identity', 60, 0.47))).toMatch(/choose ReLU/);
    expect(bentNotYet(state('tanh', 0, null))).toBe('Not quite yet: press Train.');
    expect(bentNotYet(state('tanh', 100, 0.69))).toMatch(/^Not quite yet: 69 % of the training points are right\. Keep training/);
    expect(bentNotYet(state('tanh', 150, 1))).toBeNull();
    expect(lesson.steps.find((st) => st.id === 'bend')?.notYet).toBe(bentNotYet);
    expect(lesson.steps.find((st) => st.id === 'fold')?.notYet).toBe(foldedNotYet);
  });
});
