// electron-builder configuration: `npm run dist` builds the installers for the current
// system into release/. Installers: NSIS (Windows, per user, folder can be chosen), dmg +
// zip (macOS, hardened runtime), AppImage + deb (Linux). Fuses are flipped in after-pack.cjs.
'use strict';
/* global module */ // CommonJS run by electron-builder under Node (eslint.config.js gives build/ no Node globals).

const PROJECT_MIME_TYPE = 'application/x-activation-lab';

/** @type {import('app-builder-lib').Configuration} */
const config = {
  appId: 'org.activationlab.desktop',
  productName: 'Activation Lab',
  copyright: 'Copyright © 2026 Activation Lab',
  directories: {
    output: 'release',
    buildResources: 'build',
  },
  // The renderer and the Electron side are bundled; nothing from node_modules is needed at run time.
  files: ['dist/electron/**/*', 'dist/renderer/**/*', 'package.json', '!**/*.map', '!node_modules/**/*'],
  asar: true,
  compression: 'normal',
  afterPack: 'build/after-pack.cjs',
  fileAssociations: [
    {
      ext: 'actlab',
      name: 'Activation Lab Project',
      description: 'Activation Lab project',
      mimeType: PROJECT_MIME_TYPE,
      role: 'Editor',
      rank: 'Owner',
      // build/actlab.icns on macOS, build/actlab.ico on Windows.
      icon: 'actlab',
    },
  ],
  mac: {
    category: 'public.app-category.education',
    target: [
      { target: 'dmg', arch: ['universal'] },
      { target: 'zip', arch: ['universal'] },
    ],
    icon: 'build/icon.icns',
    hardenedRuntime: true,
    gatekeeperAssess: false,
    entitlements: 'build/entitlements.mac.plist',
    entitlementsInherit: 'build/entitlements.mac.plist',
    darkModeSupport: true,
    minimumSystemVersion: '12.0',
  },
  dmg: {
    title: '${productName} ${version}',
    contents: [
      { x: 150, y: 200, type: 'file' },
      { x: 450, y: 200, type: 'link', path: '/Applications' },
    ],
    window: { width: 600, height: 400 },
  },
  win: {
    target: [{ target: 'nsis', arch: ['x64', 'arm64'] }],
    icon: 'build/icon.ico',
  },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowElevation: false,
    allowToChangeInstallationDirectory: true,
    createDesktopShortcut: true,
    createStartMenuShortcut: true,
    shortcutName: 'Activation Lab',
    installerIcon: 'build/icon.ico',
    uninstallerIcon: 'build/icon.ico',
    deleteAppDataOnUninstall: false,
    artifactName: '${productName}-Setup-${version}-${arch}.${ext}',
  },
  linux: {
    target: ['AppImage', 'deb'],
    icon: 'build/icons',
    category: 'Education',
    synopsis: 'Learn how neural networks work and why they need activation functions',
    description: 'An offline lab for learning how neural networks train, and why they need activation functions.',
    mimeTypes: [PROJECT_MIME_TYPE],
    executableName: 'activation-lab',
    desktop: {
      entry: {
        Name: 'Activation Lab',
        Comment: 'Learn how neural networks work',
        Keywords: 'neural;network;machine learning;activation;education;',
        StartupWMClass: 'Activation Lab',
      },
    },
  },
  appImage: {
    artifactName: '${productName}-${version}-${arch}.${ext}',
  },
  deb: {
    maintainer: 'Activation Lab <maintainers@activationlab.invalid>',
    priority: 'optional',
  },
};

module.exports = config;
