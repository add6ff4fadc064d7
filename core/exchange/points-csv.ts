/**
 * Reads the learner's own 2-D points from CSV text: one line per point, x₁, x₂ and a class
 * (0, 1 or 2) or a value. Commas, semicolons or tabs separate the columns (with semicolons
 * or tabs a decimal comma is fine), double quotes may wrap a field, a first line of names is
 * a header. Bad lines are reported by line and column, saying what is wrong and what to do;
 * the good ones are kept, so the learner can look at both before using any.
 */
import { LIMITS, type DataPoint, type ProblemType } from '../config';

/** Largest points file read (5,000 points need about 150 kB; this leaves room for long numbers). */
export const MAX_POINTS_CSV_BYTES = 1024 * 1024;
/** Largest magnitude of a coordinate or value (the engine's own bound). */
export const MAX_POINT_VALUE = 1e6;
/** The plotted square: points beyond ±6 train the network but do not show. */
const PLOT_EDGE = 6;

export interface CsvProblem {
  /** 1-based line of the file. */
  line: number;
  /** 1-based column, or null when the whole line is wrong. */
  column: number | null;
  /** What is wrong and what to do, without the place (see `describeProblem`). */
  text: string;
}

export interface PointsCsv {
  /** False when nothing can be used: `message` says why. */
  ok: boolean;
  message: string | null;
  /** The good lines' points, in file order. */
  points: DataPoint[];
  /** The bad lines, in file order. */
  problems: CsvProblem[];
  /** The header's names, or null when the file has none. */
  header: string[] | null;
  /** How the third column was read. */
  problem: ProblemType;
  /** Why the third column was read so, and other things worth knowing (points off the plot…). */
  notes: string[];
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const COLUMN_NAMES = ['x₁', 'x₂'];

/** "Line 4, column 2 (x₂): …" */
export function describeProblem(p: CsvProblem, problem: ProblemType): string {
  if (p.column === null) return `Line ${p.line}: ${p.text}`;
  const name = p.column <= 2 ? COLUMN_NAMES[p.column - 1] : problem === 'regression' ? 'value' : 'class';
  return `Line ${p.line}, column ${p.column} (${name}): ${p.text}`;
}

/** A message when a file is too big to read as points, else null. */
export function pointsFileSizeProblem(bytes: number): string | null {
  if (bytes <= MAX_POINTS_CSV_BYTES) return null;
  const mb = (bytes / (1024 * 1024)).toFixed(1);
  return `The file is ${mb} MB; a points file can be at most 1 MB (the Lab takes at most ${LIMITS.maxPoints.toLocaleString('en')} points). Choose a smaller file or remove lines.`;
}

interface Record_ {
  line: number;
  fields: string[];
}

/** Splits CSV text into records (RFC 4180 quoting), each with the line it starts on. */
function records(text: string, delimiter: string): { rows: Record_[]; unclosed: number | null } {
  const rows: Record_[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let quoteLine = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"' && field.trim() === '') {
      quoted = true;
      quoteLine = line;
      field = '';
    } else if (ch === delimiter) {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      fields.push(field);
      rows.push({ line: start, fields });
      fields = [];
      field = '';
      line++;
      start = line;
    } else field += ch;
  }
  if (quoted) return { rows, unclosed: quoteLine };
  if (field !== '' || fields.length > 0) {
    fields.push(field);
    rows.push({ line: start, fields });
  }
  return { rows, unclosed: null };
}

/** The separator used most on the first line that has any: comma, semicolon or tab. */
function detectDelimiter(text: string): string {
  const first = text.split(/\r?\n/).find((l) => l.trim() !== '' && !l.trim().startsWith('#')) ?? '';
  const counts = [',', ';', '\t'].map((d) => ({ d, n: first.split(d).length - 1 }));
  counts.sort((a, b) => b.n - a.n);
  return counts[0].n > 0 ? counts[0].d : ',';
}

type Parsed = { value: number } | { text: string };

function parseNumber(raw: string, decimalComma: boolean): Parsed {
  const s = raw.trim();
  if (s === '') return { text: 'is empty. Write a number there, such as 1.5 or -0.25.' };
  const normal = decimalComma ? s.replace(',', '.') : s;
  if (!NUMBER.test(normal))
    return {
      text: `“${s.length > 24 ? `${s.slice(0, 24)}…` : s}” is not a number. Write a number such as 1.5 or -0.25 (a point, not a comma, before the decimals).`,
    };
  const value = Number(normal);
  if (!Number.isFinite(value) || Math.abs(value) > MAX_POINT_VALUE)
    return { text: `${s} is too large. Use numbers from -1,000,000 to 1,000,000.` };
  return { value };
}

function isClass(v: number): boolean {
  return v === 0 || v === 1 || v === 2;
}

/** What the header's third name says the column holds, if anything. */
function headerProblem(header: string[] | null): ProblemType | null {
  const name = header?.[2]?.trim().toLowerCase() ?? '';
  if (/class|label|category|group|species/.test(name)) return 'classification';
  if (/value|target|^y$|output|height|z/.test(name)) return 'regression';
  return null;
}

