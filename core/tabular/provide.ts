/**
 * How an engine worker receives the digit images: the page (or the main process) posts the
 * packed file as `{ type: 'digits-file', bytes }` ahead of any digits configuration. Every
 * engine worker — the Lab's in the browser, the digits lesson's, the desktop app's — passes its
 * incoming messages through `receiveDigitsFile` first and hands the rest to its runner. A
 * worker handles its messages one at a time in the order they were posted, so a digits file
 * posted before a configure is registered before that configure is handled.
 */
import type { EngineEvent } from '../protocol';
import { decodeDigits, digitsFileBytes, digitsTable, readDigitsHeader } from './digits';
import { registerTable } from './table';

export const DIGITS_FILE_MESSAGE = 'digits-file';

/**
 * Largest digits file accepted: the bundled one (10,000 images) takes about 7.9 MB; twice
 * that leaves room for a bigger set and still refuses anything absurd before it is copied.
 */
export const MAX_DIGITS_FILE_BYTES = 16 * 1024 * 1024;

/** The message that carries the file. `bytes` may also be a bare ArrayBuffer. */
export interface DigitsFileMessage {
  type: typeof DIGITS_FILE_MESSAGE;
  bytes: Uint8Array;
}

export type DigitsFileOutcome =
  /** Not a digits-file message: hand it to the runner. */
  | { kind: 'other' }
  /** The table is registered; later digits configurations find it. */
  | { kind: 'registered'; count: number }
  /** Nothing was registered; post `event` to the page. */
  | { kind: 'refused'; event: Extract<EngineEvent, { type: 'error' }> };

/** Start of every refusal, so a person knows which file the sentence is about. */
export const DIGITS_REFUSED_PREFIX = 'The digit images could not be loaded. ';

/** True for any message tagged as a digits file, whatever its bytes hold. */
export function isDigitsFileMessage(message: unknown): message is { type: typeof DIGITS_FILE_MESSAGE; bytes?: unknown } {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === DIGITS_FILE_MESSAGE;
}

function refuse(reason: string): DigitsFileOutcome {
  return { kind: 'refused', event: { type: 'error', replyTo: null, message: DIGITS_REFUSED_PREFIX + reason } };
}

/**
 * Cheap checks for a payload claimed to be a digits file, without decoding it: the right
 * type, not over the size limit, and a header that announces as many images as the length
 * holds. Returns the bytes, or a plain sentence saying what is wrong.
 */
export function checkDigitsPayload(bytes: unknown): Uint8Array | string {
  const view = bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : bytes;
  if (!(view instanceof Uint8Array)) return 'No file came with the message.';
  if (view.length > MAX_DIGITS_FILE_BYTES)
    return `The file is too large: ${view.length} bytes, and at most ${MAX_DIGITS_FILE_BYTES} are accepted.`;
  const count = readDigitsHeader(view);
  if (count === null) return 'This is not a digits file: its first bytes are wrong.';
  if (count === 0) return 'The file holds no images.';
  if (view.length !== digitsFileBytes(count)) return `The file is cut short or too long: ${view.length} bytes for ${count} images.`;
  return view;
}

/** Decodes and registers the file a digits-file message carries; any other message is left alone. */
export function receiveDigitsFile(message: unknown): DigitsFileOutcome {
  if (!isDigitsFileMessage(message)) return { kind: 'other' };
  const bytes = checkDigitsPayload(message.bytes);
  if (typeof bytes === 'string') return refuse(bytes);
  try {
    const set = decodeDigits(bytes);
    registerTable(digitsTable(set));
    return { kind: 'registered', count: set.count };
  } catch (error) {
    return refuse(error instanceof Error ? error.message : String(error));
  }
}
