import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';

// Tests compile `.svelte` components and `.svelte.ts` modules with the app's own Svelte plugin
// (svelte.config.js). Two projects: `node` for everything under Node, and `dom` for
// `*.dom.test.ts` — components in happy-dom with Svelte's client runtime (the browser
// export condition), found by role and name through @testing-library/svelte.
export default defineConfig({
  plugins: [svelte()],
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['test/core/**/*.test.ts', 'test/electron/**/*.test.ts', 'test/renderer/**/*.test.ts', 'test/release/**/*.test.ts'],
          exclude: ['test/**/*.dom.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        plugins: [svelteTesting()],
        test: { name: 'dom', include: ['test/renderer/**/*.dom.test.ts'], environment: 'happy-dom' },
      },
    ],
  },
});
