import { describe, expect, it } from 'vitest';
import { createProject, momentCount, paramCount, serializeProject } from '../../../core/project';
import { digitsConfig } from '../../../core/tabular/presets';
import { projectTextInTurns } from '../../../electron/documents/text';
import { sampleProject, seeded } from '../../core/project/sample';

describe('project text in the main process', () => {
  it('is exactly serializeProject, and lets other work run while a digits network is written', async () => {
    const config = digitsConfig([{ size: 128, activation: 'relu' }]);
    const random = seeded(6);
    const values = () => Array.from({ length: paramCount(config) }, () => random() - 0.5);
    const project = createProject({
      config,
      state: {
        epoch: 2,
        params: values(),
        optimizer: Array.from({ length: momentCount('adam') }, (_, m) => (m === 1 ? values().map(Math.abs) : values())),
        step: 40,
      },
      savedAt: new Date(0),
    });
    // Another task (an engine snapshot to relay, say) asks for a turn all the time.
    let turns = 0;
    let going = true;
    const other = () => {
      turns++;
      if (going) setImmediate(other);
    };
    setImmediate(other);
    const text = await projectTextInTurns(project, 2);
    going = false;
    expect(text).toBe(serializeProject(project));
    expect(turns).toBeGreaterThan(5);
    const small = sampleProject();
    expect(await projectTextInTurns(small)).toBe(serializeProject(small));
  });
});
