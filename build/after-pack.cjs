// electron-builder afterPack hook: flips the fuses of build/fuses.cjs in the packaged
// Electron binary. It runs before signing, as fuses must.
'use strict';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- electron-builder loads this hook as CommonJS.
const { FUSES, fuseConfig } = require('./fuses.cjs');

/** @param {import('app-builder-lib').AfterPackContext} context */
module.exports = async function afterPack(context) {
  const loaded = await import('@electron/fuses');
  const fuses = loaded.FuseV1Options ? loaded : loaded.default;
  const config = fuseConfig(fuses, context.electronPlatformName);
  await context.packager.addElectronFuses(context, config);
  console.log(
    `  • fuses set: ${Object.entries(FUSES)
      .map(([name, on]) => `${name}=${on ? 'on' : 'off'}`)
      .join(', ')}`,
  );
};
