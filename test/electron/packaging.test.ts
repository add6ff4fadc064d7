/** The installer configuration, checked offline with electron-builder's own validator. */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const root = path.resolve(__dirname, '..', '..');
const config = require('../../build/electron-builder.config.cjs');
const { FUSES, fuseConfig } = require('../../build/fuses.cjs') as {
  FUSES: Record<string, boolean>;
  fuseConfig(fuses: unknown, platform: string): Record<string | number, unknown>;
};
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration(config: unknown, debug: { isEnabled: boolean; add(key: string, value: unknown): void }): Promise<void>;
};
const electronFuses = require('@electron/fuses') as { FuseV1Options: Record<string, number>; FuseVersion: { V1: string } };

const quiet = { isEnabled: false, add: () => undefined };

function pngSize(png: Buffer): [number, number] {
  expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

describe('electron-builder config', () => {
  it('passes app-builder-lib’s schema validation', async () => {
    await expect(validateConfiguration(config, quiet)).resolves.toBeUndefined();
  });

  it('is rejected by the same validator when an option is wrong (the check can fail)', async () => {
    await expect(validateConfiguration({ ...config, nsis: { ...config.nsis, perUserInstall: true } }, quiet)).rejects.toThrow(
      /configuration/,
    );
    await expect(validateConfiguration({ ...config, mac: { ...config.mac, hardenedRuntime: 'yes' } }, quiet)).rejects.toThrow();
  });

  it('builds NSIS per user with a choosable folder, dmg + zip hardened, AppImage + deb', () => {
    expect(config.win.target.map((t: { target: string }) => t.target)).toEqual(['nsis']);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true });
    expect(config.mac.target.map((t: { target: string }) => t.target)).toEqual(['dmg', 'zip']);
    expect(config.mac).toMatchObject({ hardenedRuntime: true, entitlements: 'build/entitlements.mac.plist' });
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    const plist = readFileSync(path.join(root, config.mac.entitlements), 'utf8');
    expect(plist).toContain('<key>com.apple.security.cs.allow-jit</key>');
    expect(plist).not.toContain('disable-library-validation');
  });

  it('associates .actlab with its own icon and MIME type', () => {
    expect(config.fileAssociations).toHaveLength(1);
    const [association] = config.fileAssociations;
    expect(association).toMatchObject({ ext: 'actlab', role: 'Editor' });
    // macOS and Windows: the document icon.
    expect(existsSync(path.join(root, 'build', `${association.icon}.icns`))).toBe(true);
    expect(existsSync(path.join(root, 'build', `${association.icon}.ico`))).toBe(true);
    // Linux: the desktop entry lists the type, and the deb installs its definition and icons.
    expect(config.linux.mimeTypes).toEqual(['application/x-activation-lab']);
    const xml = readFileSync(path.join(root, 'build', 'linux', 'activation-lab-project.xml'), 'utf8');
    expect(xml).toContain('<mime-type type="application/x-activation-lab">');
    expect(xml).toContain('<glob pattern="*.actlab"/>');
    expect(xml).toContain('<icon name="application-x-activation-lab"/>');
    const extra = (config.deb.fpm as string[]).map((entry) => entry.split('='));
    expect(extra.map(([, target]) => target)).toContain('/usr/share/mime/packages/activation-lab-project.xml');
    expect(
      extra.filter(([, target]) => /\/mimetypes\/application-x-activation-lab\.(png|svg)$/.test(target)).length,
    ).toBeGreaterThanOrEqual(8);
    for (const [source] of extra) expect(existsSync(source), source).toBe(true);
  });

  it('packs only the bundled output and runs the fuse hook', () => {
    expect(config.files).toContain('dist/electron/**/*');
    expect(config.files).toContain('dist/renderer/**/*');
    expect(config.asar).toBe(true);
    expect(existsSync(path.join(root, config.afterPack))).toBe(true);
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(pkg.main).toBe('dist/electron/main.cjs');
  });
});

describe('fuses', () => {
  it('turns off run-as-node, NODE_OPTIONS and --inspect; turns on cookie encryption, ASAR integrity and ASAR-only', () => {
    expect(FUSES).toEqual({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      GrantFileProtocolExtraPrivileges: false,
    });
  });

  it('maps every fuse to @electron/fuses’ wire index', () => {
    const built = fuseConfig(electronFuses, 'linux');
    expect(built.version).toBe(electronFuses.FuseVersion.V1);
    expect(built.resetAdHocDarwinSignature).toBe(false);
    expect(fuseConfig(electronFuses, 'darwin').resetAdHocDarwinSignature).toBe(true);
    for (const [name, value] of Object.entries(FUSES)) {
      expect(built[electronFuses.FuseV1Options[name]]).toBe(value);
    }
    expect(() => fuseConfig({ FuseVersion: { V1: '1' }, FuseV1Options: {} }, 'linux')).toThrow(/does not know the fuse/);
  });
});

describe('icons', () => {
  it('come from one committed vector source per icon', () => {
    for (const svg of ['icon.svg', 'file-icon.svg']) {
      expect(readFileSync(path.join(root, 'build', svg), 'utf8')).toMatch(/^<svg[^>]+viewBox="0 0 1024 1024"/);
    }
  });

  it('include a 1024 px app icon and every Linux size', () => {
    expect(pngSize(readFileSync(path.join(root, 'build', 'icon.png')))).toEqual([1024, 1024]);
    for (const size of [16, 32, 48, 64, 128, 256, 512]) {
      expect(pngSize(readFileSync(path.join(root, 'build', 'icons', `${size}x${size}.png`)))).toEqual([size, size]);
      expect(pngSize(readFileSync(path.join(root, 'build', 'file-icons', `${size}x${size}.png`)))).toEqual([size, size]);
    }
  });

  it('have well-formed .ico and .icns containers', () => {
    for (const name of ['icon', 'actlab']) {
      const ico = readFileSync(path.join(root, 'build', `${name}.ico`));
      expect(ico.readUInt16LE(2)).toBe(1);
      const count = ico.readUInt16LE(4);
      expect(count).toBe(7);
      for (let i = 0; i < count; i++) {
        const length = ico.readUInt32LE(6 + 16 * i + 8);
        const offset = ico.readUInt32LE(6 + 16 * i + 12);
        const [w] = pngSize(ico.subarray(offset, offset + length));
        expect(ico.readUInt8(6 + 16 * i)).toBe(w >= 256 ? 0 : w);
      }
      const icns = readFileSync(path.join(root, 'build', `${name}.icns`));
      expect(icns.subarray(0, 4).toString('ascii')).toBe('icns');
      expect(icns.readUInt32BE(4)).toBe(icns.length);
      const types: string[] = [];
      for (let at = 8; at < icns.length; at += icns.readUInt32BE(at + 4)) types.push(icns.subarray(at, at + 4).toString('ascii'));
      expect(types).toContain('ic10');
      expect(types).toContain('icp4');
    }
  });
});
