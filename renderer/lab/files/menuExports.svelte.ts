/**
 * File › Export in the desktop app: the native menu asks for an export while the Lab may not
 * be on the screen (its pictures are taken from the views as drawn). App.svelte shows the
 * Lab and leaves the request here; the Lab's files bar (LabFiles.svelte) takes it once it is
 * mounted and runs it as if its own Export button had been used.
 */
import { getContext, hasContext, setContext } from 'svelte';
import type { LabConfig } from '../../../core/config';
import type { ExportItem, LabApi } from '../../../core/ipc';
import { availableExports } from './exports.svelte';

export class MenuExports {
  /** The export asked for and not yet taken. */
  pending = $state<ExportItem | null>(null);

  request(item: ExportItem): void {
    this.pending = item;
  }

  /** The waiting request, once: taking it clears it. */
  take(): ExportItem | null {
    const item = this.pending;
    this.pending = null;
    return item;
  }
}

const KEY = Symbol('menu-exports');

export function provideMenuExports(exports: MenuExports): void {
  setContext(KEY, exports);
}

/** The app's menu exports, or null where there are none (a lesson, a component test). */
export function useMenuExports(): MenuExports | null {
  return hasContext(KEY) ? getContext<MenuExports>(KEY) : null;
}

/** Waits until the views have drawn a few frames (a Lab just shown paints on its next frames). */
export async function afterFrames(count = 3): Promise<void> {
  for (let i = 0; i < count; i++) await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
}

/**
 * Connects the desktop menu's File › Export to the Lab (in App.svelte, under its context):
 * tells main which items apply whenever the Lab's data changes, and on a request shows the
 * Lab (`showLab`) and leaves the request for its files bar. Returns a function that stops it.
 */
export function connectMenuExports(api: LabApi | undefined, lab: { config: LabConfig }, showLab: () => void): () => void {
  const exports = new MenuExports();
  provideMenuExports(exports);
  if (!api) return () => {};
  const off = api.files.onExport((item) => {
    showLab();
    exports.request(item);
  });
  const stop = $effect.root(() => {
    $effect(() => api.files.setAvailableExports(availableExports(lab.config)));
  });
  return () => {
    off();
    stop();
  };
}

/**
 * Waits until a Lab just shown has drawn: the view a picture is taken from is mounted (the
 * Lab builds its lower views in idle tasks, renderer/ui/Later.svelte) and the scheduler has no
 * view left to draw. While training keeps the views busy, it gives up waiting after `maxFrames`.
 */
export async function whenDrawn(scheduler: { readonly settled: boolean }, selector: string | null, maxFrames = 120): Promise<void> {
  for (let frame = 0; frame < maxFrames; frame++) {
    await afterFrames(1);
    if ((selector === null || document.querySelector(selector)) && scheduler.settled) break;
  }
  await afterFrames(1);
}
