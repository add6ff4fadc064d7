// How every script and test here starts headless Chromium: Debian's build where it exists
// (CHROMIUM_PATH or CHROMIUM may name another), otherwise Playwright's own; no GPU, no
// sandbox (CI runs as root) and nothing that reaches the network.
import { existsSync } from 'node:fs';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The Chromium to start, or undefined for Playwright's own build. */
export function chromiumPath() {
  const path = process.env.CHROMIUM_PATH ?? process.env.CHROMIUM ?? '/usr/bin/chromium';
  return existsSync(path) ? path : undefined;
}

/** Launch options for Playwright's `chromium.launch` (and `use.launchOptions`). */
export function headlessChromium() {
  return { executablePath: chromiumPath(), args: [...CHROMIUM_ARGS] };
}
