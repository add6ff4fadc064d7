/**
 * Reads the bundled digits file with a progress report as the bytes arrive. The file's own
 * header says how many images follow, so progress works even when the server (or the app://
 * protocol) sends no Content-Length.
 */
import { digitsFileBytes, readDigitsHeader, DIGITS_HEADER_BYTES } from '../../../core/tabular/digits';

export type Progress = (received: number, total: number | null) => void;

/** Total size announced by the response or, once the header has arrived, by the file itself. */
function expectedSize(headerLength: string | null, firstBytes: Uint8Array | null): number | null {
  if (firstBytes !== null && firstBytes.length >= DIGITS_HEADER_BYTES) {
    const count = readDigitsHeader(firstBytes);
    if (count !== null) return digitsFileBytes(count);
  }
  const n = Number(headerLength);
  return Number.isFinite(n) && n > 0 ? n : null;
}

export async function fetchDigits(url: string, onProgress: Progress, fetcher: typeof fetch = fetch): Promise<Uint8Array> {
  const response = await fetcher(url);
  if (!response.ok) throw new Error(`The digit images could not be read (${response.status}).`);
  const lengthHeader = response.headers.get('Content-Length');
  if (response.body === null) {
    const all = new Uint8Array(await response.arrayBuffer());
    onProgress(all.length, all.length);
    return all;
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  let head: Uint8Array | null = null;
  onProgress(0, expectedSize(lengthHeader, null));
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.length;
    if (head === null && received >= DIGITS_HEADER_BYTES) head = join(chunks, received).subarray(0, DIGITS_HEADER_BYTES);
    onProgress(received, expectedSize(lengthHeader, head));
  }
  return join(chunks, received);
}

function join(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
