/**
 * The View › Theme choice: System, Light or Dark. The choice is kept in the user-data
 * folder; nativeTheme.themeSource follows it, and the window's background colour matches
 * it so the first frame is never a white flash in dark mode.
 */
import { readJsonFile, writeJsonFile } from './json-file';

export type ThemeChoice = 'system' | 'light' | 'dark';
export type ResolvedTheme = 'light' | 'dark';

export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];

/** Page background colours of the two themes (the renderer's --bg). */
export const THEME_BACKGROUNDS: Readonly<Record<ResolvedTheme, string>> = {
  light: '#f6f7f9',
  dark: '#14171d',
};

export function backgroundFor(theme: ResolvedTheme): string {
  return THEME_BACKGROUNDS[theme];
}

export function resolveTheme(choice: ThemeChoice, systemPrefersDark: boolean): ResolvedTheme {
  if (choice === 'system') return systemPrefersDark ? 'dark' : 'light';
  return choice;
}

export function isThemeChoice(value: unknown): value is ThemeChoice {
  return typeof value === 'string' && (THEME_CHOICES as readonly string[]).includes(value);
}

/** Reads the saved choice; a missing or damaged file means "system". */
export async function loadThemeChoice(file: string): Promise<ThemeChoice> {
  const data = await readJsonFile(file);
  const theme = typeof data === 'object' && data !== null ? (data as { theme?: unknown }).theme : undefined;
  return isThemeChoice(theme) ? theme : 'system';
}

export async function saveThemeChoice(file: string, choice: ThemeChoice): Promise<void> {
  await writeJsonFile(file, { theme: choice });
}
