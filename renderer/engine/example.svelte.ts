/**
 * One example, forward and backward, as the page walks through it: one button that goes
 * forward (the engine traces the next training example), backward (the same trace's δ and
 * gradients, shown), and applies the update (the engine trains on that example alone, a batch
 * of one). The numbers are the engine's own (core/engine/trace.ts), asked for over the run's
 * connection; nothing is computed here. A trace stops being shown as soon as the network
 * moves on without it (training, an edit, a new network).
 */
import type { EngineEvent } from '../../core/protocol';
import type { ExampleStep, ExampleTrace } from '../../core/engine/trace';
import { REPLY_TIMEOUT_MS } from './connection';
import type { TrainingRun } from './run.svelte';

/** Where the walk is: nothing shown, waiting for the engine, or showing a phase. */
export type ExamplePhase = 'idle' | 'waiting' | 'forward' | 'backward' | 'updated';

/** A neuron of the network: layer 0 is the first hidden layer, the output layer last. */
export interface PickedNeuron {
  layer: number;
  neuron: number;
}

/** The label of the walk's one button in each phase (while waiting it keeps the label that was pressed). */
export const EXAMPLE_BUTTON: Record<Exclude<ExamplePhase, 'waiting'>, string> = {
  idle: 'One example',
  forward: 'Backward',
  backward: 'Apply update',
  updated: 'One example',
};

/** Where the picked neuron is kept (the Lab keeps it in its saved view). */
export interface PickStore {
  picked: PickedNeuron | null;
}

export interface ExampleWalkOptions {
  /** Called when the update has trained the network (the Lab marks its project changed). */
  onTrained?: () => void;
  /** The neuron whose formula is written out at first (when there is no store). */
  picked?: PickedNeuron | null;
  /** Keeps the picked neuron somewhere else than in the walk. */
  store?: PickStore;
}

function sameNumbers(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

class OwnPick implements PickStore {
  picked = $state.raw<PickedNeuron | null>(null);
  constructor(picked: PickedNeuron | null) {
    this.picked = picked;
  }
}

export class ExampleWalk {
  phase = $state<ExamplePhase>('idle');
  /** The traced example (forward, backward, and what the update trained on). */
  trace = $state.raw<ExampleTrace | null>(null);
  /** The update's parameters before and after, once applied. */
  step = $state.raw<ExampleStep | null>(null);
  /** How many updates this walk has applied (a lesson step may ask for one). */
  updates = $state(0);

  /** The phase a request was sent from, whose button label stays while the engine answers. */
  private asked = $state<Exclude<ExamplePhase, 'waiting'>>('idle');
  readonly buttonLabel = $derived(EXAMPLE_BUTTON[this.phase === 'waiting' ? this.asked : this.phase]);

  private readonly store: PickStore;
  /** The id of the request waiting for its answer. */
  private pending = -1;
  /** Gives up on an answer that never comes (the engine was restarted meanwhile). */
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** The network version the trace belongs to. */
  private configVersion = -1;
  private readonly stop: () => void;

  constructor(
    private readonly run: TrainingRun,
    private readonly options: ExampleWalkOptions = {},
  ) {
    this.store = options.store ?? new OwnPick(options.picked ?? null);
    this.stop = run.engine.onEvent((event) => this.receive(event));
  }

  /** The one button: forward, then backward, then apply the update, then the next example. */
  advance(): void {
    if (this.phase === 'forward') this.phase = 'backward';
    else if (this.phase === 'backward') this.apply();
    else if (this.phase !== 'waiting') this.forward();
  }

  /** Takes the next training example: pauses training and asks the engine for its trace. */
  forward(): void {
    if (this.run.running) this.run.pause();
    this.step = null;
    this.ask({ type: 'trace-example' });
  }

  /** Trains on the traced example alone (the engine's step of a batch of one). */
  apply(): void {
    if (this.trace === null) return;
    this.ask({ type: 'step', unit: 'example' });
  }

  private ask(command: { type: 'trace-example' } | { type: 'step'; unit: 'example' }): void {
    if (this.phase !== 'waiting') this.asked = this.phase;
    this.phase = 'waiting';
    this.pending = this.run.engine.send(command);
    this.stopTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.phase === 'waiting') this.clear();
    }, REPLY_TIMEOUT_MS);
  }

  private stopTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  /** The neuron whose formula is written out, or null for the network's first neuron. */
  get picked(): PickedNeuron | null {
    return this.store.picked;
  }

  /** Picks the neuron whose formula is written out. */
  pick(neuron: PickedNeuron | null): void {
    this.store.picked = neuron === null ? null : { layer: neuron.layer, neuron: neuron.neuron };
  }

  /** Hides whatever is shown (the network moved on). */
  clear(): void {
    this.phase = 'idle';
    this.trace = null;
    this.step = null;
    this.pending = -1;
    this.stopTimer();
  }

  dispose(): void {
    this.stopTimer();
    this.stop();
  }

  private receive(event: EngineEvent): void {
    switch (event.type) {
      case 'trace':
        if (event.replyTo !== this.pending) return;
        this.pending = -1;
        this.stopTimer();
        this.configVersion = this.run.snapshot?.configVersion ?? -1;
        this.trace = event.trace;
        this.phase = 'forward';
        return;
      case 'example-step':
        if (event.replyTo !== this.pending) return;
        this.pending = -1;
        this.stopTimer();
        this.step = event.step;
        this.phase = 'updated';
        this.updates += 1;
        this.options.onTrained?.();
        return;
      case 'error':
        // The engine refused (no training examples, a runaway…): the run shows its message.
        if (event.replyTo === this.pending) this.clear();
        return;
      case 'diverged':
        if (this.phase !== 'idle') this.clear();
        return;
      case 'snapshot': {
        if (this.phase === 'idle' || this.phase === 'waiting') return;
        const shown = this.phase === 'updated' ? this.step?.after : this.trace?.params;
        const moved = event.snapshot.configVersion !== this.configVersion || !shown || !sameNumbers(shown, event.snapshot.params);
        if (moved) this.clear();
        return;
      }
      default:
        return;
    }
  }
}
