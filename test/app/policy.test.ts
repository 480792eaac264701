import { describe, expect, it } from 'vitest';
import { APP_CSP, appProtocolResponse } from '../../electron/app/app-protocol';
import { externalUrl, isAppUrl, isTrustedSender, navigationAllowed, permissionAllowed } from '../../electron/app/policy';
import { openAllowlisted } from '../../electron/app/window';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

describe('sender validation', () => {
  it('trusts only the app origin main frame', () => {
    expect(isTrustedSender({ url: 'portscope-app://app/index.html', parent: null })).toBe(true);
    expect(isTrustedSender({ url: 'portscope-app://app/scan?x=1#y', parent: null })).toBe(true);
    for (const url of ['portscope-app://evil/index.html', 'portscope-app://app.evil/index.html', 'portscope-app://user@app/', 'file:///index.html', 'http://127.0.0.1/', 'about:blank', 'devtools://devtools/', '', 'not a url']) {
      expect(isTrustedSender({ url, parent: null })).toBe(false);
    }
    expect(isTrustedSender({ url: 'portscope-app://app/index.html', parent: {} })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });
});

describe('external links', () => {
  it('opens parsed https URLs only', () => {
    expect(externalUrl('https://nmap.org/book/man.html')).toBe('https://nmap.org/book/man.html');
    expect(externalUrl('HTTPS://Example.COM')).toBe('https://example.com/');
    for (const url of ['http://example.com', 'javascript:alert(1)', 'file:///etc/passwd', 'smb://host/share', 'https://user:pw@example.com/', 'ms-msdt:/id', '//example.com', 'https:', 'garbage']) {
      expect(externalUrl(url)).toBeNull();
    }
  });

  it('navigation stays inside the app', () => {
    expect(navigationAllowed('portscope-app://app/index.html')).toBe(true);
    expect(navigationAllowed('https://example.com')).toBe(false);
    expect(isAppUrl('portscope-app://app:80/')).toBe(false);
  });
});

describe('the one way out to the browser', () => {
  it('hands the OS only allowlisted URLs, normalized, and logs the rest', async () => {
    const opened: string[] = [];
    const logged: string[] = [];
    const shell = { openExternal: async (url: string) => void opened.push(url) };
    expect(openAllowlisted(shell, 'HTTPS://Nmap.ORG/book', (m) => logged.push(m))).toBe(true);
    for (const url of ['http://example.com/', 'file:///etc/passwd', 'javascript:alert(1)', 'https://user:pw@example.com/', 'smb://host/share']) {
      expect(openAllowlisted(shell, url, (m) => logged.push(m))).toBe(false);
    }
    expect(opened).toEqual(['https://nmap.org/book']);
    expect(logged).toHaveLength(5);
    expect(logged[0]).toMatch(/^refused to open http:\/\/example\.com\//);
  });
});

describe('permissions', () => {
  it('deny by default; the clipboard write only for the app page', () => {
    expect(permissionAllowed('clipboard-sanitized-write', 'portscope-app://app/index.html')).toBe(true);
    expect(permissionAllowed('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    expect(permissionAllowed('clipboard-sanitized-write', undefined)).toBe(false);
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'hid', 'serial', 'unknown']) {
      expect(permissionAllowed(p, 'portscope-app://app/index.html')).toBe(false);
    }
  });
});

describe('the app protocol', () => {
  it('serves the renderer with the CSP, and nothing outside it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'portscope-app-'));
    await mkdir(path.join(dir, 'renderer'));
    await writeFile(path.join(dir, 'renderer', 'index.html'), '<title>app</title>');
    await writeFile(path.join(dir, 'secret.txt'), 'secret');
    const root = path.join(dir, 'renderer');
    const ok = await appProtocolResponse('portscope-app://app/index.html', root);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('<title>app</title>');
    expect(ok.headers.get('content-security-policy')).toBe(APP_CSP);
    expect(APP_CSP).toContain("connect-src 'none'");
    expect(APP_CSP).toContain("frame-ancestors 'none'");
    expect((await appProtocolResponse('portscope-app://app/..%2fsecret.txt', root)).status).toBe(404);
    expect((await appProtocolResponse('portscope-app://other/index.html', root)).status).toBe(404);
    const placeholder = await appProtocolResponse('portscope-app://app/', path.join(dir, 'missing'));
    expect(await placeholder.text()).toContain('not built yet');
  });
});
