/** fast-check generators of valid projects, and mutations that damage their files. */
import fc from 'fast-check';
import {
  ACTIVATION_NAMES,
  DATASET_NAMES,
  FEATURE_NAMES,
  INITIALIZER_NAMES,
  LOSS_NAMES,
  OPTIMIZER_NAMES,
  OUTPUT_ACTIVATION_NAMES,
  REGULARIZATION_NAMES,
  TABLE_DATASET_NAMES,
  type LabConfig,
} from '../../../core/config';
import { seeded } from './sample';
import {
  MAX_CHALLENGE_NEURONS,
  PROJECT_AREAS,
  createProject,
  isRegression,
  momentCount,
  paramCount,
  type Challenge,
  type Project,
} from '../../../core/project';

const double = fc.double({ noNaN: true, noDefaultInfinity: true });

function layerArb(maxSize: number) {
  return fc.record({ size: fc.integer({ min: 1, max: maxSize }), activation: fc.constantFrom(...ACTIVATION_NAMES) });
}

/** Adjusts output and loss the way a learner would, so the engine accepts the combination. */
function fitTogether(config: LabConfig): LabConfig {
  const { data, network, training } = config;
  const regression =
    data.dataset === 'plane' || data.dataset === 'multiGaussian' || (data.dataset === 'custom' && data.problem === 'regression');
  if (regression) {
    training.loss = 'halfSquared';
    if (network.outputActivation === 'softmax') network.outputActivation = 'identity';
  } else if (training.loss === 'softmaxCrossEntropy') network.outputActivation = 'softmax';
  else if (training.loss === 'binaryCrossEntropy' && network.outputActivation !== 'tanh') network.outputActivation = 'sigmoid';
  // Both sets need an example (the engine refuses an empty one): half and half always leaves one.
  const count = data.dataset === 'custom' ? data.points.length : data.size;
  const train = Math.round(count * data.trainRatio);
  if (train === 0 || train === count) data.trainRatio = 0.5;
  if (data.dataset === 'digits') network.hidden = network.hidden.slice(0, 1).map((layer) => ({ ...layer, size: Math.min(layer.size, 3) }));
  return config;
}

export const configArb: fc.Arbitrary<LabConfig> = fc
  .record({
    dataset: fc.oneof(
      { arbitrary: fc.constantFrom(...DATASET_NAMES), weight: 12 },
      { arbitrary: fc.constantFrom(...TABLE_DATASET_NAMES), weight: 1 },
    ),
    problem: fc.constantFrom('classification' as const, 'regression' as const),
    noise: fc.double({ min: 0, max: 50, noNaN: true }),
    trainRatio: fc.double({ min: 0.1, max: 0.9, noNaN: true }),
    size: fc.integer({ min: 2, max: 5000 }),
    labels: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 2, maxLength: 20 }),
    features: fc.subarray([...FEATURE_NAMES], { minLength: 1 }),
    // Mostly small networks (fast), sometimes up to the limits.
    hidden: fc.oneof(
      { arbitrary: fc.array(layerArb(4), { maxLength: 3 }), weight: 9 },
      { arbitrary: fc.array(layerArb(16), { maxLength: 8 }), weight: 1 },
    ),
    outputActivation: fc.constantFrom(...OUTPUT_ACTIVATION_NAMES),
    learningRate: fc.double({ min: 1e-6, max: 10, noNaN: true }),
    batchSize: fc.integer({ min: 1, max: 100 }),
    loss: fc.constantFrom(...LOSS_NAMES),
    optimizer: fc.constantFrom(...OPTIMIZER_NAMES),
    regularization: fc.constantFrom(...REGULARIZATION_NAMES),
    regularizationRate: fc.double({ min: 0, max: 10, noNaN: true }),
    initializer: fc.constantFrom(...INITIALIZER_NAMES),
    seed: fc.integer({ min: 0, max: 0xffffffff }),
  })
  .map((r) =>
    fitTogether({
      data: {
        dataset: r.dataset,
        noise: r.noise,
        trainRatio: r.trainRatio,
        size: r.size,
        points: r.labels.map((label, i) => ({ x1: i / 3 - 3, x2: -i / 7, label: r.problem === 'regression' ? label * 0.37 - 1 : label })),
        problem: r.problem,
      },
      features: r.features,
      network: { hidden: r.hidden, outputActivation: r.outputActivation },
      training: {
        learningRate: r.learningRate,
        batchSize: r.batchSize,
        loss: r.loss,
        optimizer: r.optimizer,
        regularization: r.regularization,
        regularizationRate: r.regularizationRate,
        initializer: r.initializer,
      },
      seed: r.seed,
    }),
  );

