/**
 * What the Lab area offers the rest of the renderer besides its top-level modules: the
 * pieces of its table views (renderer/lab/table/) that other areas use. See
 * docs/ARCHITECTURE.md (renderer areas).
 */
export { TableGate } from './table/gate';
export { DataMemory } from './table/switch';
export { GalleryAnswers } from './table/gallery.svelte';
export { default as TableBuilder } from './table/TableBuilder.svelte';
