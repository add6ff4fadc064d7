/**
 * The numbers on the curve view's neuron curves (lesson 15's "Show each neuron"): placed so
 * that no two boxes overlap, each on its own curve where there is room, beside it otherwise,
 * and the neuron the learner picks placed first and drawn thick with the others faded.
 */
import { describe, expect, it } from 'vitest';
import { createSession } from '../../../core/session';
import { curveView, curveXs, type CurveView } from '../../../core/engine';
import { curveFrame, xToPx, yToPx, type CurveFrame } from '../../../renderer/lab/curve-frame';
import { boxesOverlap, curveTags, type CurveTag } from '../../../renderer/lab/curve-tags';
import { neuronEmphasis } from '../../../renderer/lab/curve-draw';
import { lesson } from '../../../renderer/lessons/15-enough-bumps/lesson';

/** Digits at 10 px are about 5.6 px wide; "b" about 6. */
const measure = (text: string): number => 5.6 * text.length;

function expectNoOverlap(tags: CurveTag[], f: CurveFrame): void {
  for (let i = 0; i < tags.length; i++) {
    const b = tags[i].box;
    expect(b.left).toBeGreaterThanOrEqual(f.left);
    expect(b.left + b.width).toBeLessThanOrEqual(f.right);
    expect(b.top).toBeGreaterThanOrEqual(f.top);
    expect(b.top + b.height).toBeLessThanOrEqual(f.bottom);
    for (let k = i + 1; k < tags.length; k++) {
      expect(boxesOverlap(b, tags[k].box), `${tags[i].text} and ${tags[k].text} overlap`).toBe(false);
    }
  }
}

/** Lesson 15 step 3's network (8 ReLU neurons on the sine, seed 10), trained as the learner would. */
function trainedView(epochs: number): CurveView {
  const step = lesson.steps[2];
  if (step.widget !== 'curve') throw new Error('step 3 is a curve step');
  const config = structuredClone(step.preset.config);
  const session = createSession({ fastPath: true });
  session.handle({ type: 'configure', id: 1, config });
  session.train(epochs, () => 0, Number.POSITIVE_INFINITY);
  return curveView(config, session.snapshot().params, curveXs(241));
}

describe("the neuron curves' labels", () => {
  const sine = [
    { x1: -6, x2: 0, label: -1 },
    { x1: 6, x2: 0, label: 1 },
  ];

  it.each([0, 100, 300, 1000])(
    "never overlap on lesson 15's trained network (%i epochs), at the lesson's size and the narrowest",
    (epochs) => {
      const view = trainedView(epochs);
      for (const [w, h] of [
        [340, 260],
        [220, 168],
      ]) {
        const f = curveFrame(w, h, sine);
        const tags = curveTags(f, view, null, measure);
        expect(tags.map((t) => t.text).sort()).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', 'b']);
        expectNoOverlap(tags, f);
      }
    },
  );

  it('never overlap when every curve lies on the same line (eight dead neurons and a bias of 0)', () => {
    const xs = curveXs(241);
    const flat = new Float64Array(xs.length);
    const view: CurveView = {
      x: xs,
      contributions: Array.from({ length: 8 }, () => flat),
      bias: 0,
      sum: flat,
      output: flat,
    } as unknown as CurveView;
    const f = curveFrame(340, 260, sine);
    const tags = curveTags(f, view, null, measure);
    expectNoOverlap(tags, f);
    // The line is shared by all, so each stands beside it, its leader pointing at the line.
    for (const t of tags) expect(t.box.anchorY).toBeCloseTo(yToPx(f, 0), 6);
  });

  it.each([0, 100, 300, 1000])(
    "each names its own curve plainly (%i epochs): no other neuron's curve, nor the bias line, passes through its box",
    (epochs) => {
      const view = trainedView(epochs);
      const f = curveFrame(340, 260, sine);
      const curves = [...view.contributions, view.x.map(() => view.bias)];
      const own = (t: CurveTag): number => (t.neuron < 0 ? curves.length - 1 : t.neuron);
      for (const t of curveTags(f, view, null, measure)) {
        const b = t.box;
        // Its anchor is a point of its own curve, and the box is on it or a leader's length away.
        const i = Math.round(((b.anchorX - f.left) / (f.right - f.left)) * 240);
        expect(Math.abs(b.anchorY - yToPx(f, curves[own(t)][i]))).toBeLessThan(1.5);
        expect(Math.abs(b.top + b.height / 2 - b.anchorY)).toBeLessThanOrEqual(2 * (b.height + 2) + 1);
        curves.forEach((ys, k) => {
          if (k === own(t)) return;
          for (let m = 0; m < ys.length; m++) {
            const px = xToPx(f, view.x[m]);
            const py = yToPx(f, ys[m]);
            const through = px >= b.left && px <= b.left + b.width && py >= b.top && py <= b.top + b.height;
            expect(through, `curve ${k + 1} runs through label ${t.text}`).toBe(false);
          }
        });
      }
    },
  );

  it('place the picked neuron first and draw it thick, the others faded', () => {
    const view = trainedView(300);
    const f = curveFrame(340, 260, sine);
    const tags = curveTags(f, view, 5, measure);
    expect(tags[0].text).toBe('6');
    expectNoOverlap(tags, f);
    expect(neuronEmphasis(5, 5).lineWidth).toBeGreaterThan(neuronEmphasis(2, null).lineWidth);
    expect(neuronEmphasis(2, 5).alpha).toBeLessThan(neuronEmphasis(2, null).alpha / 2);
    expect(neuronEmphasis(2, null)).toEqual(neuronEmphasis(3, null));
  });
});
