import { readFileSync } from 'node:fs';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

/**
 * The lint rule of the typed IPC contract, through the project's real ESLint config: raw
 * ipcMain, ipcRenderer and webContents.send are errors anywhere in the app's code except the
 * typed helper files.
 */
// Type-aware rules off: the project service knows only files on disk, not pretend paths.
const eslint = new ESLint({ ignore: false, overrideConfig: [tseslint.configs.disableTypeChecked] });
const code = readFileSync(new URL('../lint-fixtures/electron-raw-ipc.ts', import.meta.url), 'utf8');

async function rawIpcFindings(pretendPath: string): Promise<Array<{ rule: string | null; line: number }>> {
  const [result] = await eslint.lintText(code, { filePath: pretendPath });
  return result.messages.filter((m) => /typed IPC contract/.test(m.message)).map((m) => ({ rule: m.ruleId, line: m.line }));
}

describe('raw IPC outside the typed helpers (lint)', () => {
  it('flags each import, each use through the module, and each webContents.send', async () => {
    const findings = await rawIpcFindings('electron/bad-ipc.ts');
    const lines = code.split('\n');
    const lineOf = (text: string) => lines.findIndex((l) => l.includes(text)) + 1;
    expect(findings).toEqual(
      expect.arrayContaining([
        { rule: 'no-restricted-imports', line: lineOf('import { BrowserWindow, ipcMain, ipcRenderer }') },
        { rule: 'no-restricted-syntax', line: lineOf('electron.ipcMain.handle') },
        { rule: 'no-restricted-syntax', line: lineOf('win.webContents.send') },
        { rule: 'no-restricted-syntax', line: lineOf('  webContents.send') },
      ]),
    );
    // Both names in the named import are reported, and so is the namespace import that reaches them.
    expect(findings.filter((f) => f.rule === 'no-restricted-imports').map((f) => f.line)).toEqual([
      lineOf('import * as electron'),
      lineOf('import { BrowserWindow, ipcMain, ipcRenderer }'),
      lineOf('import { BrowserWindow, ipcMain, ipcRenderer }'),
    ]);
  });

  it('flags it in core/ and the renderer too', async () => {
    expect((await rawIpcFindings('core/bad-ipc.ts')).some((f) => f.rule === 'no-restricted-syntax')).toBe(true);
    expect((await rawIpcFindings('renderer/app/bad-ipc.ts')).some((f) => f.rule === 'no-restricted-syntax')).toBe(true);
  });

  it('allows it in the typed helper files only', async () => {
    for (const helper of ['electron/ipc-main.ts', 'electron/ipc-page.ts', 'electron/ipc-typed.ts']) {
      expect(await rawIpcFindings(helper)).toEqual([]);
    }
  });
});
