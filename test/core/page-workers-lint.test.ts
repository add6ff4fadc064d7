import { readFileSync } from 'node:fs';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

/**
 * One engine client: the page starts Web Workers in renderer/engine/workers.ts only, checked
 * through the project's real ESLint config on a fixture linted under pretend paths.
 */
// Type-aware rules off: the project service knows only files on disk, not pretend paths.
const eslint = new ESLint({ ignore: false, overrideConfig: [tseslint.configs.disableTypeChecked] });
const code = readFileSync(new URL('../lint-fixtures/renderer-new-worker.ts', import.meta.url), 'utf8');

async function workerFindings(pretendPath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: pretendPath });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

describe('Web Workers in the page (lint)', () => {
  it('refuses new Worker in any other renderer module, pointing to the one that starts them', async () => {
    for (const path of ['renderer/lab/own.ts', 'renderer/projects/own.ts', 'renderer/engine/links.ts']) {
      const findings = await workerFindings(path);
      expect(findings).toHaveLength(1);
      expect(findings[0]).toMatch(/renderer\/engine\/workers\.ts/);
    }
  });

  it('allows it in renderer/engine/workers.ts', async () => {
    expect(await workerFindings('renderer/engine/workers.ts')).toEqual([]);
  });
});
