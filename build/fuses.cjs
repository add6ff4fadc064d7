// Electron fuses flipped in the packaged binary (see after-pack.cjs). Names are those of
// @electron/fuses' FuseV1Options. A fuse left out keeps Electron's default.
'use strict';

/** @type {Readonly<Record<string, boolean>>} */
const FUSES = Object.freeze({
  // The binary must not double as a plain Node.js runtime (ELECTRON_RUN_AS_NODE).
  RunAsNode: false,
  // Encrypt the cookie store with the OS keychain.
  EnableCookieEncryption: true,
  // Ignore NODE_OPTIONS and NODE_EXTRA_CA_CERTS from the environment.
  EnableNodeOptionsEnvironmentVariable: false,
  // Ignore --inspect and friends (and SIGUSR1).
  EnableNodeCliInspectArguments: false,
  // Check app.asar against the hash electron-builder embeds (macOS and Windows).
  EnableEmbeddedAsarIntegrityValidation: true,
  // Load the app only from app.asar, never from a loose app/ folder.
  OnlyLoadAppFromAsar: true,
  // Pages come from app://, so file:// needs no extra powers.
  GrantFileProtocolExtraPrivileges: false,
});

/**
 * The @electron/fuses config for `flipFuses`, from the FUSES table above.
 * @param {{ FuseVersion: { V1: string }, FuseV1Options: Record<string, number | string> }} fuses the @electron/fuses module
 * @param {string} platform electron platform name (darwin, mas, win32, linux)
 */
function fuseConfig(fuses, platform) {
  /** @type {Record<string | number, unknown>} */
  const config = { version: fuses.FuseVersion.V1, resetAdHocDarwinSignature: platform === 'darwin' };
  for (const [name, value] of Object.entries(FUSES)) {
    const index = fuses.FuseV1Options[name];
    if (typeof index !== 'number') throw new Error(`@electron/fuses does not know the fuse ${name}`);
    config[index] = value;
  }
  return config;
}

module.exports = { FUSES, fuseConfig };
