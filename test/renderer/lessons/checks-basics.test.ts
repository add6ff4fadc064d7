import { describe, expect, it } from 'vitest';
import { checkDigitPicture, checkGreyTwin, inputCount, lesson as lesson1 } from '../../../renderer/lessons/01-what-a-network-does/lesson';
import { checkHingesFit, checkProbeAtMinusThree, checkThresholdTwo, reluFormula } from '../../../renderer/lessons/03-relu/lesson';
import { lessonById } from '../../../renderer/lessons/index';
import { judgePrediction } from '../../../renderer/lessons/predict';
import { runCheck, type CurveState, type InputCountState, type ProbeState } from '../../../renderer/lessons/types';
import { curveNetwork } from '../../../renderer/lessons/widgets/curve-lesson';

const probe = (change: Partial<ProbeState>): ProbeState => ({ activation: 'relu', w: 1, b: 0, x: 0, answer: null, ...change });

describe('lesson 1: counting inputs', () => {
  const picture = (width: number, height: number, channels: number): InputCountState => ({ width, height, channels, answer: null });
  const photo = lesson1.steps[0];
  const digits = lesson1.steps[1];

  it('counts width × height × channels', () => {
    expect(inputCount(picture(100, 100, 3))).toBe(30_000);
  });
  it('asks for the photo’s count as a prediction, and the widget does not show it before', () => {
    expect(photo.predict).toMatchObject({ kind: 'number', answer: 30_000, tolerance: 0 });
    expect(photo.widget === 'inputCount' && photo.preset.question).toBeNull();
    expect(judgePrediction(photo.predict!, 30_000)?.correct).toBe(true);
    expect(judgePrediction(photo.predict!, 10_000)?.correct).toBe(false);
    expect(digits.predict).toMatchObject({ kind: 'number', answer: 784, tolerance: 0 });
    expect(judgePrediction(digits.predict!, 2352)?.correct).toBe(false);
  });
  it('accepts every greyscale picture with 30,000 inputs, whatever its shape', () => {
    for (const [w, h] of [
      [300, 100],
      [100, 300],
      [200, 150],
      [150, 200],
      [250, 120],
      [1000, 30],
    ]) {
      expect(checkGreyTwin(picture(w, h, 1))).toBe(true);
    }
  });
  it('refuses the colour photo itself, other counts, and 30,000 made with more than one channel', () => {
    expect(checkGreyTwin(picture(100, 100, 3))).toBe(false);
    expect(checkGreyTwin(picture(100, 100, 1))).toBe(false);
    expect(checkGreyTwin(picture(173, 173, 1))).toBe(false);
    expect(checkGreyTwin(picture(100, 75, 4))).toBe(false);
  });
  it('passes only after a prediction is committed, right or wrong', () => {
    const twin = picture(300, 100, 1);
    expect(runCheck(photo, twin, null)).toBe(false);
    expect(runCheck(photo, twin, { value: 10_000, correct: false })).toBe(true);
    expect(runCheck(photo, twin, { value: 30_000, correct: true })).toBe(true);
    expect(runCheck(photo, picture(100, 100, 3), { value: 30_000, correct: true })).toBe(false);
  });
  it('wants the controls on a 28 × 28 grey picture', () => {
    expect(checkDigitPicture(picture(28, 28, 1))).toBe(true);
    expect(checkDigitPicture(picture(28, 28, 3))).toBe(false);
    expect(checkDigitPicture(picture(28, 27, 1))).toBe(false);
    expect(checkDigitPicture(picture(100, 100, 3))).toBe(false);
    expect(runCheck(digits, picture(28, 28, 1), null)).toBe(false);
    expect(runCheck(digits, picture(28, 28, 1), { value: 2352, correct: false })).toBe(true);
  });
});

describe('lesson 3: ReLU', () => {
  it('asks ReLU(−3) as a prediction (0 is right, −3 is not), then wants the probe at −3 to see it', () => {
    const negative = lessonById('03-relu')!.steps[0];
    expect(judgePrediction(negative.predict!, 0)?.correct).toBe(true);
    expect(judgePrediction(negative.predict!, -3)?.correct).toBe(false);
    expect(judgePrediction(negative.predict!, 3)?.correct).toBe(false);
    expect(checkProbeAtMinusThree(probe({ x: -3 }))).toBe(true);
    expect(checkProbeAtMinusThree(probe({ x: -2.98 }))).toBe(true);
    expect(checkProbeAtMinusThree(probe({ x: 1.5 }))).toBe(false);
    expect(checkProbeAtMinusThree(probe({ x: 3 }))).toBe(false);
    expect(runCheck(negative, probe({ x: -3 }), null)).toBe(false);
    expect(runCheck(negative, probe({ x: -3 }), { value: -3, correct: false })).toBe(true);
  });
  it('threshold at 2: bias −2 with weight 1, or any scaling of it', () => {
    expect(checkThresholdTwo(probe({ w: 1, b: -2 }))).toBe(true);
    expect(checkThresholdTwo(probe({ w: 2, b: -4 }))).toBe(true);
    expect(checkThresholdTwo(probe({ w: 1, b: 2 }))).toBe(false);
    expect(checkThresholdTwo(probe({ w: -1, b: 2 }))).toBe(false);
    expect(checkThresholdTwo(probe({ w: 1, b: -1.5 }))).toBe(false);
  });
  it('shows the worked formula', () => {
    expect(reluFormula(probe({ w: 1, b: -2, x: 3 }))).toContain('= 1.00');
  });
});

describe('lesson 3, many hinges make a curve', () => {
  const fitted: CurveState = {
    dataset: 'absolute',
    activation: 'relu',
    width: 4,
    showEachNeuron: true,
    epoch: 300,
    trainLoss: 0.004,
    testLoss: 0.005,
    ownPoints: 0,
    config: curveNetwork('absolute', 'relu', 4),
    params: null,
  };
  it('passes once a ReLU network has fitted the curve with each neuron shown', () => {
    expect(checkHingesFit(fitted)).toBe(true);
  });
  it('fails before training, above the loss, with the neurons hidden, or before any loss is measured', () => {
    expect(checkHingesFit({ ...fitted, epoch: 0 })).toBe(false);
    expect(checkHingesFit({ ...fitted, trainLoss: 0.02 })).toBe(false);
    expect(checkHingesFit({ ...fitted, showEachNeuron: false })).toBe(false);
    expect(checkHingesFit({ ...fitted, trainLoss: Number.NaN })).toBe(false);
  });
});
