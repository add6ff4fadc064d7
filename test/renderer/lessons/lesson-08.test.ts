import { describe, expect, it } from 'vitest';
import type { ActivationName } from '../../../core/config';
import { forwardPoints, networkShape } from '../../../core/engine';
import {
  BEND_PREDICTION,
  BENDS,
  BENT,
  checkBent,
  checkFolded,
  checkStraight,
  FOLDS,
  foldConfig,
  lesson,
  STRAIGHT,
  STRAIGHT_PREDICTION,
} from '../../../renderer/lessons/08-folding-space/lesson';
import { layerSpaceBox, layerSpaceInputs, LINES, SAMPLES } from '../../../renderer/lab/layer-space';
import { judgePrediction } from '../../../renderer/lessons/predict';
import { runCheck } from '../../../renderer/lessons/types';
import { clipToBox, LINE_REACH, lineToShow, offViewDirection } from '../../../renderer/lessons/widgets/fold-line';
import { XOR_CORNERS } from '../../../renderer/lessons/math';
import type { FoldSpaceState } from '../../../renderer/lessons/widgets/fold-space';
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
 * Layer space as the widget draws it (300 px, the grid's box fitted into a square): the most any
 * grid line turns within 12 pixels of its length, in degrees. A crease turns sharply (ReLU: 90°);
 * a smooth bend spreads its turn along the line.
 */
function sharpestBend(config: typeof foldConfig, params: Float64Array): number {
  const inputs = layerSpaceInputs([], -0.5, 1.5);
  const h = forwardPoints(config, params, inputs.xy)[0];
  const xs = Array.from({ length: h.length / 2 }, (_, p) => h[2 * p]);
  const ys = Array.from({ length: h.length / 2 }, (_, p) => h[2 * p + 1]);
  const span = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys)) * 1.1;
  const px = (v: number) => (v / span) * 300;
  let sharpest = 0;
  for (let line = 0; line < LINES * 2; line++) {
    const segments: { angle: number; length: number }[] = [];
    for (let k = 1; k < SAMPLES; k++) {
      const a = line * SAMPLES + k - 1;
      const dx = px(xs[a + 1]) - px(xs[a]);
      const dy = px(ys[a + 1]) - px(ys[a]);
      if (Math.hypot(dx, dy) >= 1) segments.push({ angle: Math.atan2(dy, dx), length: Math.hypot(dx, dy) });
    }
    for (let i = 0; i < segments.length; i++) {
      let along = 0;
      for (let j = i + 1; j < segments.length; j++) {
        along += segments[j - 1].length;
        if (along > 12) break;
        const turn = Math.abs(((segments[j].angle - segments[i].angle + 3 * Math.PI) % (2 * Math.PI)) - Math.PI);
        sharpest = Math.max(sharpest, (turn * 180) / Math.PI);
      }
    }
  }
  return sharpest;
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
  it('the picture agrees with the answers: ReLU folds along a sharp crease, tanh bends smoothly however long it trains', () => {
    const relu = trained('relu', 100);
    const tanh = trained('tanh', 1000);
    const creased = sharpestBend(relu.config, relu.params);
    const bent = sharpestBend(tanh.config, tanh.params);
    console.log(
      `lesson 8 layer space, sharpest turn within 12 px: ReLU ${creased.toFixed(0)}°, tanh after 1,000 epochs ${bent.toFixed(0)}°`,
    );
    expect(creased).toBeGreaterThan(45);
    expect(bent).toBeLessThan(20);
    expect(checkBent(tanh.state)).toBe(true);
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
