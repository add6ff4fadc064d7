import { describe, expect, it } from 'vitest';
import { LEARNING_RATE, MAP_EXTENT, START_EXTENT } from '../../../renderer/lessons/09-one-step-downhill/lesson';
import { descend, SURFACE_POINTS } from '../../../renderer/lessons/widgets/loss-surface';
import { fits, fitView, ticksIn, VIEW_MARGIN, VIEW_SIDES, wholeView, type MapView } from '../../../renderer/lessons/widgets/loss-view';

type Point = { w: number; b: number };

/** The start, `steps` steps of gradient descent, and the end of the next step (the arrow). */
function walk(start: Point, steps: number): Point[] {
  const out = [start];
  for (let k = 0; k <= steps; k++) {
    const at = out[out.length - 1];
    out.push(descend(SURFACE_POINTS, at.w, at.b, LEARNING_RATE));
  }
  return out;
}

/** The view the widget shows as the path grows one step at a time from `start` (each view follows the last). */
function viewsAlong(start: Point, steps: number): { path: Point[]; view: MapView }[] {
  const all = walk(start, steps);
  const out: { path: Point[]; view: MapView }[] = [];
  let view: MapView | undefined;
  for (let k = 0; k <= steps; k++) {
    const shown = all.slice(0, k + 2);
    view = fitView(shown, MAP_EXTENT, view);
    out.push({ path: shown, view });
  }
  return out;
}

const insideMap = (v: MapView) =>
  v.w0 >= -MAP_EXTENT - 1e-9 && v.w0 + v.side <= MAP_EXTENT + 1e-9 && v.b0 >= -MAP_EXTENT - 1e-9 && v.b0 + v.side <= MAP_EXTENT + 1e-9;

/** A step's length as a share of the view's side. */
const share = (v: MapView, a: Point, c: Point) => Math.hypot(c.w - a.w, c.b - a.b) / v.side;

