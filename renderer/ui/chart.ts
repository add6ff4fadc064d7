/**
 * The app's Chart.js set-up: only the parts we use are registered (a smaller bundle, no
 * eval), series are decimated to a fixed number of points before they reach the chart, and
 * updates skip animation.
 */
import {
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  LogarithmicScale,
  PointElement,
  Ticks,
  Tooltip,
  type ChartDataset,
  type Scale,
} from 'chart.js';
import type { Rollback } from '../../core/history';
import type { HistoryPoint } from '../../core/protocol';
import { rgbText } from './color';
import type { Palette, RunStyle } from './palette';
import { decimateIndices } from './decimate';

Chart.register(LineController, LineElement, PointElement, LinearScale, LogarithmicScale, Tooltip, Legend);

export { Chart };

/** Points drawn per curve, however long the run. */
export const CHART_POINTS = 200;

export type Series = { x: number; y: number }[];

/** The smallest loss a log axis shows (a loss of exactly 0 cannot be drawn on it). */
const LOG_FLOOR = 1e-6;

/** Loss and accuracy curves from a history, thinned to at most `limit` points each. */
export function historySeries(
  history: readonly HistoryPoint[],
  limit = CHART_POINTS,
  log = false,
): { trainLoss: Series; testLoss: Series; trainAccuracy: Series; testAccuracy: Series } {
  const finite = (v: number) => (Number.isFinite(v) ? (log ? Math.max(LOG_FLOOR, v) : v) : Number.NaN);
  const keep = decimateIndices(
    history.map((h) => ({ x: h.epoch, y: Number.isFinite(h.testLoss) ? h.testLoss : h.trainLoss })),
    limit,
  );
  const trainLoss: Series = [];
  const testLoss: Series = [];
  const trainAccuracy: Series = [];
  const testAccuracy: Series = [];
  for (const i of keep) {
    const h = history[i];
    trainLoss.push({ x: h.epoch, y: finite(h.trainLoss) });
    testLoss.push({ x: h.epoch, y: finite(h.testLoss) });
    if (h.trainAccuracy !== null) trainAccuracy.push({ x: h.epoch, y: h.trainAccuracy });
    if (h.testAccuracy !== null) testAccuracy.push({ x: h.epoch, y: h.testAccuracy });
  }
  return { trainLoss, testLoss, trainAccuracy, testAccuracy };
}

export function lineDataset(label: string, color: string, yAxisID: string, dashed = false): ChartDataset<'line', Series> {
  return {
    label,
    data: [],
    borderColor: color,
    backgroundColor: color,
    borderWidth: 2,
    borderDash: dashed ? [5, 4] : [],
    pointRadius: 0,
    pointHoverRadius: 3,
    yAxisID,
    parsing: false,
    normalized: true,
    spanGaps: true,
  };
}

/** How many markers a run's line carries along its length. */
const RUN_MARKERS = 6;

/**
 * One of several runs compared side by side: a solid or dashed line with a marker every few
 * points (staggered by run, so markers of lines on top of each other do not hide one another).
 */
export function runDataset(label: string, color: string, index: number, style: RunStyle): ChartDataset<'line', Series> {
  return {
    ...lineDataset(label, color, 'loss'),
    borderDash: [...style.dash],
    pointStyle: style.marker,
    pointRadius: (context) => {
      const every = Math.max(1, Math.floor(context.dataset.data.length / RUN_MARKERS));
      return (context.dataIndex + Math.floor((index * every) / 4)) % every === 0 ? 4 : 0;
    },
    pointHoverRadius: 5,
  };
}

/** Axis, grid and text colours from the theme. */
export function themeChartOptions(chart: Chart, palette: Palette): void {
  const text = rgbText(palette.muted);
  const grid = rgbText(palette.border, 0.6);
  for (const scale of Object.values(chart.options.scales ?? {})) {
    if (!scale) continue;
    scale.ticks = { ...scale.ticks, color: text };
    scale.grid = { ...scale.grid, color: grid };
    if ('title' in scale && scale.title) scale.title.color = text;
  }
  if (chart.options.plugins?.legend?.labels) chart.options.plugins.legend.labels.color = rgbText(palette.fg);
}

/**
 * A linear axis's tick label without Intl: Chart.js's own formatter builds an
 * Intl.NumberFormat on the first draw, tens of milliseconds of locale loading at start-up.
 * Logarithmic axes keep Chart.js's formatter, which also decides which of their ticks get a label.
 */
export function tickLabel(this: Scale, value: number | string, index: number, ticks: { value: number }[]): string {
  if (this.type === 'logarithmic') return logTickLabel(this, Number(value), index, ticks);
  return String(Number(Number(value).toPrecision(6)));
}

/**
 * Chart.js labels a log tick only at 1, 2, 3, 5… times a power of ten (or near the top), so an
 * axis spanning less than a decade (a loss climbing from 0.50 to 0.70) could show one number.
 * Then every tick gets its two-digit value, so the axis always reads as a scale.
 */
function logTickLabel(scale: Scale, value: number, index: number, ticks: { value: number }[]): string {
  const own = (v: number, i: number): string => Ticks.formatters.logarithmic.call(scale, v, i, ticks);
  const labelled = ticks.filter((t, i) => own(t.value, i) !== '').length;
  if (labelled >= 2) return own(value, index);
  return String(Number(value.toPrecision(2)));
}

