/**
 * What the Lab area offers the rest of the renderer besides its top-level modules: the
 * pieces of its table views (renderer/lab/table/) that the app's Lab state uses. Plain
 * modules only: a component re-exported here would load with everything that imports this.
 * See docs/ARCHITECTURE.md (renderer areas).
 */
export { TableGate } from './table/gate';
export { DataMemory } from './table/switch';
