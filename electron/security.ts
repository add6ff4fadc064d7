/**
 * Every security decision of the shell as a plain function, so Node tests can check them
 * without Electron: window options, the app:// path guard, the Content-Security-Policy,
 * which senders may use IPC, where navigation may go and which links may leave the app.
 * Nothing here imports Electron at run time (the type import is erased by the compiler).
 */
import path from 'node:path';
import type { BrowserWindowConstructorOptions } from 'electron';
import { type ResolvedTheme, backgroundFor } from './theme';

/** The scheme and host the app's pages are served from: app://lab/index.html. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'lab';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

/**
 * The Content-Security-Policy sent with every app:// response. Nothing remote may load.
 * Styles allow 'unsafe-inline' because Svelte transitions and KaTeX write inline style
 * attributes; scripts stay 'self' only with no eval (the engine's generated fast path runs
 * in the worker_threads worker, where no page CSP applies).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  // Every worker is a built file of its own (new Worker(new URL(…, import.meta.url))).
  "worker-src 'self'",
  "connect-src 'self'",
  "media-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "child-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Options for the main window: locked down, and the theme's colour until the page paints.
 * DevTools only in development (`devTools` is `!app.isPackaged`).
 */
export function windowOptions(
  theme: ResolvedTheme,
  preloadPath: string,
  bounds: { x?: number; y?: number; width: number; height: number },
  devTools = false,
): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    minWidth: 800,
    minHeight: 560,
    show: false,
    title: 'Activation Lab',
    backgroundColor: backgroundFor(theme),
    autoHideMenuBar: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      enableBlinkFeatures: '',
      // A middle click must not open links in new windows.
      disableBlinkFeatures: 'Auxclick',
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      disableDialogs: false,
      devTools,
    },
  };
}

/** Why a request for a file was refused (kept for the log). */
export type PathRefusal = 'not-app-url' | 'bad-encoding' | 'forbidden-character' | 'outside-root';

/**
 * Maps an app:// URL to a file inside `root`, or says why it must not be served. Refuses
 * other schemes and hosts, parent-folder segments (plain or percent-encoded), backslashes,
 * null bytes, drive letters and anything that would resolve outside `root`.
 */
export function resolveAppPath(requestUrl: string, root: string): { file: string } | { refused: PathRefusal } {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { refused: 'not-app-url' };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return { refused: 'not-app-url' };
  const raw = url.pathname;
  if (/%5c|%00|\\/i.test(raw)) return { refused: 'forbidden-character' };
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return { refused: 'bad-encoding' };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { refused: 'forbidden-character' };
  const segments = decoded.split('/').filter((s) => s.length > 0);
  if (segments.some((s) => s === '..' || s === '.' || /^[a-zA-Z]:/.test(s))) return { refused: 'outside-root' };
  const relative = segments.length === 0 ? 'index.html' : segments.join('/');
  const base = path.resolve(root);
  const file = path.resolve(base, relative);
  const fromRoot = path.relative(base, file);
  if (fromRoot === '' || fromRoot.startsWith('..') || path.isAbsolute(fromRoot)) return { refused: 'outside-root' };
  return { file };
}

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.md': 'text/markdown; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export function mimeTypeFor(file: string): string {
  return MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Headers for every app:// response. */
export function responseHeaders(file: string): Record<string, string> {
  return {
    'Content-Type': mimeTypeFor(file),
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
  };
}

/**
 * Reads ACTLAB_DEV_URL: only a loopback http(s) address is accepted as a dev server, and
 * only in development — an installed app (`packaged`) never loads pages from anywhere else.
 */
export function devServerUrl(value: string | undefined, packaged = false): string | null {
  if (!value || packaged) return null;
  try {
    const url = new URL(value);
    const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
    return (url.protocol === 'http:' || url.protocol === 'https:') && loopback ? url.origin : null;
  } catch {
    return null;
  }
}

/** True when a frame at `frameUrl` is one of ours: the app:// origin or the dev server. */
export function isTrustedUrl(frameUrl: string | null | undefined, devOrigin: string | null): boolean {
  if (!frameUrl) return false;
  let url: URL;
  try {
    url = new URL(frameUrl);
  } catch {
    return false;
  }
  if (url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '' && url.password === '') return true;
  return devOrigin !== null && url.origin === devOrigin;
}

/** Hosts a link may open in the system browser (reading suggested by the lessons). */
export const EXTERNAL_LINK_HOSTS: readonly string[] = [
  'playground.tensorflow.org',
  'en.wikipedia.org',
  'www.3blue1brown.com',
  'colah.github.io',
];

/** True only for https links to an allow-listed host, without credentials or odd ports. */
export function isAllowedExternalUrl(link: string, hosts: readonly string[] = EXTERNAL_LINK_HOSTS): boolean {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return false;
  }
  return url.protocol === 'https:' && url.username === '' && url.password === '' && url.port === '' && hosts.includes(url.hostname);
}

/** What to do when the page tries to go to `target` (a link click or window.open). */
export type NavigationDecision = { action: 'deny' } | { action: 'open-external'; url: string };

export function decideNavigation(target: string): NavigationDecision {
  return isAllowedExternalUrl(target) ? { action: 'open-external', url: new URL(target).href } : { action: 'deny' };
}

/** The page never gets a permission (camera, notifications, geolocation, …). */
export function permissionAllowed(_permission: string): boolean {
  return false;
}
