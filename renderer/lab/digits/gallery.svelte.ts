/**
 * The gallery's answers for a digits network, kept fresh without stalling the page: the
 * newest weights at most once a second while training (at once when training stops), worked
 * out in small pieces (answers.ts). Used by the Lab's digits views and the digits lesson.
 */
import type { LabConfig } from '../../../core/config';
import type { Snapshot } from '../../../core/protocol';
import { createPredictor } from '../../../core/engine/table-predict';
import { ChunkedAnswers, type Answers, type TestRows } from './answers';
import { SampledSnapshot } from '../table/sampled.svelte';

/** How often a training network's gallery is worked out again, in ms. */
export const GALLERY_EVERY_MS = 1000;

export class GalleryAnswers {
  answers = $state.raw<Answers | null>(null);
  /** True while newer answers are being worked out. */
  working = $state(false);
  private readonly tick: SampledSnapshot;
  private readonly stop: () => void;

  constructor(snapshot: () => Snapshot | null, config: () => LabConfig, test: () => TestRows | null, shown: number) {
    this.tick = new SampledSnapshot(snapshot, GALLERY_EVERY_MS);
    this.stop = $effect.root(() => {
      const runner = $derived.by(() => {
        const rows = test();
        if (rows === null) return null;
        const predictor = createPredictor(config());
        const answers = new ChunkedAnswers(
          predictor,
          rows,
          shown,
          (a) => (this.answers = a),
          (fn) => setTimeout(fn, 0),
          undefined,
          (busy) => (this.working = busy),
        );
        return { answers, paramCount: predictor.topo.paramCount };
      });
      $effect(() => {
        const current = runner;
        return () => {
          current?.answers.dispose();
          this.answers = null;
          this.working = false;
        };
      });
      $effect(() => {
        const params = this.tick.value?.params;
        const current = runner;
        if (current !== null && params !== undefined && params.length === current.paramCount) current.answers.request(params);
      });
    });
  }

  dispose(): void {
    this.stop();
    this.tick.dispose();
  }
}
