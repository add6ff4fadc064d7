import { defineConfig } from '@playwright/test';
import { headlessChromium } from './scripts/headless-chromium.mjs';

// End-to-end tests drive the built renderer in the browser host (no Electron binary can run
// on our machines). Debian's Chromium is used where it exists; elsewhere the global setup
// fetches Playwright's own build once, so `npm test` needs no extra step.
/** E2E_PORT lets two checkouts run their browser tests side by side. */
const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/e2e-artifacts',
  globalSetup: './test/e2e/global-setup.ts',
  timeout: 120_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    // Each test starts as a learner who left the app in the Lab (renderer/app/place.ts), where
    // most journeys begin; the first-start journeys (home.spec.ts) clear it to see the welcome.
    storageState: {
      cookies: [],
      origins: [
        { origin: `http://127.0.0.1:${port}`, localStorage: [{ name: 'activation-lab.place', value: '{"area":"lab","inLesson":false}' }] },
      ],
    },
    viewport: { width: 1440, height: 900 },
    launchOptions: headlessChromium(),
  },
  webServer: {
    command: `npx vite preview --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
