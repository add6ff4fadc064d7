/**
 * The first look at a file's text, before any field is checked: size, binary data,
 * broken or cut-off JSON, someone else's JSON, and the version. Each case gets its own
 * plain message, so the learner knows what to do next.
 */
import { isRecord, type Json } from './read';
import { MAX_PROJECT_BYTES, PROJECT_EXTENSION, PROJECT_FORMAT, PROJECT_VERSION } from './types';

const CHOOSE_OURS = `Choose a file that ends in ${PROJECT_EXTENSION}.`;

export function tooLargeMessage(bytes: number): string {
  const mb = (n: number) => `${Math.round((n / (1024 * 1024)) * 10) / 10} MB`;
  return `This file is too big to be an Activation Lab project (${mb(bytes)}; projects are at most ${mb(MAX_PROJECT_BYTES)}). ${CHOOSE_OURS}`;
}

/** Text decoded from binary data is full of NUL bytes, replacement characters and control codes. */
export function looksBinary(text: string): boolean {
  const sample = text.slice(0, 4096);
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code === 0) return true;
    if (code === 0xfffd || (code < 32 && code !== 9 && code !== 10 && code !== 13)) odd++;
  }
  return odd > 0 && odd * 20 >= sample.length;
}

/** True when the text stops inside a string or with brackets still open: a cut-off file. */
export function looksTruncated(text: string): boolean {
  let depth = 0;
  let inString = false;
  let escaped = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (escaped) escaped = false;
      else if (c === 92 /* \ */) escaped = true;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 /* { */ || c === 91 /* [ */) depth++;
    else if (c === 125 /* } */ || c === 93 /* ] */) depth--;
  }
  return inString || depth > 0;
}

export type Envelope = { ok: true; file: Json; version: number } | { ok: false; message: string };

/** Decodes the JSON and checks `format` and `version`; the fields themselves come later. */
export function openEnvelope(input: string): Envelope {
  if (input.length > MAX_PROJECT_BYTES) return { ok: false, message: tooLargeMessage(input.length) };
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (text.trim().length === 0) {
    return { ok: false, message: `This file is empty, so there is no project in it. ${CHOOSE_OURS}` };
  }
  let decoded: unknown;
  try {
    decoded = JSON.parse(text);
  } catch {
    if (looksBinary(text)) {
      return { ok: false, message: `This file holds binary data, not an Activation Lab project. ${CHOOSE_OURS}` };
    }
    if (text.trimStart().startsWith('{') && looksTruncated(text)) {
      return { ok: false, message: 'The file is cut off — it may not have finished downloading or saving. Ask for the file again.' };
    }
    return {
      ok: false,
      message:
        'This file is damaged: its text is not valid JSON, so it cannot be read as a project. ' +
        'If someone edited it by hand, undo that change; otherwise ask for the file again.',
    };
  }
  if (!isRecord(decoded) || !Object.prototype.hasOwnProperty.call(decoded, 'format')) {
    return { ok: false, message: `This is not an Activation Lab project (it has no "format" field). ${CHOOSE_OURS}` };
  }
  if (decoded.format !== PROJECT_FORMAT) {
    const what = typeof decoded.format === 'string' ? `"${decoded.format.slice(0, 60)}"` : 'not ours';
    return { ok: false, message: `This is not an Activation Lab project (its format is ${what}). ${CHOOSE_OURS}` };
  }
  const version = decoded.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return {
      ok: false,
      message: 'This project file is damaged: its "version" is missing or is not a whole number. Ask for the file again.',
    };
  }
  if (version > PROJECT_VERSION) {
    return {
      ok: false,
      message: `This file was made by a newer version of Activation Lab (format version ${version}). Update the app to open it.`,
    };
  }
  return { ok: true, file: decoded, version };
}
