/**
 * Where the learner was: the area on show and whether a lesson was open (which lesson and
 * step is the lesson progress's own `last`, migrated with it). Kept in the page's local
 * storage in both hosts (the desktop's page has its own), so the app reopens there.
 */
export type AreaName = 'lessons' | 'lab' | 'projects';

export interface Place {
  area: AreaName;
  /** A lesson page was open (not the lessons overview). */
  inLesson: boolean;
}

export const PLACE_KEY = 'activation-lab.place';
const AREAS: readonly AreaName[] = ['lessons', 'lab', 'projects'];

/** The place kept by an earlier visit, or null on a first start (or when it cannot be read). */
export function readPlace(storage: Storage | null): Place | null {
  try {
    const text = storage?.getItem(PLACE_KEY);
    if (!text) return null;
    const value = JSON.parse(text) as Partial<Place> | null;
    if (!value || !AREAS.includes(value.area as AreaName)) return null;
    return { area: value.area as AreaName, inLesson: value.inLesson === true };
  } catch {
    return null;
  }
}

/** Keeps the place for the next start; storage that is full or turned off is left alone. */
export function writePlace(storage: Storage | null, place: Place): void {
  try {
    storage?.setItem(PLACE_KEY, JSON.stringify(place));
  } catch {
    // Nothing to do: the next start opens on the welcome instead.
  }
}
