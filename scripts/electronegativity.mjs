#!/usr/bin/env node
// Runs Electronegativity (Doyensec's Electron security scanner) over the main-process
// sources in electron/ and, when built, the bundled preload. Prints every finding and exits
// non-zero when a finding above LOW severity remains. A finding is accepted only through an
// inline `eng-disable <CHECK_ID>` comment that says why, next to the code.
//
// It runs offline: the scanner's network calls (fresh translations, Electron's release
// list) are answered at once with "offline", and the checks that need release data or
// guess the Electron version from package.json are skipped (see EXCLUDED below).
//
// Usage: node scripts/electronegativity.mjs [--source <folder>]   (default: electron/)
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** Checks skipped, each with its reason. */
const EXCLUDED = {
  // Compares the Electron version against a release list it downloads or ships (stale for 45).
  AvailableSecurityFixesGlobalCheck: 'needs Electron release data from the network; its bundled list predates Electron 45',
  ElectronVersionJSONCheck: 'its list of supported Electron versions is stale (it does not know Electron 45)',
};

/** Severity names in increasing order; anything above LOW fails the run. */
const SEVERITY_ORDER = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];

function offlineGot() {
  const fail = () => Promise.reject(new Error('offline: Activation Lab runs Electronegativity without network'));
  const got = Object.assign(fail, { head: fail, get: fail, extend: () => got });
  return got;
}

/** Makes the scanner's HTTP client fail at once instead of waiting for a network that is not there. */
function stubNetwork() {
  const scannerRequire = createRequire(require.resolve('@doyensec/electronegativity'));
  const gotPath = scannerRequire.resolve('got');
  require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: offlineGot() };
}

function copyTree(from, to, keep) {
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from)) {
    const source = path.join(from, name);
    const target = path.join(to, name);
    if (statSync(source).isDirectory()) copyTree(source, target, keep);
    else if (keep(name)) copyFileSync(source, target);
  }
}

/** The CONTENT_SECURITY_POLICY that electron/security.ts exports, read by bundling that file. */
function loadContentSecurityPolicy(scratch) {
  const outfile = path.join(scratch, '..', `${path.basename(scratch)}-security.cjs`);
  buildSync({
    entryPoints: [path.join(root, 'electron', 'security.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile,
    external: ['electron'],
    logLevel: 'error',
  });
  try {
    const policy = require(outfile).CONTENT_SECURITY_POLICY;
    if (typeof policy !== 'string' || !policy.includes("default-src 'self'"))
      throw new Error('electron/security.ts exports no usable CONTENT_SECURITY_POLICY');
    return policy;
  } finally {
    rmSync(outfile, { force: true });
  }
}

async function main() {
  stubNetwork();
  // Quiet the scanner's i18n fallback message about translations.
  const log = console.log;
  console.log = (...args) => {
    if (typeof args[0] === 'string' && args[0].startsWith('Could not retrieve updated translations')) return;
    log(...args);
  };
  const run = require('@doyensec/electronegativity');
  const electronVersion = require('electron/package.json').version;

  // Scan a copy: electron/ sources plus the built preload, if any.
  const sourceIndex = process.argv.indexOf('--source');
  const source = sourceIndex >= 0 ? path.resolve(process.argv[sourceIndex + 1]) : path.join(root, 'electron');
  const input = mkdtempSync(path.join(os.tmpdir(), 'actlab-eng-'));
  try {
    copyTree(source, path.join(input, 'electron'), (name) => /\.(ts|js|cjs|mjs|html)$/.test(name));
    // The CSP is sent as a header by the app:// handler, which the scanner cannot follow; write
    // the very policy security.ts sends into a page so its CSP evaluator judges the real thing.
    const csp = loadContentSecurityPolicy(input);
    writeFileSync(
      path.join(input, 'app-protocol-csp.html'),
      `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${csp.replace(/"/g, '&quot;')}"></head><body></body></html>\n`,
    );
    const builtPreload = path.join(root, 'dist', 'electron', 'preload.cjs');
    if (sourceIndex < 0 && existsSync(builtPreload)) {
      mkdirSync(path.join(input, 'dist'), { recursive: true });
      copyFileSync(builtPreload, path.join(input, 'dist', 'preload.js'));
    }
    const started = Date.now();
    const result = await run({
      input,
      isRelative: true,
      electronVersionOverride: electronVersion,
      excludeFromScan: Object.keys(EXCLUDED),
      parserPlugins: [],
    });
    const issues = result.issues ?? [];
    const failing = issues.filter((i) => SEVERITY_ORDER.indexOf(i.severity.name) > SEVERITY_ORDER.indexOf('LOW'));
    log(
      `Electronegativity: ${result.globalChecks} global and ${result.atomicChecks} atomic checks on Electron ${electronVersion} in ${Date.now() - started} ms.`,
    );
    for (const [check, reason] of Object.entries(EXCLUDED)) log(`  skipped ${check}: ${reason}`);
    for (const error of result.errors ?? []) log(`  could not parse ${error.file}: ${error.message ?? error.tolerable ?? ''}`);
    for (const issue of issues) {
      const where = `${issue.file}:${issue.location?.line ?? '?'}:${issue.location?.column ?? '?'}`;
      log(
        `  ${issue.severity.name.padEnd(13)} ${issue.confidence.name.padEnd(9)} ${issue.id}  ${where}\n      ${issue.description}${issue.manualReview ? ' (review)' : ''}`,
      );
    }
    if (failing.length > 0) {
      log(`${failing.length} finding(s) above LOW severity. Fix them, or justify each with an inline "eng-disable <CHECK_ID>" comment.`);
      process.exitCode = 1;
    } else {
      log(`No finding above LOW severity (${issues.length} at LOW or below).`);
    }
  } finally {
    rmSync(input, { recursive: true, force: true });
  }
}

await main();
