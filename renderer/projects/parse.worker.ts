/// <reference lib="webworker" />
/**
 * Reads project file text away from the page: a digits network's file is megabytes of
 * JSON, and decoding, parsing and checking it in the page would be long tasks. It takes the
 * text, or its UTF-8 bytes as the desktop app's main process sends them. parseProject
 * refuses structures far beyond a project before building them, and the page ends this
 * worker if it runs past its time limit (parseOffThread.ts).
 */
import { parseProject } from '../../core/project';
import { projectText } from './projectText';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (message: MessageEvent<{ id: number; text: unknown; fileName?: unknown }>) => {
  const { id, text, fileName } = message.data;
  const options = typeof fileName === 'string' ? { fileName } : {};
  scope.postMessage({ id, result: parseProject(projectText(text), options) });
};
