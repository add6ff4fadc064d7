/**
 * The example projects that come with the app: classic experiments a learner can open with
 * one click (the Projects area, File › Open Example). Each is a real project file made by
 * `scripts/build-examples.ts` from the engine (trained where it says so) and bundled with the
 * page under `renderer/projects/examples/<id>.actlab`. This list is the catalogue both hosts
 * show: the main process builds its menu from it, the page its list.
 */

export const EXAMPLE_IDS = [
  'linear-collapse',
  'xor-by-hand',
  'spiral-relu',
  'spiral-tanh',
  'relu-hinges',
  'vanishing-sigmoid',
  'iris',
  'digits',
] as const;
export type ExampleId = (typeof EXAMPLE_IDS)[number];

export interface ExampleInfo {
  id: ExampleId;
  /** Shown as the example's name, and the project's name once opened ("Spiral with ReLU"). */
  title: string;
  /** One line: what to look at. */
  description: string;
}

export const EXAMPLES: readonly ExampleInfo[] = [
  {
    id: 'linear-collapse',
    title: 'A deep linear network collapses',
    description: 'Three hidden layers with no activation still draw one straight line: the circle stays unsolved.',
  },
  {
    id: 'xor-by-hand',
    title: 'XOR by hand',
    description: 'Four ReLU neurons with weights set by hand fold the plane so one line splits the four corners.',
  },
  {
    id: 'spiral-relu',
    title: 'The spiral with ReLU',
    description: 'A trained ReLU network winds its boundary round the spiral out of straight pieces.',
  },
  {
    id: 'spiral-tanh',
    title: 'The spiral with tanh',
    description: 'The same spiral and network with tanh: smooth curves instead of corners.',
  },
  {
    id: 'relu-hinges',
    title: 'Curve fitting with ReLU hinges',
    description: 'Eight ReLU neurons add up bent lines into a sine wave; show each neuron to see the hinges.',
  },
  {
    id: 'vanishing-sigmoid',
    title: 'A deep sigmoid network whose gradients vanish',
    description: 'Six sigmoid layers learn next to nothing: the Gradient flow panel shows why the first layers barely move.',
  },
  {
    id: 'iris',
    title: 'Iris flowers',
    description: 'Three species told apart from four measurements by a small trained network.',
  },
  {
    id: 'digits',
    title: 'Handwritten digits',
    description: 'A trained network reads 28 × 28 images; its first layer’s weights show what each neuron looks for.',
  },
];

export function isExampleId(value: unknown): value is ExampleId {
  return typeof value === 'string' && (EXAMPLE_IDS as readonly string[]).includes(value);
}

export function exampleInfo(id: ExampleId): ExampleInfo {
  const info = EXAMPLES.find((e) => e.id === id);
  if (!info) throw new Error(`No example is called ${id}.`);
  return info;
}
