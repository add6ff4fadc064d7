/**
 * The application menu as data: a pure function from the current context (platform,
 * recent files, theme, callbacks) to Electron's template. Roles give the native behaviour
 * and labels; accelerators use CmdOrCtrl so one template serves every platform.
 */
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { EXAMPLES } from '../core/examples';
import { EXPORT_ITEMS, openExampleCommand, type ExportItem, type MenuCommand, type ProjectAction } from '../core/ipc';
import type { ThemeChoice } from './theme';

export interface MenuContext {
  platform: NodeJS.Platform;
  appName: string;
  /** Recently opened project files, newest first. */
  recentFiles: readonly string[];
  theme: ThemeChoice;
  /** Whether there is a window to act on (greys out page commands when not). */
  hasWindow: boolean;
  /** Development build: adds Reload and the developer tools (a reload would drop the page's state). */
  developer: boolean;
  onProjectAction(action: ProjectAction): void;
  onOpenRecent(file: string): void;
  onClearRecent(): void;
  onCommand(command: MenuCommand): void;
  /** File › Export items that apply to what the Lab holds now (the page says; the rest are greyed out). */
  exports: readonly ExportItem[];
  onExport(item: ExportItem): void;
  onTheme(theme: ThemeChoice): void;
  onAbout(): void;
}

type Item = MenuItemConstructorOptions;

function recentSubmenu(ctx: MenuContext): Item[] {
  if (ctx.recentFiles.length === 0) return [{ label: 'No Recent Projects', enabled: false }];
  const items: Item[] = ctx.recentFiles.map((file, index) => ({
    label: `${index < 9 ? `&${index + 1} ` : ''}${path.basename(file)}`,
    sublabel: file,
    toolTip: file,
    click: () => ctx.onOpenRecent(file),
  }));
  items.push({ type: 'separator' }, { label: 'Clear Recent', click: () => ctx.onClearRecent() });
  return items;
}

/** File › Export's items, in the order of the Lab's own Export button. */
export const EXPORT_LABELS: Record<ExportItem, string> = {
  'output-png': 'Output Plot as &PNG…',
  'diagram-png': 'Network &Diagram as PNG…',
  'history-csv': 'Loss and Accuracy &History as CSV…',
  'network-json': 'Network as &JSON (Weights)…',
  pytorch: 'As P&yTorch Script…',
  'points-csv': 'Data P&oints as CSV…',
};

function exportSubmenu(ctx: MenuContext): Item[] {
  return EXPORT_ITEMS.map((item) => ({
    label: EXPORT_LABELS[item],
    enabled: ctx.hasWindow && ctx.exports.includes(item),
    click: () => ctx.onExport(item),
  }));
}

/** The bundled examples: each opens in the page as an untitled copy (main asks about unsaved changes first). */
function examplesSubmenu(ctx: MenuContext): Item[] {
  return EXAMPLES.map((example) => ({
    label: example.title,
    toolTip: example.description,
    enabled: ctx.hasWindow,
    click: () => ctx.onCommand(openExampleCommand(example.id)),
  }));
}

function fileMenu(ctx: MenuContext): Item {
  const mac = ctx.platform === 'darwin';
  return {
    label: '&File',
    submenu: [
      { label: '&New Project', accelerator: 'CmdOrCtrl+N', click: () => ctx.onProjectAction('new') },
      { label: '&Open…', accelerator: 'CmdOrCtrl+O', click: () => ctx.onProjectAction('open') },
      { label: 'Open &Recent', submenu: recentSubmenu(ctx) },
      { label: 'Open &Example', submenu: examplesSubmenu(ctx) },
      { type: 'separator' },
      { label: '&Save', accelerator: 'CmdOrCtrl+S', click: () => ctx.onProjectAction('save') },
      { label: 'Save &As…', accelerator: 'CmdOrCtrl+Shift+S', click: () => ctx.onProjectAction('save-as') },
      { type: 'separator' },
      { label: 'Ex&port', enabled: ctx.hasWindow, submenu: exportSubmenu(ctx) },
      { type: 'separator' },
      { role: 'close', label: mac ? 'Close Window' : '&Close', accelerator: 'CmdOrCtrl+W' },
      ...(mac ? [] : [{ type: 'separator' } as Item, { role: 'quit', label: 'E&xit' } as Item]),
    ],
  };
}

