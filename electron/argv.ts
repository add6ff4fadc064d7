import path from 'node:path';

/**
 * Finds a project file the OS asked us to open, in a command line (first start on Windows
 * and Linux, or a second instance's argv) — macOS sends `open-file` events instead.
 */

export const PROJECT_EXTENSION = '.actlab';

/**
 * The last argument that names an .actlab file, or null. Switches (-x, --flag=value) are
 * skipped, as is everything up to the app itself (`skip`: 1 when packaged, where argv is
 * [exe, …]; 2 in development, where it is [electron, app-path, …]).
 */
export function projectFileFromArgv(argv: readonly string[], skip: number, workingDirectory?: string): string | null {
  let found: string | null = null;
  for (const arg of argv.slice(skip)) {
    if (arg.startsWith('-') || arg.includes('\0')) continue;
    if (arg.toLowerCase().endsWith(PROJECT_EXTENSION) && arg.length > PROJECT_EXTENSION.length) found = arg;
  }
  return found === null || workingDirectory === undefined ? found : resolveFrom(workingDirectory, found);
}

/**
 * A command-line path as the instance that received it meant it: a relative one is resolved
 * against that instance's working directory (a second instance started elsewhere passes its
 * own), never against this process's.
 */
export function resolveFrom(workingDirectory: string, file: string): string {
  if (path.isAbsolute(file) || path.win32.isAbsolute(file)) return file;
  return path.resolve(workingDirectory, file);
}

/** How many leading argv entries belong to the runtime rather than to the user. */
export function argvSkip(isPackaged: boolean, defaultApp: boolean): number {
  return isPackaged || !defaultApp ? 1 : 2;
}

/**
 * Holds files that arrive before the window can take them (macOS sends `open-file` even
 * before `ready`), then hands them over in order once a receiver is attached.
 */
export class OpenFileQueue {
  private pending: string[] = [];
  private receiver: ((file: string) => void) | null = null;

  push(file: string): void {
    if (this.receiver) this.receiver(file);
    else this.pending.push(file);
  }

  attach(receiver: (file: string) => void): void {
    this.receiver = receiver;
    const waiting = this.pending;
    this.pending = [];
    for (const file of waiting) receiver(file);
  }

  /** The receiver went away (its window closed): hold files again until the next attach. */
  detach(): void {
    this.receiver = null;
  }

  get size(): number {
    return this.pending.length;
  }
}
