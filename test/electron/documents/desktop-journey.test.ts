/**
 * The desktop project journey end to end, without Electron: the built renderer in Chromium
 * with a window.lab shaped like the preload's, engine commands relayed through the real IPC
 * handlers to the real bundled worker (the shell harness's stand-in), and project calls relayed to a real DocumentController saving real files in a
 * temporary folder. Dialogs and the Save / Don't Save / Cancel question answer as scripted.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { standInEngine, startShellHarness, type ShellHarness } from '../shell-harness';
import type { EngineHost } from '../../../electron/engine-host';
import { defaultConfig } from '../../../core/config';
import type { LoadedProject, ProjectAction, ProjectPreview, ProjectUpdate } from '../../../core/ipc';
import { createProject, momentCount, paramCount, parseProject, serializeProject, summarize, type Project } from '../../../core/project';
import { irisConfig } from '../../../core/tabular/presets';
import { seeded } from '../../core/project/sample';
import { DocumentController } from '../../../electron/documents/controller';
import { readProjectFile, writeProjectFile } from '../../../electron/documents/files';
import { RecentFiles } from '../../../electron/documents/recent';
import { RecentPreviews } from '../../../electron/documents/previews';
import { Backups } from '../../../electron/documents/backups';
import { projectWorkerForThisFile } from './parser';

const worker = projectWorkerForThisFile();

const root = path.resolve(__dirname, '..', '..', '..');
let scratch: string;
let origin: string;
let browser: Browser;

let shell: ShellHarness | undefined;

beforeAll(async () => {
  shell = await startShellHarness('actlab-docs-journey-');
  ({ scratch, origin, browser } = shell);
}, 180_000);

afterAll(async () => {
  await shell?.close();
});

type Call = (page: Page, name: string, payload: unknown) => Promise<void>;
const call: Call = (page, name, payload) =>
  page
    .evaluate(([n, p]) => (window as unknown as Record<string, (v: unknown) => void>)[n as string](p), [name, payload] as const)
    .then(
      () => undefined,
      () => undefined,
    );

/**
 * The page with a preload-shaped window.lab, wired to a real engine and a real DocumentController.
 * `reopen` stands for electron/window.ts loading the page again after its process crashed: a
 * new renderer (a new Playwright page, since a crashed one cannot navigate) on the same main
 * side, which hands it the open document as documents/index.ts does on did-finish-load.
 */
