import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../core/examples';
import { exampleOfCommand, type ExportItem, type MenuCommand, type ProjectAction } from '../../core/ipc';
import { aboutText, buildMenuTemplate, type MenuContext } from '../../electron/menu';
import type { ThemeChoice } from '../../electron/theme';

type Item = MenuItemConstructorOptions;

function context(platform: NodeJS.Platform, overrides: Partial<MenuContext> = {}) {
  const calls: string[] = [];
  const ctx: MenuContext = {
    platform,
    appName: 'Activation Lab',
    recentFiles: ['/home/ana/spiral.actlab', '/home/ana/xor.actlab'],
    theme: 'dark',
    hasWindow: true,
    developer: false,
    onProjectAction: (a: ProjectAction) => calls.push(`project:${a}`),
    onOpenRecent: (f: string) => calls.push(`recent:${f}`),
    onClearRecent: () => calls.push('clear-recent'),
    onCommand: (c: MenuCommand) => calls.push(`command:${c}`),
    exports: ['history-csv', 'network-json', 'pytorch'],
    onExport: (item: ExportItem) => calls.push(`export:${item}`),
    onTheme: (t: ThemeChoice) => calls.push(`theme:${t}`),
    onAbout: () => calls.push('about'),
    ...overrides,
  };
  return { ctx, calls };
}

const plain = (label: string | undefined) => (label ?? '').replace(/&/g, '');

function submenu(item: Item | undefined): Item[] {
  expect(item).toBeDefined();
  return item!.submenu as Item[];
}

function find(items: Item[], label: string): Item {
  const found = items.find((i) => plain(i.label) === label);
  expect(found, `menu item "${label}"`).toBeDefined();
  return found!;
}

function click(item: Item) {
  (item.click as () => void)();
}

function allItems(items: Item[]): Item[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? allItems(i.submenu as Item[]) : [])]);
}

