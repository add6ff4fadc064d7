/** The challenge's words under a row of data-set pickers (renderer/lab/pick-notes.ts): each sentence once, every greyed-out picker pointing at its own. */
import { describe, expect, it } from 'vitest';
import { pickNotes } from '../../../renderer/lab/pick-notes';

describe('pickNotes', () => {
  it('says a sentence shared by several pickers once, and points each greyed-out picker at its sentence', () => {
    const words: Record<string, string | null> = { a: 'Too many neurons.', b: null, c: 'Too many neurons.', d: 'Not ReLU.' };
    const notes = pickNotes(['a', 'b', 'c', 'd'], (name) => words[name], 'x');
    expect(notes.notes).toEqual([
      { id: 'x-limit-0', text: 'Too many neurons.' },
      { id: 'x-limit-1', text: 'Not ReLU.' },
    ]);
    expect(notes.describedBy).toEqual({ a: 'x-limit-0', c: 'x-limit-0', d: 'x-limit-1' });
  });

  it('has nothing to say when every picker is free', () => {
    expect(pickNotes(['a', 'b'], () => null, 'x')).toEqual({ notes: [], describedBy: {} });
  });
});
