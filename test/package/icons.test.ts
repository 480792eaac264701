import { Icns } from '@fiahfy/icns';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain build script (JavaScript), loaded as the build loads it
import { buildIcons, ICONS_DIR, PNG_SIZES } from '../../scripts/icons.mjs';

/** Width and height from a PNG's IHDR chunk. */
function pngSize(data: Buffer): [number, number] {
  expect(data.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [data.readUInt32BE(16), data.readUInt32BE(20)];
}

beforeAll(async () => {
  await buildIcons();
});

describe('the icons rendered from assets/icon.svg', () => {
  it('has every PNG size, each rendered at its size', () => {
    for (const size of PNG_SIZES as number[]) {
      expect(pngSize(readFileSync(path.join(ICONS_DIR as string, 'png', `${size}x${size}.png`))), `${size}`).toEqual([size, size]);
    }
    expect(pngSize(readFileSync(path.join(ICONS_DIR as string, 'icon.png')))).toEqual([512, 512]);
    expect(pngSize(readFileSync(path.join(ICONS_DIR as string, 'web', 'icon-32.png')))).toEqual([32, 32]);
  });

  it('has a Windows .ico with 16 to 256 px images', () => {
    const ico = readFileSync(path.join(ICONS_DIR as string, 'icon.ico'));
    expect(ico.readUInt16LE(2)).toBe(1); // type: icon
    const count = ico.readUInt16LE(4);
    // In the directory, a width byte of 0 means 256.
    const widths = Array.from({ length: count }, (_, i) => ico[6 + i * 16] || 256);
    expect(widths).toEqual([16, 24, 32, 48, 64, 256]);
  });

  it('has a macOS .icns from 16 to 1024 px, Retina variants included', () => {
    const icns = Icns.from(readFileSync(path.join(ICONS_DIR as string, 'icon.icns')));
    const types = icns.images.map((i) => i.osType);
    expect(types).toEqual(expect.arrayContaining(['icp4', 'icp5', 'ic07', 'ic08', 'ic09', 'ic10', 'ic11', 'ic12', 'ic13', 'ic14']));
    for (const image of icns.images) {
      if (image.osType === 'ic10') expect(pngSize(image.image)).toEqual([1024, 1024]);
      if (image.osType === 'icp4') expect(pngSize(image.image)).toEqual([16, 16]);
    }
  });
});
