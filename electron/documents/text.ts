/**
 * Project text made in the main process without holding its event loop for long: a digits
 * network's file takes 150–400 ms to write out here, and meanwhile no engine snapshot, IPC
 * call or window event would get through. The pieces are written between turns of the loop.
 */
import { projectPieces, type Project } from '../../core/project';

/** Longest stretch of writing before other work gets a turn, in ms. */
export const SLICE_MS = 10;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The same text as serializeProject(project), written in slices of about SLICE_MS. */
export async function projectTextInTurns(project: Project, sliceMs = SLICE_MS): Promise<string> {
  const parts: string[] = [];
  let since = performance.now();
  for (const piece of projectPieces(project)) {
    parts.push(piece);
    if (performance.now() - since >= sliceMs) {
      await nextTurn();
      since = performance.now();
    }
  }
  return parts.join('');
}