async function openDesktop(page: Page, folder: string) {
  const saveAnswers: (string | null)[] = [];
  const questionAnswers: number[] = [];
  const questions: string[] = [];
  const titles: string[] = [];
  const updates: ProjectUpdate[] = [];
  const engines: EngineHost[] = [];
  const pages: Page[] = [];
  let current = page;
  const recent = new RecentFiles({ file: path.join(folder, 'user-data', 'recent-projects.json') });
  const previews = new RecentPreviews({ file: path.join(folder, 'user-data', 'recent-previews.json') });
  const controller = new DocumentController({
    platform: 'linux',
    files: { read: (file) => readProjectFile(file, worker.parser()), write: (file, text) => writeProjectFile(file, text) },
    dialogs: { chooseOpen: async () => null, chooseSave: async () => saveAnswers.shift() ?? null },
    ask: async (question) => {
      questions.push(question.message);
      return questionAnswers.shift() ?? question.cancelId;
    },
    page: {
      load: (project: LoadedProject) => void call(current, '__labLoad', project),
      saved: (saved) => void call(current, '__labSaved', saved),
      offer: (offer) => void call(current, '__labOffer', offer),
    },
    recent,
    backups: new Backups({ dir: path.join(folder, 'user-data', 'backups'), sessionId: 'journey', parser: worker.parser() }),
    newProjectJson: () => serializeProject(createProject({ config: defaultConfig() })),
    now: () => new Date(),
  });
  controller.attachWindow({ setTitle: (t) => titles.push(t), setDocumentEdited: () => undefined, setRepresentedFilename: () => undefined });

  async function wire(target: Page): Promise<void> {
    current = target;
    pages.push(target);
    // The engine part of window.lab: the shell harness's stand-in (real IPC handlers, real worker).
    engines.push((await standInEngine(target, scratch)).host);
    await target.exposeFunction('__labUpdate', (update: ProjectUpdate) => {
      updates.push(update);
      controller.update(update);
    });
    await target.exposeFunction('__labAction', (action: ProjectAction) => controller.action(action));
    await target.exposeFunction('__labOpenPath', (file: string) => controller.openRecent(file));
    // As documents/index.ts wires them: the list with each file's picture, and pictures for the open file only.
    await target.exposeFunction('__labRecent', async () => {
      const files = await recent.load();
      await previews.load();
      return { projects: files.map((file) => ({ path: file, details: previews.get(file) })), removed: recent.takeGone() };
    });
    await target.exposeFunction('__labPreview', ({ loaded, ...details }: ProjectPreview) => {
      const file = controller.current().path;
      if (controller.describes(loaded) && file !== null && recent.has(file)) void previews.set(file, details, recent.cached());
    });
    await target.exposeFunction('__labRestoreBackup', () => controller.restoreOffered());
    await target.exposeFunction('__labDiscardBackup', () => controller.discardOffered());
    await target.addInitScript(() => {
      type Listener = (value: unknown) => void;
      const channels: Record<string, Set<Listener>> = { load: new Set(), saved: new Set(), offer: new Set(), menu: new Set() };
      const on = (name: string) => (listener: Listener) => {
        channels[name].add(listener);
        return () => channels[name].delete(listener);
      };
      const w = window as unknown as Record<string, (...args: unknown[]) => unknown>;
      const { onNotice, ...engine } = w.__labEngineApi as unknown as Record<string, unknown>;
      w.__labLoad = (project) => channels.load.forEach((l) => l(project));
      w.__labSaved = (saved) => channels.saved.forEach((l) => l(saved));
      w.__labOffer = (offer) => channels.offer.forEach((l) => l(offer));
      (window as unknown as { lab: unknown }).lab = {
        engine,
        project: {
          update: (update: unknown) => void w.__labUpdate(update),
          action: (action: unknown) => w.__labAction(action),
          openPath: (file: unknown) => w.__labOpenPath(file),
          openDropped: async () => ({ ok: false, message: 'No drops in this journey.' }),
          recent: () => w.__labRecent(),
          preview: (preview: unknown) => void w.__labPreview(preview),
          onLoad: on('load'),
          onSaved: on('saved'),
          onBackupFound: on('offer'),
          restoreBackup: () => w.__labRestoreBackup(),
          discardBackup: () => w.__labDiscardBackup(),
        },
        menu: { onCommand: on('menu') },
        onNotice,
        progress: { load: async () => '', save: async () => undefined },
        appInfo: async () => ({ name: 'Activation Lab', version: '0.0.0', electron: '45', chrome: '0', node: '0' }),
        files: {
          saveExport: async () => ({ ok: false, message: 'No exports in this journey.' }),
          setAvailableExports: () => undefined,
          onExport: () => () => undefined,
        },
      };
    });
  }
  await wire(page);

  async function reopen(): Promise<Page> {
    const next = await browser.newPage();
    await wire(next);
    next.once('load', () => void controller.pageReloaded());
    await next.goto(`${origin}/index.html`);
    return next;
  }

  async function dispose(): Promise<void> {
    for (const engine of engines) await engine.dispose();
    for (const p of pages) await p.close().catch(() => undefined);
  }

  return { controller, saveAnswers, questionAnswers, questions, titles, updates, reopen, dispose };
}

async function readNumber(page: Page, label: string): Promise<number> {
  const text = await page.getByLabel(label, { exact: true }).first().innerText();
  return Number(text.replace(/[^0-9.eE+-]/g, ''));
}

