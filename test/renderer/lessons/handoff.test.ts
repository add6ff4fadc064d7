import { afterEach, describe, expect, it } from 'vitest';
import type { LabConfig } from '../../../core/config';
import { measure } from '../../../core/engine/metrics';
import { createModel } from '../../../core/engine/model';
import { lossChoices, outputChoices, problemOf } from '../../../renderer/lab/edit';
import { checkConfig, forwardPoints, networkShape } from '../../../core/engine';
import type { LabApi } from '../../../core/ipc';
import { LESSONS } from '../../../renderer/lessons/index';
import { XOR_POINTS } from '../../../renderer/lessons/07-xor/lesson';
import { handNetHandoff, neuronHandoff } from '../../../renderer/lessons/presets';
import { defaultBackend, localStorageBackend, STORAGE_KEY } from '../../../renderer/lessons/progressStore';
import { runToLab, type Step } from '../../../renderer/lessons/types';
import { racerConfig } from '../../../renderer/lessons/race/race';
import { trainFor } from './helpers';
import { digitsConfig } from '../../../core/tabular/presets';
import { registerTable } from '../../../core/tabular/table';
import { digitsTable } from '../../../core/tabular/digits';
import { digitSlice } from '../../core/tabular/slice';

// The digits lesson hands over a digits network; the engine accepts one once the images are in.
registerTable(digitsTable(digitSlice(5)));

/** A state each widget could report, good enough to build a hand-off from. */
function sampleState(step: Step): unknown {
  switch (step.widget) {
    case 'trainer':
      return trainFor(step.preset, 2);
    case 'curve': {
      const config = step.preset.config;
      return {
        dataset: config.data.dataset,
        activation: config.network.hidden[0]?.activation ?? 'identity',
        width: config.network.hidden.at(-1)?.size ?? 0,
        showEachNeuron: step.preset.showEachNeuron,
        epoch: 2,
        trainLoss: 0.1,
        testLoss: 0.1,
        ownPoints: 0,
        config,
        params: new Float64Array(networkShape(config).paramCount),
      };
    }
    case 'digits': {
      const config = digitsConfig(step.preset.hidden);
      return {
        epoch: 2,
        testAccuracy: 0.91,
        hidden: step.preset.hidden,
        drawnPrediction: null,
        drawnConfidence: null,
        drawnByHand: false,
        claimed: null,
        config,
        params: new Float64Array(networkShape(config).paramCount),
      };
    }
    case 'oneExample': {
      const config = step.preset.config;
      return { phase: 'updated', updates: 1, picked: null, loss: 0.2, config, params: new Float64Array(networkShape(config).paramCount) };
    }
    case 'gradientFlow':
      return {
        activation: step.preset.activationChoices[0],
        hiddenLayers: step.preset.config.network.hidden.length,
        epoch: 2,
        gradient: [1e-4, 0.1],
        firstOverLast: 1e-3,
        answer: null,
      };
    case 'deadNeurons':
      return {
        activation: step.preset.activationChoices[0],
        learningRate: step.preset.config.training.learningRate,
        epoch: 2,
        deadCount: step.preset.config.network.hidden.map(() => 0),
        sizes: step.preset.config.network.hidden.map((h) => h.size),
        testAccuracy: 0.5,
        epochsAtRate: 2,
        freshAtRate: true,
        inactiveCount: step.preset.config.network.hidden.map(() => 0),
        inactivePeak: 0,
      };
    case 'capstone':
      return {
        hidden: step.preset.config.network.hidden.map((h) => h.size),
        activation: step.preset.config.network.hidden[0].activation,
        neurons: 16,
        params: 105,
        epoch: 2,
        testAccuracy: 0.5,
        solved: null,
        best: null,
        config: step.preset.config,
        weights: new Float64Array(networkShape(step.preset.config).paramCount),
      };
    case 'race': {
      const config = racerConfig(step.preset.config, step.preset.activations[0]);
      return {
        racers: [],
        target: step.preset.target,
        maxEpochs: step.preset.maxEpochs,
        config,
        params: new Float64Array(networkShape(config).paramCount),
        epoch: 1,
      };
    }
    case 'compare':
    case 'drawnTrainer': {
      const config = step.preset.config;
      return { config, params: new Float64Array(networkShape(config).paramCount) };
    }
    case 'outputLoss':
    case 'hinges':
      return null;
    case 'lossSurface':
    case 'foldSpace':
      return null; // these steps hand nothing to the Lab
    default:
      return step.preset.initial;
  }
}

