/**
 * The network's answer for every test digit, worked out in pieces. Running 2,000 digits
 * through 784 → 64 → 10 is about 100 million multiply-adds: done in one go a few times a
 * second it froze the page for 100–300 ms each time. Here each piece is one macrotask of a
 * few milliseconds, a run always finishes with the weights it started with (the gallery never
 * mixes two networks), and weights that arrive meanwhile are run next; older ones are skipped.
 */
import { classify, galleryOrder, type Classified, type Predictor } from '../../../core/engine/table-predict';

export interface Answers extends Classified {
  /** Test rows to show, mistakes first. */
  order: number[];
}

export interface TestRows {
  /** rows × inputs values. */
  x: Float64Array;
  labels: Uint8Array;
}

/** Runs `fn` in a later task (the page passes a zero-delay timer). */
export type Later = (fn: () => void) => void;

/** Rows per piece: about 2–5 ms for a 784 → 64 → 10 network. */
export const ROWS_PER_PIECE = 50;

export class ChunkedAnswers {
  private running = false;
  private next: Float64Array | null = null;
  private disposed = false;

  constructor(
    private readonly predictor: Predictor,
    private readonly test: TestRows,
    private readonly shown: number,
    private readonly onAnswers: (answers: Answers) => void,
    private readonly later: Later,
    private readonly rowsPerPiece = ROWS_PER_PIECE,
    /** Told true when a run starts from idle and false when the last one finishes. */
    private readonly onBusy: (busy: boolean) => void = () => {},
  ) {}

  /** Asks for the answers of these weights; the newest request wins over any still waiting. */
  request(params: Float64Array): void {
    if (this.disposed) return;
    this.next = params;
    if (!this.running) this.start();
  }

  dispose(): void {
    this.disposed = true;
    this.next = null;
  }

  private start(): void {
    const params = this.next;
    this.next = null;
    if (params === null || this.disposed) {
      if (this.running) this.onBusy(false);
      this.running = false;
      return;
    }
    if (!this.running) this.onBusy(true);
    this.running = true;
    const { x, labels } = this.test;
    const rows = labels.length;
    const inputs = rows === 0 ? 0 : x.length / rows;
    const k = this.predictor.topo.sizes[this.predictor.topo.depth];
    const outputs = new Float64Array(rows * k);
    let from = 0;
    const piece = (): void => {
      if (this.disposed) return;
      const to = Math.min(rows, from + this.rowsPerPiece);
      outputs.set(this.predictor.outputs(params, x.subarray(from * inputs, to * inputs), to - from), from * k);
      from = to;
      if (from < rows) {
        this.later(piece);
        return;
      }
      const classified = classify(outputs, rows, k);
      this.onAnswers({ ...classified, order: galleryOrder(labels, classified).slice(0, this.shown) });
      this.start();
    };
    this.later(piece);
  }
}
