import { describe, expect, it } from 'vitest';
import { deltaE, simulate } from '../../../renderer/ui/colorblind';
import {
  CELL_TINT,
  cssName,
  paletteCss,
  paletteFor,
  RUN_COLORS,
  RUN_STYLES,
  runColor,
  runStyle,
  THEME_COLORS,
  type ThemeName,
} from '../../../renderer/ui/palette';
import { mix, type Rgb } from '../../../renderer/ui/color';

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

const VISIONS = ['typical', 'protanopia', 'deuteranopia', 'tritanopia'] as const;

/** ΔE between two colours as a viewer with the given vision sees them. */
function seen(a: Rgb, b: Rgb, vision: (typeof VISIONS)[number]): number {
  return vision === 'typical' ? deltaE(a, b) : deltaE(simulate(a, vision), simulate(b, vision));
}

type Name = keyof typeof THEME_COLORS.light;

/**
 * Every group of colours that can be on screen together, each needing its colours told apart:
 * the classes (points, boundaries, legends), the race lanes (RUN_COLORS, also dashed and
 * marked), the two ends of a heatmap (negative and positive weights), and the chart's curves
 * (training loss in fg, test loss blue, accuracy orange, the goal line pink).
 */
const TOGETHER: Record<string, readonly Name[]> = {
  classes: ['classA', 'classB', 'classC'],
  'race lanes': RUN_COLORS,
  'negative and positive weights': ['classA', 'classB'],
  'training and test curves with the goal': ['fg', 'classB', 'classA', 'classC'],
};

function pairs(names: readonly Name[]): [Name, Name][] {
  return names.flatMap((a, i) => names.slice(i + 1).map((b): [Name, Name] => [a, b]));
}

describe('colour-blind safety of the palette', () => {
  it('leaves known colours alone where they should be (sanity of the simulation)', () => {
    expect(deltaE([128, 128, 128], simulate([128, 128, 128], 'deuteranopia'))).toBeLessThan(1);
    // Pure red and green, the classic confusion pair, collapse under deuteranopia.
    const red = simulate([220, 40, 40], 'deuteranopia');
    const green = simulate([60, 170, 40], 'deuteranopia');
    expect(deltaE([220, 40, 40], [60, 170, 40])).toBeGreaterThan(70);
    expect(deltaE(red, green)).toBeLessThan(30);
    // Blue and purple, the pair the old third class colour made, merge for a deuteranope.
    expect(seen([26, 115, 232], [142, 68, 173], 'deuteranopia')).toBeLessThan(MIN_CLASS_DISTANCE);
  });

  it('uses the four run colours for four run styles, each with its own dash and marker', () => {
    expect(RUN_STYLES.length).toBe(RUN_COLORS.length);
    expect(new Set(RUN_STYLES.map((s) => s.dash.join(','))).size).toBe(RUN_STYLES.length);
    expect(new Set(RUN_STYLES.map((s) => s.marker)).size).toBe(RUN_STYLES.length);
    expect(runColor(paletteFor('light'), 5)).toEqual(runColor(paletteFor('light'), 1));
    expect(runStyle(5)).toBe(RUN_STYLES[1]);
  });

  for (const theme of THEMES) {
    const p = paletteFor(theme);
    for (const [group, names] of Object.entries(TOGETHER)) {
      for (const vision of VISIONS) {
        it(`keeps the ${group} apart for ${vision} vision (${theme} theme): every pair at ΔE ${MIN_CLASS_DISTANCE} or more`, () => {
          for (const [a, b] of pairs(names)) {
            expect(seen(p[a], p[b], vision), `${a} against ${b}`).toBeGreaterThanOrEqual(MIN_CLASS_DISTANCE);
          }
        });
      }
    }
    it(`keeps every class visible on the heatmap's neutral middle for every viewer (${theme} theme)`, () => {
      for (const c of p.classes) for (const vision of VISIONS) expect(seen(c, p.panel, vision)).toBeGreaterThan(20);
    });
  }
});

describe('palette contrast', () => {
  for (const theme of THEMES) {
    const p = paletteFor(theme);
    it(`text reads on the page and on panels (${theme}): body 7:1, every other text colour 4.5:1`, () => {
      for (const surface of [p.bg, p.panel]) {
        expect(contrast(p.fg, surface)).toBeGreaterThanOrEqual(7);
        // Colours used for text: secondary text, links and the chosen tab, right and wrong answers.
        for (const name of ['muted', 'accent', 'danger', 'ok'] as const) {
          expect(contrast(p[name], surface), name).toBeGreaterThanOrEqual(4.5);
        }
      }
      expect(contrast(p.accentFg, p.accent)).toBeGreaterThanOrEqual(4.5);
    });
    it(`buttons and fields have edges of at least 3:1 against the page and panels (${theme})`, () => {
      for (const surface of [p.bg, p.panel]) expect(contrast(p.control, surface)).toBeGreaterThanOrEqual(3);
    });
    it(`class colours, accent and state colours stand out from panels (${theme}): at least 3:1`, () => {
      for (const c of [p.classA, p.classB, p.classC, p.accent, p.danger, p.ok]) expect(contrast(c, p.panel)).toBeGreaterThanOrEqual(3);
    });
    it(`data points stand out from every soft tint under them (${theme}): their colour or their rim at 3:1 or more`, () => {
      // Lesson 7's orange points sat at 2.96:1 and lesson 14's blue ones at 2.26:1 on the dark tint of their own class.
      let weakest = Number.POSITIVE_INFINITY;
      for (let i = 0; i < p.softLut.length; i += 4) {
        const tint: Rgb = [p.softLut[i], p.softLut[i + 1], p.softLut[i + 2]];
        for (const c of [p.classA, p.classB]) weakest = Math.min(weakest, Math.max(contrast(c, tint), contrast(p.pointEdge, tint)));
      }
      expect(weakest).toBeGreaterThanOrEqual(3);
      // And the two classes stay apart inside the rim.
      for (const c of [p.classA, p.classB]) expect(contrast(c, p.pointEdge)).toBeGreaterThanOrEqual(3);
    });
    it(`text stays at 4.5:1 on the strongest confusion-matrix tints (${theme})`, () => {
      expect(contrast(p.fg, mix(p.panel, p.ok, CELL_TINT.ok))).toBeGreaterThanOrEqual(4.5);
      expect(contrast(p.fg, mix(p.panel, p.danger, CELL_TINT.danger))).toBeGreaterThanOrEqual(4.5);
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
