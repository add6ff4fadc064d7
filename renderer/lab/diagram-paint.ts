/**
 * Painting the network diagram: the links on a canvas of their own (redrawn only when a
 * link's look changes, see links.ts), then inputs, every neuron's heatmap thumbnail, the dead
 * marks and the bias squares on the canvas above it. The component (NetworkDiagram.svelte)
 * owns the buttons and the hover card over them; this file owns only pixels.
 */
import { FEATURE_NAMES, type FeatureName } from '../../core/config';
import type { GridOutputs, NetworkShape } from '../../core/engine';
import { rgbText } from '../ui/color';
import { fitCanvas } from '../ui/fit';
import type { Palette } from '../ui/palette';
import { HeatmapAtlas } from './atlas';
import { drawDeadMarks } from './dead-marks';
import { valueRange } from './draw';
import { FeatureMaps } from './feature-maps';
import { BIAS_STRIDE, LINK_STRIDE, THUMB, type DiagramLayout } from './layout';
import { UNSEEN, drawLinks, updateLooks } from './links';

/** What one frame of the diagram is drawn from. */
export interface DiagramFrame {
  layout: DiagramLayout;
  palette: Palette;
  shape: NetworkShape;
  /** The enabled inputs; the others are drawn dimmed. */
  inputs: readonly FeatureName[];
  /** The newest parameters, or null while none fit the network shown. */
  params: Float64Array | null;
  grid: GridOutputs | null;
  /** Cells per side of `grid`. */
  gridResolution: number;
  /** Whether the output layer's thumbnails are drawn as two classes. */
  discretize: boolean;
  /** Per hidden layer, 1 for each dead neuron (or null when unknown). */
  dead: readonly ArrayLike<number>[] | null;
}

export class DiagramPainter {
  /** Every neuron's thumbnail in one buffer: one upload per frame, one copy per neuron. */
  private readonly thumbnails: HeatmapAtlas;
  private readonly featureMaps: FeatureMaps;
  /** Each link's last drawn look (see links.ts). */
  private looks = new Uint8Array(0);
  /** What the links canvas was last drawn for; anything else and it is drawn afresh. */
  private linksDrawn: { layout: DiagramLayout; palette: Palette; ratio: number } | null = null;

  constructor(thumbPixels: number) {
    this.thumbnails = new HeatmapAtlas(thumbPixels);
    this.featureMaps = new FeatureMaps(thumbPixels);
  }

  paint(canvas: HTMLCanvasElement, linksCanvas: HTMLCanvasElement | undefined, frame: DiagramFrame): void {
    const { width, height, biases, columnX, featureY, neuronY } = frame.layout;
    const ctx = fitCanvas(canvas, width, height);
    if (!ctx) return;
    const { palette, params: p, grid } = frame;
    ctx.clearRect(0, 0, width, height);
    if (linksCanvas) this.paintLinks(linksCanvas, frame);
    // Inputs: every feature, dimmed when off.
    for (let f = 0; f < FEATURE_NAMES.length; f++) {
      const name = FEATURE_NAMES[f];
      ctx.globalAlpha = frame.inputs.includes(name) ? 1 : 0.3;
      this.featureMaps.get(name, palette).drawTo(ctx, columnX[0], featureY[f], THUMB, THUMB, false);
    }
    ctx.globalAlpha = 1;
    const outputLayer = neuronY.length - 1;
    // Fill every neuron's tile first, then send them all to the atlas canvas in one go.
    let tiles = 0;
    for (let l = 0; l < neuronY.length; l++) tiles += neuronY[l].length;
    this.thumbnails.reserve(tiles);
    let tile = 0;
    for (let l = 0; l < neuronY.length; l++) {
      const range = valueRange(frame.shape.layers[l].activation);
      for (let j = 0; j < neuronY[l].length; j++, tile++) {
        const values = grid?.layers[l]?.[j];
        if (values)
          this.thumbnails.fill(tile, values, frame.gridResolution, palette, range.min, range.max, frame.discretize && l === outputLayer);
      }
    }
    this.thumbnails.upload();
    const empty = rgbText(palette.panel);
    const border = rgbText(palette.border);
    ctx.lineWidth = 1;
    tile = 0;
    for (let l = 0; l < neuronY.length; l++) {
      for (let j = 0; j < neuronY[l].length; j++, tile++) {
        const x = columnX[l + 1];
        const y = neuronY[l][j];
        if (grid?.layers[l]?.[j]) this.thumbnails.drawTile(ctx, tile, x, y, THUMB, THUMB);
        else {
          ctx.fillStyle = empty;
          ctx.fillRect(x, y, THUMB, THUMB);
        }
        ctx.strokeStyle = border;
        ctx.strokeRect(x + 0.5, y + 0.5, THUMB - 1, THUMB - 1);
      }
    }
    if (frame.dead) drawDeadMarks(ctx, frame.dead, columnX, neuronY, palette);
    // Biases: a small square at each neuron's lower left, coloured by sign, sized by value.
    if (p) {
      const above = rgbText(palette.classB);
      const below = rgbText(palette.classA);
      ctx.strokeStyle = rgbText(palette.fg, 0.6);
      for (let i = 0; i < biases.length; i += BIAS_STRIDE) {
        const b = p[biases[i + 2]];
        const half = 2 + Math.min(Math.abs(b), 2) * 2;
        ctx.fillStyle = b >= 0 ? above : below;
        ctx.fillRect(biases[i] - half, biases[i + 1] - half, half * 2, half * 2);
        ctx.strokeRect(biases[i] - half, biases[i + 1] - half, half * 2, half * 2);
      }
    }
  }

  /** The links' canvas, redrawn only when the layout, palette or pixel ratio changed or a link's look did. */
  private paintLinks(linksCanvas: HTMLCanvasElement, frame: DiagramFrame): void {
    const { layout, palette, params } = frame;
    const { width, height, links } = layout;
    const ratio = globalThis.devicePixelRatio || 1;
    const drawn = this.linksDrawn;
    const fresh = drawn?.layout !== layout || drawn.palette !== palette || drawn.ratio !== ratio;
    if (fresh) this.looks = new Uint8Array(links.length / LINK_STRIDE).fill(UNSEEN);
    const changed = params ? updateLooks(params, links, this.looks) : false;
    if (!fresh && !changed) return;
    const ctx = fitCanvas(linksCanvas, width, height);
    if (!ctx) return;
    ctx.clearRect(0, 0, width, height);
    if (params) drawLinks(ctx, links, this.looks, rgbText(palette.classB, 0.8), rgbText(palette.classA, 0.8));
    this.linksDrawn = { layout, palette, ratio };
  }
}
