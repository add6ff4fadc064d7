/** Project file text from the page's own reading or from the desktop app's main process, which sends UTF-8 bytes. */

/** The text of either form; anything else is empty. Not fatal: invalid UTF-8 becomes U+FFFD and the project checks name it. */
export function projectText(text: unknown): string {
  if (typeof text === 'string') return text;
  return text instanceof Uint8Array ? new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(text) : '';
}
