/**
 * Lesson 14's race: the preset raced for real under Node (the engine every worker runs), the
 * winner the prediction names, and the check on finished, unfinished and unpredicted races.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ActivationName } from '../../../core/config';
import { createSession } from '../../../core/session';
import { checkRace, checkSpiral, lesson, OVERFIT_EPOCHS, RACE, regularizedNotYet } from '../../../renderer/lessons/14-training/lesson';
import { trainerState } from './helpers';
import { judgePrediction, measureRun, predictionOutcome, settlePrediction, type Prediction } from '../../../renderer/lessons/predict';
import { createGridEvaluator } from '../../../core/engine';
import {
  leaders,
  raceMeasured,
  raceOver,
  racePresetProblems,
  racerConfig,
  racerDone,
  type Racer,
  type RaceState,
} from '../../../renderer/lessons/race/race';

/** One racer trained as its lane would: until it reaches the target, uses its epochs, or `stopAt`. */
function race(activation: ActivationName, stopAt = RACE.maxEpochs): Racer {
  const session = createSession({ fastPath: true });
  session.handle({ type: 'configure', id: 1, config: racerConfig(RACE.config, activation) });
  const racer: Racer = { activation, epochs: 0, testAccuracy: null, reachedAt: null };
  while (!racerDone(racer, RACE.maxEpochs) && racer.epochs < stopAt) {
    session.train(1, () => 0, Number.POSITIVE_INFINITY);
    const { epoch, metrics } = session.snapshot();
    racer.epochs = epoch;
    racer.testAccuracy = metrics.testAccuracy;
    if (metrics.testAccuracy !== null && metrics.testAccuracy >= RACE.target) racer.reachedAt = epoch;
  }
  return racer;
}

const stateOf = (racers: Racer[]): RaceState => ({
  racers,
  target: RACE.target,
  maxEpochs: RACE.maxEpochs,
  config: RACE.config,
  params: null,
  epoch: Math.max(...racers.map((r) => r.epochs)),
});

const step = lesson.steps[0];
const right: Prediction = { value: 'Tanh', correct: true };
const wrong: Prediction = { value: 'ReLU', correct: false };

describe('lesson 14, step 1: the race', () => {
  const finished = RACE.activations.map((a) => race(a));

  it('is a race step with a sound preset and a prediction asked first', () => {
    expect(step.id).toBe('race');
    expect(step.widget).toBe('race');
    expect(racePresetProblems(RACE)).toEqual([]);
    expect(step.predict?.kind).toBe('choice');
  });

  it('tanh wins as the prediction says, ReLU is close, the sigmoid is slow and the linear network drops out', () => {
    const at = Object.fromEntries(finished.map((r) => [r.activation, r.reachedAt]));
    expect(leaders(finished)).toEqual(['tanh']);
    if (step.predict?.kind !== 'choice') throw new Error('the race asks a choice');
    expect(step.predict.answers).toEqual(['Tanh']);
    expect(at.tanh).toBeLessThan(at.relu as number);
    expect(at.relu).toBeLessThan(150);
    expect(at.sigmoid).toBeGreaterThan(500);
    expect(at.identity).toBeNull();
    expect(finished.find((r) => r.activation === 'identity')?.epochs).toBe(RACE.maxEpochs);
  });

  it('passes once every racer finished or dropped out, whichever winner was predicted', () => {
    expect(raceOver(finished, RACE.maxEpochs)).toBe(true);
    expect(checkRace(stateOf(finished), right)).toBe(true);
    expect(checkRace(stateOf(finished), wrong)).toBe(true);
  });

  it('fails without a committed prediction, while a racer is still racing, or with a single racer', () => {
    expect(checkRace(stateOf(finished), null)).toBe(false);
    expect(checkRace(stateOf(finished))).toBe(false);
    // Stopped as a learner would after the leaders finish: the sigmoid and the linear network are still out there.
    const early = RACE.activations.map((a) => race(a, 200));
    expect(early.filter((r) => r.reachedAt !== null).map((r) => r.activation)).toEqual(['relu', 'tanh']);
    expect(checkRace(stateOf(early), right)).toBe(false);
    expect(checkRace(stateOf([]), right)).toBe(false);
    expect(checkRace(stateOf(finished.filter((r) => r.activation === 'tanh')), right)).toBe(false);
  });

  it('counts a tie as every racer in front, and no one before anyone finishes', () => {
    const r = (activation: ActivationName, reachedAt: number | null): Racer => ({ activation, epochs: 90, testAccuracy: 0.9, reachedAt });
    expect(leaders([r('relu', 40), r('tanh', 40), r('sigmoid', null)])).toEqual(['relu', 'tanh']);
    expect(leaders([r('relu', null), r('tanh', null)])).toEqual([]);
  });

  it("does not give the winner away on commit: the learner's own race measures the answer, the same way lessons 10 and 11 do", () => {
    const spec = step.predict!;
    const said = predictionOutcome(spec, judgePrediction(spec, 'Sigmoid')!);
    expect(said.lead).toBe('Locked in:');
    expect(said.explain).toBe(false);
    expect(`${said.text} ${spec.judgedByRun?.findOut}`).not.toMatch(/Tanh|ReLU|Linear|epoch \d/i);
    // Nothing is measured until the race is over; then the race's table says who was first.
    const early = RACE.activations.map((a) => race(a, 100));
    expect(measureRun(spec, stateOf(early))).toBeNull();
    const measured = measureRun(spec, stateOf(finished));
    expect(measured).toEqual(['Tanh']);
    expect(settlePrediction(spec, judgePrediction(spec, 'Tanh')!, measured!)).toEqual({ value: 'Tanh', correct: true, measured: ['Tanh'] });
    const otherwise = settlePrediction(spec, judgePrediction(spec, 'Sigmoid')!, measured!);
    expect(otherwise.correct).toBe(false);
    expect(predictionOutcome(spec, otherwise).text).toBe('you predicted Sigmoid; your run measured Tanh.');
  });

  it('measures a tie as every racer in front, and no racer when none reached the target', () => {
    const r = (activation: ActivationName, reachedAt: number | null): Racer => ({
      activation,
      epochs: reachedAt ?? RACE.maxEpochs,
      testAccuracy: 0.9,
      reachedAt,
    });
    expect(raceMeasured(stateOf([r('relu', 40), r('tanh', 40), r('sigmoid', null)]))).toEqual(['ReLU', 'Tanh']);
    expect(raceMeasured(stateOf([r('relu', null), r('tanh', null)]))).toEqual([]);
    expect(raceMeasured(stateOf([r('relu', 40), { ...r('tanh', null), epochs: 50 }]))).toBeNull();
  });

  it('finds a preset it cannot race', () => {
    expect(racePresetProblems({ ...RACE, activations: ['relu'] })).toHaveLength(1);
    expect(racePresetProblems({ ...RACE, activations: ['relu', 'relu'] })).toContain('a racer is listed twice');
    expect(racePresetProblems({ ...RACE, target: 90 })).toHaveLength(1);
  });
});