describe('"Open this in the Lab"', () => {
  for (const lesson of LESSONS) {
    for (const step of lesson.steps) {
      if (step.toLab === null) continue;
      it(`${lesson.id} / ${step.id} hands over a network the engine accepts`, () => {
        const handoff = runToLab(step, sampleState(step));
        expect(handoff).not.toBeNull();
        expect(checkConfig(handoff!.config)).toBeNull();
        expect(handoff!.params?.length).toBe(networkShape(handoff!.config).paramCount);
      });
    }
  }

  it("puts a single neuron's weights where the engine reads them", () => {
    const { config, params } = neuronHandoff({ w1: 0.8, w2: -0.5, b: 0.3 }, [
      { x1: 0, x2: 0, label: 0 },
      { x1: 1, x2: 1, label: 1 },
    ]);
    const shape = networkShape(config);
    expect(params![shape.weightIndex(0, 0, 0)]).toBe(0.8);
    expect(params![shape.weightIndex(0, 0, 1)]).toBe(-0.5);
    expect(params![shape.biasIndex(0, 0)]).toBe(0.3);
  });
});

describe('where progress is kept', () => {
  const globals = globalThis as { lab?: unknown; localStorage?: unknown };
  afterEach(() => {
    delete globals.lab;
    delete globals.localStorage;
  });

  function memoryStorage(): Storage {
    const map = new Map<string, string>();
    return {
      get length() {
        return map.size;
      },
      clear: () => map.clear(),
      getItem: (k) => map.get(k) ?? null,
      key: (i) => [...map.keys()][i] ?? null,
      removeItem: (k) => void map.delete(k),
      setItem: (k, v) => void map.set(k, v),
    };
  }

  it('uses window.lab.progress in Electron', async () => {
    const saved: string[] = [];
    const progress: LabApi['progress'] = { load: async () => '{"done":{"a":["s"]}}', save: async (json) => void saved.push(json) };
    globals.lab = { progress };
    const backend = defaultBackend();
    expect(await backend.load()).toBe('{"done":{"a":["s"]}}');
    await backend.save('{}');
    expect(saved).toEqual(['{}']);
  });

  it('uses localStorage in the browser host', async () => {
    const storage = memoryStorage();
    globals.localStorage = storage;
    const backend = defaultBackend();
    expect(await backend.load()).toBe('');
    await backend.save('{"x":1}');
    expect(storage.getItem(STORAGE_KEY)).toBe('{"x":1}');
    expect(await localStorageBackend(storage).load()).toBe('{"x":1}');
  });
});

describe('the hand-set XOR network in the Lab', () => {
  const book = { W: [1, 1, 1, 1], c: [0, -1], w: [1, -2], b: 0 };

  /** Test accuracy the Lab's engine measures for a hand-off, weights as handed over. */
  function labAccuracy(handoff: { config: LabConfig; params: Float64Array | null }): number | null {
    const model = createModel(handoff.config);
    model.params.set(handoff.params!);
    return measure(model, 0).point.testAccuracy;
  }

  it('answers the four corners in the engine as the lesson does: below ½ for 0, above for 1', () => {
    const { config, params } = handNetHandoff(book, XOR_POINTS);
    const layers = forwardPoints(config, params!, new Float64Array([0, 0, 0, 1, 1, 0, 1, 1]));
    const out = Array.from(layers[layers.length - 1]);
    expect(out.map((p) => (p > 0.5 ? 1 : 0))).toEqual([0, 1, 1, 0]);
    for (const p of out) expect(Math.min(p, 1 - p)).toBeLessThan(0.01);
  });

  it('scores 100 % in the Lab, with an output and a loss its menus offer (bug 3)', () => {
    const handoff = handNetHandoff(book, XOR_POINTS);
    const { problem, classes } = problemOf(handoff.config);
    expect(outputChoices(problem, classes)).toContain(handoff.config.network.outputActivation);
    const losses = lossChoices(handoff.config.network.outputActivation);
    expect(losses).toContain(handoff.config.training.loss);
    expect(losses.length).toBeGreaterThan(1);
    expect(labAccuracy(handoff)).toBe(1);
    // Every exact solution, not only the book's: one hidden neuron per blue corner.
    expect(labAccuracy(handNetHandoff({ W: [1, -1, -1, 1], c: [0, 0], w: [1, 1], b: 0 }, XOR_POINTS))).toBe(1);
  });

  it('keeps a wrong network wrong: the Lab sees the mistakes the lesson table shows', () => {
    expect(labAccuracy(handNetHandoff({ W: [1, 0, 0, 1], c: [0, 0], w: [1, 1], b: 0 }, XOR_POINTS))).toBeLessThan(1);
  });
});
