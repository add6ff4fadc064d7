/**
 * The Lab's views that other areas show (lesson 10 shows the Lab's digits views over a run
 * of its own). Imported only where they are drawn, so they load with that screen.
 * See docs/ARCHITECTURE.md (renderer areas).
 */
export { default as DigitsViews } from './digits/DigitsViews.svelte';
export { default as TableBuilder } from './table/TableBuilder.svelte';
