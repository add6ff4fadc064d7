import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../../renderer/lessons/index';
import { LessonsState } from '../../../renderer/lessons/lessons.svelte';
import Overview from '../../../renderer/lessons/Overview.svelte';

const NUMBER_WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

describe('the lessons overview', () => {
  it('says how many lessons there are from the list itself, never a number written into the text', () => {
    const lessons = new LessonsState({ load: async () => '', save: async () => {} });
    render(Overview, { lessons });
    const intro = screen.getByText(/short lessons, from a single neuron/).textContent ?? '';
    expect(intro).toContain(`${LESSONS.length} short lessons`);
    for (const word of NUMBER_WORDS) expect(intro.toLowerCase()).not.toMatch(new RegExp(`\\b${word} short lessons`));
    expect(screen.getAllByRole('listitem')).toHaveLength(LESSONS.length);
  });
});
