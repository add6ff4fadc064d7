import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../core/engine/rng';
import { shortcutFor } from '../../../renderer/lab/keyboard';
import { addPoint, nearestIndex, removeNearest, sprayPoints, toDomain, toPixel } from '../../../renderer/lab/points';

const key = (k: string, target: object = { tagName: 'DIV' }, mods = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  target,
  ...mods,
});

describe('keyboard shortcuts', () => {
  it('maps Space, → and R', () => {
    expect(shortcutFor(key(' '))).toBe('toggle');
    expect(shortcutFor(key('ArrowRight'))).toBe('step');
    expect(shortcutFor(key('r'))).toBe('reset');
    expect(shortcutFor(key('R'))).toBe('reset');
    expect(shortcutFor(key('x'))).toBeNull();
  });

  it('stays quiet while typing, in sliders and with modifiers', () => {
    expect(shortcutFor(key('r', { tagName: 'INPUT' }))).toBeNull();
    expect(shortcutFor(key(' ', { tagName: 'TEXTAREA' }))).toBeNull();
    expect(shortcutFor(key('ArrowRight', { tagName: 'SELECT' }))).toBeNull();
    expect(shortcutFor(key('r', { tagName: 'DIV', isContentEditable: true }))).toBeNull();
    expect(shortcutFor(key('ArrowRight', { tagName: 'DIV', getAttribute: () => 'slider' }))).toBeNull();
    expect(shortcutFor(key('r', { tagName: 'DIV' }, { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(key(' ', { tagName: 'BUTTON' }))).toBeNull();
  });

  it('leaves each key to the controls that use it, and no more', () => {
    const attrs = (map: Record<string, string>) => (name: string) => map[name] ?? null;
    // Space opens a summary and ticks a check box; arrows move radios, tabs and sliders.
    expect(shortcutFor(key(' ', { tagName: 'SUMMARY' }))).toBeNull();
    expect(shortcutFor(key(' ', { tagName: 'INPUT', getAttribute: attrs({ type: 'checkbox' }) }))).toBeNull();
    expect(shortcutFor(key(' ', { tagName: 'DIV', getAttribute: attrs({ role: 'button' }) }))).toBeNull();
    expect(shortcutFor(key('ArrowRight', { tagName: 'BUTTON', getAttribute: attrs({ role: 'radio' }) }))).toBeNull();
    expect(shortcutFor(key('ArrowRight', { tagName: 'INPUT', getAttribute: attrs({ type: 'range' }) }))).toBeNull();
    expect(shortcutFor(key('r', { tagName: 'INPUT', getAttribute: attrs({ type: 'number' }) }))).toBeNull();
    expect(shortcutFor(key('r', { tagName: 'DIV', getAttribute: attrs({ role: 'application' }) }))).toBeNull();
    // A key the focused control has no use for still acts.
    expect(shortcutFor(key('ArrowRight', { tagName: 'BUTTON' }))).toBe('step');
    expect(shortcutFor(key('r', { tagName: 'SUMMARY' }))).toBe('reset');
    expect(shortcutFor(key(' ', { tagName: 'INPUT', getAttribute: attrs({ type: 'range' }) }))).toBe('toggle');
    expect(shortcutFor(key('ArrowRight', { tagName: 'INPUT', getAttribute: attrs({ type: 'checkbox' }) }))).toBe('step');
  });

  it('never acts behind a modal dialog', () => {
    const page = (selector: string | null) => ({ querySelector: (s: string) => (s === selector ? {} : null) }) as unknown as Document;
    const inDialog = { tagName: 'BUTTON', closest: (s: string) => (s.includes('dialog') ? {} : null) };
    expect(shortcutFor(key('r', inDialog), page(null))).toBeNull();
    expect(shortcutFor(key('r', { tagName: 'BODY' }), page(':modal'))).toBeNull();
    expect(shortcutFor(key('r', { tagName: 'BODY' }), page('[aria-modal="true"]'))).toBeNull();
    expect(shortcutFor(key('r', { tagName: 'BODY' }), page(null))).toBe('reset');
  });
});

describe('own points', () => {
  it('maps pixels to the domain and back', () => {
    expect(toDomain(0, 0, 300)).toEqual({ x1: -6, x2: 6 });
    expect(toDomain(300, 300, 300)).toEqual({ x1: 6, x2: -6 });
    const { px, py } = toPixel(1.5, -2, 300);
    const back = toDomain(px, py, 300);
    expect(back.x1).toBeCloseTo(1.5);
    expect(back.x2).toBeCloseTo(-2);
  });

  it('adds, sprays deterministically and removes the nearest point', () => {
    let points = addPoint([], 1, 1, 0);
    points = addPoint(points, 9, -9, 1);
    expect(points[1]).toEqual({ x1: 6, x2: -6, label: 1 });
    const a = sprayPoints(points, 0, 0, 1, 10, 0.5, createRandom(7));
    const b = sprayPoints(points, 0, 0, 1, 10, 0.5, createRandom(7));
    expect(a).toEqual(b);
    expect(a.length).toBe(12);
    expect(nearestIndex(a, 5.9, -5.9)).toBe(1);
    const fewer = removeNearest(a, 5.9, -5.9);
    expect(fewer.length).toBe(11);
    expect(fewer.some((p) => p.x1 === 6 && p.x2 === -6)).toBe(false);
    expect(removeNearest([], 0, 0)).toEqual([]);
  });
});
