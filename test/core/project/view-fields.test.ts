/** The optional view field `gradientFlowOpen`: absent stays absent (the default), true/false round-trip, anything else is refused. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_GRADIENT_FLOW_OPEN, parseProject, serializeProject } from '../../../core/project';
import { sampleConfig, sampleProject } from './sample';

function withView(change: (view: Record<string, unknown>) => void): string {
  const json = JSON.parse(serializeProject(sampleProject(sampleConfig()))) as { view: Record<string, unknown> };
  change(json.view);
  return JSON.stringify(json);
}

describe('project view: gradientFlowOpen', () => {
  it('loads a version-3 file written before the field existed, leaving it to the default', () => {
    const result = parseProject(withView((view) => delete view.gradientFlowOpen));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.project.view.gradientFlowOpen).toBeUndefined();
    expect(DEFAULT_GRADIENT_FLOW_OPEN).toBe(true);
  });

  it('keeps true and false through a save and an open', () => {
    for (const open of [true, false]) {
      const project = sampleProject(sampleConfig());
      project.view.gradientFlowOpen = open;
      const text = serializeProject(project);
      expect(JSON.parse(text).version).toBe(3);
      const result = parseProject(text);
      expect(result.ok ? result.project.view.gradientFlowOpen : result.message).toBe(open);
      expect(result.ok ? result.project : null).toEqual(project);
    }
  });

  it('refuses anything but true or false, saying which field and what it should be', () => {
    for (const bad of ['yes', 1, null, {}]) {
      const result = parseProject(withView((view) => (view.gradientFlowOpen = bad)));
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toMatch(/"view\.gradientFlowOpen" should be true or false/);
    }
  });
});
