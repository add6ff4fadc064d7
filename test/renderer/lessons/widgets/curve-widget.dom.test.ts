/**
 * The lesson curve widget with the learner's own points (lesson 3 step 3, "drag points of your
 * own"): an edit made on the plot becomes the trainer's data, so the plot's count, the state the
 * check reads and the network the engine trains all follow it. The pointer is the journey's
 * business (test/e2e/course-03-relu.spec.ts); here the keyboard does the same edits.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CommandBody } from '../../../../renderer/engine/connection';
import CurveWidget from '../../../../renderer/lessons/widgets/CurveWidget.svelte';
import type { CurveState } from '../../../../renderer/lessons/types';
import { stubCanvas } from '../../canvas-stub';
import { inProcessEngine } from '../../engine-in-process';
import { lessonStep } from './lesson-steps';

beforeAll(stubCanvas);
vi.mock('../../../../renderer/ui/chart', async (original) => (await import('./fake-chart')).withFakeChart(original));
afterEach(() => cleanup());

/** An in-process engine that also records what the page sends it. */
function recordingEngine(): { engine: ReturnType<typeof inProcessEngine>; sent: CommandBody[] } {
  const engine = inProcessEngine();
  const sent: CommandBody[] = [];
  const send = engine.send.bind(engine);
  engine.send = ((command: Parameters<typeof engine.send>[0]) => {
    sent.push(command);
    return send(command);
  }) as typeof engine.send;
  return { engine, sent };
}

function setUp(): { states: CurveState[]; sent: CommandBody[]; plot: () => HTMLElement } {
  const step = lessonStep('03-relu', 'hinges', 'curve');
  const states: CurveState[] = [];
  const { engine, sent } = recordingEngine();
  render(CurveWidget, { preset: step.preset, onState: (s: CurveState) => states.push(s), engine });
  return { states, sent, plot: () => screen.getByRole('application', { name: /^Curve plot/ }) };
}

async function ownCurve(): Promise<void> {
  const picker = screen.getByRole('combobox', { name: 'Curve' });
  await fireEvent.change(picker, { target: { value: 'ownCurve' } });
}

const configuredPoints = (sent: CommandBody[]): number | null => {
  const last = sent.filter((c) => c.type === 'configure').at(-1);
  return last && last.type === 'configure' ? last.config.data.points.length : null;
};

describe('lesson 3 step 3: your own curve points', () => {
  it('Enter adds a point: the plot counts 17, the state says 17 and the engine trains on 17', async () => {
    const { states, sent, plot } = setUp();
    await ownCurve();
    expect(plot().getAttribute('aria-label')).toContain('over 16 data points');
    expect(states.at(-1)?.ownPoints).toBe(16);
    await fireEvent.focus(plot());
    await fireEvent.keyDown(plot(), { key: 'ArrowUp', shiftKey: true });
    await fireEvent.keyDown(plot(), { key: 'Enter' });
    expect(plot().getAttribute('aria-label')).toContain('over 17 data points');
    await vi.waitFor(() => expect(states.at(-1)?.ownPoints).toBe(17));
    expect(configuredPoints(sent)).toBe(17);
  });

  it('a selected point moves with Shift+Arrow and goes with Delete, each edit retraining', async () => {
    const { states, sent, plot } = setUp();
    await ownCurve();
    await fireEvent.focus(plot());
    await fireEvent.keyDown(plot(), { key: ']' });
    const status = () => screen.getByText(/^Point \d+ of \d+ selected/).textContent ?? '';
    expect(status()).toMatch(/^Point 1 of 16 selected: x = (\S+), y = (\S+)\./);
    const before = status();
    const configures = sent.filter((c) => c.type === 'configure').length;
    await fireEvent.keyDown(plot(), { key: 'ArrowUp', shiftKey: true });
    expect(status()).not.toBe(before);
    expect(sent.filter((c) => c.type === 'configure').length).toBe(configures + 1);
    await fireEvent.keyDown(plot(), { key: 'Delete' });
    expect(plot().getAttribute('aria-label')).toContain('over 15 data points');
    await vi.waitFor(() => expect(states.at(-1)?.ownPoints).toBe(15));
    expect(configuredPoints(sent)).toBe(15);
  });

  it('the table names the sum y(x), as the step’s text writes the network (its output is linear)', async () => {
    setUp();
    const table = await screen.findByRole('table', { name: 'Contributions at the probe' }, { timeout: 10_000 });
    expect(table.textContent).toContain("Sum: the network's value y(x)");
    expect(table.textContent).not.toContain('z(x)');
  });
});
