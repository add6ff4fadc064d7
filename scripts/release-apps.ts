/**
 * Where `npm run dist` leaves the unpacked apps in release/, and what is inside each: the
 * file @electron/fuses reads (the executable, or the .app on macOS) and app.asar. Used by
 * the fuse check and the packaged-app smoke test.
 *
 * electron-builder names them linux-unpacked, linux-arm64-unpacked, win-unpacked,
 * win-arm64-unpacked, mac, mac-arm64 and mac-universal.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export type ReleasePlatform = 'linux' | 'win' | 'mac';

export interface UnpackedApp {
  /** The unpacked folder in release/ (release/linux-unpacked, release/mac-universal, …). */
  dir: string;
  platform: ReleasePlatform;
  /** x64, arm64 or universal. */
  arch: string;
  /** What @electron/fuses reads: the executable, or the .app bundle on macOS. */
  fuseTarget: string;
  /** The executable a person starts. */
  executable: string;
  /** The packed app (main process, preload, renderer). */
  asar: string;
}

/** The names electron-builder gives the app's files, from build/electron-builder.config.cjs. */
export interface AppNames {
  productName: string;
  linuxExecutable: string;
}

export function appNamesFromConfig(root: string): AppNames {
  const require = createRequire(path.join(root, 'package.json'));
  const config = require('./build/electron-builder.config.cjs') as { productName: string; linux: { executableName: string } };
  return { productName: config.productName, linuxExecutable: config.linux.executableName };
}

const UNPACKED = /^(linux|win)(?:-([a-z0-9]+))?-unpacked$/;
const MAC = /^mac(?:-([a-z0-9]+))?$/;

/** The unpacked app described by one folder of release/, or null when it is not one. */
export function describeUnpacked(dir: string, names: AppNames): UnpackedApp | null {
  const base = path.basename(dir);
  const unpacked = UNPACKED.exec(base);
  if (unpacked) {
    const platform = unpacked[1] as ReleasePlatform;
    const executable = path.join(dir, platform === 'win' ? `${names.productName}.exe` : names.linuxExecutable);
    return { dir, platform, arch: unpacked[2] ?? 'x64', fuseTarget: executable, executable, asar: path.join(dir, 'resources', 'app.asar') };
  }
  const mac = MAC.exec(base);
  if (mac) {
    const bundle = path.join(dir, `${names.productName}.app`);
    return {
      dir,
      platform: 'mac',
      arch: mac[1] ?? 'x64',
      fuseTarget: bundle,
      executable: path.join(bundle, 'Contents', 'MacOS', names.productName),
      asar: path.join(bundle, 'Contents', 'Resources', 'app.asar'),
    };
  }
  return null;
}

/**
 * The unpacked app at `location`: either a folder electron-builder made (release/win-unpacked)
 * or, for convenience, the .app bundle inside a mac folder. Throws with what to do when the
 * location holds no packaged app.
 */
export function unpackedAppAt(location: string, names: AppNames): UnpackedApp {
  const dir = location.endsWith('.app') ? path.dirname(location) : location;
  const app = describeUnpacked(path.resolve(dir), names);
  if (!app) {
    throw new Error(
      `${location} is not an unpacked app folder of electron-builder (linux-unpacked, win-unpacked, mac-universal, …). Point at one inside release/ after npm run dist.`,
    );
  }
  for (const [what, file] of [
    ['app.asar', app.asar],
    ['executable', app.executable],
  ] as const) {
    if (!existsSync(file)) throw new Error(`${location} has no ${what} at ${file}: was npm run dist interrupted? Run it again.`);
  }
  return app;
}

/** Every unpacked app in a release folder, in name order (none when the folder is missing). */
export function findUnpackedApps(releaseDir: string, names: AppNames): UnpackedApp[] {
  if (!existsSync(releaseDir)) return [];
  return readdirSync(releaseDir)
    .sort()
    .map((name) => path.join(releaseDir, name))
    .filter((entry) => statSync(entry).isDirectory())
    .map((entry) => describeUnpacked(entry, names))
    .filter((app): app is UnpackedApp => app !== null && existsSync(app.fuseTarget));
}