describe('lesson 14, step 2: the spiral, run after run', () => {
  const spiral = lesson.steps[1];
  if (spiral.widget !== 'trainer') throw new Error('step 2 is a trainer');
  const preset = spiral.preset;
  const withActivation = (activation: ActivationName) => {
    const config = structuredClone(preset.config);
    config.network.hidden.forEach((h) => (h.activation = activation));
    return config;
  };

  it('keeps a table of every run: the first epoch at 90 % and the best test accuracy, at a speed one can watch', () => {
    expect(preset.raceTarget).toBe(0.9);
    expect(preset.speed).toBe(60);
  });

  it('passes once any run reached 90 %, whichever activation is selected now', () => {
    // The learner's walk: tanh, ReLU and sine got there, then the linear network ended on 54 %.
    const linearNow = trainerState(preset, {
      config: withActivation('identity'),
      epoch: 900,
      testAccuracy: 0.54,
      race: { tanh: 1108, relu: 615, sin: 126 },
      bestAccuracy: { tanh: 0.93, relu: 0.99, sin: 0.99, identity: 0.55 },
    });
    expect(checkSpiral(linearNow)).toBe(true);
    expect(checkSpiral(trainerState(preset, { config: withActivation('relu'), testAccuracy: 0.6, race: { sin: 79 } }))).toBe(true);
  });

  it('fails while no run has reached 90 %', () => {
    expect(checkSpiral(trainerState(preset, { epoch: 600, testAccuracy: 0.8, bestAccuracy: { tanh: 0.85 } }))).toBe(false);
    expect(checkSpiral(trainerState(preset, { config: withActivation('identity'), epoch: 1500, testAccuracy: 0.55 }))).toBe(false);
  });
});

