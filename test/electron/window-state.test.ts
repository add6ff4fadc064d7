import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_WINDOW_STATE,
  MIN_HEIGHT,
  MIN_WIDTH,
  clampToScreens,
  loadWindowState,
  parseWindowState,
  saveWindowState,
  type Rect,
} from '../../electron/window-state';
import { loadThemeChoice, resolveTheme, saveThemeChoice } from '../../electron/theme';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'actlab-window-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const laptop: Rect = { x: 0, y: 0, width: 1440, height: 875 };
const monitor: Rect = { x: 1440, y: -200, width: 2560, height: 1400 };

describe('window state file', () => {
  it('round-trips through a real file', async () => {
    const file = path.join(dir, 'nested', 'window-state.json');
    await saveWindowState(file, { x: 120, y: 80, width: 1300, height: 850, maximized: true });
    expect(await loadWindowState(file)).toEqual({ x: 120, y: 80, width: 1300, height: 850, maximized: true });
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ maximized: true });
  });

  it('falls back to the default for a missing, corrupt or odd file', async () => {
    expect(await loadWindowState(path.join(dir, 'missing.json'))).toEqual(DEFAULT_WINDOW_STATE);
    const corrupt = path.join(dir, 'corrupt.json');
    await writeFile(corrupt, '{"width": 1200, "height": ');
    expect(await loadWindowState(corrupt)).toEqual(DEFAULT_WINDOW_STATE);
    await writeFile(corrupt, '[1,2,3]');
    expect(await loadWindowState(corrupt)).toEqual(DEFAULT_WINDOW_STATE);
    expect(parseWindowState({ width: -5, height: 700 })).toEqual(DEFAULT_WINDOW_STATE);
    expect(parseWindowState({ width: 'wide', height: 700 })).toEqual(DEFAULT_WINDOW_STATE);
    expect(parseWindowState({ width: 1e300, height: 700 })).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('keeps size but drops a half-given position', () => {
    expect(parseWindowState({ width: 1000.4, height: 700, x: 10 })).toEqual({ width: 1000, height: 700, maximized: false });
  });
});

describe('clampToScreens', () => {
  it('keeps a window that is on a screen where it is', () => {
    const state = { x: 100, y: 50, width: 1200, height: 800, maximized: false };
    expect(clampToScreens(state, [laptop])).toEqual(state);
    const onMonitor = { x: 2000, y: 0, width: 1600, height: 1000, maximized: true };
    expect(clampToScreens(onMonitor, [laptop, monitor])).toEqual(onMonitor);
  });

  it('drops the position when its screen is gone, so the system centres it', () => {
    const wasOnMonitor = { x: 2000, y: 0, width: 1600, height: 1000, maximized: false };
    const clamped = clampToScreens(wasOnMonitor, [laptop]);
    expect(clamped.x).toBeUndefined();
    expect(clamped.y).toBeUndefined();
    expect(clamped.width).toBe(1440);
    expect(clamped.height).toBe(875);
  });

  it('pulls a window that hangs off the edge back onto the screen', () => {
    const clamped = clampToScreens({ x: 1300, y: -30, width: 1000, height: 700, maximized: false }, [laptop]);
    expect(clamped).toEqual({ x: 440, y: 0, width: 1000, height: 700, maximized: false });
  });

  it('never makes a window smaller than the minimum or larger than the screen', () => {
    expect(clampToScreens({ width: 200, height: 100, maximized: false }, [laptop])).toEqual({
      width: MIN_WIDTH,
      height: MIN_HEIGHT,
      maximized: false,
    });
    const tiny: Rect = { x: 0, y: 0, width: 640, height: 480 };
    expect(clampToScreens({ width: 1200, height: 900, maximized: false }, [tiny])).toEqual({ width: 640, height: 480, maximized: false });
  });
});

describe('theme choice', () => {
  it('is saved, loaded, and resolved against the system setting', async () => {
    const file = path.join(dir, 'settings.json');
    expect(await loadThemeChoice(file)).toBe('system');
    await saveThemeChoice(file, 'dark');
    expect(await loadThemeChoice(file)).toBe('dark');
    await writeFile(file, '{"theme":"purple"}');
    expect(await loadThemeChoice(file)).toBe('system');
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
  });
});
