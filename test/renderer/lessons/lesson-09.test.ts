import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { splitSteps } from '../../../renderer/lessons/markdown';
import {
  BIGGER,
  bottomNotYet,
  checkBottom,
  checkFlat,
  checkOneExample,
  checkWay,
  FLAT_STEPS,
  flatNotYet,
  LEARNING_RATE,
  lesson,
  SAME,
  SMALLER,
  WAY_PREDICTION,
  WAY_START,
  wayFrom,
  wayNotYet,
} from '../../../renderer/lessons/09-one-step-downhill/lesson';
import { judgePrediction, predictionSatisfied } from '../../../renderer/lessons/predict';
import { runCheck, type OneExampleState } from '../../../renderer/lessons/types';
import {
  descend,
  lossAt,
  stepLength,
  stepsToTarget,
  SURFACE_MINIMUM,
  SURFACE_POINTS,
  type LossSurfacePreset,
  type LossSurfaceState,
} from '../../../renderer/lessons/widgets/loss-surface';

/** The state the widget reports after placing the start at `start` and taking `steps` steps. */
function walk(start: { w: number; b: number }, steps: number): LossSurfaceState {
  let at = start;
  let bottomAfter: number | null = lossAt(SURFACE_POINTS, at.w, at.b).loss < 0.001 ? 0 : null;
  for (let k = 0; k < steps; k++) {
    at = descend(SURFACE_POINTS, at.w, at.b, LEARNING_RATE);
    if (bottomAfter === null && lossAt(SURFACE_POINTS, at.w, at.b).loss < 0.001) bottomAfter = k + 1;
  }
  const g = lossAt(SURFACE_POINTS, at.w, at.b);
  return {
    ...at,
    ...g,
    steps,
    startLoss: lossAt(SURFACE_POINTS, start.w, start.b).loss,
    startStep: stepLength(SURFACE_POINTS, start.w, start.b, LEARNING_RATE),
    bottomAfter,
  };
}

describe('the loss surface maths', () => {
  it('has its minimum (loss 0) where the targets came from, and the gradient matches finite differences', () => {
    expect(lossAt(SURFACE_POINTS, SURFACE_MINIMUM.w, SURFACE_MINIMUM.b).loss).toBeLessThan(1e-20);
    for (const [w, b] of [
      [-2, 1],
      [0.3, -0.7],
      [3, 2],
    ]) {
      const g = lossAt(SURFACE_POINTS, w, b);
      const h = 1e-6;
      const dw = (lossAt(SURFACE_POINTS, w + h, b).loss - lossAt(SURFACE_POINTS, w - h, b).loss) / (2 * h);
      const db = (lossAt(SURFACE_POINTS, w, b + h).loss - lossAt(SURFACE_POINTS, w, b - h).loss) / (2 * h);
      expect(g.gradW).toBeCloseTo(dw, 8);
      expect(g.gradB).toBeCloseTo(db, 8);
    }
  });
  it('measured: 16 steps from the middle, about 270 from the flat corner (−4, 4) whose loss is five times higher', () => {
    const middle = stepsToTarget(SURFACE_POINTS, { w: 0, b: 0 }, LEARNING_RATE, 0.001);
    const corner = stepsToTarget(SURFACE_POINTS, { w: -4, b: 4 }, LEARNING_RATE, 0.001);
    const ratio = lossAt(SURFACE_POINTS, -4, 4).loss / lossAt(SURFACE_POINTS, 0, 0).loss;
    console.log(`steps to loss < 0.001 at learning rate 3: from (0, 0) ${middle}, from (−4, 4) ${corner}; loss ratio ${ratio.toFixed(1)}`);
    expect(middle).toBe(16);
    expect(corner).toBeGreaterThan(250);
    expect(corner).toBeLessThan(290);
    expect(ratio).toBeGreaterThan(4.5);
  });
});

