/**
 * The Lab's exports as files: what each menu item writes (core/exchange does the writing),
 * named after the data set and the epoch.
 */
import { defaultConfig, type DataPoint, type LabConfig, type ProblemType } from '../../../core/config';
import { EXPORT_ITEMS, type ExportFile, type ExportItem } from '../../../core/ipc';
import { historyCsv, pointsCsv } from '../../../core/exchange/csv-write';
import { networkJsonText } from '../../../core/exchange/network-json';
import { dataLabel, type ExportSource } from '../../../core/exchange/network';
import { pytorchScript } from '../../../core/exchange/pytorch';
import { fileStem } from '../../../core/exchange/text';
import { generateData, isCurveDataset } from '../../../core/engine';
import { isTableDataset } from '../../../core/tabular/info';
import type { Lab } from '../../app/lab.svelte';
import { rgbText } from '../../ui/color';
import { harmonize } from '../edit';
import type { LabView } from '../view.svelte';
import { elementPng } from './png';

export type { ExportItem };

/** The exports that need the 2-D views on the screen (or 2-D points). */
const PLANE_ONLY: ReadonlySet<ExportItem> = new Set(['output-png', 'diagram-png', 'points-csv']);

function stem(config: LabConfig, epoch: number): string {
  return `${fileStem(dataLabel(config))}-epoch-${epoch}`;
}

/** The exact state (weights, optimizer moments) from the engine, with the latest metrics. */
async function source(lab: Lab): Promise<ExportSource> {
  const config = $state.snapshot(lab.config) as LabConfig;
  const state = await lab.requestState();
  return {
    config,
    params: state.params,
    epoch: state.epoch,
    moments: { arrays: state.optimizer, step: state.step },
    metrics: lab.snapshot ? { ...lab.snapshot.metrics } : null,
  };
}

/** The points the Lab shows (a custom set's in the learner's order) and what their third column is. */
export function currentPoints(config: LabConfig): { points: DataPoint[]; problem: ProblemType } {
  if (config.data.dataset === 'custom') return { points: config.data.points, problem: config.data.problem };
  const data = generateData(config.data, config.seed);
  return { points: [...data.train, ...data.test], problem: data.problem };
}

/** Where each picture export is taken from on the page. */
export const PICTURE_SOURCES: Partial<Record<ExportItem, string>> = {
  'output-png': '[data-export="output-plot"]',
  'diagram-png': '[data-export="network-diagram"]',
};

async function picture(selector: string, view: LabView, name: string): Promise<ExportFile> {
  const root = document.querySelector<HTMLElement>(selector);
  if (!root) throw new Error('That view is not on the screen: show the 2-D data first.');
  return { kind: 'png', name, data: await elementPng(root, rgbText(view.palette.panel)) };
}

/** Builds the file for one menu item. */
export async function buildExport(item: ExportItem, lab: Lab, view: LabView): Promise<ExportFile> {
  const config = lab.config;
  const name = stem(config, lab.epoch);
  switch (item) {
    case 'output-png':
      return picture(PICTURE_SOURCES['output-png']!, view, `${name}-output.png`);
    case 'diagram-png':
      return picture(PICTURE_SOURCES['diagram-png']!, view, `${name}-network.png`);
    case 'history-csv':
      return { kind: 'csv', name: `${name}-history.csv`, data: historyCsv($state.snapshot(lab.history)) };
    case 'points-csv': {
      const { points, problem } = currentPoints($state.snapshot(config) as LabConfig);
      return { kind: 'csv', name: `${fileStem(dataLabel(config))}-points.csv`, data: pointsCsv(points, problem) };
    }
    case 'network-json': {
      const s = await source(lab);
      return { kind: 'json', name: `${stem(s.config, s.epoch)}-network.json`, data: networkJsonText(s) };
    }
    case 'pytorch': {
      const s = await source(lab);
      return { kind: 'py', name: `${stem(s.config, s.epoch).replace(/-/g, '_')}.py`, data: pytorchScript(s) };
    }
  }
}

/** True when the Lab shows 2-D points (not a table set, not a curve): pictures, points and import apply. */
export function showsPlane(config: LabConfig): boolean {
  return !isTableDataset(config.data.dataset) && !isCurveDataset(config.data.dataset);
}

/** The exports that apply to this configuration: pictures and points only for 2-D data. */
export function availableExports(config: LabConfig): ExportItem[] {
  const plane = showsPlane(config);
  return EXPORT_ITEMS.filter((item) => plane || !PLANE_ONLY.has(item));
}

/**
 * The configuration that trains on imported points: the learner's own data set with these
 * points, the current network where it fits (a table or curve network gives way to the
 * usual 2-D one), and an output and loss that suit the problem.
 */
export function withImportedPoints(config: LabConfig, points: DataPoint[], problem: ProblemType): LabConfig {
  const base: LabConfig = showsPlane(config) ? structuredClone(config) : { ...defaultConfig(), seed: config.seed };
  const next: LabConfig = { ...base, data: { ...base.data, dataset: 'custom', noise: 0, points: points.map((p) => ({ ...p })), problem } };
  return harmonize(next);
}
