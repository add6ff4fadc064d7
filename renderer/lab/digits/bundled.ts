/**
 * The page's one source of the bundled digit images. scripts/build-digits.mjs writes the file
 * before the renderer is built; a glob (rather than a plain import) keeps the build working
 * without it, and loading then says the images are missing.
 */
import { DigitsSource } from './source';

const BUNDLED = import.meta.glob('./assets/digits.bin', { query: '?url', import: 'default', eager: true }) as Record<string, string>;

/** Shared by the Lab and the lessons, so the file is downloaded once per page. */
export const bundledDigits = new DigitsSource(BUNDLED['./assets/digits.bin']);
