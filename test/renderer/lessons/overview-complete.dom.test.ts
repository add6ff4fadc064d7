/**
 * The overview once every lesson is done (#15 bug 6): a completion note with the capstone
 * record instead of a "Continue: lesson 10, step 3" button; before that, Continue as ever.
 */
import { cleanup, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { LESSONS } from '../../../renderer/lessons/index';
import { LessonsState } from '../../../renderer/lessons/lessons.svelte';
import Overview from '../../../renderer/lessons/Overview.svelte';
import { serializeProgress, type Progress } from '../../../renderer/lessons/progress';

afterEach(() => cleanup());

async function stateWith(progress: Progress): Promise<LessonsState> {
  const lessons = new LessonsState({ load: async () => serializeProgress(progress), save: async () => {} });
  await lessons.load();
  return lessons;
}

const allDone = (): Progress['done'] => Object.fromEntries(LESSONS.map((l) => [l.id, l.steps.map((s) => s.id)]));

describe('Overview', () => {
  it('says the course is finished, with the smallest spiral solver, and offers no Continue', async () => {
    const lessons = await stateWith({
      version: 2,
      done: allDone(),
      last: { lesson: LESSONS[9].id, step: 2 },
      capstone: { neurons: 6, params: 25, hidden: [3, 3], activation: 'sin', testAccuracy: 0.956, epoch: 242 },
    });
    render(Overview, { lessons });
    expect(screen.getByRole('heading', { name: 'You have finished the course' })).toBeTruthy();
    expect(screen.getByTestId('capstone-record').textContent).toMatch(/6 neurons, 25 weights and biases/);
    expect(screen.queryByRole('button', { name: /^Continue/ })).toBeNull();
    expect(screen.getByRole('button', { name: 'Try the closing challenge again' })).toBeTruthy();
  });

  it('offers Continue while a step is left', async () => {
    const done = allDone();
    done[LESSONS.at(-1)!.id] = [];
    const lessons = await stateWith({ version: 2, done, last: { lesson: LESSONS[9].id, step: 2 } });
    render(Overview, { lessons });
    expect(screen.queryByRole('heading', { name: 'You have finished the course' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Continue: lesson 10, step 3' })).toBeTruthy();
  });
});
