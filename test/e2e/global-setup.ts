import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/** Makes sure a Chromium exists: Debian's, or else Playwright's own (downloaded once). */
export default function globalSetup(): void {
  if (existsSync('/usr/bin/chromium')) return;
  if (existsSync(chromium.executablePath())) return;
  console.log("No system Chromium found: installing Playwright's Chromium once.");
  execSync('npx playwright install chromium', { stdio: 'inherit' });
}
