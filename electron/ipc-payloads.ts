/**
 * One payload parser per page → main channel of core/ipc.ts. Each takes the raw arguments
 * of a message and returns what the contract says the channel carries, or a plain sentence
 * saying what is wrong. electron/ipc-typed.ts runs them (after the sender check) before any
 * handler sees a message, so a handler only ever gets a payload of its declared type.
 */
import path from 'node:path';
import { LIMITS } from '../core/config';
import {
  EXPORT_ITEMS,
  EXPORT_KINDS,
  type ExportFile,
  type ExportItem,
  type ProjectAction,
  type ProjectPreview,
  type ProjectUpdate,
} from '../core/ipc';
import { readRecentDetails, readRecentPicture } from '../core/recent';
import type { Command } from '../core/protocol';
import type { PageMessageChannel, PageMessages, PageRequestChannel, RequestArgs } from '../core/ipc';
import { MAX_PROJECT_BYTES } from '../core/project';
import { checkDigitsPayload, MAX_DIGITS_FILE_BYTES } from '../core/tabular/provide';
import { refusePathForm } from './paths';

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const accept = <T>(value: T): Parsed<T> => ({ ok: true, value });
const refuse = (reason: string): Parsed<never> => ({ ok: false, reason });

/**
 * Largest project text accepted over IPC: the same limit as for project files (a text of n
 * characters takes at least n bytes on disk, so anything longer could never be opened again).
 */
export const MAX_PROJECT_CHARS = MAX_PROJECT_BYTES;
/** Largest lesson-progress text accepted. */
export const MAX_PROGRESS_CHARS = 1024 * 1024;
/** Longest file path accepted. */
export const MAX_PATH_CHARS = 4096;

/**
 * Most values (numbers, strings, array items, object fields) one engine command may hold.
 * The largest real one is `load-state` for the widest digits network LIMITS allow: its
 * parameters plus two optimizer moments (Adam), each as long as the parameters.
 */
export function maxCommandValues(): number {
  const width = LIMITS.maxTableNeurons;
  const layers = LIMITS.maxHiddenLayers;
  const inputs = 28 * 28;
  const outputs = 10;
  const params = (inputs + 1) * width + (layers - 1) * (width + 1) * width + (width + 1) * outputs;
  return 3 * params + 3 * LIMITS.maxPoints + 10_000;
}

/** Counts the values in a structured-cloned message, stopping as soon as it passes `limit`. */
export function valuesUpTo(value: unknown, limit: number): number {
  let count = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0 && count <= limit) {
    const item = stack.pop();
    count++;
    if (ArrayBuffer.isView(item)) count += item.byteLength / 8;
    else if (item instanceof ArrayBuffer) count += item.byteLength / 8;
    else if (Array.isArray(item)) {
      if (item.length > limit) return limit + 1;
      for (const child of item) stack.push(child);
    } else if (typeof item === 'object' && item !== null) {
      for (const child of Object.values(item)) stack.push(child);
    }
  }
  return count;
}

function exactlyOne(args: unknown[]): Parsed<unknown> {
  return args.length === 1 ? accept(args[0]) : refuse(`takes one argument, not ${args.length}.`);
}

function noArguments(args: unknown[]): Parsed<[]> {
  return args.length === 0 || (args.length === 1 && args[0] === undefined) ? accept([]) : refuse('takes no arguments.');
}

export function parseCommand(args: unknown[]): Parsed<Command> {
  const one = exactlyOne(args);
  if (!one.ok) return one;
  const command = one.value;
  if (typeof command !== 'object' || command === null || typeof (command as { type?: unknown }).type !== 'string') {
    return refuse('needs a command object with a type.');
  }
  const limit = maxCommandValues();
  if (valuesUpTo(command, limit) > limit) return refuse(`the command is too large: it holds more than ${limit} values.`);
  // Its fields are checked by the engine host, which answers a bad command with an error event.
  return accept(command as Command);
}

