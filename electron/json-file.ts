/**
 * Small JSON files in the user-data folder (window state, theme). Reading never throws:
 * a missing or damaged file reads as undefined. Writing goes to a temporary file beside
 * the target that is then renamed over it, so a crash never leaves half a file.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';

export async function readJsonFile(file: string): Promise<unknown> {
  try {
    return JSON.parse(await fs.readFile(file, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

export async function writeJsonFile(file: string, value: unknown): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await fs.writeFile(temporary, `${JSON.stringify(value, null, 2)}\n`, 'utf8');
  await fs.rename(temporary, file);
}
