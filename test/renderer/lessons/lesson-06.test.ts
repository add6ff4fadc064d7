/** Lesson 6, the linear collapse: the prediction's options, and a text that agrees with the formula it shows. */
import { describe, expect, it } from 'vitest';
import { CAN, CANNOT, lesson } from '../../../renderer/lessons/06-linear-collapse/lesson';
import { lessonHtml } from '../../../renderer/lessons/content';

const [collapse] = lesson.steps;

describe('lesson 6, step 1: three layers, one map', () => {
  it('offers bare answers: the reason comes with the explanation, after the commit', () => {
    if (collapse.predict?.kind !== 'choice') throw new Error('step 1 asks a choice');
    expect(collapse.predict.options).toEqual([CAN, CANNOT]);
    for (const option of collapse.predict.options) expect(option).toMatch(/^(Yes|No)$/);
    expect(collapse.predict.explanation).toMatch(/straight line/);
  });

  it('says the output neuron’s activation is applied to the one affine map, as the formula beside it shows', () => {
    const text = lessonHtml(lesson.id)[0];
    expect(text).toMatch(/activation \(here tanh\) applied to that one map/);
    expect(text).toMatch(/the line drawn on the plot/);
  });
});

describe('lesson 6, step 2: one kink', () => {
  it('asks whether ReLU separates the circle before it shows, and neither its title nor its text says', () => {
    const relu = lesson.steps[1];
    if (relu.predict?.kind !== 'choice') throw new Error('step 2 asks a choice');
    expect(relu.predict.options).toEqual([CAN, CANNOT]);
    // The journey measures it: above 90 % of the test points right with ReLU.
    expect(relu.predict.answers).toEqual([CAN]);
    expect(relu.predict.explanation).toMatch(/polygon around the disc/);
    expect(relu.title).not.toMatch(/changes everything/);
    const text = lessonHtml(lesson.id)[1];
    expect(text).toMatch(/predict whether this network can now separate the circle/);
    expect(text).not.toMatch(/polygon|corners|Bending/);
    expect(text).toMatch(/A kink at zero/);
  });
});
