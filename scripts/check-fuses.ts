/**
 * Reads the fuse wire back from packaged Electron binaries and fails unless every fuse of
 * build/fuses.cjs is as that file says. The release workflow runs it after `npm run dist`.
 *
 *   npx tsx scripts/check-fuses.ts                 every unpacked app in release/
 *   npx tsx scripts/check-fuses.ts <app> [<app>…]  an unpacked folder, .app or executable
 *
 * @electron/fuses' getCurrentFuseWire reads the first wire of a binary. A universal macOS
 * binary has two (one per slice), so every wire is read here and the first is checked to
 * agree with @electron/fuses' own reading.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { FuseV1Options, FuseVersion, getCurrentFuseWire } from '@electron/fuses';
import { FuseState, SENTINEL } from '@electron/fuses/dist/constants';
import { appNamesFromConfig, findUnpackedApps, unpackedAppAt } from './release-apps';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** One fuse wire as found in a binary: its version and the state byte of each fuse. */
export interface FuseWire {
  version: number;
  states: number[];
}

/** Every fuse wire in a binary's bytes (two in a universal macOS binary). */
export function readFuseWires(binary: Uint8Array): FuseWire[] {
  const bytes = Buffer.from(binary.buffer, binary.byteOffset, binary.byteLength);
  const wires: FuseWire[] = [];
  for (let at = bytes.indexOf(SENTINEL); at !== -1; at = bytes.indexOf(SENTINEL, at + SENTINEL.length)) {
    const wire = at + SENTINEL.length;
    if (wire + 2 > bytes.length) throw new Error('The fuse wire is cut off after its sentinel: the binary is damaged.');
    const length = bytes[wire + 1];
    if (wire + 2 + length > bytes.length) throw new Error('The fuse wire is cut off after its sentinel: the binary is damaged.');
    wires.push({ version: bytes[wire], states: Array.from(bytes.subarray(wire + 2, wire + 2 + length)) });
  }
  if (wires.length === 0) throw new Error('No fuse wire in this file: it is not an Electron binary (Electron 12 or later).');
  return wires;
}

export function stateName(state: number | undefined): string {
  switch (state) {
    case FuseState.ENABLE:
      return 'on';
    case FuseState.DISABLE:
      return 'off';
    case FuseState.REMOVED:
      return 'removed';
    case FuseState.INHERIT:
      return 'inherited';
    case undefined:
      return 'missing (the wire is too short)';
    default:
      return `unknown (byte ${state})`;
  }
}

/** Sentences naming each fuse that is not as `expected` says; empty when all match. */
export function fuseMismatches(wire: FuseWire, expected: Readonly<Record<string, boolean>>): string[] {
  if (String(wire.version) !== FuseVersion.V1)
    return [`The fuse wire has version ${wire.version}; this check knows version ${FuseVersion.V1}. Update @electron/fuses.`];
  const problems: string[] = [];
  for (const [name, on] of Object.entries(expected)) {
    const index = (FuseV1Options as unknown as Record<string, number | undefined>)[name];
    if (typeof index !== 'number') {
      problems.push(`${name}: @electron/fuses does not know this fuse.`);
      continue;
    }
    const want = on ? FuseState.ENABLE : FuseState.DISABLE;
    const have = wire.states[index];
    if (have !== want) problems.push(`${name} is ${stateName(have)}, but build/fuses.cjs says ${on ? 'on' : 'off'}.`);
  }
  return problems;
}

/** The file holding the wire: inside a .app it is the Electron Framework, as @electron/fuses reads it. */
export function fuseFile(target: string): string {
  if (target.endsWith('.app')) return path.join(target, 'Contents', 'Frameworks', 'Electron Framework.framework', 'Electron Framework');
  return target;
}

/** Reads every wire of one packaged binary and checks the first against @electron/fuses' reading. */
export async function readPackagedFuses(target: string): Promise<FuseWire[]> {
  const wires = readFuseWires(readFileSync(fuseFile(target)));
  const official = (await getCurrentFuseWire(target)) as unknown as Record<string, string | number>;
  const officialStates = wires[0].states.map((_, i) => official[i]);
  if (official.version !== String(wires[0].version) || officialStates.some((state, i) => state !== wires[0].states[i])) {
    throw new Error(`@electron/fuses reads a different fuse wire from ${target} than this check does; update scripts/check-fuses.ts.`);
  }
  return wires;
}

/** Checks one packaged binary; returns the problems found (empty when every fuse matches). */
export async function checkPackagedFuses(target: string, expected: Readonly<Record<string, boolean>>): Promise<string[]> {
  const wires = await readPackagedFuses(target);
  return wires.flatMap((wire, i) =>
    fuseMismatches(wire, expected).map((problem) => (wires.length > 1 ? `slice ${i + 1}: ${problem}` : problem)),
  );
}

async function main(args: string[]): Promise<number> {
  const require = createRequire(import.meta.url);
  const { FUSES } = require('../build/fuses.cjs') as { FUSES: Record<string, boolean> };
  const names = appNamesFromConfig(root);
  let targets: string[];
  if (args.length > 0) {
    targets = args.map((arg) => {
      if (!existsSync(arg)) throw new Error(`${arg} does not exist.`);
      // An unpacked folder stands for its binary; a .app bundle or an executable is read as it is.
      return statSync(arg).isDirectory() && !arg.endsWith('.app') ? unpackedAppAt(arg, names).fuseTarget : arg;
    });
  } else {
    targets = findUnpackedApps(path.join(root, 'release'), names).map((app) => app.fuseTarget);
    if (targets.length === 0) throw new Error('No unpacked app in release/: run npm run dist first, or name a packaged binary.');
  }
  let failed = false;
  for (const target of targets) {
    const problems = await checkPackagedFuses(target, FUSES);
    const label = path.relative(process.cwd(), target) || target;
    if (problems.length === 0) {
      console.log(
        `✓ ${label}: ${Object.entries(FUSES)
          .map(([name, on]) => `${name} ${on ? 'on' : 'off'}`)
          .join(', ')}`,
      );
    } else {
      failed = true;
      console.error(`✗ ${label}:`);
      for (const problem of problems) console.error(`    ${problem}`);
    }
  }
  return failed ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    },
  );
}
