/**
 * The One example diagram as lesson 9 step 4 shows it (exampleGeometry): labels of at least
 * 12 px, and nothing on top of anything else — no label over another, no link, gradient or
 * rank mark under a label — in the forward, backward and updated pictures.
 */
import { describe, expect, it } from 'vitest';
import { networkShape } from '../../../core/engine';
import type { ExampleTrace } from '../../../core/engine/trace';
import { drawExample, drawNetwork, exampleGeometry } from '../../../renderer/lab/example-draw';
import { lesson } from '../../../renderer/lessons/09-one-step-downhill/lesson';
import { paletteFor } from '../../../renderer/ui/palette';

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
  what: string;
}

/** A 2-D context that records where text, lines and discs go; text is 0.62 em wide a character (a monospace font). */
function recorder() {
  const texts: Box[] = [];
  const segments: [number, number, number, number][] = [];
  const discs: { x: number; y: number; r: number }[] = [];
  let font = '10px sans-serif';
  let baseline = 'alphabetic';
  let at: [number, number] = [0, 0];
  const size = () => Number(/(\d+(?:\.\d+)?)px/.exec(font)?.[1] ?? 0);
  const ctx = {
    set font(v: string) {
      font = v;
    },
    get font() {
      return font;
    },
    set textBaseline(v: string) {
      baseline = v;
    },
    measureText: (t: string) => ({ width: [...t].length * size() * 0.62 }),
    fillText: (t: string, x: number, y: number) => {
      // Drawn from the top, or from the baseline (about 0.8 em below the top).
      const top = baseline === 'top' ? y : y - 0.8 * size();
      texts.push({ x, y: top, w: [...t].length * size() * 0.62, h: size(), what: `${t} (${size()} px)` });
    },
    moveTo: (x: number, y: number) => void (at = [x, y]),
    lineTo: (x: number, y: number) => {
      segments.push([at[0], at[1], x, y]);
      at = [x, y];
    },
    arc: (x: number, y: number, r: number) => void discs.push({ x, y, r }),
  };
  const proxy = new Proxy(ctx as Record<string | symbol, unknown>, {
    get: (target, key) => (key in target ? target[key] : () => undefined),
    set: (target, key, value) => {
      if (key === 'font' || key === 'textBaseline') (target as Record<string, unknown>)[key as string] = value;
      return true;
    },
  });
  return { ctx: proxy as unknown as CanvasRenderingContext2D, texts, segments, discs, size };
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** Does the segment pass through the box (sampled every half pixel)? */
function crosses([x1, y1, x2, y2]: [number, number, number, number], box: Box): boolean {
  const n = Math.max(1, Math.ceil(Math.hypot(x2 - x1, y2 - y1) * 2));
  for (let i = 0; i <= n; i++) {
    const x = x1 + ((x2 - x1) * i) / n;
    const y = y1 + ((y2 - y1) * i) / n;
    if (x > box.x && x < box.x + box.w && y > box.y && y < box.y + box.h) return true;
  }
  return false;
}

describe('lesson 9 step 4: the One example diagram', () => {
  const step = lesson.steps[3];
  if (step.widget !== 'oneExample') throw new Error('step 4 is not the One example step');
  const shape = networkShape(step.preset.config);
  const geometry = exampleGeometry(shape);
  const palette = paletteFor('light');
  // Long numbers, as the real run shows them (e.g. z −0.00037, δ −0.0037).
  const long = (n: number) => Float64Array.from({ length: n }, (_, i) => -0.00037 * (i + 1));
  const trace: ExampleTrace = {
    row: 0,
    point: { x1: -0.24, x2: -0.3, label: 1 },
    params: new Float64Array(shape.paramCount),
    inputs: Float64Array.from([-0.242, -0.305]),
    z: shape.layers.map((l) => long(l.size)),
    a: shape.layers.map((l) => long(l.size)),
    target: Float64Array.from([1]),
    loss: 0.594,
    delta: shape.layers.map((l) => long(l.size)),
    gradient: Float64Array.from({ length: shape.paramCount }, (_, i) => (i % 2 ? 0.3 : -0.2) * (i + 1)),
  };
  const params = Float64Array.from({ length: shape.paramCount }, (_, i) => (i % 3) - 1);

  for (const phase of ['forward', 'backward', 'updated'] as const) {
    it(`${phase}: every label is at least 12 px and clear of every other label, link and rank mark`, () => {
      const under = recorder();
      drawNetwork(under.ctx, geometry, params, palette);
      const over = recorder();
      const moved = Array.from({ length: 4 }, (_, i) => shape.weightIndex(shape.layers.length - 1, 0, i % shape.layers[0].size));
      drawExample(over.ctx, geometry, { phase, trace, step: null, picked: { layer: 0, neuron: 0 }, moved }, palette);
      const labels = over.texts.filter((t) => !/^\d+ /.test(t.what));
      expect(labels.length).toBeGreaterThan(shape.inputs + 3);
      for (const t of labels) expect(t.h, t.what).toBeGreaterThanOrEqual(12);
      for (let i = 0; i < labels.length; i++)
        for (let j = i + 1; j < labels.length; j++)
          expect(overlaps(labels[i], labels[j]), `${labels[i].what} over ${labels[j].what}`).toBe(false);
      // The stubs a square's links leave from run behind its own labels, as a label on a wire.
      const stubs = geometry.stubs ?? new Float32Array(0);
      const isStub = ([x1, y1, x2, y2]: number[]) =>
        Array.from({ length: stubs.length / 4 }, (_, i) => i * 4).some(
          (i) => stubs[i] === x1 && stubs[i + 1] === y1 && stubs[i + 2] === x2 && stubs[i + 3] === y2,
        );
      const lines = [...under.segments.filter((s) => !isStub(s)), ...over.segments];
      expect(lines.length).toBeGreaterThanOrEqual(geometry.links.length / 5);
      for (const t of labels) {
        for (const s of lines) expect(crosses(s, t), `a line under ${t.what}`).toBe(false);
        for (const d of over.discs)
          expect(overlaps({ x: d.x - d.r, y: d.y - d.r, w: 2 * d.r, h: 2 * d.r, what: 'rank' }, t), `a rank mark on ${t.what}`).toBe(false);
      }
      // Everything stays inside the diagram.
      for (const t of labels) expect(t.x + t.w, t.what).toBeLessThanOrEqual(geometry.width);
      for (const t of labels) expect(t.y + t.h, t.what).toBeLessThanOrEqual(geometry.height);
    });
  }
});
