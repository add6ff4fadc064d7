// Lint fixture: what an area offers at its top level, its own folders, shared core.
import { DataMemory, TableGate } from '../lab';
import { formatCount } from '../lab/numbers';
import { defaultConfig } from '../../core/config';
import { helper } from './widgets/helper';

export const fine = [DataMemory, TableGate, formatCount, defaultConfig, helper];
