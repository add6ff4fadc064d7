/**
 * The first look at a file's text, before any field is checked: size, binary data,
 * broken or cut-off JSON, someone else's JSON, and the version. Each case gets its own
 * plain message, so the learner knows what to do next.
 */
import { isRecord, type Json } from './read';
import { quoted, structureProblem } from './scan';
import { MAX_PROJECT_BYTES, PROJECT_EXTENSION, PROJECT_FORMAT, PROJECT_VERSION } from './types';

/**
 * What to choose instead. Telling the learner to pick a file ending in .actlab is wrong
 * when the file already does; then the name is not the problem, its contents are.
 */
export function chooseOurs(fileName?: string): string {
  if (fileName !== undefined && fileName.toLowerCase().endsWith(PROJECT_EXTENSION)) {
    return `Its name ends in ${PROJECT_EXTENSION}, but it does not hold a project saved by Activation Lab. Open another project, or ask for the file again.`;
  }
  return `Choose a file that ends in ${PROJECT_EXTENSION}.`;
}

export function tooLargeMessage(bytes: number, fileName?: string): string {
  const mb = (n: number) => `${Math.round((n / (1024 * 1024)) * 10) / 10} MB`;
  return `This file is too big to be an Activation Lab project (${mb(bytes)}; projects are at most ${mb(MAX_PROJECT_BYTES)}). ${chooseOurs(fileName)}`;
}

/** Shown for a file whose text stops part-way (the host may add where an earlier copy is). */
export const CUT_OFF_MESSAGE = 'The file is cut off — it may not have finished downloading or saving. Ask for the file again.';

export const OTHER_ENCODING_MESSAGE =
  'This file was saved in another text encoding (UTF-16 or UTF-32), so Activation Lab cannot read it. ' +
  'Open it in a text editor, save it as UTF-8, and open it again.';

/**
 * UTF-16 and UTF-32 text read as UTF-8: ASCII letters with NUL bytes between them (one in
 * two, or three in four), after a byte order mark that reads as replacement characters.
 */
export function looksOtherEncoding(text: string): boolean {
  let start = 0;
  while (start < 4 && start < text.length && (text.charCodeAt(start) === 0xfffd || text.charCodeAt(start) === 0xfeff)) start++;
  const sample = text.slice(start, start + 64);
  if (sample.length < 8) return false;
  let nul = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code === 0) nul++;
    else if (code > 126 || (code < 32 && code !== 9 && code !== 10 && code !== 13)) return false;
  }
  const share = nul / sample.length;
  return share >= 0.4 && share <= 0.8;
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

/**
 * Decodes the JSON and checks `format` and `version`; the fields themselves come later.
 * `fileName`, when known, makes the advice fit the file (see chooseOurs).
 */
export function openEnvelope(input: string, fileName?: string): Envelope {
  if (input.length > MAX_PROJECT_BYTES) return { ok: false, message: tooLargeMessage(input.length, fileName) };
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (text.trim().length === 0) {
    return { ok: false, message: `This file is empty, so there is no project in it. ${chooseOurs(fileName)}` };
  }
  if (looksOtherEncoding(text)) return { ok: false, message: OTHER_ENCODING_MESSAGE };
  const structure = structureProblem(text);
  if (structure !== null) {
    return {
      ok: false,
      message: looksBinary(text) ? `This file holds binary data, not an Activation Lab project. ${chooseOurs(fileName)}` : structure,
    };
  }
  let decoded: unknown;
  try {
    decoded = JSON.parse(text);
  } catch {
    if (looksBinary(text)) {
      return { ok: false, message: `This file holds binary data, not an Activation Lab project. ${chooseOurs(fileName)}` };
    }
    if (text.trimStart().startsWith('{') && looksTruncated(text)) {
      return { ok: false, message: CUT_OFF_MESSAGE };
    }
    return {
      ok: false,
      message:
        'This file is damaged: its text is not valid JSON, so it cannot be read as a project. ' +
        'If someone edited it by hand, undo that change; otherwise ask for the file again.',
    };
  }
  if (!isRecord(decoded) || !Object.prototype.hasOwnProperty.call(decoded, 'format')) {
    return { ok: false, message: `This is not an Activation Lab project (it has no "format" field). ${chooseOurs(fileName)}` };
  }
  if (decoded.format !== PROJECT_FORMAT) {
    const what = typeof decoded.format === 'string' ? quoted(decoded.format) : 'not ours';
    return { ok: false, message: `This is not an Activation Lab project (its format is ${what}). ${chooseOurs(fileName)}` };
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
