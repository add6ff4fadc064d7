// Lint fixture: core/ must stay free of Node modules.
import { readFileSync } from 'node:fs';

export const read = readFileSync;
