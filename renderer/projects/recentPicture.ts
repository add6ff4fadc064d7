/**
 * A project's pictures for the recent list: its thumbnail (thumbnail.ts) in the light and the
 * dark palette, as PNG data URLs, with words for it. Drawn at twice the size shown so it
 * stays sharp, or at the size shown where that would be larger than the list keeps.
 */
import type { Project } from '../../core/project';
import { MAX_PICTURE_CHARS, type RecentPicture } from '../../core/recent';
import { thumbnailLabel, thumbnailUrl, THUMBNAIL_SIZE } from './thumbnail';

function picture(project: Project, theme: 'light' | 'dark'): string {
  const sharp = thumbnailUrl(project, { size: THUMBNAIL_SIZE, theme, scale: 2 });
  return sharp.length <= MAX_PICTURE_CHARS ? sharp : thumbnailUrl(project, { size: THUMBNAIL_SIZE, theme, scale: 1 });
}

/** Null where the page cannot draw (no canvas) or the picture would still be too large to keep. */
export function makeRecentPicture(project: Project): RecentPicture | null {
  if (typeof document === 'undefined') return null;
  const light = picture(project, 'light');
  const dark = picture(project, 'dark');
  if (light.length > MAX_PICTURE_CHARS || dark.length > MAX_PICTURE_CHARS) return null;
  return { light, dark, label: thumbnailLabel(project) };
}
