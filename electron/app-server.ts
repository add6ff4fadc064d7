/**
 * Answers one app:// request from the files under `root`: the file when the path guard lets
 * it through and it really lies under the root (links are followed first, so one that leads
 * out is refused), 404 otherwise, 405 for anything but GET and HEAD. Every answer carries the
 * CSP. Uses the standard Request/Response, so tests run it under Node.
 */
import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { resolveAppPath, responseHeaders } from './security';

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: responseHeaders('answer.txt') });
}

/** The file's real path when it lies under the root's real path, else null. */
async function realPathUnder(file: string, root: string): Promise<string | null> {
  try {
    const [realFile, realRoot] = await Promise.all([realpath(file), realpath(root)]);
    const fromRoot = path.relative(realRoot, realFile);
    return fromRoot !== '' && !fromRoot.startsWith('..') && !path.isAbsolute(fromRoot) ? realFile : null;
  } catch {
    return null;
  }
}

export async function serveAppRequest(
  request: { url: string; method: string },
  root: string,
  log: (message: string) => void = () => undefined,
): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
  const resolved = resolveAppPath(request.url, root);
  if ('refused' in resolved) {
    log(`app:// refused ${request.url} (${resolved.refused})`);
    return plain(404, 'Not found');
  }
  const real = await realPathUnder(resolved.file, root);
  if (real === null) {
    log(`app:// refused ${request.url} (not a file under the app's folder)`);
    return plain(404, 'Not found');
  }
  let body: Buffer;
  try {
    body = await readFile(real);
  } catch {
    return plain(404, 'Not found');
  }
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers: responseHeaders(resolved.file) });
}
