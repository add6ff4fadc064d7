/**
 * Makes sure the Lab's engine has a table before a network that reads it is configured. The
 * digit images are large and arrive at run time: the first digits configuration waits for the
 * page's one download, hands the bytes to the engine once, and only then configures. Changes
 * to the Lab run in the order they were asked for: one waiting for the images is dropped when
 * a later change comes first, so the newest choice always wins.
 */
import type { DatasetName } from '../../../core/config';

/** The part of an EngineConnection this needs. */
export interface TableHost {
  provideDigits(bytes: Uint8Array): void;
}

/** Where the digit images come from (the page's shared download). */
export interface DigitsSupply {
  load(): Promise<{ bytes: Uint8Array }>;
}

export type GateOutcome = 'applied' | 'superseded';

export class TableGate {
  private generation = 0;
  private digits: Promise<void> | null = null;
  private provided = false;

  constructor(
    private readonly host: TableHost,
    private readonly supply: DigitsSupply,
  ) {}

  /** True while a change for `dataset` would have to wait for something to load. */
  needsLoading(dataset: DatasetName): boolean {
    return dataset === 'digits' && !this.provided;
  }

  /**
   * Runs `apply` at once when the engine already has what `dataset` needs, otherwise once it
   * has it. Resolves 'superseded' (without running `apply`) when another change was asked for
   * in the meantime; rejects when loading failed and this change is still the newest.
   */
  run(dataset: DatasetName, apply: () => void): Promise<GateOutcome> {
    const ticket = ++this.generation;
    if (!this.needsLoading(dataset)) {
      apply();
      return Promise.resolve('applied');
    }
    return this.provideDigits().then(
      () => {
        if (ticket !== this.generation) return 'superseded';
        apply();
        return 'applied';
      },
      (error: unknown) => {
        if (ticket !== this.generation) return 'superseded';
        throw error;
      },
    );
  }

  /**
   * Loads the images (once for the page) and gives them to this engine (once for the engine).
   * Handing over the 7.8 MB copies them; the network (and the screen that shows it) is set up
   * in the next task, so the two are not one long task.
   */
  private provideDigits(): Promise<void> {
    this.digits ??= this.supply.load().then(
      async (loaded) => {
        this.host.provideDigits(loaded.bytes);
        this.provided = true;
        await new Promise<void>((resolve) => setTimeout(resolve, 0));
      },
      (error: unknown) => {
        this.digits = null;
        throw error;
      },
    );
    return this.digits;
  }
}