/**
 * An epoch tick with commas between thousands, as the app writes counts elsewhere: a run at
 * full speed reaches millions, and "2000000" is hard to read at a glance ("2,000,000").
 */
export function epochTickLabel(value: number | string): string {
  const n = Number(value);
  if (!Number.isFinite(n)) return '';
  const whole = String(Math.round(Math.abs(n))).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (n < 0 ? '−' : '') + whole;
}

/** Epochs shown at least, so an empty chart reads 0 to 10 instead of Chart.js's −1 to 1. */
export const EMPTY_EPOCHS = 10;

/** The epoch axis of every loss chart: from epoch 0, forwards, at least EMPTY_EPOCHS long. */
export function epochAxis(): {
  type: 'linear';
  min: number;
  suggestedMax: number;
  title: { display: true; text: string };
  ticks: { maxTicksLimit: number; callback: typeof epochTickLabel; precision: number };
} {
  return {
    type: 'linear',
    min: 0,
    suggestedMax: EMPTY_EPOCHS,
    title: { display: true, text: 'Epoch' },
    ticks: { maxTicksLimit: 6, callback: epochTickLabel, precision: 0 },
  };
}

export function formatValue(value: number): string {
  if (!Number.isFinite(value)) return '—';
  const abs = Math.abs(value);
  return abs !== 0 && (abs < 0.001 || abs >= 10000) ? value.toExponential(2) : value.toFixed(4);
}

/**
 * A blow-up the engine rolled back from, as three faint lines over the loss axis: the training
 * and test loss from the restored epoch up to the blow-up (the climb), and the jump back — from
 * the last training loss measured to the restored epoch's, marked where it lands.
 */
export function rollbackSeries(rollback: Rollback | null, log = false): { trainLoss: Series; testLoss: Series; back: Series } {
  if (rollback === null) return { trainLoss: [], testLoss: [], back: [] };
  const series = historySeries(rollback.points, CHART_POINTS, log);
  const first = series.trainLoss[0];
  const last = series.trainLoss[series.trainLoss.length - 1];
  return { trainLoss: series.trainLoss, testLoss: series.testLoss, back: first && last ? [last, first] : [] };
}

/** The label of the jump back, in the same words as the epoch read-out. */
export function rollbackLabel(rollback: Rollback): string {
  return `Blew up; back at epoch ${rollback.to}`;
}

/** The three rollback lines (see rollbackSeries), in the theme's colours; the climb's lines stay out of the legend. */
export function rollbackDatasets(palette: Palette): ChartDataset<'line', Series>[] {
  const faint = (c: Palette['fg']) => rgbText(c, 0.45);
  const back: ChartDataset<'line', Series> = {
    ...lineDataset('Blew up', rgbText(palette.danger), 'loss'),
    borderDash: [2, 3],
    borderWidth: 1.5,
    normalized: false,
    pointStyle: 'rectRot',
    pointRadius: (context) => (context.dataIndex === 1 ? 5 : 0),
  };
  return [lineDataset('', faint(palette.fg), 'loss', true), lineDataset('', faint(palette.classB), 'loss'), back];
}

/** Recolours rollbackDatasets for another theme. */
export function recolourRollback(datasets: ChartDataset<'line', Series>[], palette: Palette): void {
  const colours = [rgbText(palette.fg, 0.45), rgbText(palette.classB, 0.45), rgbText(palette.danger)];
  datasets.forEach((d, i) => {
    d.borderColor = colours[i];
    d.backgroundColor = colours[i];
  });
}

/** The lines of the loss/accuracy chart (LossChart) when it draws one run. */
export type Curve = 'trainLoss' | 'testLoss' | 'trainAccuracy' | 'testAccuracy' | 'goal';

/**
 * A curve's colour. With loss beside it, accuracy is orange (training fainter than test, and
 * dashed); alone, training accuracy takes the text colour so the two accuracies are told apart by
 * colour as well as by dashes (both orange read as one line, bug: lesson 18). The goal is the
 * third class colour, apart from orange, blue and the text colour for every viewer.
 */
export function curveColor(curve: Curve, p: Palette, accuracyOnly: boolean): string {
  switch (curve) {
    case 'trainLoss':
      return rgbText(p.fg);
    case 'testLoss':
      return rgbText(p.classB);
    case 'trainAccuracy':
      return accuracyOnly ? rgbText(p.fg, 0.75) : rgbText(p.classA, 0.6);
    case 'testAccuracy':
      return rgbText(p.classA);
    case 'goal':
      return rgbText(p.classC);
  }
}

/** A curve's dashes: training lines dashed, the goal dotted, test lines solid. */
export function curveDash(curve: Curve): number[] {
  if (curve === 'goal') return [2, 3];
  return curve === 'trainLoss' || curve === 'trainAccuracy' ? [5, 4] : [];
}

/**
 * Where the accuracy axis starts. From 0 a goal of 94 % leaves 91.9 % and 94.5 % a pixel
 * apart, so an accuracy-only chart with a goal starts a little under it (80 % for 94 %): the
 * lines rise into view, and the gap to the goal is what the chart shows.
 */
export function accuracyFloor(accuracyOnly: boolean, goal: number | null): number {
  if (!accuracyOnly || goal === null) return 0;
  return Math.max(0, Math.floor((goal - 0.1) * 10) / 10);
}
