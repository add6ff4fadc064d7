/**
 * How the Lab's challenge controls save the open project: the app hands them its Projects'
 * Save (the file's name and the way each host saves are the Projects area's business).
 */

/** What saving said: the Projects area's message, or null when it said nothing (a dialog cancelled). */
export interface SaveOutcome {
  kind: 'error' | 'info';
  text: string;
}

export interface ProjectSaver {
  /** The open project's name ("spiral"). */
  name(): string;
  /**
   * Saves the open project; with a name, under that name as a new file (Save As on the
   * desktop), without one, as the project already is (Save).
   */
  save(name: string | null): Promise<SaveOutcome | null>;
}
