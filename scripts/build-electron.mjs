#!/usr/bin/env node
// Bundles the Electron side into CommonJS files beside each other:
//   electron/main.ts          → <outdir>/main.cjs
//   electron/preload.ts       → <outdir>/preload.cjs   (sandboxed: may require only 'electron')
//   electron/engine-worker.ts → <outdir>/engine-worker.cjs
//   electron/project-worker.ts → <outdir>/project-worker.cjs  (parses project files off the main thread)
// Usage: node scripts/build-electron.mjs [--outdir dist/electron] [--only engine-worker] [--dev]
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function option(name) {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

const outdir = path.resolve(option('--outdir') ?? path.join(root, 'dist', 'electron'));
const only = option('--only');
const dev = process.argv.includes('--dev');

const entries = ['main', 'preload', 'engine-worker', 'project-worker'].filter((name) => !only || only.split(',').includes(name));

/** Modules a sandboxed preload may require (Electron's sandbox allows only a few). */
const PRELOAD_ALLOWED = new Set(['electron']);

async function bundle(name) {
  const result = await build({
    absWorkingDir: root,
    entryPoints: { [name]: path.join(root, 'electron', `${name}.ts`) },
    outdir,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['electron'],
    sourcemap: dev ? 'inline' : false,
    minify: false,
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': JSON.stringify(dev ? 'development' : 'production') },
  });
  if (name === 'preload') {
    const outputs = Object.values(result.metafile.outputs);
    const required = outputs.flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path));
    const forbidden = required.filter((p) => !PRELOAD_ALLOWED.has(p));
    if (forbidden.length > 0) {
      throw new Error(`The sandboxed preload may only require 'electron', but it requires: ${forbidden.join(', ')}`);
    }
  }
  return path.join(outdir, `${name}.cjs`);
}

try {
  const files = await Promise.all(entries.map(bundle));
  for (const file of files) console.log(`built ${path.relative(root, file)}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
