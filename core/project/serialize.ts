/**
 * Writes a project as `.actlab` text. Numbers are written in JavaScript's shortest
 * round-trip form, so every double reads back bit for bit — including −0, which
 * JSON.stringify would turn into 0. One top-level field per line (and one history point
 * per line) keeps files readable and their diffs small.
 */
import { PROJECT_FORMAT, PROJECT_VERSION, type Project } from './types';

function writeNumber(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`Cannot save ${n}: project files hold finite numbers only.`);
  return Object.is(n, -0) ? '-0' : String(n);
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

/** The file text for a project, in the current format version. Throws on non-finite numbers. */
export function serializeProject(project: Project): string {
  const history = project.history.map((point) => `    ${writeJson(point)}`).join(',\n');
  const lines = [
    `  "format": ${JSON.stringify(PROJECT_FORMAT)}`,
    `  "version": ${PROJECT_VERSION}`,
    `  "name": ${JSON.stringify(project.name)}`,
    `  "savedAt": ${JSON.stringify(project.savedAt)}`,
    `  "config": ${writeJson(project.config)}`,
    `  "state": ${writeJson(project.state)}`,
    `  "history": ${history.length > 0 ? `[\n${history}\n  ]` : '[]'}`,
    `  "lessons": ${writeJson(project.lessons)}`,
    `  "view": ${writeJson(project.view)}`,
  ];
  return `{\n${lines.join(',\n')}\n}\n`;
}
