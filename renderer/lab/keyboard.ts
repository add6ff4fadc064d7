/**
 * The Lab's keyboard shortcuts: Space plays or pauses, → steps, R resets. They act only when
 * focus is on the page itself or on a control that has no use for the key (R on a button,
 * → on a check box), never while the learner types, never on a control that needs the key
 * (Space on a button or a summary, arrows on a radio or a slider), and never behind a modal
 * dialog.
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
  closest?: (selector: string) => unknown;
}

/** Which of the shortcut keys a focused element uses itself. */
type KeyUse = 'all' | { space: boolean; arrows: boolean };

const NONE = { space: false, arrows: false };
const SPACE = { space: true, arrows: false };
const ARROWS = { space: false, arrows: true };
const BOTH = { space: true, arrows: true };

/** Roles that take text or every key (typeahead included). */
const TEXT_ROLES = new Set(['textbox', 'searchbox', 'combobox', 'application', 'listbox', 'grid', 'tree', 'treegrid', 'menu', 'menubar']);
/** Roles by the keys they use, after the ARIA authoring practices. */
const ROLE_KEYS: Record<string, KeyUse> = {
  button: SPACE,
  checkbox: SPACE,
  switch: SPACE,
  link: SPACE,
  menuitem: BOTH,
  menuitemcheckbox: BOTH,
  menuitemradio: BOTH,
  option: BOTH,
  radio: BOTH,
  tab: BOTH,
  treeitem: BOTH,
  gridcell: BOTH,
  slider: ARROWS,
  spinbutton: ARROWS,
  scrollbar: ARROWS,
};
/** `<input>` types that are not text fields, by the keys they use. */
const INPUT_KEYS: Record<string, KeyUse> = {
  checkbox: SPACE,
  radio: BOTH,
  button: SPACE,
  submit: SPACE,
  reset: SPACE,
  image: SPACE,
  file: SPACE,
  color: SPACE,
  range: ARROWS,
};

function keyUse(target: unknown): KeyUse {
  if (typeof target !== 'object' || target === null) return NONE;
  const t = target as TargetLike;
  if (t.isContentEditable) return 'all';
  const role = t.getAttribute?.('role');
  if (role && TEXT_ROLES.has(role)) return 'all';
  if (role && ROLE_KEYS[role]) return ROLE_KEYS[role];
  switch (t.tagName?.toUpperCase()) {
    case 'TEXTAREA':
    case 'SELECT':
      return 'all';
    case 'INPUT':
      return INPUT_KEYS[(t.getAttribute?.('type') ?? 'text').toLowerCase()] ?? 'all';
    case 'BUTTON':
    case 'SUMMARY':
      return SPACE;
    case 'A':
      return t.getAttribute?.('href') !== null && t.getAttribute?.('href') !== undefined ? SPACE : NONE;
    default:
      return NONE;
  }
}

/** True when the focused element takes typed text, so no letter may act as a shortcut. */
export function isTypingTarget(target: unknown): boolean {
  return keyUse(target) === 'all';
}

/**
 * True when a modal dialog is open (or the key comes from inside any dialog): the page
 * behind it must not react. `doc` is the page's document, absent outside a browser.
 */
export function behindDialog(target: unknown, doc: Pick<Document, 'querySelector'> | undefined = globalThis.document): boolean {
  const t = target as TargetLike | null;
  if (t && typeof t.closest === 'function' && t.closest('dialog, [role="dialog"], [role="alertdialog"]')) return true;
  if (!doc) return false;
  if (doc.querySelector('[aria-modal="true"]')) return true;
  try {
    return doc.querySelector(':modal') !== null;
  } catch {
    // A browser without :modal: any open <dialog> counts.
    return doc.querySelector('dialog[open]') !== null;
  }
}

export function shortcutFor(event: KeyLike, doc?: Pick<Document, 'querySelector'>): Shortcut | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  const use = keyUse(event.target);
  if (use === 'all') return null;
  let shortcut: Shortcut | null;
  switch (event.key) {
    case ' ':
    case 'Spacebar':
      shortcut = use.space ? null : 'toggle';
      break;
    case 'ArrowRight':
      shortcut = use.arrows ? null : 'step';
      break;
    case 'r':
    case 'R':
      shortcut = 'reset';
      break;
    default:
      shortcut = null;
  }
  if (shortcut === null || behindDialog(event.target, doc)) return null;
  return shortcut;
}