describe('lesson 9, step 1: which way is downhill', () => {
  const first = lesson.steps[0];
  it('asks on the shared predict-first panel, whose answer is the way one step from the preset start moves w', () => {
    expect((first.preset as LossSurfacePreset).start).toEqual(WAY_START);
    expect(first.predict).toBe(WAY_PREDICTION);
    expect(wayFrom(WAY_START)).toBe(BIGGER);
    expect(WAY_PREDICTION.answers).toEqual([BIGGER]);
    expect(walk(WAY_START, 1).w).toBeGreaterThan(WAY_START.w);
    // The explanation's numbers are the surface's.
    expect(lossAt(SURFACE_POINTS, WAY_START.w, WAY_START.b).gradW.toFixed(3)).toBe('-0.044');
    expect(WAY_PREDICTION.explanation).toContain('−0.044');
  });
  it('the tester’s copied answer: no prediction, no pass, however many steps; a committed one passes only after a step', () => {
    const right = judgePrediction(WAY_PREDICTION, BIGGER);
    const wrong = judgePrediction(WAY_PREDICTION, SMALLER);
    expect(right?.correct).toBe(true);
    expect(wrong?.correct).toBe(false);
    expect(predictionSatisfied(first.predict, null)).toBe(false);
    expect(runCheck(first, walk(WAY_START, 1), null)).toBe(false);
    expect(runCheck(first, walk(WAY_START, 5), null)).toBe(false);
    expect(runCheck(first, walk(WAY_START, 0), right)).toBe(false);
    expect(runCheck(first, walk(WAY_START, 1), right)).toBe(true);
    // As in lesson 8: a wrong prediction is corrected and explained by the panel, and the step still counts.
    expect(runCheck(first, walk(WAY_START, 1), wrong)).toBe(true);
    expect(checkWay(walk(WAY_START, 0))).toBe(false);
    expect(checkWay(walk({ w: 3, b: 0 }, 1))).toBe(true);
    expect(wayFrom({ w: 3, b: 0 })).toBe(SMALLER);
    expect(SAME).toBe('w stays the same');
  });
});

describe('lesson 9, step 2: to the bottom', () => {
  it('passes once the steps reach loss < 0.001, not before, and not by placing the start there', () => {
    expect(checkBottom(walk({ w: 0, b: 0 }, 16))).toBe(true);
    expect(checkBottom(walk({ w: 0, b: 0 }, 10))).toBe(false);
    expect(checkBottom(walk({ w: -1, b: 2 }, 200))).toBe(true);
    expect(checkBottom(walk(SURFACE_MINIMUM, 1))).toBe(false);
  });
});

describe('lesson 9, step 3: high up, but flat', () => {
  it('accepts any high, flat start (several corners) once the hundred steps are taken from it', () => {
    for (const start of [
      { w: -4, b: 4 },
      { w: -4, b: 0 },
      { w: 0, b: 4 },
      { w: -6, b: 6 },
    ]) {
      const s = walk(start, FLAT_STEPS);
      console.log(`flat at (${start.w}, ${start.b}): loss ${s.startLoss.toFixed(3)}, first step ${s.startStep.toFixed(3)}`);
      expect(checkFlat(s)).toBe(true);
      expect(checkFlat(walk(start, 3 * FLAT_STEPS))).toBe(true);
    }
  });
  it('the tester’s false negative: from (−3, 3) the hundred steps reach the bottom, and the check still passes', () => {
    const start = { w: -3, b: 3 };
    const found = walk(start, 0);
    expect(found.loss).toBeCloseTo(0.287, 3);
    expect(found.startStep).toBeCloseTo(0.093, 3);
    const after = walk(start, FLAT_STEPS);
    expect(after.loss).toBeLessThan(0.001);
    expect(after.bottomAfter).toBe(90);
    expect(checkFlat(after)).toBe(true);
  });
  it('from (−6, 6) the dot stays stuck after 100 steps and the check passes too', () => {
    const after = walk({ w: -6, b: 6 }, FLAT_STEPS);
    expect(after.loss).toBeGreaterThan(0.2);
    expect(after.bottomAfter).toBeNull();
    expect(checkFlat(after)).toBe(true);
  });
  it('refuses a flat start before the hundred steps, and a steep or low start however many steps follow', () => {
    expect(checkFlat(walk({ w: -4, b: 4 }, 0))).toBe(false);
    expect(checkFlat(walk({ w: -4, b: 4 }, 10))).toBe(false);
    expect(checkFlat(walk({ w: 0, b: 0 }, FLAT_STEPS))).toBe(false);
    expect(checkFlat(walk({ w: -1, b: 1 }, FLAT_STEPS))).toBe(false);
    expect(checkFlat(walk(SURFACE_MINIMUM, FLAT_STEPS))).toBe(false);
    // Low loss though flat: the far lower-right corner.
    expect(checkFlat(walk({ w: 6, b: -6 }, FLAT_STEPS))).toBe(false);
  });
  it('every flat start takes far longer than the 16 steps from the middle', () => {
    for (const start of [
      { w: -3, b: 3 },
      { w: -4, b: 0 },
      { w: 0, b: 4 },
      { w: -6, b: 6 },
    ]) {
      expect(stepsToTarget(SURFACE_POINTS, start, LEARNING_RATE, 0.001)).toBeGreaterThan(4 * 16);
    }
  });
});

