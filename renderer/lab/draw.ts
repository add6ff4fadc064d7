/**
 * Drawing shared by the Lab's views: value ranges of heatmaps and the data points. Heatmaps,
 * colours and canvas sizing come from the kit in renderer/ui.
 */
import type { DataPoint } from '../../core/config';
import { rgbText } from '../ui/color';
import { drawDataPoint } from '../ui/data-points';
import type { Palette } from '../ui/palette';
import { toPixel } from './points';

/** Value range a neuron's heatmap spans, by what the neuron can output. */
export function valueRange(activation: string): { min: number; max: number } {
  return activation === 'sigmoid' || activation === 'softmax' ? { min: 0, max: 1 } : { min: -1, max: 1 };
}

/** The colour of a data point: its class, or for regression its value on the diverging scale. */
export function pointColor(point: DataPoint, regression: boolean, palette: Palette): string {
  if (!regression) return rgbText(palette.classes[point.label] ?? palette.muted);
  const t = Math.max(0, Math.min(255, Math.round(((point.label + 1) / 2) * 255))) * 4;
  return `rgb(${palette.lut[t]}, ${palette.lut[t + 1]}, ${palette.lut[t + 2]})`;
}

/** Draws points the one way every plane does (ui/data-points.ts): training points filled, test points hollow rings. */
export function drawPoints(
  ctx: CanvasRenderingContext2D,
  points: readonly DataPoint[],
  size: number,
  regression: boolean,
  palette: Palette,
  test: boolean,
  radius = 3.5,
  outlined = true,
): void {
  const panel = rgbText(palette.panel);
  for (const point of points) {
    const { px, py } = toPixel(point.x1, point.x2, size);
    const colour = pointColor(point, regression, palette);
    if (outlined) {
      drawDataPoint(ctx, px, py, test ? 'test' : 'train', colour, panel, radius);
      continue;
    }
    // Thumbnails: bare dots, too small for a rim.
    ctx.beginPath();
    ctx.arc(px, py, radius, 0, Math.PI * 2);
    ctx.fillStyle = colour;
    ctx.fill();
  }
}
