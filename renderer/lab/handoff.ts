/**
 * Focus hand-off for buttons that can disable themselves: "−" at one neuron, "Remove layer"
 * at none. A disabled button loses focus to the page body, so the next Tab would start over
 * at the top; instead focus moves to the other button beside it.
 */
import { tick } from 'svelte';

/**
 * Runs a button's change; if the button then disables itself (once the page has updated),
 * focus moves to the first enabled button in the same parent, unless focus went elsewhere.
 */
export function pressWithHandOff(event: MouseEvent, change: () => void): void {
  const button = event.currentTarget as HTMLButtonElement;
  change();
  void tick().then(() =>
    requestAnimationFrame(() => {
      if (!button.disabled) return;
      const active = document.activeElement;
      if (active !== button && active !== document.body && active !== null) return;
      button.parentElement?.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus();
    }),
  );
}
