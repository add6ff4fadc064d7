/**
 * Glue: serves the built renderer from app://lab/ with protocol.handle. Which file a URL
 * means, and the headers (CSP included), are decided by the pure functions in security.ts.
 */
import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { APP_SCHEME, resolveAppPath, responseHeaders } from './security';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

function refuse(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

/** Answers app:// requests with files under `root` (the built renderer folder). */
export function handleAppProtocol(root: string, log: (message: string) => void): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, 'Method not allowed');
    const resolved = resolveAppPath(request.url, root);
    if ('refused' in resolved) {
      log(`app:// refused ${request.url} (${resolved.refused})`);
      return refuse(404, 'Not found');
    }
    try {
      const body = await readFile(resolved.file);
      return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers: responseHeaders(resolved.file) });
    } catch {
      return refuse(404, 'Not found');
    }
  });
}