function editMenu(ctx: MenuContext): Item {
  const mac = ctx.platform === 'darwin';
  return {
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(mac ? [{ role: 'pasteAndMatchStyle' } as Item] : []),
      { role: 'delete' },
      { type: 'separator' },
      { role: 'selectAll' },
    ],
  };
}

function viewMenu(ctx: MenuContext): Item {
  const page = (label: string, accelerator: string, command: MenuCommand): Item => ({
    label,
    accelerator,
    enabled: ctx.hasWindow,
    click: () => ctx.onCommand(command),
  });
  const theme = (label: string, choice: ThemeChoice): Item => ({
    label,
    type: 'radio',
    checked: ctx.theme === choice,
    click: () => ctx.onTheme(choice),
  });
  return {
    label: '&View',
    submenu: [
      page('&Lessons', 'CmdOrCtrl+1', 'show-lessons'),
      page('L&ab', 'CmdOrCtrl+2', 'show-lab'),
      page('&Projects', 'CmdOrCtrl+3', 'show-projects'),
      page('Handwritten &Digits (in the Lab)', 'CmdOrCtrl+4', 'show-digits'),
      { type: 'separator' },
      { role: 'zoomIn', accelerator: 'CmdOrCtrl+=' },
      { role: 'zoomOut', accelerator: 'CmdOrCtrl+-' },
      { role: 'resetZoom', accelerator: 'CmdOrCtrl+0' },
      { type: 'separator' },
      {
        label: '&Theme',
        submenu: [theme('&System', 'system'), theme('&Light', 'light'), theme('&Dark', 'dark')],
      },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(ctx.developer
        ? [{ type: 'separator' } as Item, { role: 'reload', accelerator: 'CmdOrCtrl+R' } as Item, { role: 'toggleDevTools' } as Item]
        : []),
    ],
  };
}

function trainMenu(ctx: MenuContext): Item {
  const item = (label: string, accelerator: string | undefined, command: MenuCommand): Item => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    enabled: ctx.hasWindow,
    click: () => ctx.onCommand(command),
  });
  return {
    label: '&Train',
    submenu: [
      // Space, → and R also work, but the page handles those so they still type in text fields.
      // Accelerators here must not clash with text editing (Ctrl+→ and Ctrl+Backspace do).
      item('&Play / Pause', 'CmdOrCtrl+Enter', 'play-pause'),
      item('&Step One Epoch', 'CmdOrCtrl+Shift+Enter', 'step'),
      // Reset throws the trained weights away: no global shortcut, only the menu and the page's R key.
      item('&Reset Training', undefined, 'reset'),
    ],
  };
}

function helpMenu(ctx: MenuContext): Item {
  const mac = ctx.platform === 'darwin';
  return {
    role: 'help',
    label: '&Help',
    submenu: [
      { label: '&Keyboard Shortcuts', accelerator: 'CmdOrCtrl+/', enabled: ctx.hasWindow, click: () => ctx.onCommand('show-shortcuts') },
      ...(mac ? [] : [{ type: 'separator' } as Item, { label: `&About ${ctx.appName}`, click: () => ctx.onAbout() } as Item]),
    ],
  };
}

function macAppMenu(ctx: MenuContext): Item {
  return {
    label: ctx.appName,
    submenu: [
      { label: `About ${ctx.appName}`, click: () => ctx.onAbout() },
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };
}

function windowMenu(): Item {
  return { role: 'windowMenu' };
}

export function buildMenuTemplate(ctx: MenuContext): Item[] {
  const mac = ctx.platform === 'darwin';
  return [
    ...(mac ? [macAppMenu(ctx)] : []),
    fileMenu(ctx),
    editMenu(ctx),
    viewMenu(ctx),
    trainMenu(ctx),
    ...(mac ? [windowMenu()] : []),
    helpMenu(ctx),
  ];
}

/** The text of the About box. */
export function aboutText(info: { name: string; version: string; electron: string; chrome: string; node: string }): string {
  return [
    `${info.name} ${info.version}`,
    '',
    'Learn how neural networks work, and why they need activation functions.',
    '',
    `Electron ${info.electron}`,
    `Chromium ${info.chrome}`,
    `Node.js ${info.node}`,
  ].join('\n');
}