/**
 * A digits file: the cheap checks of core/tabular/provide, on the view and on the whole
 * buffer it sits in (IPC copies the whole buffer, so a small view over a huge one would
 * bring and keep all of it). What is passed on is an exact-length copy, so nothing else of
 * the sender's buffer is kept.
 */
export function parseDigits(args: unknown[]): Parsed<Uint8Array> {
  const one = exactlyOne(args);
  if (!one.ok) return one;
  const checked = checkDigitsPayload(one.value);
  if (typeof checked === 'string') return refuse(checked);
  if (checked.buffer.byteLength > MAX_DIGITS_FILE_BYTES) {
    return refuse(
      `The file came inside a block of memory that is too large: ${checked.buffer.byteLength} bytes, and at most ${MAX_DIGITS_FILE_BYTES} are accepted.`,
    );
  }
  return accept(new Uint8Array(checked));
}

export function parseProjectUpdate(args: unknown[]): Parsed<ProjectUpdate> {
  const one = exactlyOne(args);
  if (!one.ok) return one;
  const value = one.value;
  if (typeof value !== 'object' || value === null) return refuse('needs { json, dirty }.');
  const { json, dirty, loaded } = value as Record<string, unknown>;
  if (typeof json !== 'string') return refuse('json must be a string.');
  if (json.length > MAX_PROJECT_CHARS) return refuse('the project is too large.');
  if (typeof dirty !== 'boolean') return refuse('dirty must be true or false.');
  if (loaded === undefined) return accept({ json, dirty });
  if (typeof loaded !== 'number' || !Number.isSafeInteger(loaded) || loaded < 0) return refuse('loaded must be a whole number, 0 or more.');
  return accept({ json, dirty, loaded });
}

/** A picture and summary of the open project: checked pictures (PNG data URLs of bounded size), a short summary and a time. */
export function parseProjectPreview(args: unknown[]): Parsed<ProjectPreview> {
  const one = exactlyOne(args);
  if (!one.ok) return one;
  const value = one.value;
  if (typeof value !== 'object' || value === null) return refuse('needs { summary, picture, at, loaded }.');
  const { loaded, picture } = value as Record<string, unknown>;
  if (typeof loaded !== 'number' || !Number.isSafeInteger(loaded) || loaded < 0) return refuse('loaded must be a whole number, 0 or more.');
  const details = readRecentDetails(value);
  if (!details) return refuse('needs a summary of at most 300 characters and the time as an ISO date.');
  if (picture !== null && readRecentPicture(picture) === null) {
    return refuse('the picture must be null or { light, dark, label } with PNG data URLs of at most 128 KB each.');
  }
  return accept({ ...details, loaded });
}

const PROJECT_ACTIONS: readonly ProjectAction[] = ['new', 'open', 'save', 'save-as'];

export function parseAction(args: unknown[]): Parsed<[ProjectAction]> {
  const action = args.length === 1 ? args[0] : undefined;
  if (typeof action !== 'string' || !(PROJECT_ACTIONS as readonly string[]).includes(action)) {
    return refuse(`unknown action ${JSON.stringify(action) ?? 'undefined'}; use one of ${PROJECT_ACTIONS.join(', ')}.`);
  }
  return accept([action as ProjectAction]);
}

/** An absolute local path: not empty, not too long, no NUL, no network share or device form. */
export function parseFilePath(args: unknown[]): Parsed<[string]> {
  const file = args.length === 1 ? args[0] : undefined;
  if (typeof file !== 'string' || file.length === 0) return refuse('needs a file path.');
  if (file.length > MAX_PATH_CHARS || file.includes('\0')) return refuse('the path is not valid.');
  const form = refusePathForm(file);
  if (form) return refuse(form);
  if (!path.isAbsolute(file) && !path.win32.isAbsolute(file)) return refuse('the path must be absolute.');
  return accept([file]);
}

