/**
 * Glue: serves the built renderer from app://lab/ with protocol.handle. Which file a URL
 * means, and the headers (CSP included), are decided in app-server.ts and security.ts.
 */
import { protocol } from 'electron';
import { serveAppRequest } from './app-server';
import { APP_SCHEME } from './security';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/** Answers app:// requests with files under `root` (the built renderer folder). */
export function handleAppProtocol(root: string, log: (message: string) => void): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(request, root, log));
}
