import { describe, expect, it } from 'vitest';
import type { MenuCommand } from '../../../core/ipc';
import { menuVerdict } from '../../../renderer/app/menu-commands';

describe('menu commands in the page', () => {
  it('trains only while the Lab is shown', () => {
    for (const command of ['play-pause', 'step', 'reset'] as MenuCommand[]) {
      expect(menuVerdict(command, 'lab', false)).toBe('run');
      expect(menuVerdict(command, 'lessons', false)).toBe('not-in-lab');
      expect(menuVerdict(command, 'projects', false)).toBe('not-in-lab');
    }
  });

  it('changes areas from anywhere, and does nothing behind a modal dialog', () => {
    expect(menuVerdict('show-lab', 'lessons', false)).toBe('run');
    expect(menuVerdict('show-shortcuts', 'projects', false)).toBe('run');
    for (const command of ['show-lessons', 'play-pause', 'show-shortcuts'] as MenuCommand[]) {
      expect(menuVerdict(command, 'lab', true)).toBe('dialog-open');
    }
  });
});
