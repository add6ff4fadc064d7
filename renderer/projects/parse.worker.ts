/// <reference lib="webworker" />
/**
 * Reads project file text away from the page: a digits network's file is megabytes of
 * JSON, and parsing and checking it in the page would be one long task. parseProject
 * refuses structures far beyond a project before building them, and the page ends this
 * worker if it runs past its time limit (parseOffThread.ts).
 */
import { parseProject } from '../../core/project';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (message: MessageEvent<{ id: number; text: unknown; fileName?: unknown }>) => {
  const { id, text, fileName } = message.data;
  const options = typeof fileName === 'string' ? { fileName } : {};
  scope.postMessage({ id, result: parseProject(typeof text === 'string' ? text : '', options) });
};
