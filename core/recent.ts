/**
 * What the recent-projects list keeps about each project besides where it is, in both hosts
 * (the desktop's main process and the browser's storage): a small picture of the project in
 * the light and the dark palette, with words for it, and the network in a line. Everything
 * read back is checked here first, so a damaged store or a page's bad message never shows.
 */

/** A thumbnail in each theme, as PNG data URLs, and its alt text. */
export interface RecentPicture {
  light: string;
  dark: string;
  /** "Decision boundary of a 2 → 8 → 1 network on the spiral", for people who cannot see it. */
  label: string;
}

/** The description kept with a recent project. */
export interface RecentDetails {
  /** The network in a line, "2 → 8 → 1, spiral". */
  summary: string;
  picture: RecentPicture | null;
  /** When the picture was made: the project was last opened or saved (ISO time). */
  at: string;
}

/** Longest data URL kept for one picture (a 96-pixel thumbnail is a few thousand characters). */
export const MAX_PICTURE_CHARS = 128 * 1024;
export const MAX_SUMMARY_CHARS = 300;
const PNG_PREFIX = 'data:image/png;base64,';
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

function pngDataUrl(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length <= MAX_PICTURE_CHARS &&
    value.startsWith(PNG_PREFIX) &&
    value.length > PNG_PREFIX.length &&
    BASE64.test(value.slice(PNG_PREFIX.length))
  );
}

/** A picture as stored or sent, or null when it is not one. */
export function readRecentPicture(raw: unknown): RecentPicture | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { light, dark, label } = raw as Record<string, unknown>;
  if (!pngDataUrl(light) || !pngDataUrl(dark) || typeof label !== 'string' || label.length > MAX_SUMMARY_CHARS) return null;
  return { light, dark, label };
}

/** Details as stored or sent, or null when they do not look right (a bad picture alone is dropped). */
export function readRecentDetails(raw: unknown): RecentDetails | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { summary, picture, at } = raw as Record<string, unknown>;
  if (typeof summary !== 'string' || summary.length > MAX_SUMMARY_CHARS) return null;
  if (typeof at !== 'string' || at.length > 40 || Number.isNaN(Date.parse(at))) return null;
  return { summary, picture: readRecentPicture(picture), at };
}