// Built once: building arbitraries (stringMatching above all) inside chain() is slow.
const historyArb = fc
  .array(
    fc.record({
      trainLoss: fc.double({ min: 0, max: 1e6, noNaN: true }),
      testLoss: fc.double({ min: 0, max: 1e6, noNaN: true }),
      trainAccuracy: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
      testAccuracy: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
    }),
    { maxLength: 30 },
  )
  .map((points) => points.map((p, i) => ({ epoch: i * 3, ...p })));
const lessonsArb = fc.dictionary(
  fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/),
  fc.record({ stepsDone: fc.uniqueArray(fc.integer({ min: 0, max: 30 })).map((s) => s.sort((a, b) => a - b)), completed: fc.boolean() }),
  { maxKeys: 5 },
);
const vectorSeedArb = fc.tuple(fc.integer(), fc.array(fc.tuple(fc.nat(), double), { maxLength: 4 }));
const nameArb = fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim().length > 0);

/** A valid teacher's challenge for `config`: an accuracy goal only where the data has classes; sometimes solved. */
function challengeArb(config: LabConfig): fc.Arbitrary<Challenge> {
  const lossGoal = fc.record({ metric: fc.constant('testLoss' as const), target: fc.double({ min: 1e-6, max: 1e6, noNaN: true }) });
  const accuracyGoal = fc.record({ metric: fc.constant('testAccuracy' as const), target: fc.double({ min: 1e-6, max: 1, noNaN: true }) });
  const regression = isRegression(config);
  const limits = fc.record(
    {
      maxLayers: fc.integer({ min: 0, max: 8 }),
      maxNeurons: fc.integer({ min: 1, max: MAX_CHALLENGE_NEURONS }),
      activations: fc.uniqueArray(fc.constantFrom(...ACTIVATION_NAMES), { minLength: 1 }),
      lockData: fc.boolean(),
      lockFeatures: fc.boolean(),
    },
    // Limits come and go: a challenge may set any of them, or none but the two locks.
    { requiredKeys: ['lockData', 'lockFeatures'] },
  );
  const solved = fc.option(
    fc.record({
      epoch: fc.integer({ min: 0, max: 1e9 }),
      value: fc.double({ min: 0, max: 1, noNaN: true }),
      hidden: fc.constant(null).map(() => config.network.hidden.map((layer) => ({ ...layer }))),
      features: fc.constant(null).map(() => [...config.features]),
      solvedAt: fc.integer({ min: 0, max: 4e12 }).map((t) => new Date(t).toISOString()),
    }),
    { nil: null },
  );
  return fc.record({
    note: fc.string({ maxLength: 60 }),
    goal: regression ? lossGoal : fc.oneof(accuracyGoal, lossGoal),
    limits,
    solved,
  });
}