describe('lesson 14, step 4: what overfitting draws', () => {
  const overfit = lesson.steps[3];
  if (overfit.widget !== 'trainer') throw new Error('step 4 is a trainer');
  const config = overfit.preset.config;
  const texts = () =>
    readFileSync(new URL('../../../renderer/lessons/14-training/lesson.md', import.meta.url), 'utf8').split('<!-- step -->');
  /** Step 4 asks; step 5 opens with what the run showed, so the figures are read after the run. */
  const stepText = () => texts()[3];
  const recapText = () => texts()[4];

  it('runs at a speed one can watch and stops where the test loss stands clearly above its low, as the text says', () => {
    expect(overfit.preset.speed).toBe(60);
    expect(overfit.preset.epochBudget).toBe(OVERFIT_EPOCHS);
    expect(overfit.preset.logLoss).toBe(true);
    // The run the learner watches, epoch by epoch, with the preset seed.
    const session = createSession({ fastPath: true });
    session.handle({ type: 'configure', id: 1, config });
    const test: number[] = [session.snapshot().metrics.testLoss];
    const train: number[] = [session.snapshot().metrics.trainLoss];
    for (let e = 1; e <= OVERFIT_EPOCHS; e++) {
      session.train(1, () => 0, Number.POSITIVE_INFINITY);
      test.push(session.snapshot().metrics.testLoss);
      train.push(session.snapshot().metrics.trainLoss);
    }
    const low = Math.min(...test);
    const lowAt = test.indexOf(low);
    const end = test[OVERFIT_EPOCHS];
    console.log(
      `lesson 14 step 4: test loss lowest ${low.toFixed(3)} at epoch ${lowAt}; at epoch ${OVERFIT_EPOCHS} training ${train[OVERFIT_EPOCHS].toFixed(4)}, test ${end.toFixed(3)}, peak ${Math.max(...test.slice(lowAt)).toFixed(3)}`,
    );
    // The test loss bottoms out early, then climbs while the training loss keeps sinking.
    expect(Math.abs(lowAt - 50)).toBeLessThanOrEqual(5);
    expect(end).toBeGreaterThan(low + 0.03);
    // The budget stops near the top of the climb (trained on, the test loss drifts down only slowly).
    expect(end).toBeGreaterThan(Math.max(...test.slice(lowAt)) - 0.002);
    expect(train[OVERFIT_EPOCHS]).toBeLessThan(0.002);
    // The step asks without giving the figures away; the next step's recap gives those the run shows.
    expect(stepText()).toContain(`${OVERFIT_EPOCHS} epochs`);
    expect(stepText()).not.toMatch(/epoch 50|0\.\d\d|climbs|one test point in/);
    const text = recapText();
    expect(text).toContain('about epoch 50');
    expect(text).toContain(low.toFixed(2));
    expect(text).toContain(end.toFixed(2));
    expect(text).not.toMatch(/creeps up/);
  });

  it('fits every training point, misses test points, and stretches the inside into a diagonal band to two corners', () => {
    const session = createSession({ fastPath: true });
    session.handle({ type: 'configure', id: 1, config });
    session.train(200, () => 0, Number.POSITIVE_INFINITY);
    const { metrics, params } = session.snapshot();
    expect(metrics.trainAccuracy).toBe(1);
    expect(metrics.testAccuracy).toBeLessThan(0.9);
    const RES = 30;
    const out = createGridEvaluator(config, RES).evaluate(params).layers.at(-1)![0];
    const inside = (i: number): boolean => out[i] > 0;
    const corners = [0, RES - 1, RES * (RES - 1), RES * RES - 1].map(inside);
    // Opposite corners agree and the other two disagree with them: a band from corner to corner.
    expect(corners[0]).toBe(corners[3]);
    expect(corners[1]).toBe(corners[2]);
    expect(corners[0]).not.toBe(corners[1]);
    // And the recap after the run says what it shows, not islands it does not draw; the step itself only asks.
    const text = recapText();
    expect(text).toMatch(/diagonal band/);
    expect(stepText()).not.toMatch(/diagonal band/);
    expect(text).not.toMatch(/islands/);
  });
});

describe('lesson 14: every trainer starts at a speed one can watch', () => {
  it('starts the regularization step at 60 epochs a second: the gap is watched closing over its 200 epochs', () => {
    const regularize = lesson.steps[4];
    if (regularize.widget !== 'trainer') throw new Error('step 5 is a trainer');
    expect(regularize.id).toBe('regularize');
    expect(regularize.preset.speed).toBe(60);
  });

  it('starts no step at full speed (a preset without a speed would)', () => {
    const speeds = lesson.steps.map((s) => (s.widget === 'trainer' || s.widget === 'race' ? s.preset.speed : null));
    expect(speeds).toEqual([10, 60, 1, 60, 60]);
  });
});

describe('lesson 14, step 5: says what is missing instead of a bare "Not quite yet"', () => {
  const regularize = lesson.steps[4];
  if (regularize.widget !== 'trainer') throw new Error('step 5 is a trainer');
  const preset = regularize.preset;
  const withL2 = (rate: number) => {
    const config = structuredClone(preset.config);
    config.training.regularization = 'l2';
    config.training.regularizationRate = rate;
    return config;
  };

  it('asks for a penalty, then the epochs, then names the gap and the target', () => {
    expect(regularizedNotYet(trainerState(preset, { epoch: 300, trainLoss: 0.002, testLoss: 0.25 }))).toMatch(/choose a regularization/);
    expect(regularizedNotYet(trainerState(preset, { config: withL2(0.03), epoch: 120, trainLoss: 0.03, testLoss: 0.08 }))).toMatch(
      /120 epochs so far\. Train for at least 200/,
    );
    const open = regularizedNotYet(trainerState(preset, { config: withL2(0.01), epoch: 300, trainLoss: 0.01, testLoss: 0.19 }));
    expect(open).toMatch(/the test loss is 0\.18 above the training loss, and the check wants 0\.1 or less/);
    expect(regularizedNotYet(trainerState(preset, { config: withL2(0.03), epoch: 300, trainLoss: 0.024, testLoss: 0.077 }))).toBeNull();
  });
});
