import { readFile } from 'node:fs/promises';
import { PLACEHOLDER_HTML, resolveStatic } from '../host/static-files';
import { isAppUrl } from './policy';

/**
 * The desktop renderer's policy: like browser mode's, but with no network at all (the engine is
 * reached over IPC through the preload, never over a socket).
 */
export const APP_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

const HEADERS = { 'Content-Security-Policy': APP_CSP, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' };

/**
 * Answers a request for the app scheme from the built renderer folder. Serving our own scheme
 * (rather than file://) gives the page a real origin to check IPC senders against, lets every
 * response carry the CSP header, and keeps other local files out of reach.
 */
export async function appProtocolResponse(requestUrl: string, rendererDir: string): Promise<Response> {
  if (!isAppUrl(requestUrl)) return new Response('Not found', { status: 404, headers: HEADERS });
  const { pathname } = new URL(requestUrl);
  const found = await resolveStatic(rendererDir, pathname);
  if (!found) {
    if (pathname === '/' || pathname === '/index.html') {
      return new Response(PLACEHOLDER_HTML, { status: 200, headers: { ...HEADERS, 'Content-Type': 'text/html; charset=utf-8' } });
    }
    return new Response('Not found', { status: 404, headers: HEADERS });
  }
  return new Response(await readFile(found.file), { status: 200, headers: { ...HEADERS, 'Content-Type': found.contentType } });
}
