/** The colour theme: follows the system unless the learner picks light or dark. */
export type ThemeChoice = 'system' | 'light' | 'dark';

const STORAGE_KEY = 'activation-lab.theme';

export class Theme {
  choice = $state<ThemeChoice>('system');
  private systemDark = $state(false);
  readonly resolved = $derived<'light' | 'dark'>(
    this.choice === 'system' ? (this.systemDark ? 'dark' : 'light') : this.choice,
  );

  constructor() {
    const saved = safeStorage()?.getItem(STORAGE_KEY);
    if (saved === 'light' || saved === 'dark' || saved === 'system') this.choice = saved;
    const query = window.matchMedia('(prefers-color-scheme: dark)');
    this.systemDark = query.matches;
    query.addEventListener('change', (event) => (this.systemDark = event.matches));
    $effect.root(() => {
      $effect(() => {
        document.documentElement.dataset.theme = this.resolved;
      });
    });
  }

  set(choice: ThemeChoice): void {
    this.choice = choice;
    safeStorage()?.setItem(STORAGE_KEY, choice);
  }
}

function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
