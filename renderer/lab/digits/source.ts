/**
 * One download of the bundled digit images per page, shared by everyone who needs them: the
 * Lab (which hands them to its engine) and lesson 10's own network. The first `load()` starts
 * the download; later calls get the same promise. Progress goes to whoever subscribed. Once
 * loaded, the table is registered in the page too, so the views can read the test images.
 */
import { rememberNonzeroShare } from '../../../core/engine/work';
import { decodeDigits, digitsTable, type DigitSet } from '../../../core/tabular/digits';
import { DIGIT_PIXELS } from '../../../core/tabular/info';
import { registerTable } from '../../../core/tabular/table';
import { fetchDigits } from './loader';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface LoadedDigits {
  /** The packed file, as the engine takes it (core/tabular/digits). */
  bytes: Uint8Array;
  set: DigitSet;
  /** 1 for each of the 784 pixels inked in at least one image. */
  usedPixels: Uint8Array;
}

export interface DigitsProgress {
  status: LoadStatus;
  received: number;
  total: number | null;
  /** Why loading failed, in words for the learner; null otherwise. */
  message: string | null;
}

/** What one pass over every pixel of every image finds. */
export interface InkScan {
  /** 1 for each of the 784 pixels inked in at least one image. */
  usedPixels: Uint8Array;
  /** Share of all the pixel values that are not zero (what the engine's work check needs). */
  nonzeroShare: number;
}

/** Images scanned per slice: about 1.5 million pixel values, a few ms. */
export const SCAN_SLICE_IMAGES = 2000;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Scans every image once, SCAN_SLICE_IMAGES at a time with a task boundary between slices:
 * the 7.8 million pixels of the bundled set in one go were a long task as the Lab switched
 * to digits.
 */
export async function scanInk(set: DigitSet, sliceImages = SCAN_SLICE_IMAGES): Promise<InkScan> {
  const used = new Uint8Array(DIGIT_PIXELS);
  let nonzero = 0;
  for (let start = 0; start < set.count; start += sliceImages) {
    if (start > 0) await nextTask();
    const end = Math.min(set.count, start + sliceImages) * DIGIT_PIXELS;
    for (let at = start * DIGIT_PIXELS, i = 0; at < end; at++) {
      if (set.pixels[at] !== 0) {
        used[i] = 1;
        nonzero++;
      }
      if (++i === DIGIT_PIXELS) i = 0;
    }
  }
  const values = set.count * DIGIT_PIXELS;
  return { usedPixels: used, nonzeroShare: values === 0 ? 1 : nonzero / values };
}

export class DigitsSource {
  private progress: DigitsProgress = { status: 'idle', received: 0, total: null, message: null };
  private pending: Promise<LoadedDigits> | null = null;
  private loaded: LoadedDigits | null = null;
  private readonly listeners = new Set<(progress: DigitsProgress) => void>();

  /**
   * `url` is undefined when the build holds no digits file; loading then fails with a
   * sentence saying so, instead of the whole app failing to build.
   */
  constructor(
    private readonly url: string | undefined,
    private readonly fetcher: typeof fetch = (...args) => fetch(...args),
  ) {}

  get state(): DigitsProgress {
    return this.progress;
  }

  /** The images, if they have arrived. */
  get ready(): LoadedDigits | null {
    return this.loaded;
  }

  /** Calls `listener` now and on every change; returns a function that stops it. */
  subscribe(listener: (progress: DigitsProgress) => void): () => void {
    this.listeners.add(listener);
    listener(this.progress);
    return () => this.listeners.delete(listener);
  }

  /** Starts the download if nobody has yet (or the last one failed); resolves with the images. */
  load(): Promise<LoadedDigits> {
    this.pending ??= this.fetchOnce().then(
      (digits) => {
        this.loaded = digits;
        this.update({ status: 'ready', message: null });
        return digits;
      },
      (error: unknown) => {
        // A failed download may be tried again.
        this.pending = null;
        this.update({ status: 'error', message: error instanceof Error ? error.message : String(error) });
        throw error;
      },
    );
    return this.pending;
  }

  private async fetchOnce(): Promise<LoadedDigits> {
    this.update({ status: 'loading', received: 0, total: null, message: null });
    const url = this.url;
    if (url === undefined)
      throw new Error('The digit images are not part of this build: run "node scripts/build-digits.mjs" before building.');
    const bytes = await fetchDigits(url, (received, total) => this.update({ received, total }), this.fetcher);
    const set = decodeDigits(bytes);
    const { usedPixels, nonzeroShare } = await scanInk(set);
    const table = digitsTable(set);
    rememberNonzeroShare(table, nonzeroShare);
    registerTable(table);
    return { bytes, set, usedPixels };
  }

  private update(change: Partial<DigitsProgress>): void {
    this.progress = { ...this.progress, ...change };
    for (const listener of this.listeners) listener(this.progress);
  }
}
