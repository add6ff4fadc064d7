/**
 * The lessons' text: each lesson folder's `lesson.md`, split into one section per step and
 * rendered to HTML once, on first use or ahead of it in idle time. Kept apart from `index.ts`
 * so the lesson data and checks load under Node without Vite's `?raw` imports.
 */
import { renderMarkdown, splitSteps } from './markdown';

const sources = import.meta.glob('./*/lesson.md', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

/** Per lesson: its steps' Markdown, and the HTML of the steps rendered so far. */
const steps = new Map<string, { parts: string[]; html: (string | undefined)[] }>();

function stepsOf(lessonId: string): { parts: string[]; html: (string | undefined)[] } {
  let entry = steps.get(lessonId);
  if (!entry) {
    const parts = splitSteps(sources[`./${lessonId}/lesson.md`] ?? '');
    entry = { parts, html: parts.map(() => undefined) };
    steps.set(lessonId, entry);
  }
  return entry;
}

/** Renders one step not rendered yet; false when the lesson has none left. */
function renderNextStep(lessonId: string): boolean {
  const { parts, html } = stepsOf(lessonId);
  const index = html.findIndex((step) => step === undefined);
  if (index < 0) return false;
  html[index] = renderMarkdown(parts[index]);
  return true;
}

/** HTML for each step of a lesson, in order. */
export function lessonHtml(lessonId: string): string[] {
  while (renderNextStep(lessonId));
  return stepsOf(lessonId).html as string[];
}

/**
 * Renders the given lessons' HTML ahead of need, one step per idle moment of the page, so
 * opening a lesson finds its Markdown and KaTeX already done (a whole lesson at once would be
 * one long task on the click). Returns a function that stops the warming.
 */
export function warmLessonHtml(lessonIds: readonly string[]): () => void {
  const idle = (globalThis as { requestIdleCallback?: (fn: () => void, o: { timeout: number }) => number }).requestIdleCallback;
  const cancelIdle = (globalThis as { cancelIdleCallback?: (handle: number) => void }).cancelIdleCallback;
  const queue = [...lessonIds];
  let handle: number | ReturnType<typeof setTimeout> | undefined;
  const next = (): void => {
    while (queue.length > 0 && !renderNextStep(queue[0])) queue.shift();
    schedule();
  };
  const schedule = (): void => {
    if (queue.length === 0) return;
    handle = idle ? idle.call(globalThis, next, { timeout: 2_000 }) : setTimeout(next, 50);
  };
  schedule();
  return () => {
    queue.length = 0;
    if (handle === undefined) return;
    if (idle && cancelIdle) cancelIdle.call(globalThis, handle as number);
    else clearTimeout(handle);
  };
}
