/**
 * verdict.ts: a shown check result holds while the check would say the same of the current
 * state, so a change that keeps the answer right keeps "well done", and one that breaks it
 * does not.
 */
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../../renderer/lessons/index';
import { checkStep } from '../../../renderer/lessons/types';
import { outdated } from '../../../renderer/lessons/verdict';
import type { Prediction } from '../../../renderer/lessons/predict';

const photo = LESSONS[0].steps[0];
const committed: Prediction = { value: 30_000, correct: true };
const picture = (width: number, height: number, channels = 1) => ({ width, height, channels, answer: null });

describe('a check result and the state it judged', () => {
  it('asks for the prediction first, and that message stops holding once it is committed', () => {
    const shown = checkStep(photo, picture(300, 100), null);
    expect(shown).toEqual({ kind: 'predict' });
    expect(outdated(shown, photo, picture(300, 100), null)).toBe(false);
    expect(outdated(shown, photo, picture(300, 100), committed)).toBe(true);
  });

  it('keeps "right" while another state is right too, and drops it once the check would fail', () => {
    const shown = checkStep(photo, picture(300, 100), committed);
    expect(shown).toEqual({ kind: 'right' });
    expect(outdated(shown, photo, picture(150, 200), committed)).toBe(false);
    expect(outdated(shown, photo, picture(7, 100), committed)).toBe(true);
  });

  it('keeps "not yet" while the check still fails for the same reason, and drops it once the reason changes or it passes', () => {
    // Step 1 says what a wrong picture lacks (lesson 1's greyTwinNotYet): here, one colour channel.
    const shown = checkStep(photo, picture(100, 100, 3), committed);
    expect(shown.kind).toBe('partial');
    expect(outdated(shown, photo, picture(50, 100, 3), committed)).toBe(false);
    expect(outdated(shown, photo, picture(100, 100, 1), committed)).toBe(true);
    expect(outdated(shown, photo, picture(300, 100), committed)).toBe(true);
  });
});
