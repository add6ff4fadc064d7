/**
 * Compares the Electron version pinned in package.json with the registry's latest stable
 * release. The weekly workflow (.github/workflows/electron-current.yml) runs it and opens an
 * issue when a newer one exists.
 *
 *   npx tsx scripts/electron-update.ts
 *
 * Prints what it found; under GitHub Actions it also writes `pinned`, `latest`, `newer`,
 * `title` and `body` to $GITHUB_OUTPUT for the steps after it. Exits 0 either way.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** A stable version "major.minor.patch" as three numbers; null for a pre-release or anything else. */
export function parseStable(version: string): [number, number, number] | null {
  const match = /^v?(\d+)\.(\d+)\.(\d+)$/.exec(version.trim());
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : null;
}

/** Negative when a is older than b, 0 when equal, positive when newer. */
export function compareStable(a: [number, number, number], b: [number, number, number]): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** The exact Electron version package.json pins (release builds must not drift). */
export function pinnedElectron(packageJson: string): string {
  const pkg = JSON.parse(packageJson) as { devDependencies?: Record<string, string>; dependencies?: Record<string, string> };
  const spec = pkg.devDependencies?.electron ?? pkg.dependencies?.electron;
  if (!spec) throw new Error('package.json does not list electron.');
  if (!parseStable(spec)) throw new Error(`package.json should pin electron to one stable version (like "45.5.0"), not "${spec}".`);
  return spec.trim().replace(/^v/, '');
}

export interface UpdateCheck {
  pinned: string;
  latest: string;
  newer: boolean;
  title: string;
  body: string;
}

/** What to tell the maintainers, given the pinned version and the registry's latest stable one. */
export function compareElectron(pinned: string, latest: string): UpdateCheck {
  const have = parseStable(pinned);
  const now = parseStable(latest);
  if (!have) throw new Error(`The pinned Electron version "${pinned}" is not a stable version.`);
  if (!now) throw new Error(`The registry's latest Electron "${latest}" is not a stable version; its "latest" tag looks wrong.`);
  const newer = compareStable(now, have) > 0;
  const major = now[0] > have[0];
  const title = `Update Electron to ${latest}`;
  const body = [
    `The registry's latest stable Electron is **${latest}**; package.json pins **${pinned}**${major ? ' (a new major version)' : ''}.`,
    '',
    'Electron releases carry Chromium and Node security fixes, so the installers should follow them. To update:',
    '',
    `1. \`npm install -D --save-exact electron@${latest}\``,
    `2. Read the release notes between ${pinned} and ${latest}${major ? ', including the breaking changes of the new major version' : ''}.`,
    '3. `npm test`; then push a branch and let CI run the packaged-app smoke test on all three systems.',
    '4. Tag a release so the installers are rebuilt.',
    '',
    'Opened by the weekly "Electron stays current" workflow.',
  ].join('\n');
  return { pinned, latest, newer, title, body };
}

/** The registry's latest stable Electron, asked through npm. */
export function latestElectron(): string {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  return execFileSync(npm, ['view', 'electron', 'dist-tags.latest'], { encoding: 'utf8', shell: process.platform === 'win32' }).trim();
}

/** Lines for $GITHUB_OUTPUT; the multi-line body uses the heredoc form with a delimiter it cannot contain. */
export function githubOutput(check: UpdateCheck): string {
  const delimiter = 'ELECTRON_UPDATE_BODY_END';
  if (check.body.includes(delimiter)) throw new Error('The issue text contains the output delimiter.');
  return [
    `pinned=${check.pinned}`,
    `latest=${check.latest}`,
    `newer=${check.newer}`,
    `title=${check.title}`,
    `body<<${delimiter}`,
    check.body,
    delimiter,
    '',
  ].join('\n');
}

function main(): void {
  const check = compareElectron(pinnedElectron(readFileSync(path.join(root, 'package.json'), 'utf8')), latestElectron());
  console.log(
    check.newer
      ? `Electron ${check.latest} is out; package.json pins ${check.pinned}.`
      : `Electron ${check.pinned} is current (the latest stable is ${check.latest}).`,
  );
  if (process.env.GITHUB_OUTPUT) appendFileSync(process.env.GITHUB_OUTPUT, githubOutput(check));
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    main();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
