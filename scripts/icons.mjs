// Portscope's icons, rendered from the one drawing (assets/icon.svg) at build time, never by hand:
//   dist/icons/png/<N>x<N>.png  each size rendered from the vector (not scaled down from 1024),
//                               so 16 and 32 px stay sharp; Linux packages take the folder
//   dist/icons/icon.png         512 px: the window and taskbar icon
//   dist/icons/icon.ico         Windows: 16, 24, 32, 48, 64 and 256 px in one file
//   dist/icons/icon.icns        macOS: 16 to 1024 px, with the @2x variants
//   dist/icons/web/             the browser-mode favicon (SVG, plus a 32 px PNG and favicon.ico),
//                               copied to the renderer's root by vite (publicDir)
// Run by scripts/build.mjs; skipped while the outputs are newer than the SVG and this script.
import { Icns, IcnsImage } from '@fiahfy/icns';
import { Resvg } from '@resvg/resvg-js';
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pngToIco from 'png-to-ico';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ICON_SVG = path.join(root, 'assets/icon.svg');
export const ICONS_DIR = path.join(root, 'dist/icons');
export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const ICO_SIZES = [16, 24, 32, 48, 64, 256];
// ICNS image types holding PNG data, by pixel size (Apple's table; @2x types reuse a size).
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

export function renderPng(svg, size) {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size }, background: 'rgba(0,0,0,0)' }).render().asPng();
}

export async function buildIcons({ force = false } = {}) {
  const last = path.join(ICONS_DIR, 'icon.icns');
  const sources = [ICON_SVG, fileURLToPath(import.meta.url)];
  if (!force && existsSync(last) && sources.every((s) => statSync(last).mtimeMs > statSync(s).mtimeMs)) return false;
  const svg = readFileSync(ICON_SVG);
  mkdirSync(path.join(ICONS_DIR, 'png'), { recursive: true });
  mkdirSync(path.join(ICONS_DIR, 'web'), { recursive: true });
  const png = new Map(PNG_SIZES.map((size) => [size, renderPng(svg, size)]));
  for (const [size, data] of png) writeFileSync(path.join(ICONS_DIR, 'png', `${size}x${size}.png`), data);
  writeFileSync(path.join(ICONS_DIR, 'icon.png'), png.get(512));
  const ico = await pngToIco(ICO_SIZES.map((size) => png.get(size)));
  writeFileSync(path.join(ICONS_DIR, 'icon.ico'), ico);
  const icns = new Icns();
  for (const [type, size] of ICNS_TYPES) icns.append(IcnsImage.fromPNG(png.get(size), type));
  copyFileSync(ICON_SVG, path.join(ICONS_DIR, 'web', 'icon.svg'));
  writeFileSync(path.join(ICONS_DIR, 'web', 'icon-32.png'), png.get(32));
  writeFileSync(path.join(ICONS_DIR, 'web', 'favicon.ico'), await pngToIco([png.get(16), png.get(32)]));
  // Written last: its time stamp says the whole set is complete.
  writeFileSync(last, icns.data);
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildIcons({ force: true });
  console.log(`portscope: icons rendered from assets/icon.svg into ${path.relative(root, ICONS_DIR)}/`);
}
