import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseColor, type Rgb } from '../../../renderer/lab/color';
import { deltaE, simulate } from '../../../renderer/lab/colorblind';

/** Reads the class colours of both themes from the real stylesheet. */
function themeColors(): Record<'light' | 'dark', { a: Rgb; b: Rgb; panel: Rgb }> {
  const css = readFileSync(new URL('../../../renderer/app/theme.css', import.meta.url), 'utf8');
  const [light, dark] = css.split(":root[data-theme='dark']");
  const read = (block: string, name: string): Rgb => {
    const match = new RegExp(`${name}:\\s*(#[0-9a-fA-F]{3,6})`).exec(block);
    if (!match) throw new Error(`${name} is missing from theme.css`);
    const color = parseColor(match[1]);
    if (!color) throw new Error(`${name} is not a colour`);
    return color;
  };
  return {
    light: { a: read(light, '--class-a'), b: read(light, '--class-b'), panel: read(light, '--panel') },
    dark: { a: read(dark, '--class-a'), b: read(dark, '--class-b'), panel: read(dark, '--panel') },
  };
}

/** Clearly different at a glance (ΔE*ab of 2.3 is just noticeable). */
const MIN_CLASS_DISTANCE = 40;

describe('colour-blind safety of the two-class palette', () => {
  it('leaves known colours alone where they should be (sanity of the simulation)', () => {
    expect(deltaE([128, 128, 128], simulate([128, 128, 128], 'deuteranopia'))).toBeLessThan(1);
    // Pure red and green, the classic confusion pair, collapse under deuteranopia.
    const red = simulate([220, 40, 40], 'deuteranopia');
    const green = simulate([60, 170, 40], 'deuteranopia');
    expect(deltaE([220, 40, 40], [60, 170, 40])).toBeGreaterThan(70);
    expect(deltaE(red, green)).toBeLessThan(30);
  });

  for (const theme of ['light', 'dark'] as const) {
    for (const deficiency of ['deuteranopia', 'protanopia'] as const) {
      it(`keeps class A and class B apart under ${deficiency} (${theme} theme)`, () => {
        const { a, b } = themeColors()[theme];
        expect(deltaE(simulate(a, deficiency), simulate(b, deficiency))).toBeGreaterThan(MIN_CLASS_DISTANCE);
      });
    }
    it(`keeps both classes visible on the heatmap's neutral middle (${theme} theme)`, () => {
      const { a, b, panel } = themeColors()[theme];
      expect(deltaE(simulate(a, 'deuteranopia'), panel)).toBeGreaterThan(20);
      expect(deltaE(simulate(b, 'deuteranopia'), panel)).toBeGreaterThan(20);
    });
  }
});
