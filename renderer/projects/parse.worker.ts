/// <reference lib="webworker" />
/**
 * Reads project file text away from the page: a digits network's file is megabytes of
 * JSON, and parsing and checking it in the page would be one long task.
 */
import { parseProject } from '../../core/project';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (message: MessageEvent<{ id: number; text: unknown }>) => {
  const { id, text } = message.data;
  scope.postMessage({ id, result: parseProject(typeof text === 'string' ? text : '') });
};
