import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { repoRoot } from './support/serve';

/** The renderer's screenshots, kept under artifacts/screenshots/ for people to look at. */
export async function screen(page: Page, name: string, fullPage = false): Promise<string> {
  const dir = path.join(repoRoot, 'artifacts', 'screenshots');
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  return file;
}
