/**
 * The one reactive theme. `Theme` follows the system (through svelte/reactivity's
 * MediaQuery) unless the learner picks light or dark, marks the page with `data-theme`, and
 * offers the palette; the app hands it down by context, so a view that draws re-runs when
 * `theme.palette` changes and needs no watcher of its own.
 */
import { getContext, hasContext, setContext } from 'svelte';
import { MediaQuery } from 'svelte/reactivity';
import { paletteFor, type Palette, type ThemeName } from './palette';

export type ThemeChoice = 'system' | ThemeName;

/** What a view reads of the theme. */
export interface ThemeView {
  readonly resolved: ThemeName;
  readonly palette: Palette;
}

const STORAGE_KEY = 'activation-lab.theme';

export class Theme implements ThemeView {
  choice = $state<ThemeChoice>('system');
  private readonly systemDark = new MediaQuery('(prefers-color-scheme: dark)', false);
  readonly resolved = $derived<ThemeName>(this.choice === 'system' ? (this.systemDark.current ? 'dark' : 'light') : this.choice);
  readonly palette = $derived(paletteFor(this.resolved));
  private readonly stop: () => void;

  constructor() {
    const saved = safeStorage()?.getItem(STORAGE_KEY);
    if (saved === 'light' || saved === 'dark' || saved === 'system') this.choice = saved;
    this.stop = $effect.root(() => {
      $effect(() => {
        document.documentElement.dataset.theme = this.resolved;
      });
    });
  }

  set(choice: ThemeChoice): void {
    this.choice = choice;
    safeStorage()?.setItem(STORAGE_KEY, choice);
  }

  dispose(): void {
    this.stop();
  }
}

const KEY = Symbol('theme');

/** Hands the theme to every component below the caller (call while the root component starts). */
export function provideTheme(theme: ThemeView): void {
  setContext(KEY, theme);
}

/** The light theme, for a component shown outside the app (a test, a stand-alone widget). */
const PLAIN: ThemeView = { resolved: 'light', palette: paletteFor('light') };

/** The theme handed down by the app (call while the component starts). */
export function useTheme(): ThemeView {
  return hasContext(KEY) ? getContext<ThemeView>(KEY) : PLAIN;
}

function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
