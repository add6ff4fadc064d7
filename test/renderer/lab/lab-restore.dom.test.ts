import { beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig, type DatasetName, type LabConfig } from '../../../core/config';
import type { Command, EngineEvent, EngineState, HistoryPoint } from '../../../core/protocol';
import { digitsConfig } from '../../../core/tabular/presets';
import { EngineConnection, type EngineLink } from '../../../renderer/engine/connection';

/** What these tests use of renderer/app/lab.svelte.ts (typed here, so the test program needs no Svelte or Vite types). */
interface LabRestore {
  config: LabConfig;
  state: EngineState;
  history: HistoryPoint[];
  view?: { area: 'lessons' | 'lab' | 'projects' };
}
interface LabModel {
  config: LabConfig;
  view: { area: string };
  dirty: boolean;
  waitingFor: string | null;
  message: { kind: string; text: string } | null;
  configure(config: LabConfig): Promise<void>;
  applyProject(restore: LabRestore): Promise<void>;
  pickData(dataset: DatasetName): Promise<void>;
}
type LabConstructor = new (engine: EngineConnection, digits: unknown) => LabModel;

let Lab: LabConstructor;
beforeAll(async () => {
  ({ Lab } = (await import('../../../renderer/app/lab.svelte')) as unknown as { Lab: LabConstructor });
});

/** An engine link that writes down what reaches the engine, in order. */
function recordingHost(): EngineLink & { log: string[]; commands: Command[] } {
  const listeners = new Set<(event: EngineEvent) => void>();
  const host = {
    log: [] as string[],
    commands: [] as Command[],
    post(command: Command) {
      host.commands.push(command);
      host.log.push(command.type === 'configure' ? `configure ${command.config.data.dataset}` : command.type);
    },
    provideDigits(bytes: Uint8Array) {
      host.log.push(`digits file (${bytes.length} bytes)`);
    },
    listen(listener: (event: EngineEvent) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {},
  };
  return host;
}

/** A digits download the test finishes or fails by hand. */
function manualDigits() {
  let finish: () => void = () => {};
  let fail: (error: Error) => void = () => {};
  const source = {
    starts: 0,
    load() {
      source.starts++;
      return new Promise<{ bytes: Uint8Array }>((ok, no) => {
        finish = () => ok({ bytes: new Uint8Array(16) });
        fail = no;
      });
    },
    finish: () => finish(),
    fail: (message: string) => fail(new Error(message)),
  };
  return source;
}

function newLab() {
  const host = recordingHost();
  const digits = manualDigits();
  const lab = new Lab(new EngineConnection(host, 'browser'), digits);
  host.log.length = 0;
  return { host, digits, lab };
}

function digitsProject(): LabRestore {
  const config = digitsConfig([{ size: 16, activation: 'relu' }]);
  const state: EngineState = { epoch: 3, params: [0.5, -0.25], optimizer: [[0], [0]], step: 750 };
  return { config, state, history: [], view: { area: 'lab' } };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the Lab and table data', () => {
  it('configures 2-D data at once, as before', () => {
    const { host, lab } = newLab();
    const config: LabConfig = { ...defaultConfig(), seed: 9 };
    void lab.configure(config);
    expect(host.log).toEqual(['configure circle']);
    expect(lab.config.seed).toBe(9);
    expect(lab.waitingFor).toBeNull();
  });

  it('restores a digits project only after the images reached the engine: file, configure, weights', async () => {
    const { host, digits, lab } = newLab();
    lab.view.area = 'projects';
    const restored = lab.applyProject(digitsProject());
    await tick();
    expect(host.log).toEqual([]);
    expect(lab.waitingFor).toBe('digits');
    expect(lab.config.data.dataset).toBe('circle');
    // The view follows at once, so the learner sees the Lab loading.
    expect(lab.view.area).toBe('lab');
    expect(lab.dirty).toBe(false);
    digits.finish();
    await restored;
    expect(host.log).toEqual(['digits file (16 bytes)', 'configure digits', 'load-state']);
    const load = host.commands.find((c) => c.type === 'load-state');
    expect(load?.type === 'load-state' && load.state.epoch).toBe(3);
    expect(lab.config.data.dataset).toBe('digits');
    expect(lab.waitingFor).toBeNull();
  });

  it('hands the images to its engine once', async () => {
    const { host, digits, lab } = newLab();
    const first = lab.pickData('digits');
    digits.finish();
    await first;
    await lab.applyProject(digitsProject());
    expect(host.log.filter((l) => l.startsWith('digits file'))).toHaveLength(1);
    expect(digits.starts).toBe(1);
  });

  it('drops a digits change still waiting when the learner picks 2-D data meanwhile', async () => {
    const { host, digits, lab } = newLab();
    const waiting = lab.pickData('digits');
    void lab.pickData('spiral');
    expect(lab.waitingFor).toBeNull();
    digits.finish();
    await waiting;
    expect(host.log).toEqual(['configure spiral', 'digits file (16 bytes)']);
    expect(lab.config.data.dataset).toBe('spiral');
  });

  it('says so when the images cannot be loaded, and changes nothing', async () => {
    const { host, digits, lab } = newLab();
    const waiting = lab.pickData('digits');
    digits.fail('The digit images could not be read (404).');
    await waiting;
    expect(host.log).toEqual([]);
    expect(lab.config.data.dataset).toBe('circle');
    expect(lab.waitingFor).toBeNull();
    expect(lab.message).toEqual({ kind: 'error', text: 'The digit images could not be loaded. The digit images could not be read (404).' });
  });

  it('switching back from digits brings back the 2-D network', async () => {
    const { digits, lab } = newLab();
    const plane = {
      ...defaultConfig(),
      network: { hidden: [{ size: 3, activation: 'relu' as const }], outputActivation: 'tanh' as const },
    };
    void lab.configure(plane);
    const toDigits = lab.pickData('digits');
    digits.finish();
    await toDigits;
    expect(lab.config.network.hidden).toEqual(digitsConfig().network.hidden);
    await lab.pickData('xor');
    expect(lab.config.data.dataset).toBe('xor');
    expect(lab.config.network.hidden).toEqual([{ size: 3, activation: 'relu' }]);
  });
});

describe("the Lab's saved view settings", () => {
  it('opens the Gradient flow panel as a project says, and with the default when an older file does not say', () => {
    const { lab } = newLab();
    const view = lab.view as { area: string; gradientFlowOpen?: boolean };
    expect(view.gradientFlowOpen).toBe(true);
    const project = (open?: boolean): LabRestore => ({
      config: defaultConfig(),
      state: { epoch: 0, params: [], optimizer: [], step: 0 },
      history: [],
      view: open === undefined ? { area: 'lab' } : ({ area: 'lab', gradientFlowOpen: open } as LabRestore['view']),
    });
    void lab.applyProject(project(false));
    expect(view.gradientFlowOpen).toBe(false);
    void lab.applyProject(project());
    expect(view.gradientFlowOpen).toBe(true);
  });
});
