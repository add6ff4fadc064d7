/**
 * The packaged-app smoke test: starts the real app in real Electron and checks what only
 * Electron can show. Which app and which binary: test/packaged/target.ts. The release
 * workflow points it at an unpacked app with ACTLAB_PACKAGED_APP; without an Electron binary
 * (as on our build machines) it reports itself skipped with the reason.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { APP_ORIGIN, CONTENT_SECURITY_POLICY } from '../../electron/security';
import { expectLabAt, expectLessonMath, expectOpenFile, trainForASecond } from '../packaged/app-steps';
import { readProjectText, roundTripDifferences, smokeProjectText } from '../packaged/fixture';
import { launchArgs, smokeTarget } from '../packaged/target';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const target = smokeTarget(process.env, root, path.join(root, 'node_modules', 'electron'));

/** Makes the main process's file dialogs answer `file` at once, and records every message box. */
async function stubDialogs(app: ElectronApplication, file: string): Promise<void> {
  await app.evaluate(({ dialog }, chosen) => {
    const record = globalThis as unknown as { smokeMessages?: string[] };
    record.smokeMessages ??= [];
    const answer = async (...args: unknown[]) => {
      const options = (args.length > 1 ? args[1] : args[0]) as { message?: string; cancelId?: number };
      record.smokeMessages?.push(options.message ?? '');
      return { response: options.cancelId ?? 0, checkboxChecked: false };
    };
    dialog.showSaveDialog = (async () => ({ canceled: false, filePath: chosen })) as unknown as typeof dialog.showSaveDialog;
    dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: [chosen] })) as unknown as typeof dialog.showOpenDialog;
    dialog.showMessageBox = answer as unknown as typeof dialog.showMessageBox;
    dialog.showErrorBox = ((title: string, content: string) =>
      record.smokeMessages?.push(`${title}: ${content}`)) as typeof dialog.showErrorBox;
  }, file);
}

function messagesShown(app: ElectronApplication): Promise<string[]> {
  return app.evaluate(() => (globalThis as unknown as { smokeMessages?: string[] }).smokeMessages ?? []);
}

