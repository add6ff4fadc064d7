import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../core/config';
import { RACE_MAX_EPOCHS_PER_FRAME, laneConfig, nextMove, raceProblem, startSpeed } from '../../../renderer/lab/race-plan';

describe('activation race plan', () => {
  it('gives every lane the same data, shape and seed with its own hidden activation', () => {
    const config = defaultConfig();
    const lane = laneConfig(config, 'relu');
    expect(lane.network.hidden.map((h) => h.activation)).toEqual(['relu', 'relu']);
    expect(lane.network.hidden.map((h) => h.size)).toEqual([4, 2]);
    expect(lane.seed).toBe(config.seed);
    expect(lane.data).toEqual(config.data);
    expect(config.network.hidden[0].activation).toBe('tanh');
  });

  it('runs fast, slows down just before the finish and pauses on it', () => {
    expect(startSpeed(300)).toEqual({ mode: 'epochsPerFrame', epochs: 300 });
    expect(startSpeed(5000)).toEqual({ mode: 'epochsPerFrame', epochs: RACE_MAX_EPOCHS_PER_FRAME });
    expect(nextMove(0, 5000)).toBeNull();
    expect(nextMove(4990, 5000)).toEqual({ type: 'speed', speed: { mode: 'epochsPerFrame', epochs: 10 } });
    expect(nextMove(5000, 5000)).toEqual({ type: 'pause' });
    expect(nextMove(5012, 5000)).toEqual({ type: 'pause' });
  });

  it('explains what keeps a race from starting', () => {
    const config = defaultConfig();
    expect(raceProblem(config, ['relu', 'tanh'])).toBeNull();
    expect(raceProblem(config, ['relu'])).toMatch(/2 to 4/);
    expect(raceProblem(config, ['relu', 'tanh', 'sin', 'elu', 'gelu'])).toMatch(/2 to 4/);
    expect(raceProblem(config, ['relu', 'relu'])).toMatch(/once/);
    expect(raceProblem({ ...config, network: { ...config.network, hidden: [] } }, ['relu', 'tanh'])).toMatch(/hidden layer/);
  });
});
