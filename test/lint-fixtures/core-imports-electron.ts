// Lint fixture: core/ importing the main process breaks the import direction of docs/ARCHITECTURE.md.
import { windowOptions } from '../electron/security';

export const options = windowOptions;
