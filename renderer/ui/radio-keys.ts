/**
 * Radio buttons made of `<button role="radio">` behave as one radio group by keyboard, as
 * native radios do: one Tab stop (the checked radio, or the first when none is), and the
 * arrow keys (Home, End) move to the previous or next radio and pick it. An attachment for
 * the element around the radios; it may span several `radiogroup`s that read as one set.
 */
const RADIO = '[role="radio"]:not(:disabled)';

function radios(root: Element): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(RADIO));
}

/** Only the checked radio (or the first) is in the Tab order. */
function rove(root: Element): void {
  const all = radios(root);
  const checked = all.find((radio) => radio.getAttribute('aria-checked') === 'true') ?? all[0];
  for (const radio of all) radio.tabIndex = radio === checked ? 0 : -1;
}

const STEPS: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

export function radioKeys(root: HTMLElement): () => void {
  const onKey = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target instanceof HTMLElement ? event.target.closest<HTMLElement>(RADIO) : null;
    if (!target) return;
    const all = radios(root);
    const at = all.indexOf(target);
    let next: number;
    if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = all.length - 1;
    else if (STEPS[event.key] !== undefined) next = (at + STEPS[event.key] + all.length) % all.length;
    else return;
    event.preventDefault();
    const radio = all[next];
    radio.focus();
    if (radio.getAttribute('aria-checked') !== 'true') radio.click();
  };
  // Picking some radios replaces the whole set (the Lab draws other panels for a table data
  // set): the new set takes focus back on the radio of the same name, so focus is not lost.
  const doc = root.ownerDocument;
  const handedOver = doc.body.dataset.radioFocus;
  if (handedOver !== undefined) {
    delete doc.body.dataset.radioFocus;
    const again = radios(root).find((radio) => radio.getAttribute('aria-label') === handedOver);
    if (again && (doc.activeElement === doc.body || doc.activeElement === null)) again.focus();
  }
  let focused: string | null = null;
  const onFocusIn = (event: FocusEvent) => {
    const radio = event.target instanceof HTMLElement ? event.target.closest<HTMLElement>(RADIO) : null;
    focused = radio?.getAttribute('aria-label') ?? null;
  };
  const onFocusOut = (event: FocusEvent) => {
    if (event.relatedTarget !== null) focused = null;
  };
  root.addEventListener('focusin', onFocusIn);
  root.addEventListener('focusout', onFocusOut);
  rove(root);
  const observer = new MutationObserver(() => rove(root));
  observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-checked', 'disabled'] });
  root.addEventListener('keydown', onKey);
  return () => {
    observer.disconnect();
    root.removeEventListener('keydown', onKey);
    root.removeEventListener('focusin', onFocusIn);
    root.removeEventListener('focusout', onFocusOut);
    if (focused !== null) doc.body.dataset.radioFocus = focused;
  };
}
