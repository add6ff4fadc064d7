/**
 * What the Lab area offers the rest of the renderer besides its top-level modules: the
 * plain modules of its table and digits views (renderer/lab/table/, renderer/lab/digits/)
 * that the app's Lab state and lesson 10 use. Components are offered by views.ts instead:
 * re-exported here they would load with everything that imports this.
 * See docs/ARCHITECTURE.md (renderer areas).
 */
export { TableGate } from './table/gate';
export { DataMemory } from './table/switch';
export { bundledDigits } from './digits/bundled';
export type { DigitsProgress, DigitsSource } from './digits/source';
