/**
 * The Lab's gate for a teacher's challenge: the challenge the open project holds, the question
 * asked when a whole network from elsewhere would break its limits, why a change or a data
 * set's picker is refused, and the first point that meets its goal. The Lab (lab.svelte.ts)
 * holds one and routes every change through it; the rules themselves are in core/challenge.
 */
import type { DatasetName, LabConfig } from '../../core/config';
import type { Snapshot } from '../../core/protocol';
import type { Challenge } from '../../core/project/types';
import { changeRefusal, refusedLimits, replacementText, solutionIn } from '../../core/challenge';
import { DATASET_INFO, isCurveDataset } from '../../core/engine';
import { isTableDataset } from '../../core/tabular/info';

/**
 * A whole network from elsewhere (a lesson's, the one a data set brings) that the open
 * challenge's limits would refuse: nothing has changed, and the Lab asks whether to leave
 * the challenge to open it or keep the challenge.
 */
export interface ChallengeQuestion {
  /** Each limit it would break, said of it: "The lesson’s network has 3 hidden layers; this challenge allows at most 2." */
  reasons: string[];
  /** What the Lab says once the learner leaves the challenge and the network is in. */
  opened: string;
}

export class ChallengeGate {
  /** The open project's challenge, or null. */
  challenge = $state<Challenge | null>(null);
  /** A network from elsewhere that would break the challenge's limits, waiting for the learner's answer; null when none is. */
  question = $state<ChallengeQuestion | null>(null);
  /** What opens the network `question` is about, once the learner leaves the challenge. */
  private pendingOpen: (() => Promise<void>) | null = null;

  /** Why the open challenge refuses changing the Lab from `current` (read only if one is open) to `next`; null when it allows it. */
  refusal(current: () => LabConfig, next: LabConfig): string | null {
    return this.challenge ? changeRefusal($state.snapshot(this.challenge), current(), next) : null;
  }

  /**
   * Why the challenge's limits keep `dataset`'s picker greyed out, given the Lab's network
   * (`current`) and the one picking it would bring (`nextFor`), both read only when needed; null
   * when it is allowed, and under a data lock, which disables every picker at once and says so
   * in its own words.
   */
  pickRefusal(dataset: DatasetName, current: () => LabConfig, nextFor: (current: LabConfig) => LabConfig): string | null {
    if (!this.challenge || this.challenge.limits.lockData) return null;
    const now = current();
    const refused = refusedLimits($state.snapshot(this.challenge), now, nextFor(now));
    if (refused.length === 0) return null;
    // The curves share one network, and so do the 2-D sets: the same words for each, said once by the pickers.
    const subject = isTableDataset(dataset)
      ? `The network for ${DATASET_INFO[dataset].label}`
      : isCurveDataset(dataset)
        ? 'The network for the curves'
        : 'The network for the 2-D data sets';
    return refused.map((limit, i) => replacementText(i === 0 ? subject : 'It', limit)).join(' ');
  }

  /**
   * A whole network from elsewhere replacing `current` (read only if a challenge is open): with
   * no challenge open, or one whose limits `next` keeps, `open` runs at once. Otherwise nothing changes and `question` asks,
   * keeping `open` for `leave`.
   */
  replace(current: () => LabConfig, next: LabConfig, subject: string, opened: string, open: () => Promise<void>): Promise<void> {
    const refused = this.challenge ? refusedLimits($state.snapshot(this.challenge), current(), next) : [];
    if (refused.length === 0) return open();
    this.question = { reasons: refused.map((limit) => replacementText(subject, limit)), opened };
    this.pendingOpen = open;
    return Promise.resolve();
  }

  /** The learner chose to leave: the question closes, and what it was about is handed back to open (null if none was asked). */
  leave(): { open: () => Promise<void>; opened: string } | null {
    const open = this.pendingOpen;
    const question = this.question;
    this.keep();
    return open === null || question === null ? null : { open, opened: question.opened };
  }

  /** The question closes and nothing changes. */
  keep(): void {
    this.question = null;
    this.pendingOpen = null;
  }

  /**
   * Records the challenge as solved at the first newly measured point of `snapshot` that meets
   * its goal, with `config`, the network that met it (only while it keeps every limit).
   * True when it did.
   */
  record(snapshot: Snapshot, config: LabConfig): boolean {
    if (this.challenge === null || this.challenge.solved !== null) return false;
    const points = snapshot.history.length > 0 ? snapshot.history : [snapshot.metrics];
    // A time stamp for the file, never shown reactively: a plain Date is right here.
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    const solved = solutionIn(this.challenge, config, points, new Date());
    if (solved === null) return false;
    this.challenge.solved = solved;
    return true;
  }
}
