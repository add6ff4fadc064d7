/**
 * Project files the packaged-app smoke test opens, and the bit-for-bit comparison of what it
 * saves. Pure functions over core/project, so Node tests check them without Electron.
 */
import { defaultConfig } from '../../core/config';
import { createProject, paramCount, parseProject, serializeProject, type Project } from '../../core/project';

/**
 * A trained-looking XOR project at a given epoch, with parameters that have no short decimal
 * form (so a round trip that loses a bit shows). `name` becomes the project's own name.
 */
export function smokeProjectText(name: string, epoch: number): string {
  const config = defaultConfig();
  config.data = { ...config.data, dataset: 'xor' };
  const count = paramCount(config);
  const params = Array.from({ length: count }, (_, i) => Math.sin(epoch + i * 1.618) * 0.9 + (i % 3 === 0 ? 1e-17 : 0));
  const project = createProject({
    name,
    config,
    state: { epoch, step: 0, params, optimizer: [] },
    history: [{ epoch, trainLoss: 0.25, testLoss: 0.3, trainAccuracy: 0.75, testAccuracy: 0.7 }],
    savedAt: new Date('2026-12-01T12:00:00.000Z'),
  });
  return serializeProject(project);
}

/** Parses a project file's text or throws the app's own message. */
export function readProjectText(text: string): Project {
  const result = parseProject(text);
  if (!result.ok) throw new Error(result.message);
  return result.project;
}

/**
 * Differences between two saved projects in what must survive a save and reopen exactly:
 * the configuration, the epoch, and every parameter and optimizer moment bit for bit
 * (Object.is, so -0 and +0 differ). Empty when they are the same.
 */
export function roundTripDifferences(first: Project, second: Project): string[] {
  const problems: string[] = [];
  if (JSON.stringify(first.config) !== JSON.stringify(second.config)) problems.push('the configuration differs');
  const a = first.state;
  const b = second.state;
  if (!a || !b) return a === b ? problems : [...problems, 'only one of them has trained parameters'];
  if (a.epoch !== b.epoch) problems.push(`epoch ${a.epoch} became ${b.epoch}`);
  const compare = (label: string, x: readonly number[], y: readonly number[]) => {
    if (x.length !== y.length) {
      problems.push(`${label}: ${x.length} numbers became ${y.length}`);
      return;
    }
    const changed = x.findIndex((value, i) => !Object.is(value, y[i]));
    const show = (value: number) => (Object.is(value, -0) ? '-0' : String(value));
    if (changed !== -1) problems.push(`${label}[${changed}]: ${show(x[changed])} became ${show(y[changed])}`);
  };
  compare('params', a.params, b.params);
  if (a.optimizer.length !== b.optimizer.length) problems.push('the optimizer moments differ in number');
  else a.optimizer.forEach((moment, i) => compare(`optimizer[${i}]`, moment, b.optimizer[i]));
  return problems;
}
