/**
 * Remembers the main window's size, position and maximised state between runs. Loading
 * tolerates a missing or corrupt file; before use the bounds are clamped so the window is
 * on a screen that exists now (a monitor may have been unplugged since).
 */
import { readJsonFile, writeJsonFile } from './json-file';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  /** Position is absent on first start: the system then centres the window. */
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 820, maximized: false };
export const MIN_WIDTH = 800;
export const MIN_HEIGHT = 560;
/** How much of the title bar must stay on a screen so the window can be dragged back. */
const VISIBLE_MARGIN = 80;

function isInt(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) < 1e6;
}

/** Turns whatever was stored into a WindowState, or the default when it makes no sense. */
export function parseWindowState(data: unknown): WindowState {
  if (typeof data !== 'object' || data === null) return { ...DEFAULT_WINDOW_STATE };
  const d = data as Record<string, unknown>;
  if (!isInt(d.width) || !isInt(d.height) || d.width <= 0 || d.height <= 0) return { ...DEFAULT_WINDOW_STATE };
  const state: WindowState = {
    width: Math.round(d.width),
    height: Math.round(d.height),
    maximized: d.maximized === true,
  };
  if (isInt(d.x) && isInt(d.y)) {
    state.x = Math.round(d.x);
    state.y = Math.round(d.y);
  }
  return state;
}

export async function loadWindowState(file: string): Promise<WindowState> {
  return parseWindowState(await readJsonFile(file));
}

export async function saveWindowState(file: string, state: WindowState): Promise<void> {
  await writeJsonFile(file, state);
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/**
 * Fits the stored state to the screens' work areas: no larger than the biggest work area,
 * at least the minimum size, and positioned so its top part shows on some screen. When it
 * would not show anywhere the position is dropped and the system centres the window.
 */
export function clampToScreens(state: WindowState, workAreas: readonly Rect[]): WindowState {
  if (workAreas.length === 0) return { ...state };
  const maxWidth = Math.max(...workAreas.map((a) => a.width));
  const maxHeight = Math.max(...workAreas.map((a) => a.height));
  const width = Math.max(Math.min(state.width, maxWidth), Math.min(MIN_WIDTH, maxWidth));
  const height = Math.max(Math.min(state.height, maxHeight), Math.min(MIN_HEIGHT, maxHeight));
  const result: WindowState = { width, height, maximized: state.maximized };
  if (state.x === undefined || state.y === undefined) return result;
  const titleBar: Rect = { x: state.x, y: state.y, width, height: Math.min(height, 40) };
  const home = workAreas.find((area) => {
    const o = overlap(titleBar, area);
    return o.width >= Math.min(VISIBLE_MARGIN, width) && o.height > 0;
  });
  if (!home) return result;
  // Keep it inside the screen it mostly sits on.
  result.x = Math.min(Math.max(state.x, home.x), home.x + home.width - Math.min(width, home.width));
  result.y = Math.min(Math.max(state.y, home.y), home.y + home.height - Math.min(height, home.height));
  return result;
}
