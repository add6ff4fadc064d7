/**
 * Loads a `.svelte.ts` module (runes and all) under Node for a unit test: strips the types
 * with esbuild, compiles the runes with Svelte's own compiler, and points its imports at the
 * real files, so the test runs the module's actual code.
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

export async function importRunes<T>(file: string): Promise<T> {
  const path = resolve(file);
  const plain = transformSync(readFileSync(path, 'utf8'), { loader: 'ts', format: 'esm', target: 'es2022' }).code;
  const compiled = compileModule(plain, { filename: path, generate: 'client', dev: false }).js.code;
  const linked = compiled.replace(/from\s+(['"])([^'"]+)\1/g, (whole, quote: string, spec: string) => {
    if (spec.startsWith('.')) return `from ${quote}${sourceFile(resolve(dirname(path), spec))}${quote}`;
    return `from ${quote}${pathToFileURL(require.resolve(spec)).href}${quote}`;
  });
  const out = join(mkdtempSync(join(tmpdir(), 'runes-')), 'module.js');
  writeFileSync(out, linked);
  return (await import(/* @vite-ignore */ pathToFileURL(out).href)) as T;
}
