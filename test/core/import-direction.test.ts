import { readFileSync } from 'node:fs';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * Lints fixture sources as if they lived in core/ or renderer/, through the project's real
 * ESLint config, to show the import-direction rules fire (and stay quiet where allowed).
 */
const eslint = new ESLint({ ignore: false });

async function restrictedImports(fixture: string, pretendPath: string): Promise<string[]> {
  const code = readFileSync(new URL(`../lint-fixtures/${fixture}`, import.meta.url), 'utf8');
  const [result] = await eslint.lintText(code, { filePath: pretendPath });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import direction (DESIGN.md)', () => {
  it('rejects core importing from electron/', async () => {
    const messages = await restrictedImports('core-imports-electron.ts', 'core/bad-import.ts');
    expect(messages).toContainEqual(expect.stringMatching(/core must not import from electron/));
  });

  it('rejects core importing a Node module', async () => {
    const messages = await restrictedImports('core-imports-node.ts', 'core/bad-node.ts');
    expect(messages).toEqual([expect.stringMatching(/no Electron, Svelte, DOM or Node modules/)]);
  });

  it('rejects the renderer importing electron or the main process', async () => {
    const messages = await restrictedImports('renderer-imports-electron.ts', 'renderer/bad.ts');
    expect(messages).toContainEqual(expect.stringMatching(/must not import from electron/));
    expect(messages).toContainEqual(expect.stringMatching(/no Electron or Node modules/));
  });

  it('allows the renderer to import core', async () => {
    expect(await restrictedImports('renderer-imports-core.ts', 'renderer/good.ts')).toEqual([]);
  });
});
