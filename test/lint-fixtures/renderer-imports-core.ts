// Lint fixture: the allowed direction, renderer → core.
import { defaultConfig } from '../core/config';

export const config = defaultConfig();
