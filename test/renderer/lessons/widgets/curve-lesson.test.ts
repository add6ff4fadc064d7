/**
 * The curve widget's network settings (the widget itself, whose loss chart needs a real
 * canvas, is driven in Chromium by test/e2e/lessons.spec.ts, lesson 3).
 */
import { describe, expect, it } from 'vitest';
import { checkConfig } from '../../../../core/engine';
import { curveLessonConfig, curveNetwork } from '../../../../renderer/lessons/widgets/curve-lesson';

describe('curve lesson settings', () => {
  it('builds a network the engine accepts: one input, a linear output, own points to start from', () => {
    const config = curveNetwork('sine', 'tanh', 6);
    expect(checkConfig(config)).toBeNull();
    expect(config.network).toEqual({ hidden: [{ size: 6, activation: 'tanh' }], outputActivation: 'identity' });
    const own = curveLessonConfig({ ...config, data: { ...config.data, dataset: 'ownCurve', points: [] } });
    expect(own.data.points.length).toBeGreaterThanOrEqual(2);
    expect(checkConfig(own)).toBeNull();
  });
});
