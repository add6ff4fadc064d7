import path from 'node:path';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY,
  CONTENT_SECURITY_POLICY,
  decideNavigation,
  devServerUrl,
  isAllowedExternalUrl,
  isTrustedUrl,
  mimeTypeFor,
  permissionAllowed,
  resolveAppPath,
  responseHeaders,
  windowOptions,
} from '../../electron/security';
import { THEME_BACKGROUNDS } from '../../electron/theme';

const root = path.join(os.tmpdir(), 'actlab-root', 'renderer');

describe('windowOptions', () => {
  it('locks the page down', () => {
    const options = windowOptions('light', '/x/preload.cjs', { width: 1000, height: 700 });
    const web = options.webPreferences!;
    expect(web.contextIsolation).toBe(true);
    expect(web.sandbox).toBe(true);
    expect(web.nodeIntegration).toBe(false);
    expect(web.nodeIntegrationInWorker).toBe(false);
    expect(web.nodeIntegrationInSubFrames).toBe(false);
    expect(web.webSecurity).toBe(true);
    expect(web.allowRunningInsecureContent).toBe(false);
    expect(web.experimentalFeatures).toBe(false);
    expect(web.enableBlinkFeatures).toBe('');
    expect(web.disableBlinkFeatures).toBe('Auxclick');
    expect(web.webviewTag).toBe(false);
    expect(web.navigateOnDragDrop).toBe(false);
    expect(web.preload).toBe('/x/preload.cjs');
    // DevTools only when asked for (development).
    expect(web.devTools).toBe(false);
    expect(windowOptions('light', 'p', { width: 900, height: 600 }, true).webPreferences!.devTools).toBe(true);
  });

  it('stays hidden until ready and paints the theme colour first', () => {
    const dark = windowOptions('dark', 'p', { width: 900, height: 600 });
    const light = windowOptions('light', 'p', { width: 900, height: 600 });
    expect(dark.show).toBe(false);
    expect(dark.backgroundColor).toBe(THEME_BACKGROUNDS.dark);
    expect(light.backgroundColor).toBe(THEME_BACKGROUNDS.light);
    expect(dark.backgroundColor).not.toBe(light.backgroundColor);
    expect(dark.width).toBe(900);
  });
});

describe('resolveAppPath', () => {
  it('maps app:// URLs to files inside the root', () => {
    expect(resolveAppPath('app://lab/index.html', root)).toEqual({ file: path.join(root, 'index.html') });
    expect(resolveAppPath('app://lab/', root)).toEqual({ file: path.join(root, 'index.html') });
    expect(resolveAppPath('app://lab/assets/main-abc.js?x=1#top', root)).toEqual({ file: path.join(root, 'assets', 'main-abc.js') });
    expect(resolveAppPath('app://lab/fonts/KaTeX%20Main.woff2', root)).toEqual({ file: path.join(root, 'fonts', 'KaTeX Main.woff2') });
  });

  const attacks = [
    'app://lab/../secret.txt',
    'app://lab/assets/../../secret.txt',
    'app://lab/%2e%2e/secret.txt',
    'app://lab/%2e%2e%2fsecret.txt',
    'app://lab/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
    'app://lab/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://lab/..%5csecret.txt',
    'app://lab/..%5Csecret.txt',
    'app://lab/..\\secret.txt',
    'app://lab/%252e%252e%252fsecret.txt',
    'app://lab//etc/passwd',
    'app://lab/%2fetc%2fpasswd',
    'app://lab/C:/Windows/win.ini',
    'app://lab/C%3A%5CWindows%5Cwin.ini',
    'app://lab/index.html%00.png',
    'app://lab/%00',
    'app://lab/%E0%A4%A',
  ];
  for (const attack of attacks) {
    it(`never serves anything outside the root for ${attack}`, () => {
      const result = resolveAppPath(attack, root);
      if ('file' in result) {
        const relative = path.relative(root, result.file);
        expect(relative.startsWith('..')).toBe(false);
        expect(path.isAbsolute(relative)).toBe(false);
        expect(result.file.includes('\0')).toBe(false);
        // What remains must be a harmless file name inside the root.
        expect(result.file.startsWith(root + path.sep)).toBe(true);
      } else {
        expect(result.refused).toBeTruthy();
      }
    });
  }

  it('refuses the encoded forms outright', () => {
    expect(resolveAppPath('app://lab/%2e%2e%2fsecret.txt', root)).toEqual({ refused: 'outside-root' });
    expect(resolveAppPath('app://lab/..%5csecret.txt', root)).toEqual({ refused: 'forbidden-character' });
    expect(resolveAppPath('app://lab/index.html%00.png', root)).toEqual({ refused: 'forbidden-character' });
    expect(resolveAppPath('app://lab/C:/Windows/win.ini', root)).toEqual({ refused: 'outside-root' });
    expect(resolveAppPath('app://lab/%E0%A4%A', root)).toEqual({ refused: 'bad-encoding' });
  });

  it('refuses other schemes, hosts and absolute paths', () => {
    expect(resolveAppPath('file:///etc/passwd', root)).toEqual({ refused: 'not-app-url' });
    expect(resolveAppPath('/etc/passwd', root)).toEqual({ refused: 'not-app-url' });
    expect(resolveAppPath('app://evil/index.html', root)).toEqual({ refused: 'not-app-url' });
    expect(resolveAppPath('https://lab/index.html', root)).toEqual({ refused: 'not-app-url' });
    expect(resolveAppPath('app://user:pw@lab.example/index.html', root)).toEqual({ refused: 'not-app-url' });
  });
});

