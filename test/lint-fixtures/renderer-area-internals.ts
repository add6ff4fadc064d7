// Lint fixture: one renderer area reaching into a folder inside another area.
import { TableGate } from '../lab/table/gate';
import { DataMemory } from '../../renderer/lab/table/switch';

export const internals = [TableGate, DataMemory];
