import { describe, expect, it } from 'vitest';
import { decodeDigits } from '../../../core/tabular/digits';
import { tableFor } from '../../../core/tabular/table';
import { nonzeroShare } from '../../../core/engine/work';
import { DigitsSource, scanInk, type DigitsProgress } from '../../../renderer/lab/digits/source';
import { sliceBytes } from '../../core/tabular/slice';

/** A fetch that counts its calls and answers with `bytes` in chunks (or fails with `status`). */
function countingFetch(bytes: Uint8Array, status = 200): { fetcher: typeof fetch; calls: () => number } {
  let calls = 0;
  const fetcher = (async () => {
    calls++;
    if (status !== 200) return new Response(null, { status });
    let at = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (at >= bytes.length) return controller.close();
        controller.enqueue(bytes.slice(at, at + 4096));
        at += 4096;
      },
    });
    return new Response(body, { status: 200 });
  }) as typeof fetch;
  return { fetcher, calls: () => calls };
}

describe('the shared digits download', () => {
  const bytes = sliceBytes(3);

  it('downloads once however many ask, and gives everyone the same images', async () => {
    const { fetcher, calls } = countingFetch(bytes);
    const source = new DigitsSource('digits.bin', fetcher);
    const [a, b] = await Promise.all([source.load(), source.load()]);
    const c = await source.load();
    expect(calls()).toBe(1);
    expect(b).toBe(a);
    expect(c).toBe(a);
    expect(a.bytes).toEqual(bytes);
    expect(a.set.count).toBe(30);
    expect(source.ready).toBe(a);
  });

  it('reports progress to subscribers up to the whole file, then ready', async () => {
    const { fetcher } = countingFetch(bytes);
    const source = new DigitsSource('digits.bin', fetcher);
    const seen: DigitsProgress[] = [];
    const stop = source.subscribe((p) => seen.push(p));
    expect(seen[0].status).toBe('idle');
    await source.load();
    stop();
    const loading = seen.filter((p) => p.status === 'loading');
    expect(loading.length).toBeGreaterThan(2);
    expect(loading.some((p) => p.received > 0 && p.received < bytes.length)).toBe(true);
    expect(loading.every((p) => p.total === null || p.total === bytes.length)).toBe(true);
    expect(seen[seen.length - 1]).toMatchObject({ status: 'ready', received: bytes.length, total: bytes.length, message: null });
  });

  it('registers the digits table in the page, so views can read the test images', async () => {
    const { fetcher } = countingFetch(bytes);
    await new DigitsSource('digits.bin', fetcher).load();
    const table = tableFor('digits');
    expect(table?.rows).toBe(30);
    expect(table?.columns).toBe(784);
    // The engine's work check finds the share the scan counted (the same as counting afresh).
    const set = decodeDigits(bytes);
    let inked = 0;
    for (let i = 0; i < set.pixels.length; i++) if (set.pixels[i] !== 0) inked++;
    expect(nonzeroShare(table!)).toBe(inked / set.pixels.length);
  });

  it('says why when the download fails, and tries again on the next load', async () => {
    const failing = countingFetch(bytes, 404);
    const source = new DigitsSource('digits.bin', failing.fetcher);
    await expect(source.load()).rejects.toThrow('The digit images could not be read (404).');
    expect(source.state).toMatchObject({ status: 'error', message: 'The digit images could not be read (404).' });
    await expect(source.load()).rejects.toThrow();
    expect(failing.calls()).toBe(2);
  });

  it('says the images are missing from a build without them, without fetching', async () => {
    const { fetcher, calls } = countingFetch(bytes);
    const source = new DigitsSource(undefined, fetcher);
    await expect(source.load()).rejects.toThrow(/not part of this build/);
    expect(calls()).toBe(0);
  });

  it('marks the pixels inked in at least one image and counts the inked share, slice by slice', async () => {
    const set = decodeDigits(bytes);
    const { usedPixels: used, nonzeroShare: share } = await scanInk(set, 7);
    expect(used.length).toBe(784);
    expect(await scanInk(set)).toEqual({ usedPixels: used, nonzeroShare: share });
    let inked = 0;
    for (let i = 0; i < set.pixels.length; i++) if (set.pixels[i] !== 0) inked++;
    expect(share).toBe(inked / (30 * 784));
    expect(share).toBeGreaterThan(0.1);
    // Corners are blank in handwritten digits; the centre is inked in some.
    expect(used[0]).toBe(0);
    expect(used[14 * 28 + 14]).toBe(1);
    for (let i = 0; i < 784; i++) {
      let any = 0;
      for (let n = 0; n < set.count; n++) any |= set.pixels[n * 784 + i] !== 0 ? 1 : 0;
      expect(used[i]).toBe(any);
    }
  });
});
