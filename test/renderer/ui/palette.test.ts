import { describe, expect, it } from 'vitest';
import { deltaE, simulate } from '../../../renderer/ui/colorblind';
import { cssName, paletteCss, paletteFor, THEME_COLORS, type ThemeName } from '../../../renderer/ui/palette';
import type { Rgb } from '../../../renderer/ui/color';

/** Clearly different at a glance (ΔE*ab of 2.3 is just noticeable). */
const MIN_CLASS_DISTANCE = 40;

/** WCAG relative luminance of an sRGB colour. */
function luminance(c: Rgb): number {
  const lin = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2]);
}

/** WCAG contrast ratio, 1 to 21. */
function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const THEMES: ThemeName[] = ['light', 'dark'];

describe('colour-blind safety of the two-class palette', () => {
  it('leaves known colours alone where they should be (sanity of the simulation)', () => {
    expect(deltaE([128, 128, 128], simulate([128, 128, 128], 'deuteranopia'))).toBeLessThan(1);
    // Pure red and green, the classic confusion pair, collapse under deuteranopia.
    const red = simulate([220, 40, 40], 'deuteranopia');
    const green = simulate([60, 170, 40], 'deuteranopia');
    expect(deltaE([220, 40, 40], [60, 170, 40])).toBeGreaterThan(70);
    expect(deltaE(red, green)).toBeLessThan(30);
  });

  for (const theme of THEMES) {
    for (const deficiency of ['deuteranopia', 'protanopia'] as const) {
      it(`keeps class A and class B apart under ${deficiency} (${theme} theme)`, () => {
        const { classA, classB } = paletteFor(theme);
        expect(deltaE(simulate(classA, deficiency), simulate(classB, deficiency))).toBeGreaterThan(MIN_CLASS_DISTANCE);
      });
    }
    it(`keeps both classes visible on the heatmap's neutral middle (${theme} theme)`, () => {
      const { classA, classB, panel } = paletteFor(theme);
      expect(deltaE(simulate(classA, 'deuteranopia'), panel)).toBeGreaterThan(20);
      expect(deltaE(simulate(classB, 'deuteranopia'), panel)).toBeGreaterThan(20);
    });
  }
});

describe('palette contrast', () => {
  for (const theme of THEMES) {
    const p = paletteFor(theme);
    it(`text reads on the page and on panels (${theme}): at least 4.5:1, secondary text too`, () => {
      for (const surface of [p.bg, p.panel]) {
        expect(contrast(p.fg, surface)).toBeGreaterThanOrEqual(7);
        expect(contrast(p.muted, surface)).toBeGreaterThanOrEqual(4.5);
      }
      expect(contrast(p.accentFg, p.accent)).toBeGreaterThanOrEqual(4.5);
    });
    it(`class colours, accent and state colours stand out from panels (${theme}): at least 3:1`, () => {
      for (const c of [p.classA, p.classB, p.accent, p.danger, p.ok]) expect(contrast(c, p.panel)).toBeGreaterThanOrEqual(3);
    });
  }

  it('gives both themes the same named colours', () => {
    expect(Object.keys(THEME_COLORS.dark).sort()).toEqual(Object.keys(THEME_COLORS.light).sort());
  });
});

describe('palette', () => {
  it('turns every named colour into RGB and builds the diverging table classA → panel → classB', () => {
    const p = paletteFor('light');
    expect(p.classA).toEqual([232, 113, 10]);
    expect(p.panel).toEqual([255, 255, 255]);
    expect(p.classes).toEqual([p.classA, p.classB, p.classC]);
    expect(p.lut.length).toBe(256 * 4);
    expect([...p.lut.slice(0, 3)]).toEqual([...p.classA]);
    expect([...p.lut.slice(255 * 4, 255 * 4 + 3)]).toEqual([...p.classB]);
    expect(paletteFor('light')).toBe(p);
    expect(paletteFor('dark').theme).toBe('dark');
  });

  it('writes the CSS variables of both themes from the same table', () => {
    const css = paletteCss();
    const [light, dark] = css.split(":root[data-theme='dark']");
    for (const [name, value] of Object.entries(THEME_COLORS.light)) expect(light).toContain(`${cssName(name as 'bg')}: ${value};`);
    for (const [name, value] of Object.entries(THEME_COLORS.dark)) expect(dark).toContain(`${cssName(name as 'bg')}: ${value};`);
    expect(cssName('classA')).toBe('--class-a');
    expect(cssName('accentFg')).toBe('--accent-fg');
  });
});