/**
 * Reads points from CSV text. `problem` forces how the third column is read; without it a
 * header name decides ("class", "value"…), else whole numbers 0, 1 and 2 mean classes.
 */
export function readPointsCsv(text: string, problem?: ProblemType): PointsCsv {
  const fail = (message: string, problems: CsvProblem[] = []): PointsCsv => ({
    ok: false,
    message,
    points: [],
    problems,
    header: null,
    problem: problem ?? 'classification',
    notes: [],
  });
  const sizeProblem = pointsFileSizeProblem(text.length);
  if (sizeProblem) return fail(sizeProblem);
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') {
    return fail('The file is empty. A points file has one line per point: x1, x2 and a class (0, 1 or 2) or a value, separated by commas.');
  }
  const delimiter = detectDelimiter(body);
  const { rows, unclosed } = records(body, delimiter);
  if (unclosed !== null) {
    return fail(`Line ${unclosed}: a double quote (") opens a field there and is never closed. Close it, or remove it, and import again.`);
  }
  const lines = rows.filter((r) => !(r.fields.every((f) => f.trim() === '') || r.fields[0].trim().startsWith('#')));
  if (lines.length === 0)
    return fail('The file has no points, only empty or comment lines. Add one line per point: x1, x2 and a class or value.');

  const decimalComma = delimiter !== ',';
  let header: string[] | null = null;
  const first = lines[0];
  if (first.fields.every((f) => !('value' in parseNumber(f, decimalComma))) && first.fields.some((f) => /[a-z]/i.test(f))) {
    header = first.fields.map((f) => f.trim());
    lines.shift();
  }
  const problems: CsvProblem[] = [];
  const read: { line: number; x1: number; x2: number; label: number }[] = [];
  for (const row of lines) {
    const n = row.fields.length;
    if (n !== 3) {
      const shown = row.fields.join(delimiter === '\t' ? ' ' : delimiter).trim();
      const what = `${n} value${n === 1 ? '' : 's'}${shown.length <= 40 ? ` (“${shown}”)` : ''}`;
      const sep = delimiter === '\t' ? 'tabs' : delimiter === ';' ? 'semicolons' : 'commas';
      problems.push({
        line: row.line,
        column: null,
        text: `has ${what}; each line needs three, separated by ${sep}: x1, x2 and a class or value.`,
      });
      continue;
    }
    const values: number[] = [];
    let bad: CsvProblem | null = null;
    for (let c = 0; c < 3 && bad === null; c++) {
      const parsed = parseNumber(row.fields[c], decimalComma);
      if ('value' in parsed) values.push(parsed.value);
      else bad = { line: row.line, column: c + 1, text: parsed.text };
    }
    if (bad) problems.push(bad);
    else read.push({ line: row.line, x1: values[0], x2: values[1], label: values[2] });
  }

  const notes: string[] = [];
  let kind: ProblemType;
  if (problem) kind = problem;
  else {
    const named = headerProblem(header);
    if (named) {
      kind = named;
      notes.push(
        `The header calls the third column “${header?.[2] ?? ''}”, so it is read as ${named === 'regression' ? 'a value to predict' : 'the class'}.`,
      );
    } else if (read.length > 0 && read.every((p) => isClass(p.label))) {
      kind = 'classification';
      notes.push('The third column holds only 0, 1 and 2, so it is read as the class.');
    } else {
      kind = 'regression';
      notes.push('The third column holds other numbers than 0, 1 and 2, so it is read as a value to predict.');
    }
  }
  const points: DataPoint[] = [];
  for (const p of read) {
    if (kind === 'classification' && !isClass(p.label)) {
      problems.push({
        line: p.line,
        column: 3,
        text: `${p.label} is not a class. Use 0, 1 or 2, or read the third column as values to predict.`,
      });
    } else points.push({ x1: p.x1, x2: p.x2, label: p.label });
  }
  problems.sort((a, b) => a.line - b.line);

  const result = { header, problem: kind, problems, notes };
  if (points.length > LIMITS.maxPoints) {
    return {
      ...result,
      ok: false,
      points: [],
      message: `The file has ${points.length.toLocaleString('en')} good points; the Lab takes at most ${LIMITS.maxPoints.toLocaleString('en')}. Remove some lines and import again.`,
    };
  }
  if (points.length < 2) {
    const good = points.length === 0 ? 'No line' : 'Only one line';
    return {
      ...result,
      ok: false,
      points,
      message: `${good} of the file is a usable point; at least two are needed. Fix the lines listed below and import again.`,
    };
  }
  const off = points.filter((p) => Math.abs(p.x1) > PLOT_EDGE || Math.abs(p.x2) > PLOT_EDGE).length;
  if (off > 0)
    notes.push(
      `${off} point${off === 1 ? ' lies' : 's lie'} outside the plotted square from -6 to 6: they train the network but do not show. Scale your data to fit if you want to see them.`,
    );
  if (kind === 'classification' && new Set(points.map((p) => p.label)).size === 1) {
    notes.push(`Every point is class ${points[0].label}: the network has nothing to tell apart until points of another class are added.`);
  }
  return { ...result, ok: true, message: null, points };
}