/** A valid project with a random configuration, numbers, history and view. */
export const projectArb: fc.Arbitrary<Project> = configArb.chain((config) => {
  const count = paramCount(config);
  // fast-check's doubles cost ~10 µs each, so long vectors come from a seeded generator,
  // with awkward values (−0, subnormals, the largest double) dropped in at random places.
  const vector = vectorSeedArb.map(([seed, specials]) => {
    const random = seeded(seed);
    const out = Array.from({ length: count }, () => (random() - 0.5) * 10 ** Math.floor(random() * 12 - 6));
    for (const [at, value] of specials) if (count > 0) out[at % count] = value;
    return out;
  });
  const state = fc.option(
    fc.record({
      epoch: fc.integer({ min: 0, max: 1e9 }),
      params: vector,
      // Adam's second moment (the second list) is never below zero.
      optimizer: fc.tuple(
        ...Array.from({ length: momentCount(config.training.optimizer) }, (_, m) =>
          m === 1 ? vector.map((v) => v.map(Math.abs)) : vector,
        ),
      ),
      step: fc.integer({ min: 0, max: 1e9 }),
    }),
    { nil: null },
  );
  const view = fc.record(
    {
      area: fc.constantFrom(...PROJECT_AREAS),
      showTestData: fc.boolean(),
      discretize: fc.boolean(),
      layerSpaceLayer: fc.integer({ min: 0, max: Math.max(0, config.network.hidden.length - 1) }),
      explorerActivation: fc.constantFrom(...ACTIVATION_NAMES),
      gradientFlowOpen: fc.boolean(),
    },
    // Optional fields come and go: old version-3 files have none of them.
    { requiredKeys: ['area', 'showTestData', 'discretize', 'layerSpaceLayer'] },
  );
  return fc
    .record({
      name: nameArb,
      state,
      history: historyArb,
      view,
      lessons: lessonsArb,
      time: fc.integer({ min: 0, max: 4e12 }),
      // Most projects are no challenge (and files from before challenges have none).
      challenge: fc.option(challengeArb(config), { nil: undefined, freq: 3 }),
    })
    .map((r) =>
      createProject({
        config,
        name: r.name,
        state: r.state,
        history: r.history,
        view: r.view,
        lessons: r.lessons,
        challenge: r.challenge,
        savedAt: new Date(r.time),
      }),
    );
});

/**
 * Places in a decoded JSON tree, as lists of keys: every object field, and the first two
 * and the last entry of each list (so long parameter lists do not swamp the choice).
 */
export function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(value)) {
    const picks = new Set([0, 1, value.length - 1].filter((i) => i >= 0 && i < value.length));
    for (const i of picks) out.push(...paths(value[i], [...prefix, i]));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) out.push(...paths(item, [...prefix, key]));
  }
  return out;
}

/** Values that should never pass where another kind is expected. */
export const wrongValue = fc.oneof(
  fc.constantFrom<unknown>('NaN', 'Infinity', '-Infinity', null, true, false, '', [], {}, 1e308, -1e308, 2 ** 53 + 2, -1, 0.5, 17, 10001),
  fc.string({ maxLength: 8 }),
  double,
  fc.integer(),
);

export type Mutation =
  { kind: 'delete'; at: number } | { kind: 'replace'; at: number; value: unknown } | { kind: 'raw'; at: number; token: string };

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: wrongValue }),
  // Tokens JSON cannot hold (NaN, Infinity) or that overflow a double, spliced in as text.
  fc.record({
    kind: fc.constant('raw' as const),
    at: fc.nat(),
    token: fc.constantFrom('NaN', 'Infinity', '-Infinity', '1e999', '-1e400', 'undefined', '0x10', '1e-999'),
  }),
);

const RAW_MARK = '"\u0001raw\u0001"';

/** Applies a mutation to a decoded file and returns the new file text. */
export function mutate(file: unknown, mutation: Mutation): string {
  const copy = JSON.parse(JSON.stringify(file)) as unknown;
  const all = paths(copy).filter((p) => p.length > 0);
  const path = all[mutation.at % all.length];
  let parent = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (mutation.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
    return JSON.stringify(copy);
  }
  if (mutation.kind === 'replace') {
    parent[last] = mutation.value;
    return JSON.stringify(copy);
  }
  parent[last] = '\u0001raw\u0001';
  return JSON.stringify(copy).replace(RAW_MARK, mutation.token);
}
