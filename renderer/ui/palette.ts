/**
 * The one palette: every colour of both themes, in one table. The page's CSS variables
 * (`--bg`, `--class-a`, …) are written from it, and canvases read it as RGB, so a colour
 * changes here and nowhere else.
 */
import { buildDivergingLut, mix, parseColor, type Rgb } from './color';

export type ThemeName = 'light' | 'dark';

/** The named colours of a theme, as CSS hex. */
export interface ThemeColors {
  /** Page background. */
  bg: string;
  /** Text and lines. */
  fg: string;
  /** Secondary text, axes. */
  muted: string;
  /** Cards, canvases, the neutral middle of heatmaps. */
  panel: string;
  /** Lines between cards and table cells (decoration only). */
  border: string;
  /** The edge of buttons and fields: at least 3:1 against the page and panels, so a field can be seen. */
  control: string;
  accent: string;
  /** Text on the accent colour. */
  accentFg: string;
  danger: string;
  ok: string;
  /**
   * Class colours in label order (orange, blue, pink). With `fg` they are also the race lanes'
   * colours, and orange/blue the two ends of every heatmap: each pair stays at least ΔE 40
   * apart under protanopia, deuteranopia and tritanopia (the palette test checks every pair).
   * Drawn, never written: at least 3:1 against panels, not text colours.
   */
  classA: string;
  classB: string;
  classC: string;
  /**
   * The rim of data points on the lessons' tinted planes: at least 3:1 against every soft tint
   * where a class colour is not (light: the pale tints need a dark rim; dark: the class colours
   * stand out by themselves, and the rim is the panel's).
   */
  pointEdge: string;
}

export const THEME_COLORS: Readonly<Record<ThemeName, Readonly<ThemeColors>>> = {
  light: {
    bg: '#f6f7f9',
    fg: '#1d2330',
    muted: '#5b6475',
    panel: '#ffffff',
    border: '#d5d9e0',
    control: '#808898',
    accent: '#2f5fd0',
    accentFg: '#ffffff',
    danger: '#b3261e',
    ok: '#1b7a3d',
    classA: '#e8710a',
    classB: '#1a73e8',
    classC: '#b878a8',
    pointEdge: '#1d2330',
  },
  dark: {
    bg: '#14171d',
    fg: '#e6e9ef',
    muted: '#9aa3b2',
    panel: '#1d2129',
    border: '#343a46',
    control: '#6b7384',
    accent: '#7aa2ff',
    accentFg: '#0d1117',
    danger: '#ff8a80',
    ok: '#6fd58f',
    classA: '#ff9f43',
    classB: '#4ea1ff',
    classC: '#e00060',
    pointEdge: '#1d2129',
  },
};

/** A theme's colours as RGB, for canvases, plus the diverging heatmap table. */
export type Palette = { readonly [K in keyof ThemeColors]: Rgb } & {
  readonly theme: ThemeName;
  /** classA → panel → classB, for values from −1 to 1 (four bytes per entry). */
  readonly lut: Uint8ClampedArray;
  /** The same table, paler (SOFT of the way to each class colour), for tints under points and lines. */
  readonly softLut: Uint8ClampedArray;
  /** Class colours in label order. */
  readonly classes: readonly Rgb[];
  /** The theme's colours as CSS text, for canvas strokes and fills. */
  readonly css: Readonly<ThemeColors>;
};

/**
 * How far the soft table's ends go from the panel colour towards the class colours. Paler in
 * the dark theme: at 0.45 the blue points stood at 2.3:1 and the orange ones at 3.0:1 on the
 * tint of their own class; at 0.3 both are above 3:1 on every tint (the palette test checks it).
 */
export const SOFT: Readonly<Record<ThemeName, number>> = { light: 0.45, dark: 0.3 };

const built = new Map<ThemeName, Palette>();

/** The palette of a theme (built once, then shared: treat it as read-only). */
export function paletteFor(theme: ThemeName): Palette {
  let palette = built.get(theme);
  if (!palette) {
    const colors = THEME_COLORS[theme];
    const rgb = Object.fromEntries(
      Object.entries(colors).map(([name, hex]) => {
        const value = parseColor(hex);
        if (!value) throw new Error(`The ${theme} theme's ${name} (${hex}) is not a hex colour.`);
        return [name, value];
      }),
    ) as { [K in keyof ThemeColors]: Rgb };
    palette = {
      ...rgb,
      theme,
      lut: buildDivergingLut(rgb.classA, rgb.panel, rgb.classB),
      softLut: buildDivergingLut(mix(rgb.panel, rgb.classA, SOFT[theme]), rgb.panel, mix(rgb.panel, rgb.classB, SOFT[theme])),
      classes: [rgb.classA, rgb.classB, rgb.classC],
      css: colors,
    };
    built.set(theme, palette);
  }
  return palette;
}

/** `classA` → `--class-a`. */
export function cssName(name: keyof ThemeColors): string {
  return `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

function block(colors: Readonly<ThemeColors>): string {
  return Object.entries(colors)
    .map(([name, value]) => `${cssName(name as keyof ThemeColors)}: ${value};`)
    .join(' ');
}

/** The stylesheet that defines the CSS variables of both themes (dark under `data-theme='dark'`). */
export function paletteCss(): string {
  return (
    `:root { color-scheme: light; ${block(THEME_COLORS.light)} }\n` +
    `:root[data-theme='dark'] { color-scheme: dark; ${block(THEME_COLORS.dark)} }\n`
  );
}

/**
 * How far a table cell's background goes towards a state colour at full share (a confusion
 * matrix: `ok` on the diagonal, `danger` off it). Kept low enough that text in `fg` stays at
 * 4.5:1 on the strongest tint in both themes (the palette test checks it).
 */
export const CELL_TINT = { ok: 0.4, danger: 0.45 } as const;

/** How a run's line is drawn besides its colour: its dash pattern and its point marker (Chart.js point styles). */
export interface RunStyle {
  /** Dash and gap lengths in CSS pixels; empty for a solid line. */
  readonly dash: readonly number[];
  readonly marker: 'circle' | 'triangle' | 'rect' | 'rectRot';
}

/** The colours runs compared side by side take, in order (a race's lanes): also the pairs the palette test checks. */
export const RUN_COLORS = ['classB', 'classA', 'fg', 'classC'] as const satisfies readonly (keyof ThemeColors)[];

/** Each run also has its own dash and marker, so lanes stay apart without telling colours apart. */
export const RUN_STYLES: readonly RunStyle[] = [
  { dash: [], marker: 'circle' },
  { dash: [8, 4], marker: 'triangle' },
  { dash: [2, 3], marker: 'rect' },
  { dash: [10, 3, 2, 3], marker: 'rectRot' },
];

/** The colour of the `index`-th of several runs compared side by side (a race's lanes). */
export function runColor(palette: Palette, index: number): Rgb {
  return palette[RUN_COLORS[index % RUN_COLORS.length]];
}

/** The dash and marker of the `index`-th run. */
export function runStyle(index: number): RunStyle {
  return RUN_STYLES[index % RUN_STYLES.length];
}
