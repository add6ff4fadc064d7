// electron-builder configuration: `npm run dist` builds the installers for the current
// system into release/. Installers: NSIS (Windows, per user, folder can be chosen), dmg +
// zip (macOS, hardened runtime), AppImage + deb (Linux). Fuses are flipped in after-pack.cjs.
'use strict';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- electron-builder loads this file as CommonJS.
const path = require('node:path');

const PROJECT_MIME_TYPE = 'application/x-activation-lab';
/** Icon name of the file type in freedesktop icon themes (the MIME type with '/' → '-'). */
const PROJECT_MIME_ICON = PROJECT_MIME_TYPE.replace('/', '-');
const LINUX_FILE_ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];

/**
 * Extra files for the deb package: the .actlab MIME type with its own icon. electron-builder's
 * own MIME file always names a generic document icon, so the type is declared here instead.
 */
function linuxFileTypeFiles() {
  const here = __dirname;
  return [
    `${path.join(here, 'linux', 'activation-lab-project.xml')}=/usr/share/mime/packages/activation-lab-project.xml`,
    `${path.join(here, 'file-icon.svg')}=/usr/share/icons/hicolor/scalable/mimetypes/${PROJECT_MIME_ICON}.svg`,
    ...LINUX_FILE_ICON_SIZES.map(
      (size) =>
        `${path.join(here, 'file-icons', `${size}x${size}.png`)}=/usr/share/icons/hicolor/${size}x${size}/mimetypes/${PROJECT_MIME_ICON}.png`,
    ),
  ];
}

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
      // No mimeType here: on Linux the type application/x-activation-lab is declared by
      // build/linux/activation-lab-project.xml (with its own icon) and linux.mimeTypes.
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
    fpm: linuxFileTypeFiles(),
  },
};

module.exports = config;
