/**
 * What the packaged-app smoke test (test/e2e/packaged-app.spec.ts) starts, or why it skips.
 *
 * The executable is always the stock Electron binary of the pinned version from
 * node_modules/electron: Playwright drives Electron through `--inspect`, which the packaged
 * binary refuses by design (build/fuses.cjs turns EnableNodeCliInspectArguments off). The
 * app it loads is
 *   - with ACTLAB_PACKAGED_APP=<unpacked folder> (the release workflow): that folder's
 *     app.asar, exactly the bytes the installers ship, while scripts/check-fuses.ts reads
 *     the fuses of that folder's own binary;
 *   - otherwise: this checkout's build (`electron .` after `npm run build`), as in CI.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { appNamesFromConfig, unpackedAppAt } from '../../scripts/release-apps';

export type SmokeTarget = { run: true; electron: string; app: string; label: string } | { run: false; reason: string };

/** The environment variable naming the unpacked app to test. */
export const PACKAGED_APP_VARIABLE = 'ACTLAB_PACKAGED_APP';

/**
 * Path of the Electron binary in node_modules/electron, or why there is none. Read from the
 * files its installer leaves (path.txt and dist/) rather than by `require('electron')`, which
 * would try to download the binary on the spot.
 */
export function electronBinary(
  electronPackage: string,
  env: Record<string, string | undefined> = {},
): { path: string } | { missing: string } {
  const pathFile = path.join(electronPackage, 'path.txt');
  if (!existsSync(pathFile)) {
    return {
      missing:
        'node_modules/electron holds no downloaded binary (no path.txt; `node node_modules/electron/install.js` fetches it where the network allows)',
    };
  }
  const relative = readFileSync(pathFile, 'utf8').trim();
  const binary = env.ELECTRON_OVERRIDE_DIST_PATH
    ? path.join(env.ELECTRON_OVERRIDE_DIST_PATH, relative)
    : path.join(electronPackage, 'dist', relative);
  if (!existsSync(binary))
    return { missing: `the Electron binary ${binary} does not exist (run \`node node_modules/electron/install.js\`)` };
  return { path: binary };
}

/**
 * Decides what the smoke test runs. Skips only when no Electron binary can be had and no
 * packaged app was asked for; a packaged app that was asked for but cannot be tested is an
 * error, so a release build can never pass by skipping.
 */
export function smokeTarget(env: Record<string, string | undefined>, root: string, electronPackage: string): SmokeTarget {
  const electron = electronBinary(electronPackage, env);
  const requested = env[PACKAGED_APP_VARIABLE];
  if (requested) {
    if ('missing' in electron) {
      throw new Error(`${PACKAGED_APP_VARIABLE} is set but ${electron.missing}.`);
    }
    const app = unpackedAppAt(path.resolve(root, requested), appNamesFromConfig(root));
    return { run: true, electron: electron.path, app: app.asar, label: `packaged app ${path.relative(root, app.asar)}` };
  }
  if ('missing' in electron) {
    return {
      run: false,
      reason: `no Electron binary can be had here: ${electron.missing}. CI and release runners download it after npm ci.`,
    };
  }
  if (!existsSync(path.join(root, 'dist', 'electron', 'main.cjs')) || !existsSync(path.join(root, 'dist', 'renderer', 'index.html'))) {
    throw new Error('The app is not built: run `npm run build` before the smoke test.');
  }
  return { run: true, electron: electron.path, app: root, label: "this checkout's build" };
}

/** Command-line arguments for one start: a private profile folder, the app, then any files to open. */
export function launchArgs(target: { app: string }, userData: string, files: readonly string[] = []): string[] {
  return [`--user-data-dir=${userData}`, target.app, ...files];
}
