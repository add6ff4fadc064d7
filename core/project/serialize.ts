/**
 * Writes a project as `.actlab` text. Numbers are written in JavaScript's shortest
 * round-trip form, so every double reads back bit for bit — including −0, which
 * JSON.stringify would turn into 0. One top-level field per line (and one history point
 * per line) keeps files readable and their diffs small.
 *
 * A digits network with Adam's moments holds hundreds of thousands of numbers, and writing
 * one costs a fraction of a microsecond: the whole file can take over 100 ms. So the text
 * can also be made in pieces (`projectPieces`), each a bounded amount of work, which a
 * caller on a busy thread spreads over several short tasks.
 */
import type { EngineState } from '../protocol';
import { PROJECT_FORMAT, PROJECT_VERSION, canonicalChallenge, type Project } from './types';

/** How many parameter numbers one piece of `projectPieces` writes: about 1–2 ms of work on a quiet machine. */
export const NUMBERS_PER_PIECE = 4096;

function writeNumber(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`Cannot save ${n}: project files hold finite numbers only.`);
  return n === 0 && 1 / n < 0 ? '-0' : String(n);
}

/** `values[from..to)` joined by commas: the tight loop that big networks spend their time in. */
function writeNumberRun(values: ArrayLike<number>, from: number, to: number): string {
  const parts = new Array<string>(to - from);
  for (let i = from; i < to; i++) parts[i - from] = writeNumber(values[i]);
  return parts.join(',');
}

/** Compact JSON of plain data (objects, arrays, strings, finite numbers, booleans, null). */
export function writeJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'number':
      return writeNumber(value);
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value) || ArrayBuffer.isView(value)) {
        const items = Array.from(value as ArrayLike<unknown>, (item) => writeJson(item));
        return `[${items.join(',')}]`;
      }
      const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
      return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${writeJson(v)}`).join(',')}}`;
    }
    default:
      throw new Error(`Cannot save a value of type ${typeof value} in a project file.`);
  }
}

/** A list of numbers as text, at most `perPiece` numbers per yielded piece. */
function* numberList(values: ArrayLike<number>, perPiece: number): Generator<string, void, void> {
  if (values.length === 0) {
    yield '[]';
    return;
  }
  for (let from = 0; from < values.length; from += perPiece) {
    const to = Math.min(values.length, from + perPiece);
    yield `${from === 0 ? '[' : ','}${writeNumberRun(values, from, to)}${to === values.length ? ']' : ''}`;
  }
}

/** The `state` field's value in pieces, fields in the engine's order. */
function* statePieces(state: EngineState, perPiece: number): Generator<string, void, void> {
  yield `{"epoch":${writeNumber(state.epoch)},"params":`;
  yield* numberList(state.params, perPiece);
  yield ',"optimizer":[';
  for (let m = 0; m < state.optimizer.length; m++) {
    if (m > 0) yield ',';
    yield* numberList(state.optimizer[m], perPiece);
  }
  yield `],"step":${writeNumber(state.step)}}`;
}

/**
 * The file text in pieces whose concatenation is exactly `serializeProject(project)`. Each
 * piece writes at most `perPiece` of the state's numbers (the settings and history come as
 * a few small pieces). Throws on non-finite numbers, like serializeProject.
 */
export function* projectPieces(project: Project, perPiece: number = NUMBERS_PER_PIECE): Generator<string, void, void> {
  const size = Math.max(1, Math.floor(perPiece));
  yield (
    `{\n  "format": ${JSON.stringify(PROJECT_FORMAT)},\n  "version": ${PROJECT_VERSION},\n` +
    `  "name": ${JSON.stringify(project.name)},\n  "savedAt": ${JSON.stringify(project.savedAt)},\n`
  );
  yield `  "config": ${writeJson(project.config)},\n  "state": `;
  if (project.state === null) yield 'null';
  else yield* statePieces(project.state, size);
  const history = project.history.map((point) => `    ${writeJson(point)}`).join(',\n');
  yield (
    `,\n  "history": ${history.length > 0 ? `[\n${history}\n  ]` : '[]'},\n` +
    `  "lessons": ${writeJson(project.lessons)},\n  "view": ${writeJson(project.view)}` +
    (project.challenge ? `,\n  "challenge": ${writeJson(canonicalChallenge(project.challenge))}` : '') +
    '\n}\n'
  );
}

/** The file text for a project, in the current format version. Throws on non-finite numbers. */
export function serializeProject(project: Project): string {
  let text = '';
  for (const piece of projectPieces(project, Number.MAX_SAFE_INTEGER)) text += piece;
  return text;
}