export function parseProgress(args: unknown[]): Parsed<[string]> {
  const json = args.length === 1 ? args[0] : undefined;
  if (typeof json !== 'string') return refuse('needs the progress as JSON text.');
  if (json.length > MAX_PROGRESS_CHARS) return refuse('the progress text is too large.');
  try {
    JSON.parse(json);
  } catch {
    return refuse('the progress text is not valid JSON.');
  }
  return accept([json]);
}

/**
 * Largest exported file accepted: a PyTorch script of the widest digits network with all
 * 10,000 images (about 14 MB of base64 pixels plus weights and Adam's moments as text) fits.
 */
export const MAX_EXPORT_CHARS = 64 * 1024 * 1024;
/** Longest suggested file name. */
const MAX_EXPORT_NAME = 120;

/** An export: a known kind, a plain file name (no folder) ending in its kind, and text or bytes within the limit. */
export function parseExportFile(args: unknown[]): Parsed<[ExportFile]> {
  const one = exactlyOne(args);
  if (!one.ok) return one;
  const value = one.value;
  if (typeof value !== 'object' || value === null) return refuse('needs { kind, name, data }.');
  const { kind, name, data } = value as Record<string, unknown>;
  if (typeof kind !== 'string' || !(EXPORT_KINDS as readonly string[]).includes(kind)) {
    return refuse(`unknown kind ${JSON.stringify(kind) ?? 'undefined'}; use one of ${EXPORT_KINDS.join(', ')}.`);
  }
  if (typeof name !== 'string' || name.length === 0 || name.length > MAX_EXPORT_NAME) return refuse('needs a file name.');
  if (/[\\/:\0]/.test(name) || name.startsWith('.') || !name.toLowerCase().endsWith(`.${kind}`)) {
    return refuse(`the name must be a plain file name ending in .${kind}, without a folder.`);
  }
  if (typeof data === 'string') {
    if (data.length > MAX_EXPORT_CHARS) return refuse('the file is too large.');
    return accept([{ kind: kind as ExportFile['kind'], name, data }]);
  }
  if (!(data instanceof Uint8Array)) return refuse('data must be text or bytes.');
  if (data.buffer.byteLength > MAX_EXPORT_CHARS) return refuse('the file is too large.');
  return accept([{ kind: kind as ExportFile['kind'], name, data: new Uint8Array(data) }]);
}

/** Which File › Export items apply: known items, each at most once. */
export function parseExportItems(args: unknown[]): Parsed<ExportItem[]> {
  const one = exactlyOne(args);
  if (!one.ok) return one;
  const items = one.value;
  if (!Array.isArray(items) || items.length > EXPORT_ITEMS.length)
    return refuse(`needs a list of at most ${EXPORT_ITEMS.length} export items.`);
  const known = EXPORT_ITEMS as readonly unknown[];
  const unknown = items.find((item) => !known.includes(item));
  if (unknown !== undefined)
    return refuse(`unknown export ${JSON.stringify(unknown) ?? 'undefined'}; use one of ${EXPORT_ITEMS.join(', ')}.`);
  if (new Set(items).size !== items.length) return refuse('names an export more than once.');
  return accept(items as ExportItem[]);
}

/** The parser of every page → main message channel. */
export const MESSAGE_PARSERS: { [C in PageMessageChannel]: (args: unknown[]) => Parsed<PageMessages[C]> } = {
  'engine:command': parseCommand,
  'engine:digits': parseDigits,
  'project:update': parseProjectUpdate,
  'project:preview': parseProjectPreview,
  'export:available': parseExportItems,
};

/** The parser of every page → main request channel. */
export const REQUEST_PARSERS: { [C in PageRequestChannel]: (args: unknown[]) => Parsed<RequestArgs<C>> } = {
  'project:action': parseAction,
  'project:open-recent': parseFilePath,
  'project:open-dropped': parseFilePath,
  'project:recent': noArguments,
  'project:restore-backup': noArguments,
  'project:discard-backup': noArguments,
  'progress:load': noArguments,
  'progress:save': parseProgress,
  'app:info': noArguments,
  'file:export': parseExportFile,
};
