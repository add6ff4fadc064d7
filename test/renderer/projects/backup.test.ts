import { describe, expect, it } from 'vitest';
import { createProject, momentCount, paramCount, serializeProject } from '../../../core/project';
import { digitsConfig, irisConfig } from '../../../core/tabular/presets';
import {
  LEGACY_BACKUP_KEY,
  adoptLegacyBackup,
  clearBackup,
  readBackupInfo,
  readBackupProject,
  writeBackup,
} from '../../../renderer/projects/backup';
import type { Slicer } from '../../../renderer/projects/backupSchedule';
import { STORE_CHUNK_CHARS, localBackupStore, readStoredInfo } from '../../../renderer/projects/backupStore';
import { sampleProject, seeded } from '../../core/project/sample';
import { MemoryStorage } from './memoryStorage';

/** A slicer that counts how often the job gave the page its thread back. */
function countingSlicer() {
  const slicer = { breaks: 0, next: async () => void slicer.breaks++ };
  return slicer satisfies Slicer;
}

function digitsProject(hidden = 32) {
  const config = digitsConfig([{ size: hidden, activation: 'relu' }]);
  const random = seeded(5);
  const values = () => Array.from({ length: paramCount(config) }, () => (random() - 0.5) * 0.1);
  return createProject({
    name: 'my digits',
    config,
    state: {
      epoch: 4,
      params: values(),
      optimizer: Array.from({ length: momentCount('adam') }, (_, m) => (m === 1 ? values().map(Math.abs) : values())),
      step: 900,
    },
    history: [{ epoch: 4, trainLoss: 0.3, testLoss: 0.35, trainAccuracy: 0.91, testAccuracy: 0.9 }],
    savedAt: new Date(Date.UTC(2026, 10, 28, 23, 30)),
  });
}

describe('browser backups', () => {
  it('bring a digits project back bit for bit, written in many slices and chunks', async () => {
    const storage = new MemoryStorage();
    const store = localBackupStore(storage);
    const project = digitsProject();
    const slicer = countingSlicer();
    await writeBackup(store, project, slicer);
    expect(slicer.breaks).toBeGreaterThan((3 * paramCount(project.config)) / 4096);
    const text = serializeProject(project);
    expect(storage.length).toBe(1 + Math.ceil(text.length / STORE_CHUNK_CHARS));
    expect(await readBackupInfo(store)).toEqual({
      name: 'my digits',
      backedUpAt: '2026-11-28T23:30:00.000Z',
      epoch: 4,
      summary: '784 → 32 → 10, handwritten digits',
    });
    const back = await readBackupProject(store);
    if (!back.ok) throw new Error(back.message);
    expect(serializeProject(back.project)).toBe(text);
  });

  it('keep the previous backup whole when a newer one is cut off half-way', async () => {
    const store = localBackupStore(new MemoryStorage());
    const first = sampleProject();
    await writeBackup(store, first, countingSlicer());
    // The page closes while the next backup is being written: it never finishes.
    const writer = await store.begin();
    await writer.write('{\n  "format": "activation-lab-project",');
    const back = await readBackupProject(store);
    expect(back.ok && serializeProject(back.project)).toBe(serializeProject(first));
    // The one after that finishes and replaces it.
    const iris = createProject({ name: 'flowers', config: irisConfig(), savedAt: new Date(0) });
    await writeBackup(store, iris, countingSlicer());
    expect((await readBackupInfo(store))?.summary).toBe('4 → 8 → 3, iris flowers');
    const again = await readBackupProject(store);
    expect(again.ok && again.project.name).toBe('flowers');
  });

  it('report a full storage as a failure and leave the last good backup', async () => {
    const store = localBackupStore(new MemoryStorage(200_000));
    await writeBackup(store, sampleProject(), countingSlicer());
    await expect(writeBackup(store, digitsProject(), countingSlicer())).rejects.toThrow();
    expect((await readBackupInfo(store))?.name).toBe('spiral');
    expect((await readBackupProject(store)).ok).toBe(true);
  });

  it('refuse damaged or missing backups with a message, and forget them on clear', async () => {
    const storage = new MemoryStorage();
    const store = localBackupStore(storage);
    expect(await readBackupInfo(store)).toBeNull();
    expect(await readBackupProject(store)).toEqual({ ok: false, message: expect.stringMatching(/could not be read/) });
    await writeBackup(store, sampleProject(), countingSlicer());
    const chunk = [...Array(storage.length).keys()].map((i) => storage.key(i)!).find((key) => /:\d:\d+$/.test(key))!;
    storage.setItem(chunk, storage.getItem(chunk)!.replace('"format"', '"formal"'));
    const damaged = await readBackupProject(store);
    expect(damaged.ok ? '' : damaged.message).toMatch(/not an Activation Lab project/);
    await clearBackup(store);
    expect(storage.length).toBe(0);
    expect(await readBackupInfo(store)).toBeNull();
  });

  it('trust no stored description', () => {
    expect(readStoredInfo(null)).toBeNull();
    expect(readStoredInfo({ name: 'a', backedUpAt: 'x', epoch: 1, summary: 's', slot: 2, chunks: 1 })).toBeNull();
    expect(readStoredInfo({ name: 'a', backedUpAt: 'x', epoch: Number.NaN, summary: 's', slot: 0, chunks: 1 })).toBeNull();
    expect(readStoredInfo({ name: '', backedUpAt: 'x', epoch: 1, summary: 's', slot: 1, chunks: 2 })).toEqual({
      name: 'Untitled',
      backedUpAt: 'x',
      epoch: 1,
      summary: 's',
      slot: 1,
      chunks: 2,
    });
  });
});

describe('a backup left by an earlier version', () => {
  const legacy = (project = sampleProject()) =>
    JSON.stringify({ name: 'old work', backedUpAt: '2026-11-27T10:00:00.000Z', json: serializeProject(project) });

  it('moves into the store and leaves localStorage', async () => {
    const storage = new MemoryStorage();
    storage.setItem(LEGACY_BACKUP_KEY, legacy());
    const store = localBackupStore(storage);
    await adoptLegacyBackup(storage, store);
    expect(storage.getItem(LEGACY_BACKUP_KEY)).toBeNull();
    expect(await readBackupInfo(store)).toMatchObject({ name: 'old work', backedUpAt: '2026-11-27T10:00:00.000Z', epoch: 490 });
    const back = await readBackupProject(store);
    expect(back.ok && back.project.state).toEqual(sampleProject().state);
  });

  it('never replaces a newer backup, and drops a damaged one', async () => {
    const storage = new MemoryStorage();
    const store = localBackupStore(storage);
    await writeBackup(store, { ...sampleProject(), name: 'newer' }, countingSlicer());
    storage.setItem(LEGACY_BACKUP_KEY, legacy());
    await adoptLegacyBackup(storage, store);
    expect((await readBackupInfo(store))?.name).toBe('newer');
    expect(storage.getItem(LEGACY_BACKUP_KEY)).toBeNull();

    const empty = localBackupStore(new MemoryStorage());
    storage.setItem(LEGACY_BACKUP_KEY, '{"json": "{cut');
    await adoptLegacyBackup(storage, empty);
    expect(await readBackupInfo(empty)).toBeNull();
    expect(storage.getItem(LEGACY_BACKUP_KEY)).toBeNull();
    await adoptLegacyBackup(null, empty);
  });
});
