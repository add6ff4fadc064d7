/**
 * The Lab (renderer/app/lab.svelte.ts) is the one place a whole network from elsewhere comes
 * in — a lesson's hand-off (`openNetwork`), the network a data set brings (`pickData`). Under
 * an open challenge whose limits it would break, nothing reaches the engine: the Lab asks
 * (`question`), Keep changes nothing, Leave closes the challenge and opens the network.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig, type DatasetName, type LabConfig } from '../../../core/config';
import type { Challenge } from '../../../core/project';
import type { Command, EngineEvent, HistoryPoint } from '../../../core/protocol';
import { EngineConnection, type EngineLink } from '../../../renderer/engine/connection';

/** What these tests use of the Lab (typed here, so the test program needs no Svelte types). */
interface LabModel {
  config: LabConfig;
  dirty: boolean;
  challenge: Challenge | null;
  question: { reasons: string[]; opened: string } | null;
  message: { kind: string; text: string } | null;
  openNetwork(config: LabConfig, params: Float64Array | null, trained?: { epoch: number; history: readonly HistoryPoint[] }): Promise<void>;
  pickData(dataset: DatasetName): Promise<void>;
  pickRefusal(dataset: DatasetName): string | null;
  leaveChallenge(): Promise<void>;
  keepChallenge(): void;
  markSaved(): void;
}
type LabConstructor = new (engine: EngineConnection, digits: unknown) => LabModel;

let Lab: LabConstructor;
beforeAll(async () => {
  ({ Lab } = (await import('../../../renderer/app/lab.svelte')) as unknown as { Lab: LabConstructor });
});

/** An engine link that keeps the commands that reach the engine. */
function engineLog(): EngineLink & { commands: Command[] } {
  const host = {
    commands: [] as Command[],
    post(command: Command) {
      host.commands.push(command);
    },
    provideDigits() {},
    listen(_listener: (event: EngineEvent) => void) {
      return () => undefined;
    },
    close() {},
  };
  return host;
}

const noDigits = { load: () => new Promise<never>(() => undefined) };

function challenge(limits: Partial<Challenge['limits']>): Challenge {
  return {
    note: '',
    goal: { metric: 'testAccuracy', target: 0.9 },
    limits: { lockData: false, lockFeatures: false, ...limits },
    solved: null,
  };
}

/** A Lab on the first network (circle, tanh 4 and 2), saved, with `limits` open as a challenge; no command yet. */
function labWith(limits: Partial<Challenge['limits']> | null) {
  const host = engineLog();
  const lab = new Lab(new EngineConnection(host, 'browser'), noDigits);
  void (lab as unknown as { configure(): Promise<void> }).configure();
  lab.markSaved();
  if (limits) lab.challenge = challenge(limits);
  host.commands.length = 0;
  return { host, lab };
}

/** A lesson's network: three ReLU layers of 4 on the circle, with trained weights. */
function lessonNetwork(): LabConfig {
  const config = defaultConfig();
  config.network.hidden = [4, 4, 4].map((size) => ({ size, activation: 'relu' as const }));
  return config;
}
const weights = new Float64Array(69).fill(0.25);
const kinds = (commands: Command[]) => commands.map((c) => c.type);

