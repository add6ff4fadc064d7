// Lint fixture: core/ importing the main process breaks DESIGN.md's import direction.
import { windowOptions } from '../electron/security';

export const options = windowOptions;
