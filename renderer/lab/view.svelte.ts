/**
 * What the Lab's views share: the theme's palette (from the app's theme), the data points (generated here from the
 * same spec and seed as the engine's, never sent over IPC), the one grid evaluation per
 * frame that the output plot and every neuron heatmap draw from, and which neuron the
 * learner is pointing at.
 */
import type { LabConfig } from '../../core/config';
import {
  createGridEvaluator,
  generateData,
  networkShape,
  type Dataset,
  type GridEvaluator,
  type GridOutputs,
  type NetworkShape,
} from '../../core/engine';
import { isTableDataset } from '../../core/tabular/info';
import type { Lab } from '../app/lab.svelte';
import { paletteFor, type Palette } from '../ui/palette';
import type { ThemeView } from '../ui/theme.svelte';
import { frameGap } from '../ui/motion';
import { FrameScheduler } from './frame';

/** Cells per side of the shared grid: the output plot uses all, thumbnails every other one. */
export const GRID_RESOLUTION = 64;
/**
 * How long the Lab's views may draw in one frame before the rest wait for the next: a
 * freshly opened Lab paints its canvases over a few frames instead of in one long task.
 */
export const FRAME_BUDGET_MS = 8;

export interface NeuronRef {
  /** 0-based layer index among hidden + output layers, or -1 for an input feature. */
  layer: number;
  neuron: number;
}

/** A key that changes whenever the grid evaluator must be rebuilt. */
export function networkKey(config: LabConfig, paramCount: number): string {
  const hidden = config.network.hidden.map((h) => `${h.size}${h.activation}`).join(',');
  // A drawn activation is a different function for every set of knots: new knots, new evaluator.
  const usesDrawn = config.network.hidden.some((h) => h.activation === 'drawn');
  const knots = usesDrawn ? JSON.stringify(config.network.drawn ?? null) : '';
  return `${config.features.join(',')}|${hidden}|${config.network.outputActivation}|${paramCount}|${knots}`;
}

export class LabView {
  /** The neuron under the pointer or keyboard focus; the output plot shows its map. */
  hovered = $state.raw<NeuronRef | null>(null);
  /** The class new points get when the learner clicks on the plot. */
  pointClass = $state(0);

  readonly dataset: Dataset;
  readonly shape: NetworkShape;
  /** Changes only with the network (not every frame), so `evaluate` compares one string. */
  private readonly networkKey: string;

  /** The newest grid evaluation, or null while the snapshot does not fit the network. */
  grid: GridOutputs | null = null;
  /** Increases every time `grid` changes, so views can skip work when nothing moved. */
  gridVersion = 0;
  /** The parameters `grid` was computed from. */
  gridParams: Float64Array | null = null;

  readonly scheduler: FrameScheduler;
  private evaluator: GridEvaluator | null = null;
  private evaluatorKey = '';
  private readonly stopEffects: () => void;

  constructor(
    private readonly lab: Lab,
    private readonly theme: ThemeView = { resolved: 'light', palette: paletteFor('light') },
  ) {
    this.dataset = $derived(planeData(lab.config));
    this.shape = $derived(networkShape(lab.config));
    this.networkKey = $derived(networkKey(lab.config, this.shape.paramCount));
    // The Lab's first frame only lays it out; after that each frame draws for about FRAME_BUDGET_MS.
    this.scheduler = new FrameScheduler(undefined, () => this.evaluate(), frameGap, { quietFirstFrame: true, budgetMs: FRAME_BUDGET_MS });
    this.stopEffects = $effect.root(() => {
      $effect(() => {
        // Any new snapshot, network, data or theme means every view draws again (once, next frame).
        void this.theme.palette;
        void this.lab.snapshot;
        void this.shape;
        void this.networkKey;
        void this.dataset;
        void this.lab.view.discretize;
        void this.lab.view.showTestData;
        this.scheduler.invalidate();
      });
    });
  }

  /** The theme's palette: views that read it while drawing follow the theme. */
  get palette(): Palette {
    return this.theme.palette;
  }

  dispose(): void {
    this.stopEffects();
    this.scheduler.dispose();
  }

  /** Runs once per frame before any view draws. */
  private evaluate(): void {
    const snapshot = this.lab.snapshot;
    // First thing in the frame, so the engine's next snapshot is on its way while this one is drawn.
    if (snapshot?.running) this.lab.frameStarted();
    const shape = this.shape;
    // Table networks (digits, Iris) have no 2-D plane to evaluate: their views draw from the snapshot.
    if (!snapshot || snapshot.params.length !== shape.paramCount || isTableDataset(this.lab.config.data.dataset)) {
      this.grid = null;
      this.gridParams = null;
      this.gridVersion++;
      return;
    }
    const key = this.networkKey;
    if (!this.evaluator || key !== this.evaluatorKey) {
      this.evaluator = createGridEvaluator($state.snapshot(this.lab.config) as LabConfig, GRID_RESOLUTION);
      this.evaluatorKey = key;
    }
    this.grid = this.evaluator.evaluate(snapshot.params);
    this.gridParams = snapshot.params;
    this.gridVersion++;
  }
}

const NO_POINTS: Dataset = { train: [], test: [], problem: 'classification', classes: 2 };

/** The 2-D views' points; none for a table set (its views read the table itself). */
function planeData(config: LabConfig): Dataset {
  if (isTableDataset(config.data.dataset)) return NO_POINTS;
  return generateData(config.data, config.seed);
}
