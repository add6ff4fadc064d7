import type { Page } from '@playwright/test';

/**
 * Reflow (WCAG 1.4.10), measured on the page as it stands: nothing scrolls sideways except a
 * deliberate wide view (marked `data-wide-view`, such as the network diagram inside its card,
 * or a displayed formula, whose two-dimensional layout WCAG exempts and which scrolls inside itself),
 * and every control can be scrolled into sight: its box lies within the window's width (for a
 * control inside a wide view, within that view's box) and at least partly within its height;
 * and a fixed header leaves at least half the window's height for the area below it.
 */

/** The window sizes checked, in CSS pixels: a zoomed window is a smaller one at a higher density. */
export const SIZES = [
  { name: '200 % zoom on 1024×700', slug: '1024x700-200pc', viewport: { width: 512, height: 350 }, deviceScaleFactor: 2 },
  { name: '320 CSS px (320×700)', slug: '320x700', viewport: { width: 320, height: 700 }, deviceScaleFactor: 1 },
  { name: '400 % zoom on 1280×700', slug: '1280x700-400pc', viewport: { width: 320, height: 175 }, deviceScaleFactor: 4 },
] as const;

/** What may scroll sideways inside itself: a view marked as wide, a displayed formula. */
const WIDE_VIEW = '[data-wide-view], .katex-display';

export type Size = (typeof SIZES)[number];

interface Overflow {
  /** Elements that scroll sideways although they are not a wide view. */
  scrollers: string[];
  /** Where the sideways overflow starts: elements wider than the window whose parent fits. */
  culprits: string[];
  /** Controls whose box stays outside the window (or their wide view) after scrolling to them. */
  hidden: string[];
  /** What is left for an area to scroll in, if fixed parts (the header) take most of the window. */
  cramped: string[];
  controls: number;
}

/** Measures the page as it stands: what scrolls sideways and which controls cannot be brought into view. */
async function measure(page: Page): Promise<Overflow> {
  return page.evaluate((WIDE) => {
    const describe = (el: Element): string => {
      const name = el.getAttribute('aria-label') ?? (el.textContent ?? '').trim().slice(0, 40);
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      return `${el.tagName.toLowerCase()}${cls} "${name.slice(0, 80)}"`;
    };
    const width = document.documentElement.clientWidth;
    const height = document.documentElement.clientHeight;
    const scrollers: string[] = [];
    const root = document.scrollingElement;
    const sideways: HTMLElement[] = [];
    if (root && root.scrollWidth > root.clientWidth) {
      scrollers.push(`the page (${root.scrollWidth} > ${root.clientWidth})`);
      sideways.push(document.body);
    }
    for (const el of document.querySelectorAll('body *')) {
      if (!(el instanceof HTMLElement) || el.closest(WIDE)) continue;
      const style = getComputedStyle(el);
      if (style.overflowX !== 'auto' && style.overflowX !== 'scroll') continue;
      if (el.scrollWidth > el.clientWidth + 1) {
        scrollers.push(`${describe(el)} (${el.scrollWidth} > ${el.clientWidth})`);
        sideways.push(el);
      }
    }
    // Inside each scroller: the outermost elements that stick out although their parent fits.
    const culprits: string[] = [];
    for (const scroller of sideways) {
      const frame = scroller.getBoundingClientRect();
      const right = Math.min(width, frame.left + scroller.clientWidth);
      for (const el of scroller.querySelectorAll('*')) {
        if (el.closest(WIDE) || el.closest('.katex-mathml') || culprits.length >= 12) continue;
        const box = el.getBoundingClientRect();
        const parent = el.parentElement?.getBoundingClientRect();
        if (box.width === 0 || box.right <= right + 1 || !parent || (parent.right > right + 1 && el.parentElement !== scroller)) continue;
        culprits.push(`${describe(el)} ${Math.round(box.left)}–${Math.round(box.right)}`);
      }
    }
    const focusable = [
      ...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])'),
    ].filter((el) => !(el as HTMLButtonElement).disabled && el.checkVisibility({ visibilityProperty: true }));
    // With a modal dialog open, only its controls can be reached (the rest is inert).
    const modal = document.querySelector('dialog:modal');
    const reachable = modal ? focusable.filter((el) => modal.contains(el)) : focusable;
    const hidden: string[] = [];
    // A control kept out of sight until it has focus (the skip link) is measured with focus.
    const boxOf = (el: HTMLElement): DOMRect => {
      el.scrollIntoView({ block: 'center', inline: 'nearest' });
      const box = el.getBoundingClientRect();
      if (box.bottom > 0 && box.top < height && box.right > 0 && box.left < width) return box;
      const before = document.activeElement;
      el.focus({ preventScroll: true });
      const focused = el.getBoundingClientRect();
      if (before instanceof HTMLElement) before.focus({ preventScroll: true });
      else el.blur();
      return focused;
    };
    for (const el of reachable) {
      const box = boxOf(el);
      const wide = el.closest(WIDE);
      const frame = wide ? wide.getBoundingClientRect() : { left: 0, right: width };
      const left = Math.max(0, frame.left);
      const right = Math.min(width, frame.right);
      if (box.left < left - 1 || box.right > right + 1) {
        hidden.push(
          `${describe(el)} at x ${Math.round(box.left)}–${Math.round(box.right)} (visible ${Math.round(left)}–${Math.round(right)})`,
        );
      } else if (box.bottom <= 0 || box.top >= height) {
        hidden.push(`${describe(el)} at y ${Math.round(box.top)}–${Math.round(box.bottom)} (visible 0–${height})`);
      }
    }
    window.scrollTo(0, 0);
    document.querySelector('main')?.scrollTo(0, 0);
    for (const wide of document.querySelectorAll('[data-wide-view]')) wide.scrollTo(0, 0);
    // The area scrolls under a fixed header: at least half the window must be left for it.
    const cramped: string[] = [];
    const area = document.querySelector('main');
    const areaStyle = area ? getComputedStyle(area) : null;
    if (area && areaStyle && (areaStyle.overflowY === 'auto' || areaStyle.overflowY === 'scroll') && area.clientHeight < height / 2) {
      cramped.push(`the area scrolls in ${area.clientHeight} of the window's ${height} pixels`);
    }
    return { scrollers, culprits, hidden, cramped, controls: reachable.length };
  }, WIDE_VIEW);
}

/** Measures the page and adds what is wrong to `found`, each line saying where. */
export async function expectReflow(page: Page, where: string, found: string[]): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  const result = await measure(page);
  console.log(
    `reflow ${where}: ${result.controls} controls, ${result.hidden.length} out of reach, ${result.scrollers.length} sideways scrollers`,
  );
  for (const s of result.scrollers) found.push(`${where}: scrolls sideways: ${s}`);
  for (const c of result.culprits) found.push(`${where}:   wider than the window: ${c}`);
  for (const h of result.hidden) found.push(`${where}: out of reach: ${h}`);
  for (const c of result.cramped) found.push(`${where}: cramped: ${c}`);
}

/**
 * A screenshot of the whole page: the app scrolls inside `main` (the header stays put), so for
 * the picture the shell is let grow to its content, and put back afterwards.
 */
export async function screenshotWhole(page: Page, path: string): Promise<void> {
  const grow = await page.addStyleTag({ content: '.shell { height: auto !important; } main { overflow: visible !important; }' });
  await page.screenshot({ path, fullPage: true });
  await grow.evaluate((el) => (el as HTMLElement).remove());
}
