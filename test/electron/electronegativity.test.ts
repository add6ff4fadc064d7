/** scripts/electronegativity.mjs fails on a risky window and passes once the risk is fixed or justified. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..', '..');
const folders: string[] = [];
afterAll(() => folders.forEach((f) => rmSync(f, { recursive: true, force: true })));

function scan(code: string) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'actlab-eng-src-'));
  folders.push(dir);
  writeFileSync(path.join(dir, 'main.ts'), code);
  return spawnSync(process.execPath, ['scripts/electronegativity.mjs', '--source', dir], { cwd: root, encoding: 'utf8' });
}

const guards = `
app.on('web-contents-created', (_e, contents) => {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});
session.defaultSession.setPermissionRequestHandler((_c, _p, callback) => callback(false));
`;

describe('security scan', () => {
  it('fails when a window turns on Node integration and turns off isolation', () => {
    const result = scan(`import { app, BrowserWindow, session } from 'electron';${guards}
export const win = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });`);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('SANDBOX_JS_CHECK');
    expect(result.stdout).toContain('CONTEXT_ISOLATION_JS_CHECK');
    expect(result.stdout).toMatch(/finding\(s\) above LOW severity/);
  }, 60_000);

  it('passes a locked-down window', () => {
    const result = scan(`import { app, BrowserWindow, session } from 'electron';${guards}
export const win = new BrowserWindow({ webPreferences: { nodeIntegration: false, contextIsolation: true, sandbox: true, disableBlinkFeatures: 'Auxclick' } });`);
    expect(result.stdout).toContain('No finding above LOW severity');
    expect(result.status).toBe(0);
  }, 60_000);
});
