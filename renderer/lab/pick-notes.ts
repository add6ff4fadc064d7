/**
 * The words an open challenge puts under a row of data-set pickers: each set whose network
 * would break a limit is greyed out and described by the sentence that says which limit.
 * Sets that bring the same network (all the curves) share one sentence, shown once.
 */
export interface PickNotes<N extends string> {
  /** Each distinct sentence once, in the pickers' order, with the id the pickers point at. */
  notes: { id: string; text: string }[];
  /** For each greyed-out picker, the id of its sentence; absent for a picker that is free. */
  describedBy: Partial<Record<N, string>>;
}

export function pickNotes<N extends string>(names: readonly N[], refusal: (name: N) => string | null, idBase: string): PickNotes<N> {
  const notes: { id: string; text: string }[] = [];
  const describedBy: Partial<Record<N, string>> = {};
  for (const name of names) {
    const text = refusal(name);
    if (text === null) continue;
    let note = notes.find((n) => n.text === text);
    if (!note) {
      note = { id: `${idBase}-limit-${notes.length}`, text };
      notes.push(note);
    }
    describedBy[name] = note.id;
  }
  return { notes, describedBy };
}
