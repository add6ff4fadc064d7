/**
 * The lessons' text: each lesson folder's `lesson.md`, split into one section per step and
 * rendered to HTML once, on first use. Kept apart from `index.ts` so the lesson data and
 * checks load under Node without Vite's `?raw` imports.
 */
import { renderMarkdown, splitSteps } from './markdown';

const sources = import.meta.glob('./*/lesson.md', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

const cache = new Map<string, string[]>();

/** HTML for each step of a lesson, in order. */
export function lessonHtml(lessonId: string): string[] {
  const cached = cache.get(lessonId);
  if (cached) return cached;
  const source = sources[`./${lessonId}/lesson.md`] ?? '';
  const html = splitSteps(source).map((part) => renderMarkdown(part));
  cache.set(lessonId, html);
  return html;
}