describe('lesson 9: the whole path stays on the map', () => {
  /** The map's half-width as the widget draws it. */
  const mapOf = (preset: LossSurfacePreset) => Math.max((preset as { mapExtent?: number }).mapExtent ?? preset.extent, preset.extent);
  const surfaces = lesson.steps.flatMap((st) => (st.widget === 'lossSurface' ? [st.preset] : []));

  it('the tester’s run: from w = −5, b = 5 the hundred steps climb to b = 6.34, still on step 3’s map', () => {
    const preset = surfaces[2];
    let at = { w: -5, b: 5 };
    let top = at.b;
    for (let k = 0; k < FLAT_STEPS; k++) {
      at = descend(SURFACE_POINTS, at.w, at.b, LEARNING_RATE);
      top = Math.max(top, at.b);
    }
    expect(top).toBeCloseTo(6.34, 2);
    expect(top).toBeLessThanOrEqual(mapOf(preset));
  });

  it('every point of every path, from any start the sliders allow, lies within the map’s range', () => {
    expect(surfaces).toHaveLength(3);
    for (const preset of surfaces) {
      const e = preset.extent;
      let furthest = 0;
      const starts: { w: number; b: number }[] = [preset.start];
      for (let i = -4 * e; i <= 4 * e; i++)
        for (let j = -4 * e; j <= 4 * e; j++)
          if (Math.abs(i) === 4 * e || Math.abs(j) === 4 * e || (i + j) % 3 === 0) starts.push({ w: i / 4, b: j / 4 });
      for (const start of starts) {
        let at = start;
        for (let k = 0; k < 1000; k++) {
          at = descend(SURFACE_POINTS, at.w, at.b, LEARNING_RATE);
          furthest = Math.max(furthest, Math.abs(at.w), Math.abs(at.b));
        }
      }
      console.log(
        `lesson 9: furthest any 1,000-step path goes from a start within ±${e}: ${furthest.toFixed(2)}; the map reaches ±${mapOf(preset)}`,
      );
      expect(furthest).toBeLessThanOrEqual(mapOf(preset));
    }
  });
});

describe('lesson 9, step 4: one example in a network', () => {
  const base: OneExampleState = { phase: 'idle', updates: 0, picked: null, loss: null, config: {} as never, params: null };
  it('passes after an update is applied, not after the forward or backward pass alone', () => {
    expect(checkOneExample({ ...base, phase: 'updated', updates: 1, loss: 0.2 })).toBe(true);
    expect(checkOneExample({ ...base, phase: 'forward', updates: 2, loss: 0.2 })).toBe(false);
    expect(checkOneExample({ ...base, phase: 'backward', loss: 0.2 })).toBe(false);
    expect(checkOneExample(base)).toBe(false);
  });
});

describe('lesson 9: words that hold in both themes, and a way to find the flat corners', () => {
  const md = readFileSync(fileURLToPath(new URL('../../../renderer/lessons/09-one-step-downhill/lesson.md', import.meta.url)), 'utf8');

  it('says "less orange", not "paler": in the dark theme a low loss is drawn darker, not paler', () => {
    const said = [md, WAY_PREDICTION.explanation, ...lesson.steps.map((st) => st.hint)].join('\n');
    expect(said).not.toMatch(/paler|lighter/i);
    expect(WAY_PREDICTION.explanation).toMatch(/less orange/);
  });

  it('tells the flat-corner step where to look: the map opens zoomed in, so it names the whole-map button', () => {
    const flat = splitSteps(md)[2];
    expect(flat).toMatch(/\*Show the whole map\*/);
  });
});

describe('lesson 9: failed checks say what is missing instead of a bare "Not quite yet"', () => {
  it('step 1 asks for the step; step 2 for steps, then how far the loss still has to fall', () => {
    expect(wayNotYet(walk(WAY_START, 0))).toMatch(/press Take one step/);
    expect(wayNotYet(walk(WAY_START, 1))).toBeNull();
    expect(bottomNotYet(walk({ w: 0, b: 0 }, 0))).toMatch(/take steps downhill/);
    expect(bottomNotYet(walk({ w: 0, b: 0 }, 10))).toMatch(
      /^Not quite yet: after 10 steps the loss is 0\.002\d*\. Keep taking steps until it is below 0\.001/,
    );
    expect(bottomNotYet(walk({ w: 0, b: 0 }, 20))).toBeNull();
  });

  it('step 3 names the start’s number that is off, or the steps left', () => {
    expect(flatNotYet(walk({ w: 0, b: 0 }, 0))).toMatch(/the loss at your start is 0\.06\d*\. Move the start to where it is 0\.2 or more/);
    expect(flatNotYet(walk({ w: -6, b: 6 }, 10))).toMatch(/10 steps from this start so far\. Press Take 100 steps/);
    expect(flatNotYet(walk({ w: -6, b: 6 }, 100))).toBeNull();
    // A high start whose first step is not tiny: the step length is named.
    const steep = [-2, -1.5, -1, 1, 1.5, 2]
      .flatMap((w) => [-3, -2, 2, 3].map((b) => walk({ w, b }, 0)))
      .find((st) => st.startLoss >= 0.2 && st.startStep > 0.1);
    if (steep) expect(flatNotYet(steep)).toMatch(/the first step from your start is \d\.\d{3} long/);
  });
});
