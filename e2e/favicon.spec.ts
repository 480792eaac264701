import { expect, test } from './support/fixtures';

/**
 * Browser mode's tab icon: the page names the icon rendered from assets/icon.svg, and the host
 * serves it (to the logged-in page, under the page's CSP), as it serves /favicon.ico for browsers
 * that ask for that first.
 */
test('the dashboard has the Portscope icon as its favicon', async ({ dashboard }) => {
  const links = await dashboard.locator('link[rel="icon"]').all();
  const icons = await Promise.all(links.map(async (l) => ({ href: new URL((await l.getAttribute('href')) ?? '', dashboard.url()).href, type: await l.getAttribute('type') })));
  expect(icons.map((i) => i.type)).toEqual(['image/svg+xml', 'image/png']);
  for (const icon of icons) {
    const res = await dashboard.request.get(icon.href);
    expect(res.status(), icon.href).toBe(200);
    expect(res.headers()['content-type']).toBe(icon.type);
    const body = await res.body();
    if (icon.type === 'image/svg+xml') expect(body.toString('utf8')).toContain('<title>Portscope</title>');
    else expect(body.subarray(1, 4).toString('latin1')).toBe('PNG');
  }
  const ico = await dashboard.request.get(new URL('/favicon.ico', dashboard.url()).href);
  expect(ico.status()).toBe(200);
  expect(ico.headers()['content-type']).toBe('image/x-icon');
  // The browser itself loaded the SVG icon without a CSP complaint: it is same-origin.
  // (A string, evaluated in the page: this file is type-checked without the DOM library.)
  const shown = await dashboard.evaluate(`(async () => {
    const img = new Image();
    img.src = document.querySelector('link[rel="icon"]').href;
    await img.decode();
    return [img.naturalWidth, img.naturalHeight];
  })()`);
  expect(shown).toEqual([512, 512]);
});
