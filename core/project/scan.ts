/**
 * A look at a file's JSON structure before it is parsed: how deep it nests, how many values
 * it holds and how big each unknown top-level field is. JSON.parse of 64 MB of `{},{},…`
 * builds twenty million objects (about 2 GB, half a minute); a real project never has more
 * than a few million numbers, so such a file is refused here in one pass over the text,
 * without building anything.
 */
import { LIMITS } from '../config';
import { MAX_HISTORY_POINTS, MAX_LESSONS, MAX_LESSON_STEPS } from './types';

/** Deeper than any project nests (the deepest is `config.data.points[i].x1`, four levels). */
export const MAX_PROJECT_DEPTH = 16;

/** Pixels of a digit image: the widest input a network in a project can have. */
const WIDEST_INPUT = 784;
const WIDEST_OUTPUT = 10;

/** The parameters of the largest network a project may describe (digits, the widest and deepest hidden layers). */
function largestParamCount(): number {
  const width = LIMITS.maxTableNeurons;
  const layers = LIMITS.maxHiddenLayers;
  return WIDEST_INPUT * width + width + (layers - 1) * (width * width + width) + width * WIDEST_OUTPUT + WIDEST_OUTPUT;
}

/**
 * Every value (number, text, list, group…) the largest real project holds, with room to
 * spare: the parameters and Adam's two moment lists, the points, the history, the lessons
 * and a few hundred small fields.
 */
export const MAX_PROJECT_VALUES = Math.ceil(
  1.1 * (3 * largestParamCount() + 4 * LIMITS.maxPoints + 6 * MAX_HISTORY_POINTS + MAX_LESSONS * (MAX_LESSON_STEPS + 4) + 1000),
);

/** An unknown top-level field longer than this (in characters of the file) is refused, not carried. */
export const MAX_UNKNOWN_FIELD_CHARS = 4096;

/** Every top-level field a project file of any version has. */
const KNOWN_FIELDS = new Set([
  'format',
  'version',
  'name',
  'savedAt',
  'config',
  'state',
  'history',
  'lessons',
  'view',
  'challenge',
  // version 1 kept the engine state at the top
  'epoch',
  'params',
  'optimizer',
  'step',
]);

const WHAT_TO_DO = 'A file saved by Activation Lab never looks like this; ask for the file again, or open another project.';

/** Quotes a value from the file for a message: escaped, at most `max` characters, never half a character. */
export function quoted(value: string, max = 40): string {
  const chars = Array.from(value);
  const cut = chars.length > max ? `${chars.slice(0, max).join('')}…` : value;
  return JSON.stringify(cut);
}

/**
 * Scans JSON text without building it. Returns a sentence when the structure is far beyond
 * what a project holds, else null (and the text may still be broken JSON: JSON.parse decides).
 */
export function structureProblem(text: string, known: ReadonlySet<string> = KNOWN_FIELDS): string | null {
  const n = text.length;
  let depth = 0;
  let values = 0;
  let inString = false;
  let escaped = false;
  // The top-level field being read: its name, where its value starts, whether it is one we know.
  let keyStart = -1;
  let key = '';
  let valueStart = -1;
  let expectKey = false;
  let topIsObject = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (escaped) escaped = false;
      else if (c === 92 /* \ */) escaped = true;
      else if (c === 34 /* " */) {
        inString = false;
        if (depth === 1 && expectKey && keyStart >= 0) {
          key = text.slice(keyStart, i);
          keyStart = -1;
        }
      }
      continue;
    }
    if (c === 34) {
      inString = true;
      if (depth === 1 && expectKey) keyStart = i + 1;
      else values++;
    } else if (c === 123 /* { */ || c === 91 /* [ */) {
      values++;
      depth++;
      if (depth === 1) expectKey = topIsObject = c === 123;
      if (depth > MAX_PROJECT_DEPTH) {
        return `This file nests its values more than ${MAX_PROJECT_DEPTH} levels deep, far more than a project does. ${WHAT_TO_DO}`;
      }
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      if (depth === 1) {
        const problem = unknownField(key, valueStart, i, known);
        if (problem) return problem;
      }
      depth--;
    } else if (depth === 1) {
      if (c === 58 /* : */) {
        expectKey = false;
        valueStart = i + 1;
      } else if (c === 44 /* , */) {
        const problem = unknownField(key, valueStart, i, known);
        if (problem) return problem;
        expectKey = topIsObject;
        key = '';
        valueStart = -1;
      }
    } else if (c > 32 && c !== 44 && c !== 58) {
      // The first character of a number, true, false or null (the rest are skipped below).
      values++;
      while (i + 1 < n && isWordChar(text.charCodeAt(i + 1))) i++;
    }
    if (values > MAX_PROJECT_VALUES) {
      return (
        `This file holds more than ${MAX_PROJECT_VALUES.toLocaleString('en-US')} values, more than the largest network a project can describe. ` +
        WHAT_TO_DO
      );
    }
  }
  return null;
}

/** Letters, digits, `.`, `+` and `-`: the rest of a number or a word such as `true`. */
function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 46 || c === 43 || c === 45;
}

function unknownField(key: string, start: number, end: number, known: ReadonlySet<string>): string | null {
  if (start < 0 || known.has(key) || end - start <= MAX_UNKNOWN_FIELD_CHARS) return null;
  return (
    `This file has a field ${quoted(key)} that Activation Lab does not know, holding ${sizeInWords(end - start)} of data. ` +
    `Remove that field (or ask for the file again) and open it once more.`
  );
}

function sizeInWords(chars: number): string {
  if (chars >= 1024 * 1024) return `${Math.round((chars / (1024 * 1024)) * 10) / 10} MB`;
  return `${Math.round(chars / 1024)} KB`;
}
