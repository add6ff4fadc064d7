import { fireEvent, render, screen } from '@testing-library/svelte';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { checkKnots, presetKnots } from '../../../../core/engine';
import DrawnWidget from '../../../../renderer/lessons/widgets/DrawnWidget.svelte';
import type { DrawnState } from '../../../../renderer/lessons/types';
import { stubCanvas } from '../../canvas-stub';

beforeAll(stubCanvas);

function setup(initial = presetKnots('identity')) {
  const states: DrawnState[] = [];
  render(DrawnWidget, { preset: { initial }, onState: (s: DrawnState) => states.push(structuredClone(s)) });
  return states;
}

/** Lesson 17's staircase: its risers' knots are 0.1 apart, closer than the editor's own gap and than a disc is wide. */
const STAIRS = [
  { x: -4, y: -1 },
  { x: -1.05, y: -1 },
  { x: -0.95, y: 0 },
  { x: 0.95, y: 0 },
  { x: 1.05, y: 1 },
  { x: 4, y: 1 },
];

const knotButtons = () => screen.getAllByRole('button', { name: /^Knot \d of \d/ });

describe('DrawnWidget (Draw your own)', () => {
  it('starts straight; a preset bends it, and the state carries the knots', async () => {
    const states = setup();
    expect(screen.getByRole('heading', { name: 'Draw your own' })).toBeTruthy();
    expect(knotButtons()).toHaveLength(7);
    expect(states.at(-1)).toEqual({ knots: presetKnots('identity'), straight: true });
    expect(screen.getByRole('status').textContent).toMatch(/^Straight \(y = 1·x \+ 0\)/);
    await fireEvent.click(screen.getByRole('button', { name: 'Absolute value' }));
    await vi.waitFor(() => expect(states.at(-1)).toEqual({ knots: presetKnots('absolute'), straight: false }));
    expect(screen.getByRole('status').textContent).toMatch(/^Bent/);
  });

  it('moves the focused knot with arrow keys and hands the shape on when the key is released', async () => {
    const states = setup();
    const knot = screen.getByRole('button', { name: 'Knot 4 of 7: x = 0, y = 0' });
    await fireEvent.keyDown(knot, { key: 'ArrowUp' });
    await fireEvent.keyDown(knot, { key: 'ArrowUp', shiftKey: true });
    // Not applied while the key is held.
    expect(states.at(-1)?.straight).toBe(true);
    expect(screen.getByRole('button', { name: 'Knot 4 of 7: x = 0, y = 1.1' })).toBeTruthy();
    await fireEvent.keyUp(knot, { key: 'ArrowUp' });
    await vi.waitFor(() => expect(states.at(-1)?.straight).toBe(false));
    expect(states.at(-1)?.knots[3]).toEqual({ x: 0, y: 1.1 });
    // Right, past its neighbour at x = 1: it stops 0.11 short and the order holds.
    for (let i = 0; i < 3; i++) await fireEvent.keyDown(knot, { key: 'ArrowRight', shiftKey: true });
    await fireEvent.keyUp(knot, { key: 'ArrowRight' });
    await vi.waitFor(() => expect(states.at(-1)?.knots[3]).toEqual({ x: 0.89, y: 1.1 }));
    expect(checkKnots(states.at(-1)?.knots)).toBeNull();
  });

  it('adds and removes knots by key and button, and says what to do at the limits without changing the drawing', async () => {
    const states = setup();
    await fireEvent.keyDown(screen.getByRole('button', { name: 'Knot 2 of 7: x = −2, y = −2' }), { key: '+' });
    await vi.waitFor(() => expect(knotButtons()).toHaveLength(8));
    expect(states.at(-1)?.knots[2]).toEqual({ x: -1.5, y: -1.5 });
    await fireEvent.click(screen.getByRole('button', { name: 'Add a knot' }));
    await vi.waitFor(() => expect(knotButtons()).toHaveLength(9));
    expect((screen.getByRole('button', { name: 'Add a knot' }) as HTMLButtonElement).disabled).toBe(true);
    await fireEvent.keyDown(knotButtons()[0], { key: 'Insert' });
    expect(screen.getByRole('alert').textContent).toBe('A drawing has at most 9 knots: remove one before adding another.');
    expect(knotButtons()).toHaveLength(9);
    for (let n = 9; n > 5; n--) await fireEvent.keyDown(knotButtons()[0], { key: 'Delete' });
    await vi.waitFor(() => expect(knotButtons()).toHaveLength(5));
    const five = states.at(-1)?.knots;
    expect(five).toHaveLength(5);
    await fireEvent.keyDown(knotButtons()[0], { key: 'Delete' });
    expect(screen.getByRole('alert').textContent).toBe('A drawing needs at least 5 knots: add one before removing another.');
    expect(states.at(-1)?.knots).toEqual(five);
  });

  it('moves a knot that sits close to its neighbour straight down with ArrowDown: its x stays', async () => {
    const states = setup(STAIRS);
    const knot = screen.getByRole('button', { name: 'Knot 3 of 6: x = −0.95, y = 0' });
    for (let i = 0; i < 9; i++) await fireEvent.keyDown(knot, { key: 'ArrowDown' });
    await fireEvent.keyUp(knot, { key: 'ArrowDown' });
    await vi.waitFor(() => expect(states.at(-1)?.knots[2]).toEqual({ x: -0.95, y: -0.9 }));
    expect(screen.getByRole('button', { name: 'Knot 3 of 6: x = −0.95, y = −0.9' })).toBeTruthy();
  });

  it('a press on overlapping discs grabs the knot whose centre is nearest, not the disc drawn on top', async () => {
    setup(STAIRS);
    const knot2 = screen.getByRole('button', { name: /^Knot 2 of 6:/ });
    const knot3 = screen.getByRole('button', { name: /^Knot 3 of 6:/ });
    // Where a knot's centre is on the plot (the canvas sits at 0, 0 here).
    const centre = (b: HTMLElement) => ({ clientX: Number.parseFloat(b.style.left), clientY: Number.parseFloat(b.style.top) });
    expect(Math.abs(centre(knot3).clientX - centre(knot2).clientX)).toBeLessThan(8);
    // Knot 3's centre, pressed through knot 2's disc (they are a few pixels apart).
    await fireEvent.pointerDown(knot2, { button: 0, pointerId: 1, ...centre(knot3) });
    await fireEvent.pointerUp(knot2, { button: 0, pointerId: 1, ...centre(knot3) });
    expect(screen.getByRole('button', { name: 'Remove knot 3' })).toBeTruthy();
    await fireEvent.pointerDown(knot2, { button: 0, pointerId: 2, ...centre(knot2) });
    await fireEvent.pointerUp(knot2, { button: 0, pointerId: 2, ...centre(knot2) });
    expect(screen.getByRole('button', { name: 'Remove knot 2' })).toBeTruthy();
  });

  it('leaves room around the plot: a knot at the top of the range (y = 5) shows whole, ring and all', async () => {
    setup([
      { x: -3, y: -3 },
      { x: -1, y: -1 },
      { x: 0, y: 0 },
      { x: 1, y: 1 },
      { x: 3, y: 5 },
    ]);
    const top = screen.getByRole('button', { name: 'Knot 5 of 5: x = 3, y = 5' });
    // A disc is 16 px with a 2 px ring when selected: its centre must be at least 10 px inside the plot.
    expect(Number.parseFloat(top.style.top)).toBeGreaterThanOrEqual(12);
  });
});
