import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../core/config';
import { parseCommand, type Command } from '../../core/protocol';

describe('parseCommand', () => {
  const valid: Command[] = [
    { type: 'configure', id: 1, config: defaultConfig() },
    { type: 'play', id: 2 },
    { type: 'pause', id: 3 },
    { type: 'step', id: 4, unit: 'batch' },
    { type: 'step', id: 5, unit: 'epoch' },
    { type: 'reset', id: 6 },
    { type: 'set-training', id: 7, training: { learningRate: 0.1 } },
    { type: 'set-parameter', id: 8, index: 3, value: -0.25 },
    { type: 'set-speed', id: 9, speed: { mode: 'max' } },
    { type: 'set-speed', id: 10, speed: { mode: 'epochsPerFrame', epochs: 5 } },
    { type: 'load-state', id: 11, state: { epoch: 3, params: [0.1, 0.2], optimizer: [], step: 0 } },
    { type: 'get-state', id: 12 },
    { type: 'drawn', id: 13 },
  ];

  it.each(valid)('accepts a well-formed $type command', (command) => {
    expect(parseCommand(structuredClone(command))).toEqual(command);
  });

  it.each([
    [null, /must be an object/],
    [[1, 2], /must be an object/],
    ['play', /must be an object/],
    [{ type: 'explode', id: 1 }, /Unknown command type "explode"/],
    [{ type: 'play' }, /needs an integer id/],
    [{ type: 'play', id: 1.5 }, /needs an integer id/],
    [{ type: 'configure', id: 1 }, /needs a config object/],
    [{ type: 'step', id: 1, unit: 'year' }, /unit of "batch", "epoch" or "example"/],
    [{ type: 'set-parameter', id: 1, index: -1, value: 1 }, /parameter index and a finite value/],
    [{ type: 'set-parameter', id: 1, index: 0, value: Number.NaN }, /finite value/],
    [{ type: 'set-speed', id: 1, speed: { mode: 'epochsPerFrame', epochs: 0 } }, /set-speed needs/],
    [{ type: 'set-speed', id: 1, speed: 'fast' }, /set-speed needs/],
    [{ type: 'load-state', id: 1, state: { epoch: 1, params: [1, Infinity] } }, /must be finite/],
    [{ type: 'load-state', id: 1, state: { params: [] } }, /epoch and parameters/],
  ])('rejects %j with a plain message', (message, expected) => {
    const result = parseCommand(message);
    expect(typeof result).toBe('string');
    expect(result).toMatch(expected);
  });
});
