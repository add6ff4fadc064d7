#!/usr/bin/env node
// Renders the app and document icons from their one vector source each and writes every
// size the installers need. Run after editing build/icon.svg or build/file-icon.svg, then
// commit the results:
//   build/icon.png (1024), build/icons/<n>x<n>.png (Linux), build/icon.ico, build/icon.icns,
//   build/actlab.ico, build/actlab.icns, build/file-icons/<n>x<n>.png (the .actlab file type).
// Uses Playwright with the system Chromium (CHROMIUM_PATH, default /usr/bin/chromium).
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { headlessChromium } from './headless-chromium.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const buildDir = path.join(root, 'build');

const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
// ICNS element types holding PNG data, by pixel size (several types share a size).
const ICNS_TYPES = [
  ['icp4', 16],
  ['icp5', 32],
  ['ic11', 32],
  ['icp6', 64],
  ['ic12', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic13', 256],
  ['ic09', 512],
  ['ic14', 512],
  ['ic10', 1024],
];

/** Packs PNG images into a Windows .ico (PNG entries, supported since Windows Vista). */
export function packIco(images) {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, i) => {
    const at = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, at);
    header.writeUInt8(size >= 256 ? 0 : size, at + 1);
    header.writeUInt8(0, at + 2);
    header.writeUInt8(0, at + 3);
    header.writeUInt16LE(1, at + 4);
    header.writeUInt16LE(32, at + 6);
    header.writeUInt32LE(png.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((image) => image.png)]);
}

/** Packs PNG images into a macOS .icns. */
export function packIcns(elements) {
  const parts = elements.map(({ type, png }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const total = 8 + parts.reduce((sum, p) => sum + p.length, 0);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(total, 4);
  return Buffer.concat([head, ...parts]);
}

async function renderAll(page, svgFile, sizes) {
  const svg = await readFile(svgFile);
  const src = `data:image/svg+xml;base64,${svg.toString('base64')}`;
  const out = new Map();
  for (const size of sizes) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<!doctype html><html><body style="margin:0;background:transparent"><img id="i" src="${src}" width="${size}" height="${size}" style="display:block"></body></html>`,
    );
    await page.waitForFunction(() => document.getElementById('i')?.complete === true);
    out.set(size, await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }));
  }
  return out;
}

async function writeSet(pngs, { pngDir, icoFile, icnsFile, bigPng }) {
  await mkdir(pngDir, { recursive: true });
  for (const size of LINUX_SIZES) await writeFile(path.join(pngDir, `${size}x${size}.png`), pngs.get(size));
  await writeFile(icoFile, packIco(ICO_SIZES.map((size) => ({ size, png: pngs.get(size) }))));
  await writeFile(icnsFile, packIcns(ICNS_TYPES.map(([type, size]) => ({ type, png: pngs.get(size) }))));
  if (bigPng) await writeFile(bigPng, pngs.get(1024));
}

async function main() {
  const browser = await chromium.launch(headlessChromium());
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    const app = await renderAll(page, path.join(buildDir, 'icon.svg'), LINUX_SIZES);
    await writeSet(app, {
      pngDir: path.join(buildDir, 'icons'),
      icoFile: path.join(buildDir, 'icon.ico'),
      icnsFile: path.join(buildDir, 'icon.icns'),
      bigPng: path.join(buildDir, 'icon.png'),
    });
    const file = await renderAll(page, path.join(buildDir, 'file-icon.svg'), LINUX_SIZES);
    await writeSet(file, {
      pngDir: path.join(buildDir, 'file-icons'),
      icoFile: path.join(buildDir, 'actlab.ico'),
      icnsFile: path.join(buildDir, 'actlab.icns'),
    });
    console.log('icons written to build/');
  } finally {
    await browser.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