describe('Content-Security-Policy', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );

  it('allows only the app itself', () => {
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(directives.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    // Workers come from the built files only (each is its own file under assets/), never from blob: URLs.
    expect(directives.get('worker-src')).toEqual(["'self'"]);
    expect(directives.get('child-src')).toEqual(["'self'"]);
    expect(directives.get('font-src')).toEqual(["'self'", 'data:']);
    expect(directives.get('object-src')).toEqual(["'none'"]);
  });

  it('never allows eval or any remote source', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toContain('wasm-unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*|ws:/);
  });

  it('is sent with every response, with the right type', () => {
    const headers = responseHeaders('/r/index.html');
    expect(headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(mimeTypeFor('a/b.JS')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('a/b.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('a/b.unknown')).toBe('application/octet-stream');
  });
});

describe('senders, navigation, links and permissions', () => {
  it('trusts only the app origin and a loopback dev server', () => {
    expect(isTrustedUrl(APP_ENTRY, null)).toBe(true);
    expect(isTrustedUrl('app://lab/lessons/index.html#x', null)).toBe(true);
    expect(isTrustedUrl('app://other/index.html', null)).toBe(false);
    expect(isTrustedUrl('app://u:p@lab/index.html', null)).toBe(false);
    expect(isTrustedUrl('file:///index.html', null)).toBe(false);
    expect(isTrustedUrl('https://example.com/', null)).toBe(false);
    expect(isTrustedUrl('', null)).toBe(false);
    expect(isTrustedUrl(undefined, null)).toBe(false);
    expect(isTrustedUrl('http://127.0.0.1:5173/', null)).toBe(false);
    const dev = devServerUrl('http://127.0.0.1:5173');
    expect(dev).toBe('http://127.0.0.1:5173');
    expect(isTrustedUrl('http://127.0.0.1:5173/index.html', dev)).toBe(true);
    expect(isTrustedUrl('http://127.0.0.1:5174/index.html', dev)).toBe(false);
    expect(devServerUrl('http://example.com:5173')).toBeNull();
    expect(devServerUrl('file:///x')).toBeNull();
    expect(devServerUrl('nonsense')).toBeNull();
    expect(devServerUrl(undefined)).toBeNull();
    // An installed app never takes a dev server, whatever the environment says.
    expect(devServerUrl('http://127.0.0.1:5173', true)).toBeNull();
  });

  it('opens only allow-listed https links outside, and denies every other navigation', () => {
    expect(isAllowedExternalUrl('https://playground.tensorflow.org/#activation=tanh')).toBe(true);
    expect(isAllowedExternalUrl('http://playground.tensorflow.org/')).toBe(false);
    expect(isAllowedExternalUrl('https://playground.tensorflow.org.evil.com/')).toBe(false);
    expect(isAllowedExternalUrl('https://user@playground.tensorflow.org/')).toBe(false);
    expect(isAllowedExternalUrl('https://playground.tensorflow.org:8443/')).toBe(false);
    expect(isAllowedExternalUrl('file:///etc/passwd')).toBe(false);
    expect(isAllowedExternalUrl('javascript:alert(1)')).toBe(false);
    expect(isAllowedExternalUrl('not a url')).toBe(false);
    expect(decideNavigation('https://en.wikipedia.org/wiki/Activation_function')).toEqual({
      action: 'open-external',
      url: 'https://en.wikipedia.org/wiki/Activation_function',
    });
    expect(decideNavigation('https://example.com/')).toEqual({ action: 'deny' });
    expect(decideNavigation('app://lab/other.html')).toEqual({ action: 'deny' });
  });

  it('grants no permission', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      expect(permissionAllowed(permission)).toBe(false);
    }
  });
});