async function trainAndPause(page: Page): Promise<number> {
  await page.getByRole('tab', { name: 'Lab' }).click();
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect.poll(() => readNumber(page, 'Epoch'), { timeout: 20_000 }).toBeGreaterThan(30);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await page.getByRole('button', { name: 'Play', exact: true }).waitFor();
  await new Promise((resolve) => setTimeout(resolve, 300));
  return readNumber(page, 'Epoch');
}

/**
 * Runs `journey` on a fresh page of the built renderer under the desktop stand-in, with its
 * own user folder; the engine, the page and the folder are gone afterwards, pass or fail.
 */
async function withDesktop(
  journey: (desktop: { folder: string; page: Page; errors: string[]; desk: Awaited<ReturnType<typeof openDesktop>> }) => Promise<void>,
): Promise<void> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'actlab-docs-user-'));
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const desk = await openDesktop(page, folder);
  try {
    await page.goto(`${origin}/index.html`);
    await journey({ folder, page, errors, desk });
  } finally {
    await desk.dispose();
    rmSync(folder, { recursive: true, force: true });
  }
}

describe('desktop project journey', () => {
  it('saves through main, reopens from the recent list, asks before throwing work away, refuses a damaged file', async () => {
    await withDesktop(async ({ folder, page, errors, desk }) => {
      const epoch = await trainAndPause(page);

      // Save: main asks where (scripted), writes the file, the page hears it was saved.
      const file = path.join(folder, 'journey.actlab');
      desk.saveAnswers.push(path.join(folder, 'journey'));
      await page.getByRole('tab', { name: 'Projects' }).click();
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await expect.poll(() => existsSync(file)).toBe(true);
      const saved = parseProject(readFileSync(file, 'utf8'));
      expect(saved.ok && saved.project.state?.epoch).toBe(epoch);
      expect(saved.ok && saved.project.name).toBe('journey');
      await expect.poll(() => page.getByRole('status', { name: 'Project status' }).innerText()).toBe('Saved as journey.actlab.');
      await expect.poll(() => desk.controller.current()).toEqual({ path: file, name: 'journey.actlab', dirty: false });
      expect(desk.titles.at(-1)).toBe('journey.actlab — Activation Lab');
      // The recent list shows the saved file with the network in a line and the picture the page sent main.
      const card = page.getByRole('list', { name: 'Recent projects' }).getByRole('listitem').first();
      await card.getByText(/^Network: 2 → /).waitFor();
      await card.getByRole('img', { name: /^Decision boundary of the network on the / }).waitFor();

      // New on a clean project asks nothing and starts again at epoch 0.
      await page.getByRole('button', { name: 'New', exact: true }).click();
      await page.getByRole('tab', { name: 'Lab' }).click();
      await expect.poll(() => readNumber(page, 'Epoch')).toBe(0);

      // Training makes it dirty; New asks, and Cancel keeps everything.
      const second = await trainAndPause(page);
      await expect.poll(() => desk.controller.current().dirty, { timeout: 10_000 }).toBe(true);
      await page.getByRole('tab', { name: 'Projects' }).click();
      desk.questionAnswers.push(2);
      await page.getByRole('button', { name: 'New', exact: true }).click();
      await expect.poll(() => desk.questions.length).toBe(1);
      expect(desk.questions[0]).toBe('Do you want to save the changes you made to "Untitled"?');
      await page.getByRole('tab', { name: 'Lab' }).click();
      expect(await readNumber(page, 'Epoch')).toBe(second);

      // Open Recent with Don't Save: the saved project comes back at its epoch.
      await page.getByRole('tab', { name: 'Projects' }).click();
      desk.questionAnswers.push(1);
      await page.getByRole('button', { name: `Open journey.actlab from ${folder}` }).click();
      await expect.poll(() => readNumber(page, 'Epoch')).toBe(epoch);
      await page.screenshot({ path: path.join(root, 'test-results', 'projects-desktop-reopened.png') });

      // A damaged file in the recent list: a message, and the open project stays.
      writeFileSync(file, '{"format": "activation-lab-project", "version": 2, "name": "jou');
      await page.getByRole('tab', { name: 'Projects' }).click();
      await page.getByRole('button', { name: `Open journey.actlab from ${folder}` }).click();
      await expect.poll(() => page.getByRole('alert', { name: 'Project problem' }).innerText()).toMatch(/^The file is cut off/);
      await page.screenshot({ path: path.join(root, 'test-results', 'projects-desktop-damaged.png') });
      await page.getByRole('tab', { name: 'Lab' }).click();
      expect(await readNumber(page, 'Epoch')).toBe(epoch);
      expect(desk.controller.current().path).toBe(file);
      expect(errors).toEqual([]);
    });
  });

  it('opens an Iris network from a file into the Lab, and saves it back through main bit for bit', async () => {
    await withDesktop(async ({ folder, page, errors, desk }) => {
      await page.getByRole('tab', { name: 'Lab' }).click();
      await expect.poll(() => page.getByLabel('Test loss', { exact: true }).first().innerText()).not.toBe('—');

      const config = irisConfig([{ size: 8, activation: 'tanh' }]);
      const random = seeded(9);
      const values = () => Array.from({ length: paramCount(config) }, () => (random() - 0.5) * 2);
      const project = createProject({
        name: 'flowers',
        config,
        state: {
          epoch: 37,
          params: values(),
          optimizer: Array.from({ length: momentCount('adam') }, (_, m) => (m === 1 ? values().map(Math.abs) : values())),
          step: 420,
        },
        savedAt: new Date(0),
      });
      const file = path.join(folder, 'flowers.actlab');
      writeFileSync(file, serializeProject(project));
      expect(await desk.controller.openPath(file)).toEqual({ ok: true, message: '' });
      await expect.poll(() => page.getByRole('tab', { name: 'Lab' }).getAttribute('aria-selected')).toBe('true');
      await expect.poll(() => readNumber(page, 'Epoch')).toBe(37);
      const iris = page.getByRole('radiogroup', { name: 'Data with many inputs' }).getByRole('radio', { name: 'Iris flowers' });
      await expect.poll(() => iris.getAttribute('aria-checked')).toBe('true');
      await page.screenshot({ path: path.join(root, 'test-results', 'projects-desktop-iris.png') });

      await page.getByRole('tab', { name: 'Projects' }).click();
      await expect.poll(() => page.getByLabel("The open project's network").innerText()).toContain('4 → 8 → 3, iris flowers');
      await page.screenshot({ path: path.join(root, 'test-results', 'projects-desktop-iris-area-light.png') });
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.screenshot({ path: path.join(root, 'test-results', 'projects-desktop-iris-area-dark.png') });
      // Save writes what the page's engine holds: the same numbers that were opened.
      writeFileSync(file, '');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await expect.poll(() => readFileSync(file, 'utf8').length).toBeGreaterThan(0);
      const saved = parseProject(readFileSync(file, 'utf8'));
      if (!saved.ok) throw new Error(saved.message);
      const bits = (p: Project) =>
        Buffer.concat([p.state!.params, ...p.state!.optimizer].map((list) => Buffer.from(Float64Array.from(list).buffer)));
      expect(saved.project.config).toEqual(config);
      expect(saved.project.state?.epoch).toBe(37);
      expect(bits(saved.project).equals(bits(project))).toBe(true);
      expect(errors).toEqual([]);
    });
  });

  it('loses nothing when the page crashes: the reloaded page gets the unsaved work, still unsaved, and Save writes that work', async () => {
    await withDesktop(async ({ folder, page, desk }) => {
      const saved = await trainAndPause(page);
      const file = path.join(folder, 'crash.actlab');
      desk.saveAnswers.push(file);
      await page.getByRole('tab', { name: 'Projects' }).click();
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await expect.poll(() => existsSync(file)).toBe(true);

      // More training, not saved: main is told the newer state, dirty.
      const unsaved = await trainAndPause(page);
      expect(unsaved).toBeGreaterThan(saved);
      const epochOf = (json: string) => {
        const parsed = parseProject(json);
        return parsed.ok ? (parsed.project.state?.epoch ?? 0) : -1;
      };
      await expect.poll(() => desk.updates.some((u) => u.dirty && epochOf(u.json) === unsaved), { timeout: 15_000 }).toBe(true);
      expect(desk.controller.current()).toEqual({ path: file, name: 'crash.actlab', dirty: true });

      // The page's process crashes; the window loads it again (electron/window.ts).
      const crashed = new Promise<void>((resolve) => page.once('crash', () => resolve()));
      await page.goto('chrome://crash').catch(() => undefined);
      await crashed;
      const before = desk.updates.length;
      const fresh = await desk.reopen();

      // The fresh page is handed the open document and shows the unsaved epoch, still unsaved.
      await fresh.getByRole('tab', { name: 'Lab' }).click();
      await expect.poll(() => readNumber(fresh, 'Epoch'), { timeout: 15_000 }).toBe(unsaved);
      await fresh.screenshot({ path: path.join(root, 'test-results', 'projects-desktop-after-crash.png') });
      // Its updates say which of main's loads they describe; main took none from before that one.
      await expect.poll(() => desk.updates.slice(before).some((u) => u.loaded === 1 && u.dirty), { timeout: 15_000 }).toBe(true);
      expect(desk.controller.current()).toEqual({ path: file, name: 'crash.actlab', dirty: true });
      expect(desk.titles.at(-1)).toBe('• crash.actlab — Activation Lab');
      await fresh.getByRole('tab', { name: 'Projects' }).click();
      await fresh.screenshot({ path: path.join(root, 'test-results', 'projects-desktop-after-crash-projects.png') });

      // Ctrl+S (the menu's Save, straight to main): the learner's work goes into the file.
      expect(await desk.controller.save()).toEqual({ ok: true, message: '' });
      expect(epochOf(readFileSync(file, 'utf8'))).toBe(unsaved);
      expect(desk.controller.current().dirty).toBe(false);
    });
  });
  it('work an earlier run left is a notice where the learner is; Restore brings it back without asking when nothing changed', async () => {
    await withDesktop(async ({ folder, page, errors, desk }) => {
      // An earlier run of the app backed up unsaved Iris work and closed without saving.
      const earlier = new Backups({ dir: path.join(folder, 'user-data', 'backups'), sessionId: 'earlier', parser: worker.parser() });
      const work = createProject({ name: 'earlier work', config: irisConfig() });
      earlier.changed({ json: serializeProject(work), name: 'Untitled', path: null });
      await earlier.flush();
      // What main does once the page has loaded.
      await page.getByRole('tab', { name: 'Lessons' }).waitFor();
      expect(await desk.controller.offerBackup()).toBe(true);

      const notice = page.getByRole('region', { name: 'Unsaved work found' });
      await expect.poll(() => notice.innerText(), { timeout: 10_000 }).toContain(summarize(irisConfig()).line);
      expect(await notice.innerText()).toContain('when Activation Lab was last open');
      // No question, no detour: the learner stays on the lessons.
      expect(desk.questions).toEqual([]);
      expect(await page.getByRole('tab', { name: 'Lessons' }).getAttribute('aria-selected')).toBe('true');
      await page.screenshot({ path: path.join(root, 'test-results', 'projects-desktop-restore-notice.png') });

      await notice.getByRole('button', { name: 'Restore unsaved work' }).click();
      await expect.poll(() => notice.count()).toBe(0);
      expect(desk.questions).toEqual([]);
      expect(await page.getByRole('tab', { name: 'Lessons' }).getAttribute('aria-selected')).toBe('true');
      await page.getByRole('tab', { name: 'Lab' }).click();
      await expect
        .poll(() => page.getByRole('radio', { name: 'Iris flowers' }).getAttribute('aria-checked'), { timeout: 20_000 })
        .toBe('true');
      await expect.poll(() => desk.controller.current().dirty).toBe(true);
      expect(errors).toEqual([]);
    });
  });
});
