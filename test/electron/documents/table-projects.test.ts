/**
 * Digits and Iris networks through the main process's document logic with real files in a
 * temporary folder: saved, reopened bit for bit, and brought back from a crash backup.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LabConfig } from '../../../core/config';
import type { LoadedProject } from '../../../core/ipc';
import { createProject, momentCount, paramCount, parseProject, serializeProject, type Project } from '../../../core/project';
import { digitsConfig, irisConfig } from '../../../core/tabular/presets';
import { Backups } from '../../../electron/documents/backups';
import { DocumentController } from '../../../electron/documents/controller';
import { readProjectFile, writeProjectFile } from '../../../electron/documents/files';
import { seeded } from '../../core/project/sample';
import { temporaryFolder, textOf } from './helpers';
import { projectWorkerForThisFile } from './parser';

const worker = projectWorkerForThisFile();

let folder: ReturnType<typeof temporaryFolder>;
beforeEach(() => {
  folder = temporaryFolder();
});
afterEach(() => folder.remove());

/** A trained-looking project: every number from a seeded generator, Adam's moments included. */
function trained(name: string, config: LabConfig, seed: number): Project {
  const random = seeded(seed);
  const values = () => Array.from({ length: paramCount(config) }, () => (random() - 0.5) * 0.3);
  return createProject({
    name,
    config,
    state: {
      epoch: 6,
      params: values(),
      optimizer: Array.from({ length: momentCount(config.training.optimizer) }, (_, m) => (m === 1 ? values().map(Math.abs) : values())),
      step: 1500,
    },
    history: [{ epoch: 6, trainLoss: 0.12, testLoss: 0.2, trainAccuracy: 0.97, testAccuracy: 0.95 }],
    savedAt: new Date(Date.UTC(2026, 10, 28, 23, 0)),
  });
}

/** The bytes of every double in the state, params then moments, for a bit-for-bit comparison. */
function stateBytes(project: Project): Buffer {
  const state = project.state!;
  return Buffer.concat([state.params, ...state.optimizer].map((list) => Buffer.from(Float64Array.from(list).buffer)));
}

function sameBits(a: Project, b: Project): boolean {
  return a.state!.epoch === b.state!.epoch && a.state!.step === b.state!.step && stateBytes(a).equals(stateBytes(b));
}

/** A controller on real files; dialogs save where told and the Save / Restore questions answer as scripted. */
function desktop(sessionId: string, answers: number[] = []) {
  const loaded: LoadedProject[] = [];
  const saveAs: string[] = [];
  const details: string[] = [];
  const offers: string[] = [];
  const backups = new Backups({ dir: path.join(folder.dir, 'user-data', 'backups'), sessionId, delayMs: 60_000, parser: worker.parser() });
  const controller = new DocumentController({
    platform: 'linux',
    files: { read: (file) => readProjectFile(file, worker.parser()), write: (file, text) => writeProjectFile(file, text) },
    dialogs: { chooseOpen: async () => null, chooseSave: async () => saveAs.shift() ?? null },
    ask: async (question) => {
      details.push(question.detail);
      return answers.shift() ?? question.cancelId;
    },
    page: { load: (project) => void loaded.push(project), saved: () => undefined, offer: (offer) => void offers.push(offer.summary) },
    recent: { has: () => false, add: async () => undefined, remove: async () => undefined },
    backups,
    newProjectJson: () => serializeProject(createProject({ config: irisConfig(), savedAt: new Date(0) })),
    now: () => new Date(Date.UTC(2026, 10, 28, 23, 30)),
  });
  return { controller, loaded, saveAs, backups, details, offers };
}

function parsed(json: string): Project {
  const result = parseProject(json);
  if (!result.ok) throw new Error(result.message);
  return result.project;
}

describe('table networks in the desktop documents', () => {
  it('saves a 784 → 128 → 10 digits network with Adam and reopens it bit for bit', async () => {
    const project = trained('digits', digitsConfig([{ size: 128, activation: 'relu' }]), 21);
    const first = desktop('one');
    const started = performance.now();
    const json = serializeProject(project);
    const serialized = performance.now();
    first.controller.update({ json, dirty: true });
    first.saveAs.push(path.join(folder.dir, 'my digits'));
    expect(await first.controller.save()).toEqual({ ok: true, message: '' });
    const written = performance.now();
    const file = path.join(folder.dir, 'my digits.actlab');
    const bytes = readFileSync(file).length;
    console.log(
      `digits 784→128→10 with Adam: ${(bytes / 1024 / 1024).toFixed(2)} MB; serialize ${(serialized - started).toFixed(0)} ms, ` +
        `check and write through the controller ${(written - serialized).toFixed(0)} ms`,
    );
    expect(bytes).toBeGreaterThan(5 * 1024 * 1024);

    const second = desktop('two');
    expect(await second.controller.openPath(file)).toEqual({ ok: true, message: '' });
    expect(second.loaded).toHaveLength(1);
    expect(second.loaded[0]).toMatchObject({ name: 'my digits.actlab', path: file, restored: false });
    const back = parsed(textOf(second.loaded[0]));
    expect(back.config).toEqual(project.config);
    expect(back.name).toBe('my digits');
    expect(sameBits(back, project)).toBe(true);
    expect(second.controller.current()).toEqual({ path: file, name: 'my digits.actlab', dirty: false });
  });

  it('saves and reopens an Iris network bit for bit', async () => {
    const project = trained('flowers', irisConfig([{ size: 8, activation: 'tanh' }]), 4);
    const first = desktop('one');
    first.controller.update({ json: serializeProject(project), dirty: true });
    first.saveAs.push(path.join(folder.dir, 'flowers.actlab'));
    expect((await first.controller.save()).ok).toBe(true);
    const second = desktop('two');
    expect((await second.controller.openPath(path.join(folder.dir, 'flowers.actlab'))).ok).toBe(true);
    const back = parsed(textOf(second.loaded[0]));
    expect(back.config).toEqual(project.config);
    expect(sameBits(back, project)).toBe(true);
  });

  it('brings a digits network back from a crash backup bit for bit', async () => {
    const project = trained('unsaved digits', digitsConfig([{ size: 64, activation: 'relu' }]), 8);
    const crashed = desktop('crashed');
    crashed.controller.update({ json: serializeProject(project), dirty: true });
    await crashed.backups.flush();
    // The next start finds it, the page says what it is, and the learner chooses Restore.
    const next = desktop('next');
    expect(await next.controller.offerBackup()).toBe(true);
    expect(next.offers).toEqual(['784 → 64 → 10, handwritten digits']);
    expect((await next.controller.restoreOffered()).ok).toBe(true);
    expect(next.details).toEqual([]);
    expect(next.loaded[0]).toMatchObject({ name: 'Untitled', path: null, restored: true });
    const back = parsed(textOf(next.loaded[0]));
    expect(back.config).toEqual(project.config);
    expect(sameBits(back, project)).toBe(true);
    expect(next.controller.current().dirty).toBe(true);
  });
});
