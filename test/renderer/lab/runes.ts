/**
 * Loads a `.svelte.ts` module (runes and all) under Node for a unit test: strips the types
 * with esbuild, compiles the runes with Svelte's own compiler, and points its imports at the
 * real files (other `.svelte.ts` files compiled the same way), so the test runs the module's
 * actual code.
 */
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { transformSync } from 'esbuild';
import { compileModule } from 'svelte/compiler';

const require = createRequire(import.meta.url);

/** The TypeScript file an extensionless import names. */
function sourceFile(base: string): string {
  for (const candidate of [base, `${base}.ts`, `${base}/index.ts`]) if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  throw new Error(`No source file for ${base}`);
}

/** Compiled copies already written, by source file, so a module imported twice is one module. */
const compiled = new Map<string, string>();

/** Compiles one `.svelte.ts` file (and the `.svelte.ts` files it imports); returns the copy's URL. */
function compileRunes(path: string): string {
  const done = compiled.get(path);
  if (done !== undefined) return done;
  const plain = transformSync(readFileSync(path, 'utf8'), { loader: 'ts', format: 'esm', target: 'es2022' }).code;
  const code = compileModule(plain, { filename: path, generate: 'client', dev: false }).js.code;
  const linked = code.replace(/from\s+(['"])([^'"]+)\1/g, (whole, quote: string, spec: string) => {
    if (!spec.startsWith('.')) return `from ${quote}${pathToFileURL(require.resolve(spec)).href}${quote}`;
    const source = sourceFile(resolve(dirname(path), spec));
    return `from ${quote}${source.endsWith('.svelte.ts') ? compileRunes(source) : source}${quote}`;
  });
  const out = join(mkdtempSync(join(tmpdir(), 'runes-')), 'module.js');
  writeFileSync(out, linked);
  const url = pathToFileURL(out).href;
  compiled.set(path, url);
  return url;
}

export async function importRunes<T>(file: string): Promise<T> {
  return (await import(/* @vite-ignore */ compileRunes(resolve(file)))) as T;
}
