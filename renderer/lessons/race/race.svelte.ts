/**
 * The lesson race's model: one TrainerModel per racer, each on a dedicated engine (a Web
 * Worker of its own), driven together by the shared TrainerControls. A racer stops by itself
 * when it reaches the target or has used its epochs; the table is read from the racers.
 * Make it while the widget is set up (each racer is a `lessonTrainer`, closed with it).
 */
import { untrack } from 'svelte';
import type { EngineConnection } from '../../engine/connection';
import { trainerPreset } from '../presets';
import { lessonTrainer, type TrainerModel, type TrainerTransport } from '../widgets/trainer.svelte';
import { engineSpeed, type LessonSpeed } from '../widgets/speed';
import { leaders, raceOver, racerConfig, racerDone, type RacePreset, type Racer } from './race';

export class LessonRace implements TrainerTransport {
  readonly lanes: TrainerModel[];
  speed = $state<LessonSpeed>(1);
  /**
   * Per racer, once it has reached the target: true when the epoch before was measured too, so
   * the epoch recorded is exactly the first (at full speed the engine measures every few epochs).
   */
  exact = $state<(boolean | undefined)[]>([]);

  /** `engines` gives each racer its engine; a Web Worker of its own unless a test gives one. */
  constructor(
    readonly preset: RacePreset,
    engines?: () => EngineConnection,
  ) {
    this.speed = preset.speed;
    this.lanes = preset.activations.map((activation) =>
      lessonTrainer(trainerPreset(racerConfig(preset.config, activation), { raceTarget: preset.target, speed: preset.speed }), engines?.()),
    );
    $effect(() => {
      this.lanes.forEach((lane, i) => {
        void lane.version;
        this.note(i);
        // The engine stops a racer at its finish or its last epoch (see play); this only
        // catches one that was already done when it was told to play.
        if (lane.running && racerDone(this.racer(i), preset.maxEpochs)) lane.pause();
      });
    });
  }

  /** Notes whether racer i's finishing epoch was measured exactly, the first time it is seen. */
  private note(i: number): void {
    const reached = this.racer(i).reachedAt;
    if (reached === null || untrack(() => this.exact[i]) !== undefined) return;
    const history = this.lanes[i].history;
    const k = history.findIndex((p) => p.epoch === reached);
    const exact = k > 0 && history[k - 1].epoch === reached - 1;
    untrack(() => {
      const next = [...this.exact];
      next[i] = exact;
      this.exact = next;
    });
  }

  /** Racer i's line of the table. */
  racer(i: number): Racer {
    const lane = this.lanes[i];
    const activation = this.preset.activations[i];
    const reached = lane.race[activation];
    // Reaching the target after its last epoch (trained on before the pause arrived) does not count.
    const reachedAt = reached !== undefined && reached <= this.preset.maxEpochs ? reached : null;
    return { activation, epochs: lane.epoch, testAccuracy: lane.testAccuracy, reachedAt };
  }

  get racers(): Racer[] {
    return this.lanes.map((_, i) => this.racer(i));
  }

  get over(): boolean {
    return raceOver(this.racers, this.preset.maxEpochs);
  }

  /** The lane in front: the first to reach the target, else the most accurate so far. */
  get leader(): TrainerModel {
    const first = leaders(this.racers)[0];
    if (first !== undefined) return this.lanes[this.preset.activations.indexOf(first)];
    return this.lanes.reduce((a, b) => ((b.testAccuracy ?? -1) > (a.testAccuracy ?? -1) ? b : a));
  }

  get running(): boolean {
    return this.lanes.some((lane) => lane.running);
  }
  /** The furthest any racer has got. */
  get epoch(): number {
    return Math.max(...this.lanes.map((lane) => lane.epoch));
  }

  /**
   * Every racer still in the race trains on. Its engine pauses it by itself at the first
   * measured epoch at the target, or after its last epoch, so no racer runs past its finish
   * while a pause is on its way (at full speed that used to be hundreds of epochs).
   */
  play(): void {
    const stop = { epoch: this.preset.maxEpochs, testAccuracy: this.preset.target };
    this.lanes.forEach((lane, i) => {
      if (!racerDone(this.racer(i), this.preset.maxEpochs)) lane.play(stop);
    });
  }
  pause(): void {
    for (const lane of this.lanes) lane.pause();
  }
  /** One epoch for every racer still in the race. */
  stepEpoch(): void {
    if (this.running) return;
    this.lanes.forEach((lane, i) => {
      if (!racerDone(this.racer(i), this.preset.maxEpochs)) lane.stepEpoch();
    });
  }
  /** The same race again from the start line: the same starting weights, an empty table. */
  restart(): void {
    this.exact = [];
    this.lanes.forEach((lane, i) => {
      lane.race = {};
      lane.configure(racerConfig(this.preset.config, this.preset.activations[i]));
      lane.run.setSpeed(engineSpeed(lane.speed));
    });
  }
  setSpeed(speed: LessonSpeed): void {
    this.speed = speed;
    for (const lane of this.lanes) lane.setSpeed(speed);
  }
}
