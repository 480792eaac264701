import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

export function contentType(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export interface ResolvedFile {
  file: string;
  contentType: string;
}

/**
 * Maps a URL path to a file inside the renderer folder, or null. Shared by browser mode and the
 * Electron app protocol. Refuses anything that leaves the folder: `..` segments (raw or
 * percent-encoded), NUL bytes, backslashes, and symlinks pointing outside. Paths without a file
 * extension that match no file get index.html, so client-side routes survive a reload.
 */
export async function resolveStatic(root: string, urlPath: string): Promise<ResolvedFile | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\') || decoded.split('/').includes('..')) return null;
  const base = path.resolve(root);
  const rel = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const candidate = path.resolve(base, rel);
  if (candidate !== base && !candidate.startsWith(base + path.sep)) return null;
  const found = await insideRoot(base, candidate);
  if (found) return { file: found, contentType: contentType(found) };
  if (path.extname(rel) === '') {
    const index = await insideRoot(base, path.join(base, 'index.html'));
    if (index) return { file: index, contentType: contentType(index) };
  }
  return null;
}

async function insideRoot(base: string, file: string): Promise<string | null> {
  try {
    const [realBase, real] = await Promise.all([realpath(base), realpath(file)]);
    if (!real.startsWith(realBase + path.sep)) return null;
    return (await stat(real)).isFile() ? real : null;
  } catch {
    return null;
  }
}

/**
 * Shown when the renderer is not built yet: says what to do. No inline script or style, so the
 * page obeys the same CSP as the real dashboard.
 */
export const PLACEHOLDER_HTML = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Portscope</title></head>
<body>
<main>
<h1>Portscope is running</h1>
<p>The engine is up and answering, but the dashboard is not built yet.</p>
<p>Build it with <code>npm run build</code> (it lands in <code>dist/renderer/</code>), then reload this page.</p>
</main>
</body>
</html>
`;
