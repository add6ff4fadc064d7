import { readFileSync } from 'node:fs';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

/**
 * Lints fixture sources as if they lived in core/ or renderer/, through the project's real
 * ESLint config, to show the import rules of docs/ARCHITECTURE.md fire (and stay quiet where
 * allowed). The type-aware rules are off here: they need no fixture and would only load the
 * whole program for each pretend file.
 */
const eslint = new ESLint({ ignore: false, overrideConfig: [tseslint.configs.disableTypeChecked] });
const IMPORT_RULES = new Set(['no-restricted-imports', 'boundaries/core-layers', 'boundaries/area-boundaries']);

async function restrictedImports(fixture: string, pretendPath: string): Promise<string[]> {
  const code = readFileSync(new URL(`../lint-fixtures/${fixture}`, import.meta.url), 'utf8');
  const [result] = await eslint.lintText(code, { filePath: pretendPath });
  return result.messages.filter((m) => m.ruleId !== null && IMPORT_RULES.has(m.ruleId)).map((m) => m.message);
}

describe('import rules (docs/ARCHITECTURE.md)', () => {
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

  it('rejects core/tabular importing core/engine, and lets core/engine import core/tabular', async () => {
    const messages = await restrictedImports('tabular-imports-engine.ts', 'core/tabular/bad.ts');
    expect(messages).toEqual([expect.stringMatching(/core\/tabular must not import core\/engine .*docs\/ARCHITECTURE\.md/)]);
    expect(await restrictedImports('tabular-imports-engine.ts', 'core/engine/fine.ts')).toEqual([]);
  });

  it("rejects a renderer area reaching into a folder inside another area, whatever the path's spelling", async () => {
    const messages = await restrictedImports('renderer-area-internals.ts', 'renderer/projects/bad.ts');
    expect(messages).toEqual([
      expect.stringMatching(
        /'\.\.\/lab\/table\/gate' reaches into renderer\/lab\/table\/, which is internal to renderer\/lab\/.*docs\/ARCHITECTURE\.md/,
      ),
      expect.stringMatching(/'\.\.\/\.\.\/renderer\/lab\/table\/switch' reaches into renderer\/lab\/table\//),
    ]);
  });

  it("allows an area's top level, its own folders and its own sub-folders' imports", async () => {
    expect(await restrictedImports('renderer-area-public.ts', 'renderer/lessons/good.ts')).toEqual([]);
    // The same internal path is the Lab's own business when the Lab imports it.
    expect(await restrictedImports('renderer-area-internals.ts', 'renderer/lab/fine.ts')).toEqual([]);
  });
});
