/**
 * Answers one app:// request from the files under `root`: the file when the path guard lets
 * it through (with the CSP and content type headers), 404 otherwise, 405 for anything but
 * GET and HEAD. Uses the standard Request/Response, so tests run it under Node.
 */
import { readFile } from 'node:fs/promises';
import { resolveAppPath, responseHeaders } from './security';

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' } });
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
  let body: Buffer;
  try {
    body = await readFile(resolved.file);
  } catch {
    return plain(404, 'Not found');
  }
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers: responseHeaders(resolved.file) });
}