describe('buildMenuTemplate', () => {
  it('has File, Edit, View, Train and Help on Windows and Linux', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const template = buildMenuTemplate(context(platform).ctx);
      expect(template.map((m) => plain(m.label))).toEqual(['File', 'Edit', 'View', 'Train', 'Help']);
    }
  });

  it('puts the app menu first on macOS, with About, hide and quit', () => {
    const template = buildMenuTemplate(context('darwin').ctx);
    expect(template.map((m) => plain(m.label ?? m.role))).toEqual([
      'Activation Lab',
      'File',
      'Edit',
      'View',
      'Train',
      'windowMenu',
      'Help',
    ]);
    const app = submenu(template[0]);
    expect(app.map((i) => i.role ?? i.label ?? i.type)).toEqual([
      'About Activation Lab',
      'separator',
      'services',
      'separator',
      'hide',
      'hideOthers',
      'unhide',
      'separator',
      'quit',
    ]);
    // No Exit in File and no About in Help on macOS: they live in the app menu.
    const file = submenu(template[1]);
    expect(file.some((i) => i.role === 'quit')).toBe(false);
    expect(submenu(template[6]).some((i) => plain(i.label).startsWith('About'))).toBe(false);
  });

  it('File has New, Open, Open Recent, Save, Save As and Close with CmdOrCtrl accelerators', () => {
    const { ctx, calls } = context('win32');
    const file = submenu(buildMenuTemplate(ctx)[0]);
    const expected: Array<[string, string]> = [
      ['New Project', 'CmdOrCtrl+N'],
      ['Open…', 'CmdOrCtrl+O'],
      ['Save', 'CmdOrCtrl+S'],
      ['Save As…', 'CmdOrCtrl+Shift+S'],
      ['Close', 'CmdOrCtrl+W'],
    ];
    for (const [label, accelerator] of expected) expect(find(file, label).accelerator).toBe(accelerator);
    expect(find(file, 'Close').role).toBe('close');
    expect(find(file, 'Exit').role).toBe('quit');
    click(find(file, 'New Project'));
    click(find(file, 'Open…'));
    click(find(file, 'Save'));
    click(find(file, 'Save As…'));
    expect(calls).toEqual(['project:new', 'project:open', 'project:save', 'project:save-as']);
  });

  it('lists recent files, newest first, and can clear them', () => {
    const { ctx, calls } = context('linux');
    const recent = submenu(find(submenu(buildMenuTemplate(ctx)[0]), 'Open Recent'));
    expect(recent.map((i) => plain(i.label) || i.type)).toEqual(['1 spiral.actlab', '2 xor.actlab', 'separator', 'Clear Recent']);
    click(recent[1]);
    click(recent[3]);
    expect(calls).toEqual(['recent:/home/ana/xor.actlab', 'clear-recent']);
    const empty = submenu(find(submenu(buildMenuTemplate(context('linux', { recentFiles: [] }).ctx)[0]), 'Open Recent'));
    expect(empty).toEqual([{ label: 'No Recent Projects', enabled: false }]);
  });

  it('File › Export offers every export, enabled only where the page says it applies', () => {
    const { ctx, calls } = context('linux');
    const file = submenu(buildMenuTemplate(ctx)[0]);
    const exportMenu = find(file, 'Export');
    const items = submenu(exportMenu);
    expect(items.map((i) => [plain(i.label), i.enabled])).toEqual([
      ['Output Plot as PNG…', false],
      ['Network Diagram as PNG…', false],
      ['Loss and Accuracy History as CSV…', true],
      ['Network as JSON (Weights)…', true],
      ['As PyTorch Script…', true],
      ['Data Points as CSV…', false],
    ]);
    // Its place: after Save As…, before Close.
    const labels = file.map((i) => plain(i.label) || i.type);
    expect(labels.indexOf('Export')).toBeGreaterThan(labels.indexOf('Save As…'));
    expect(labels.indexOf('Export')).toBeLessThan(labels.indexOf('Close'));
    for (const item of items) click(item);
    expect(calls).toEqual([
      'export:output-png',
      'export:diagram-png',
      'export:history-csv',
      'export:network-json',
      'export:pytorch',
      'export:points-csv',
    ]);
    // A 2-D data set: every item applies. No window: nothing does.
    const all = ['output-png', 'diagram-png', 'history-csv', 'network-json', 'pytorch', 'points-csv'] as const;
    const plane = submenu(find(submenu(buildMenuTemplate(context('win32', { exports: all }).ctx)[0]), 'Export'));
    expect(plane.every((i) => i.enabled === true)).toBe(true);
    const noWindow = buildMenuTemplate(context('win32', { exports: all, hasWindow: false }).ctx);
    const closed = find(submenu(noWindow[0]), 'Export');
    expect(closed.enabled).toBe(false);
    expect(submenu(closed).every((i) => i.enabled === false)).toBe(true);
  });

  it('Edit uses roles only', () => {
    const edit = submenu(buildMenuTemplate(context('linux').ctx)[1]);
    expect(edit.filter((i) => i.type !== 'separator').every((i) => i.role && !i.click)).toBe(true);
    expect(edit.map((i) => i.role).filter(Boolean)).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'delete', 'selectAll']);
  });

  it('View switches areas, zooms, sets the theme and toggles full screen', () => {
    const { ctx, calls } = context('linux');
    const view = submenu(buildMenuTemplate(ctx)[2]);
    expect(find(view, 'Lessons').accelerator).toBe('CmdOrCtrl+1');
    expect(find(view, 'Lab').accelerator).toBe('CmdOrCtrl+2');
    expect(find(view, 'Projects').accelerator).toBe('CmdOrCtrl+3');
    expect(view.map((i) => i.role).filter(Boolean)).toEqual(['zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen']);
    const devView = submenu(buildMenuTemplate(context('linux', { developer: true }).ctx)[2]);
    expect(devView.map((i) => i.role).filter(Boolean)).toEqual([
      'zoomIn',
      'zoomOut',
      'resetZoom',
      'togglefullscreen',
      'reload',
      'toggleDevTools',
    ]);
    const theme = submenu(find(view, 'Theme'));
    expect(theme.map((i) => [plain(i.label), i.type, i.checked])).toEqual([
      ['System', 'radio', false],
      ['Light', 'radio', false],
      ['Dark', 'radio', true],
    ]);
    click(find(view, 'Lab'));
    click(theme[1]);
    expect(calls).toEqual(['command:show-lab', 'theme:light']);
  });

  it('Train plays, steps and resets without taking the Space key', () => {
    const { ctx, calls } = context('win32');
    const train = submenu(buildMenuTemplate(ctx)[3]);
    expect(train.map((i) => i.accelerator)).toEqual(['CmdOrCtrl+Enter', 'CmdOrCtrl+Shift+Enter', undefined]);
    for (const item of train) click(item);
    expect(calls).toEqual(['command:play-pause', 'command:step', 'command:reset']);
    const disabled = submenu(buildMenuTemplate(context('win32', { hasWindow: false }).ctx)[3]);
    expect(disabled.every((i) => i.enabled === false)).toBe(true);
  });

  it('Help shows keyboard shortcuts and About', () => {
    const { ctx, calls } = context('win32');
    const help = submenu(buildMenuTemplate(ctx)[4]);
    click(find(help, 'Keyboard Shortcuts'));
    click(find(help, 'About Activation Lab'));
    expect(calls).toEqual(['command:show-shortcuts', 'about']);
  });

  it('uses CmdOrCtrl and never a bare Space or a platform-specific modifier', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const accelerators = allItems(buildMenuTemplate(context(platform).ctx))
        .map((i) => i.accelerator)
        .filter((a): a is string => typeof a === 'string');
      expect(accelerators.length).toBeGreaterThan(8);
      for (const a of accelerators) {
        expect(a.startsWith('CmdOrCtrl+')).toBe(true);
        // Keys that edit text must stay with the text fields.
        expect([
          'CmdOrCtrl+Right',
          'CmdOrCtrl+Left',
          'CmdOrCtrl+Backspace',
          'CmdOrCtrl+Delete',
          'CmdOrCtrl+Z',
          'CmdOrCtrl+A',
        ]).not.toContain(a);
        expect(a.slice('CmdOrCtrl+'.length)).not.toMatch(/Space|Command|Cmd|Ctrl|Control|Super|Meta/);
      }
      expect(new Set(accelerators).size).toBe(accelerators.length);
    }
  });

  it('lists every bundled example under File › Open Example; each sends its own command through the one contract', () => {
    const { ctx, calls } = context('linux');
    const file = submenu(buildMenuTemplate(ctx)[0]);
    const examples = submenu(find(file, 'Open Example'));
    expect(examples.map((i) => i.label)).toEqual(EXAMPLES.map((e) => e.title));
    click(find(examples, 'The spiral with ReLU'));
    click(find(examples, 'Handwritten digits'));
    expect(calls).toEqual(['command:open-example:spiral-relu', 'command:open-example:digits']);
    expect(exampleOfCommand('open-example:spiral-relu')).toBe('spiral-relu');
    expect(exampleOfCommand('show-lab')).toBeNull();
    // With no window to open it in, the items are greyed out.
    const none = submenu(find(submenu(buildMenuTemplate(context('linux', { hasWindow: false }).ctx)[0]), 'Open Example'));
    expect(none.every((i) => i.enabled === false)).toBe(true);
  });

  it('writes the versions into the About text', () => {
    const text = aboutText({ name: 'Activation Lab', version: '0.1.0', electron: '45.5.0', chrome: '142.0', node: '22.1.0' });
    expect(text).toContain('Activation Lab 0.1.0');
    expect(text).toContain('Electron 45.5.0');
    expect(text).toContain('Chromium 142.0');
    expect(text).toContain('Node.js 22.1.0');
  });
});
