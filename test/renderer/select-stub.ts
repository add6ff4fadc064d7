/**
 * happy-dom matches `:checked` on inputs only, not on the chosen option of a `<select>` as
 * browsers do; Svelte's `bind:value` on a select reads the choice through
 * `select.querySelector(':checked')`. This teaches selects that one query, so a component
 * test can pick from a menu the way a user does (the rest of the DOM is untouched).
 */
export function stubSelectChecked(): void {
  const query = HTMLSelectElement.prototype.querySelector;
  HTMLSelectElement.prototype.querySelector = function (this: HTMLSelectElement, selectors: string) {
    if (selectors === ':checked') return this.selectedIndex < 0 ? null : this.options[this.selectedIndex];
    return query.call(this, selectors);
  } as typeof query;
}