test('the packaged app starts in real Electron, trains, renders lessons, saves and opens projects', async () => {
  if (!target.run) {
    console.log(`SKIPPED packaged-app smoke test: ${target.reason}`);
    test.skip(true, target.reason);
    return;
  }
  test.setTimeout(240_000);
  console.log(`Smoke test of ${target.label} in ${target.electron}`);
  const work = mkdtempSync(path.join(os.tmpdir(), 'actlab-smoke-'));
  const userData = path.join(work, 'profile');
  const firstFile = path.join(work, 'first fixture.actlab');
  const secondFile = path.join(work, 'second fixture.actlab');
  writeFileSync(firstFile, smokeProjectText('first fixture', 321));
  writeFileSync(secondFile, smokeProjectText('second fixture', 654));

  const app = await electron.launch({
    executablePath: target.electron,
    args: launchArgs(target, userData, [firstFile]),
    env: { ...process.env, ELECTRON_ENABLE_LOGGING: '1' },
    timeout: 90_000,
  });
  const mainLog: string[] = [];
  app.process().stderr?.on('data', (chunk: Buffer) => mainLog.push(chunk.toString()));
  const pageErrors: string[] = [];
  try {
    const page = await app.firstWindow();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.waitForLoadState('domcontentloaded');

    await test.step('the window opens on app://', async () => {
      expect(page.url().startsWith(`${APP_ORIGIN}/`), page.url()).toBe(true);
      expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
    });

    await test.step('the page runs with the secure webPreferences', async () => {
      // getLastWebPreferences is not in Electron's typings but is how Electron itself reads
      // the preferences a page got (sandbox included, which app.enableSandbox() forces).
      const prefs = await app.evaluate(({ BrowserWindow }) => {
        const contents = BrowserWindow.getAllWindows()[0].webContents as unknown as {
          getLastWebPreferences?: () => Record<string, unknown> | null;
        };
        if (typeof contents.getLastWebPreferences !== 'function') return 'this Electron has no webContents.getLastWebPreferences()';
        const p = contents.getLastWebPreferences();
        return (
          p && {
            contextIsolation: p.contextIsolation,
            sandbox: p.sandbox,
            nodeIntegration: p.nodeIntegration,
            nodeIntegrationInWorker: p.nodeIntegrationInWorker,
            nodeIntegrationInSubFrames: p.nodeIntegrationInSubFrames,
            webSecurity: p.webSecurity,
            allowRunningInsecureContent: p.allowRunningInsecureContent,
            webviewTag: p.webviewTag,
          }
        );
      });
      expect(prefs).toEqual({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
      });
    });

    await test.step('the Content-Security-Policy header arrives and is enforced', async () => {
      const header = await page.evaluate(async () => (await fetch('/index.html')).headers.get('content-security-policy'));
      expect(header).toBe(CONTENT_SECURITY_POLICY);
      const evaluated = await page.evaluate(() => {
        try {
          return String(new Function('return "ran"')());
        } catch (error) {
          return (error as Error).name;
        }
      });
      expect(evaluated).toBe('EvalError');
    });

    await test.step('window.lab exists and nothing else of Electron or Node does', async () => {
      const seen = await page.evaluate(() => {
        const w = window as unknown as Record<string, unknown>;
        const lab = w.lab as Record<string, unknown> | undefined;
        return {
          lab: lab ? Object.keys(lab) : null,
          globals: ['require', 'process', 'module', 'Buffer', 'global', 'electron', 'ipcRenderer', '__dirname'].filter((name) => name in w),
        };
      });
      expect(seen.lab).toEqual(expect.arrayContaining(['engine', 'project', 'appInfo']));
      expect(seen.globals).toEqual([]);
      const info = await page.evaluate(() => (window as unknown as { lab: { appInfo(): Promise<{ electron: string }> } }).lab.appInfo());
      expect(info.electron).toBe(require('electron/package.json').version);
    });

    await test.step('a file named on the command line opens', async () => {
      await expectLabAt(page, 321);
      await expectOpenFile(page, 'first fixture.actlab');
    });

    let trainedEpoch = 0;
    await test.step('the engine worker trains for a second', async () => {
      const { before, after } = await trainForASecond(page);
      expect(after).toBeGreaterThan(before);
      trainedEpoch = after;
    });

    await test.step('a lesson renders its math', async () => {
      await expectLessonMath(page);
      await page.screenshot({ path: `test-results/packaged-app-lesson-${process.platform}.png` });
    });

    await test.step('a project saves to a folder and reopens bit for bit', async () => {
      const savedFile = path.join(work, 'saved.actlab');
      await stubDialogs(app, savedFile);
      await page.getByRole('tab', { name: 'Projects' }).click();
      await page.getByRole('button', { name: 'Save As…' }).click();
      await expectOpenFile(page, 'saved.actlab');
      const saved = readProjectText(readFileSync(savedFile, 'utf8'));
      expect(saved.state?.epoch).toBe(trainedEpoch);

      await page.getByRole('button', { name: 'New', exact: true }).click();
      await expect(page.getByText('Open now:')).toContainText('Untitled');
      await page.getByRole('button', { name: 'Open…' }).click();
      await expectLabAt(page, trainedEpoch);

      const resavedFile = path.join(work, 'saved again.actlab');
      await stubDialogs(app, resavedFile);
      await page.getByRole('tab', { name: 'Projects' }).click();
      await page.getByRole('button', { name: 'Save As…' }).click();
      await expectOpenFile(page, 'saved again.actlab');
      expect(roundTripDifferences(saved, readProjectText(readFileSync(resavedFile, 'utf8')))).toEqual([]);
    });

    await test.step('a second start hands its file to the first instance', async () => {
      const second = spawn(target.electron, launchArgs(target, userData, [secondFile]), { stdio: 'ignore', env: process.env });
      const exitCode = await new Promise<number | null>((resolve, reject) => {
        second.once('error', reject);
        second.once('exit', resolve);
      });
      expect(exitCode).toBe(0);
      await expectLabAt(page, 654);
      await expectOpenFile(page, 'second fixture.actlab');
      expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
      await page.screenshot({ path: `test-results/packaged-app-projects-${process.platform}.png` });
    });

    expect(await messagesShown(app)).toEqual([]);
    expect(pageErrors).toEqual([]);
  } catch (error) {
    console.log(`Main process output:\n${mainLog.join('')}`);
    throw error;
  } finally {
    await Promise.race([app.close(), new Promise((resolve) => setTimeout(resolve, 15_000))]);
    if (app.process().exitCode === null) app.process().kill();
    rmSync(work, { recursive: true, force: true });
  }
});