describe('the loss map zooms to the path', () => {
  it('from (0, 0) the 16 steps to the bottom span more than half the map, where the whole map gave them a fourteenth', () => {
    const all = walk({ w: 0, b: 0 }, 16);
    const view = viewsAlong({ w: 0, b: 0 }, 16).at(-1)!.view;
    const span = Math.max(...all.map((q) => q.w)) - Math.min(...all.map((q) => q.w));
    console.log(
      `16 steps from (0, 0) span ${span.toFixed(2)} across a view of side ${view.side}: ${((100 * span) / view.side).toFixed(0)} %`,
    );
    expect(view.whole).toBe(false);
    expect(span / view.side).toBeGreaterThan(0.5);
    expect(span / (2 * MAP_EXTENT)).toBeLessThan(0.08);
    expect(fits(view, all, MAP_EXTENT)).toBe(true);
  });

  it('shows the first steps as long arrows from (0, 0) and from the flat corner (−4, 4) alike: the first arrow over 6 % of the view (18 of 280 pixels) where the whole map gave it under 2.5 %, and the first three at least 8 pixels', () => {
    for (const start of [
      { w: 0, b: 0 },
      { w: -4, b: 4 },
    ]) {
      const shares = viewsAlong(start, 20).map(({ path, view }) => share(view, path[path.length - 2], path[path.length - 1]));
      console.log(`arrows from (${start.w}, ${start.b}) as % of the view: ${shares.map((x) => (100 * x).toFixed(1)).join(' ')}`);
      const whole = walk(start, 0);
      expect(share(wholeView(MAP_EXTENT), whole[0], whole[1])).toBeLessThan(0.025);
      expect(shares[0]).toBeGreaterThan(0.06);
      // Every step of the first three arrows is drawn at least 8 of the map's 280 pixels long.
      for (const x of shares.slice(0, 3)) expect(x).toBeGreaterThan(8 / 280);
    }
  });

  it('a long path from a far corner stays on the map: every point inside its view, every view inside the whole map', () => {
    for (const start of [
      { w: -6, b: -6 },
      { w: -6, b: 6 },
      { w: -5, b: 5 },
      { w: 6, b: 6 },
      { w: 6, b: -6 },
    ]) {
      const all = walk(start, 2000);
      const view = fitView(all, MAP_EXTENT);
      expect(fits(view, all, MAP_EXTENT), `from (${start.w}, ${start.b})`).toBe(true);
      expect(insideMap(view)).toBe(true);
    }
  });

  it('every start the sliders allow, with up to 300 steps, keeps every point of its path in view, and the view inside the map', () => {
    for (let w = -START_EXTENT; w <= START_EXTENT; w += 1.5) {
      for (let b = -START_EXTENT; b <= START_EXTENT; b += 1.5) {
        for (const { path, view } of viewsAlong({ w, b }, 300).filter((_, k) => k % 25 === 0 || k === 300)) {
          expect(fits(view, path, MAP_EXTENT), `from (${w}, ${b}) after ${path.length - 2} steps`).toBe(true);
          expect(insideMap(view)).toBe(true);
        }
      }
    }
  });

  it('widens as the path grows and never narrows while it does', () => {
    const sides = viewsAlong({ w: -4, b: 4 }, 300).map((v) => v.view.side);
    for (let k = 1; k < sides.length; k++) expect(sides[k]).toBeGreaterThanOrEqual(sides[k - 1]);
    expect(sides[0]).toBe(VIEW_SIDES[0]);
    expect(sides.at(-1)!).toBeGreaterThan(sides[0]);
  });

  it('keeps the view while a moved start still fits in it, and moves it once the start nears an edge', () => {
    const first = fitView([{ w: 0, b: 0 }], MAP_EXTENT);
    expect(fitView([{ w: 0.1, b: 0.1 }], MAP_EXTENT, first)).toBe(first);
    const far = fitView([{ w: 0.5, b: 0 }], MAP_EXTENT, first);
    expect(far).not.toBe(first);
    expect(fits(far, [{ w: 0.5, b: 0 }], MAP_EXTENT)).toBe(true);
  });

  it('gives round edges and ticks: edges on multiples of the tick (of half a tick where the path only just fits) or the map edge, three to seven ticks', () => {
    let halves = 0;
    let edges = 0;
    for (const start of [
      { w: 0, b: 0 },
      { w: -4, b: 4 },
      { w: -2, b: 1 },
      { w: 3.3, b: -1.7 },
    ]) {
      for (const { view } of viewsAlong(start, 40)) {
        for (const edge of [view.w0, view.b0]) {
          if (Math.abs(Math.abs(edge) - MAP_EXTENT) < 1e-9) continue;
          const onGrid = (grain: number) => Math.abs(edge / grain - Math.round(edge / grain)) < 1e-9;
          expect(onGrid(view.tick / 2), `edge ${edge} with tick ${view.tick}`).toBe(true);
          edges += 1;
          if (onGrid(view.tick)) halves += 1;
        }
        const ticks = ticksIn(view.w0, view);
        expect(ticks.length).toBeGreaterThanOrEqual(3);
        expect(ticks.length).toBeLessThanOrEqual(7);
      }
    }
    expect(halves / edges).toBeGreaterThan(0.75);
  });

  it('falls back to the whole map when no zoomed view holds the path with its margin', () => {
    const spread = [
      { w: -7, b: -7 },
      { w: 7, b: 7 },
    ];
    expect(fitView(spread, MAP_EXTENT)).toEqual(wholeView(MAP_EXTENT));
    expect(fits(wholeView(MAP_EXTENT), spread, MAP_EXTENT)).toBe(true);
    expect(ticksIn(-MAP_EXTENT, wholeView(MAP_EXTENT))).toEqual([-8, -4, 0, 4, 8]);
    expect(VIEW_MARGIN).toBeGreaterThan(0);
  });
});
