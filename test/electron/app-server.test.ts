import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveAppRequest } from '../../electron/app-server';
import { CONTENT_SECURITY_POLICY } from '../../electron/security';

let base: string;
let root: string;
beforeAll(async () => {
  base = await mkdtemp(path.join(os.tmpdir(), 'actlab-serve-'));
  root = path.join(base, 'renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Lab</title>');
  await writeFile(path.join(root, 'assets', 'main.js'), 'console.log(1)');
  await writeFile(path.join(base, 'secret.txt'), 'do not serve');
  await mkdir(path.join(base, 'outside'));
  await writeFile(path.join(base, 'outside', 'secret.js'), 'do not serve');
  // Links inside the root that lead out of it: to a file, and to a folder.
  await symlink(path.join(base, 'secret.txt'), path.join(root, 'assets', 'linked.txt'));
  await symlink(path.join(base, 'outside'), path.join(root, 'assets', 'elsewhere'));
  // A link that stays inside the root is fine.
  await symlink(path.join(root, 'assets', 'main.js'), path.join(root, 'assets', 'alias.js'));
});
afterAll(() => rm(base, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => serveAppRequest({ url, method }, root);

describe('serveAppRequest (real files)', () => {
  it('serves the page and its assets with the CSP header', async () => {
    const page = await get('app://lab/index.html');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Lab</title>');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const script = await get('app://lab/assets/main.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await get('app://lab/')).status).toBe(200);
    const head = await get('app://lab/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('never serves the file beside the root, however the path is spelled', async () => {
    for (const url of [
      'app://lab/../secret.txt',
      'app://lab/%2e%2e/secret.txt',
      'app://lab/%2e%2e%2fsecret.txt',
      'app://lab/..%5csecret.txt',
      'app://lab/assets/..%2f..%2fsecret.txt',
      `app://lab/${encodeURIComponent(path.join(base, 'secret.txt'))}`,
      'app://lab/index.html%00',
      'file:///etc/passwd',
    ]) {
      const response = await get(url);
      const text = await response.text();
      expect(text).not.toContain('do not serve');
      expect(response.status === 404 || response.status === 200).toBe(true);
    }
    expect((await get('app://lab/%2e%2e%2fsecret.txt')).status).toBe(404);
  });

  it('answers 404 for a missing file and 405 for other methods', async () => {
    expect((await get('app://lab/nope.js')).status).toBe(404);
    expect((await get('app://lab/assets')).status).toBe(404);
    expect((await get('app://lab/index.html', 'POST')).status).toBe(405);
  });

  it('sends the CSP with every response, the 404 and 405 answers too', async () => {
    for (const response of [
      await get('app://lab/nope.js'),
      await get('app://lab/%2e%2e%2fsecret.txt'),
      await get('app://lab/index.html', 'POST'),
    ]) {
      expect(response.status).not.toBe(200);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('resolves a path by where it really is: a link out of the root is not served', async () => {
    for (const url of ['app://lab/assets/linked.txt', 'app://lab/assets/elsewhere/secret.js']) {
      const response = await get(url);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('do not serve');
    }
    const inside = await get('app://lab/assets/alias.js');
    expect(inside.status).toBe(200);
    expect(await inside.text()).toBe('console.log(1)');
  });
});
