/**
 * A backup file written from a project's UTF-8 bytes, without making the project a string on
 * the main process's event loop. A backup keeps the project's text inside a JSON string
 * (backups.ts); for text the page sent, JSON.stringify writes it. For a restored backup, whose
 * project arrived from the project worker as bytes (decode.ts), this writes the very same
 * bytes JSON.stringify would have, escaping byte by byte, a slice of the loop's time at a
 * time: a quote, a backslash and the control characters get their escapes, everything else
 * (UTF-8 sequences included) is copied as it is.
 */

/** Longest stretch of escaping before other work gets a turn, in ms. */
export const ESCAPE_SLICE_MS = 10;
/** Bytes escaped between looks at the clock. */
const CHUNK = 1 << 16;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
/** The two-character escapes JSON.stringify uses; other control characters become \u00XX. */
const SHORT: ReadonlyMap<number, number> = new Map([
  [0x08, 0x62], // \b
  [0x09, 0x74], // \t
  [0x0a, 0x6e], // \n
  [0x0c, 0x66], // \f
  [0x0d, 0x72], // \r
  [QUOTE, QUOTE],
  [BACKSLASH, BACKSLASH],
]);
const HEX = new TextEncoder().encode('0123456789abcdef');

/** How many bytes a byte grows by when escaped (0 when it is copied as it is). */
function growth(byte: number): number {
  if (byte >= 0x20 && byte !== QUOTE && byte !== BACKSLASH) return 0;
  return SHORT.has(byte) ? 1 : 5;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Runs `step(from, to)` over [0, length) in chunks, giving the loop a turn every sliceMs. */
async function inTurns(length: number, sliceMs: number, step: (from: number, to: number) => void): Promise<void> {
  let since = performance.now();
  for (let from = 0; from < length; from += CHUNK) {
    step(from, Math.min(length, from + CHUNK));
    if (performance.now() - since >= sliceMs) {
      await nextTurn();
      since = performance.now();
    }
  }
}

/**
 * `${JSON.stringify({ ...fields, json: text })}\n` as UTF-8 bytes, where `project` is the
 * UTF-8 encoding of `text` (`json` comes last, as in every backup). `project` must be well
 * formed UTF-8, as TextEncoder writes it.
 */
export async function backupFileBytes(
  fields: Record<string, unknown>,
  project: Uint8Array,
  sliceMs = ESCAPE_SLICE_MS,
): Promise<Uint8Array> {
  // The fields with an empty `json` end in `"json":""}`: the project goes between those quotes.
  const whole = JSON.stringify({ ...fields, json: '' });
  const head = new TextEncoder().encode(whole.slice(0, -2));
  const tail = new TextEncoder().encode('"}\n');
  let extra = 0;
  await inTurns(project.length, sliceMs, (from, to) => {
    for (let i = from; i < to; i++) if (project[i] < 0x20 || project[i] === QUOTE || project[i] === BACKSLASH) extra += growth(project[i]);
  });
  const out = new Uint8Array(head.length + project.length + extra + tail.length);
  out.set(head, 0);
  let at = head.length;
  await inTurns(project.length, sliceMs, (from, to) => {
    let run = from;
    for (let i = from; i < to; i++) {
      const byte = project[i];
      if (growth(byte) === 0) continue;
      out.set(project.subarray(run, i), at);
      at += i - run;
      run = i + 1;
      out[at++] = BACKSLASH;
      const short = SHORT.get(byte);
      if (short !== undefined) {
        out[at++] = short;
      } else {
        out.set([0x75, 0x30, 0x30, HEX[byte >> 4], HEX[byte & 15]], at); // u00XX
        at += 5;
      }
    }
    out.set(project.subarray(run, to), at);
    at += to - run;
  });
  out.set(tail, at);
  return out;
}
