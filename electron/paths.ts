/**
 * Which path forms main refuses to open or save, whatever their source (the page, the OS or
 * the recent list): Windows network shares (`\\host\share\…`, also written with forward
 * slashes) — opening one makes Windows sign in to that host — and device or raw namespace
 * paths (`\\?\…`, `\\.\…`), which reach past the file system's usual checks.
 */

/** Said to the learner when a path is a network share or a device path. */
export const NETWORK_PATH_MESSAGE =
  'Projects on a network share cannot be opened by path. Copy the file to this computer, or choose it with File › Open….';
export const DEVICE_PATH_MESSAGE = 'That is a device path, not a file. Choose a project file with File › Open….';

/** A sentence when `file` is a network or device path, else null. */
export function refusePathForm(file: string): string | null {
  const start = file.slice(0, 4).replace(/\//g, '\\');
  if (start.startsWith('\\\\?\\') || start.startsWith('\\\\.\\') || start.startsWith('\\??\\')) return DEVICE_PATH_MESSAGE;
  if (start.startsWith('\\\\')) return NETWORK_PATH_MESSAGE;
  return null;
}
