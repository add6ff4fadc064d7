/**
 * Small readers for untrusted values decoded from JSON. Each returns the value with its
 * proper type or throws `Invalid` with a plain sentence; `parseProject` catches it, so no
 * exception ever leaves the loader. Field names in messages are the ones in FORMAT.md.
 */

export class Invalid extends Error {}

export function fail(message: string): never {
  throw new Invalid(message);
}

export type Json = Record<string, unknown>;

export function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Describes a value for a message: "text", "nothing", "a list"… */
export function describe(value: unknown): string {
  if (value === null) return 'empty (null)';
  if (value === undefined) return 'missing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return value.length > 30 ? 'a piece of text' : `the text ${JSON.stringify(value)}`;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return String(value);
  return 'a group of fields';
}

export function record(value: unknown, where: string): Json {
  if (!isRecord(value)) fail(`"${where}" should be a group of fields, but it is ${describe(value)}.`);
  return value;
}

/** Reads `parent[key]`; `where` is the parent's path ('' at the top of the file). */
export function field(parent: Json, key: string, where: string): unknown {
  if (!Object.prototype.hasOwnProperty.call(parent, key)) fail(`"${where ? `${where}.${key}` : key}" is missing.`);
  return parent[key];
}

export function list(value: unknown, where: string, maxLength: number): unknown[] {
  if (!Array.isArray(value)) fail(`"${where}" should be a list, but it is ${describe(value)}.`);
  if (value.length > maxLength) {
    fail(`"${where}" has ${value.length} entries; the most allowed is ${maxLength}.`);
  }
  return value;
}

export function finite(value: unknown, where: string): number {
  if (typeof value !== 'number') fail(`"${where}" should be a number, but it is ${describe(value)}.`);
  // JSON cannot spell NaN or Infinity, but a huge number such as 1e999 reads as Infinity.
  if (!Number.isFinite(value)) fail(`"${where}" is too large to be a real number.`);
  return value;
}

export function numberIn(value: unknown, where: string, min: number, max: number): number {
  const n = finite(value, where);
  if (n < min || n > max) fail(`"${where}" is ${n}, but it must be between ${min} and ${max}.`);
  return n;
}

export function integerIn(value: unknown, where: string, min: number, max: number): number {
  const n = numberIn(value, where, min, max);
  if (!Number.isInteger(n)) fail(`"${where}" is ${n}, but it must be a whole number.`);
  return n;
}

export function bool(value: unknown, where: string): boolean {
  if (typeof value !== 'boolean') fail(`"${where}" should be true or false, but it is ${describe(value)}.`);
  return value;
}

export function text(value: unknown, where: string, maxLength: number): string {
  if (typeof value !== 'string') fail(`"${where}" should be text, but it is ${describe(value)}.`);
  if (value.length > maxLength) fail(`"${where}" is ${value.length} characters long; the most is ${maxLength}.`);
  return value;
}

export function oneOf<T extends string>(value: unknown, where: string, names: readonly T[]): T {
  if (typeof value !== 'string' || !(names as readonly string[]).includes(value)) {
    fail(`"${where}" is ${describe(value)}, which this app does not know. It should be one of: ${names.join(', ')}.`);
  }
  return value as T;
}

/** A list of finite numbers of exactly `length` entries, copied. */
export function numbers(value: unknown, where: string, length: number): number[] {
  if (!Array.isArray(value)) fail(`"${where}" should be a list of numbers, but it is ${describe(value)}.`);
  if (value.length !== length) {
    fail(`"${where}" has ${value.length} numbers, but the network described in this file needs ${length}.`);
  }
  const out = new Array<number>(length);
  for (let i = 0; i < length; i++) out[i] = finite(value[i], `${where}[${i}]`);
  return out;
}

/** An ISO 8601 date and time such as 2026-11-28T20:46:29Z (with seconds and a zone), as text. */
export function isoTime(value: unknown, where: string): string {
  const time = text(value, where, 40);
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(time) || Number.isNaN(Date.parse(time))) {
    fail(`"${where}" should be a date and time such as 2026-11-28T20:46:29Z, but it is ${JSON.stringify(time)}.`);
  }
  return time;
}
