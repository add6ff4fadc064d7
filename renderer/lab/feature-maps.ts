/**
 * Heatmaps of the input features (x₁, x₁², sin x₂ …). They never change, so each is
 * computed once per theme and kept.
 */
import type { FeatureName } from '../../core/config';
import { DOMAIN, FEATURE_INFO } from '../../core/engine';
import type { Palette } from '../ui/palette';
import { HeatmapBuffer } from '../ui/heatmap';

/** A feature's values over a side × side grid of [−6, 6]², row 0 at the top, and its largest size. */
export function featureValues(feature: FeatureName, side: number): { values: Float32Array; max: number } {
  const values = new Float32Array(side * side);
  const f = FEATURE_INFO[feature].f;
  let max = 1e-9;
  for (let r = 0; r < side; r++) {
    for (let c = 0; c < side; c++) {
      const v = f(-DOMAIN + ((c + 0.5) * 2 * DOMAIN) / side, DOMAIN - ((r + 0.5) * 2 * DOMAIN) / side);
      values[r * side + c] = v;
      if (Math.abs(v) > max) max = Math.abs(v);
    }
  }
  return { values, max };
}

export class FeatureMaps {
  private buffers: Partial<Record<FeatureName, HeatmapBuffer>> = {};
  private palette: Palette | null = null;

  constructor(private readonly side: number) {}

  /** The feature's heatmap, centred on zero and scaled to its largest size, in the palette's colours. */
  get(feature: FeatureName, palette: Palette): HeatmapBuffer {
    if (palette !== this.palette) {
      this.buffers = {};
      this.palette = palette;
    }
    let buffer = this.buffers[feature];
    if (!buffer) {
      const { values, max } = featureValues(feature, this.side);
      buffer = new HeatmapBuffer(this.side).fill(values, this.side, palette.lut, -max, max, false);
      this.buffers[feature] = buffer;
    }
    return buffer;
  }
}
