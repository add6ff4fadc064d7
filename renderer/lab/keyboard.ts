/**
 * The Lab's keyboard shortcuts: Space plays or pauses, → steps, R resets. They never fire
 * while the learner types in a field or uses a control that needs those keys itself.
 */

export type Shortcut = 'toggle' | 'step' | 'reset';

interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  target: unknown;
}

interface TargetLike {
  tagName?: string;
  isContentEditable?: boolean;
  getAttribute?: (name: string) => string | null;
}

const TYPING_TAGS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);
/** Controls that use Space or arrows themselves. */
const OWN_KEY_ROLES = new Set(['application', 'slider', 'spinbutton', 'textbox', 'combobox', 'listbox', 'tab', 'menuitem', 'radio']);

export function isTypingTarget(target: unknown): boolean {
  if (typeof target !== 'object' || target === null) return false;
  const t = target as TargetLike;
  if (t.isContentEditable) return true;
  if (t.tagName && TYPING_TAGS.has(t.tagName.toUpperCase())) return true;
  const role = t.getAttribute?.('role');
  return role ? OWN_KEY_ROLES.has(role) : false;
}

export function shortcutFor(event: KeyLike): Shortcut | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  if (isTypingTarget(event.target)) return null;
  const target = event.target as TargetLike | null;
  const onButton = target?.tagName?.toUpperCase() === 'BUTTON';
  switch (event.key) {
    case ' ':
    case 'Spacebar':
      // Space on a focused button presses that button; leave it alone.
      return onButton ? null : 'toggle';
    case 'ArrowRight':
      return 'step';
    case 'r':
    case 'R':
      return 'reset';
    default:
      return null;
  }
}