describe('a lesson’s network sent to the Lab', () => {
  it('opens at once when no challenge is open', async () => {
    const { host, lab } = labWith(null);
    await lab.openNetwork(lessonNetwork(), weights, { epoch: 12, history: [] });
    expect(lab.question).toBeNull();
    expect(kinds(host.commands)).toEqual(['configure', 'load-state']);
    expect(lab.config.network.hidden).toHaveLength(3);
  });

  it('opens at once, challenge and all, when it keeps the challenge’s limits', async () => {
    const { host, lab } = labWith({ maxLayers: 3, maxNeurons: 12, activations: ['relu'] });
    await lab.openNetwork(lessonNetwork(), weights);
    expect(lab.question).toBeNull();
    expect(kinds(host.commands)).toEqual(['configure', 'load-state']);
    expect(lab.challenge).not.toBeNull();
  });

  it('asks when it would break a limit, and Keep changes nothing', async () => {
    const { host, lab } = labWith({ maxLayers: 2 });
    const before = JSON.parse(JSON.stringify(lab.config)) as LabConfig;
    await lab.openNetwork(lessonNetwork(), weights);
    expect(lab.question?.reasons).toEqual(['The lesson’s network has 3 hidden layers; this challenge allows at most 2.']);
    expect(host.commands).toEqual([]);
    expect(lab.config).toEqual(before);
    expect(lab.dirty).toBe(false);
    lab.keepChallenge();
    expect(lab.question).toBeNull();
    expect(host.commands).toEqual([]);
    expect(lab.config).toEqual(before);
    expect(lab.challenge?.limits.maxLayers).toBe(2);
    expect(lab.dirty).toBe(false);
    // Nothing is left waiting: leaving now opens nothing.
    await lab.leaveChallenge();
    expect(host.commands).toEqual([]);
    expect(lab.challenge).not.toBeNull();
  });

  it('names every limit it breaks', async () => {
    const { lab } = labWith({ maxNeurons: 6, activations: ['tanh'], lockFeatures: true });
    const network = lessonNetwork();
    network.features = ['x1', 'x2', 'x1Squared'];
    await lab.openNetwork(network, null);
    expect(lab.question?.reasons).toEqual([
      'The lesson’s network reads other inputs; this challenge keeps the inputs the teacher chose.',
      'The lesson’s network has 12 hidden neurons; this challenge allows at most 6 in all.',
      'The lesson’s network uses ReLU; this challenge allows only Tanh.',
    ]);
  });

  it('Leave closes the challenge and opens the network with its weights, and says so', async () => {
    const { host, lab } = labWith({ maxLayers: 2 });
    await lab.openNetwork(lessonNetwork(), weights, { epoch: 12, history: [] });
    await lab.leaveChallenge();
    expect(lab.question).toBeNull();
    expect(lab.challenge).toBeNull();
    expect(kinds(host.commands)).toEqual(['configure', 'load-state']);
    const load = host.commands.find((c) => c.type === 'load-state');
    expect(load?.type === 'load-state' && load.state.epoch).toBe(12);
    expect(lab.config.network.hidden).toHaveLength(3);
    expect(lab.dirty).toBe(true);
    expect(lab.message?.text).toBe(
      'You left the challenge. The lesson’s network is in the Lab. Open the challenge’s file again to go back to it.',
    );
  });

  it('a project opened meanwhile drops the question: its own challenge, or none, decides', async () => {
    const { host, lab } = labWith({ maxLayers: 2 });
    await lab.openNetwork(lessonNetwork(), weights);
    lab.challenge = null;
    expect(lab.question).toBeNull();
    await lab.leaveChallenge();
    expect(host.commands).toEqual([]);
  });
});

describe('a data set whose network would break the challenge’s limits', () => {
  it('is greyed out with the limit and the network’s numbers; sets whose network fits are not', () => {
    const { lab } = labWith({ maxNeurons: 6 });
    expect(lab.pickRefusal('digits')).toBe(
      'The network for Handwritten digits has 64 hidden neurons; this challenge allows at most 6 in all.',
    );
    expect(lab.pickRefusal('iris')).toBe('The network for Iris flowers has 8 hidden neurons; this challenge allows at most 6 in all.');
    expect(lab.pickRefusal('sine')).toBe('The network for the curves has 8 hidden neurons; this challenge allows at most 6 in all.');
    expect(labWith({ maxNeurons: 6, activations: ['tanh'] }).lab.pickRefusal('digits')).toBe(
      'The network for Handwritten digits has 64 hidden neurons; this challenge allows at most 6 in all. It uses ReLU; this challenge allows only Tanh.',
    );
    // Another 2-D set keeps the network: nothing to refuse.
    expect(lab.pickRefusal('spiral')).toBeNull();
    expect(labWith({ maxNeurons: 8, activations: ['tanh', 'relu'] }).lab.pickRefusal('iris')).toBeNull();
    expect(labWith(null).lab.pickRefusal('digits')).toBeNull();
  });

  it('is left to the data lock, which greys out every picker with its own words', () => {
    expect(labWith({ maxNeurons: 6, lockData: true }).lab.pickRefusal('digits')).toBeNull();
  });

  it('asks when picked another way (the menu’s digits page), and Leave shows it', async () => {
    const { host, lab } = labWith({ maxNeurons: 6 });
    await lab.pickData('iris');
    expect(lab.question?.reasons).toEqual(['The network for Iris flowers has 8 hidden neurons; this challenge allows at most 6 in all.']);
    expect(host.commands).toEqual([]);
    expect(lab.config.data.dataset).toBe('circle');
    await lab.leaveChallenge();
    expect(lab.challenge).toBeNull();
    expect(lab.config.data.dataset).toBe('iris');
    expect(kinds(host.commands)).toEqual(['configure']);
    expect(lab.message?.text).toBe(
      'You left the challenge. The Lab now shows Iris flowers. Open the challenge’s file again to go back to it.',
    );
  });
});
