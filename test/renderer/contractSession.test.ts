// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { adoptSessionFromUrl, sessionProtocols } from '../../renderer/contract/session';
import { createWsClient } from '../../renderer/contract/wsClient';

/** Browser mode's page-side credential: from the redirect's fragment into sessionStorage, then onto every WebSocket. */
describe('the browser-mode session credential', () => {
  const secret = 'A1b2-C3d4_'.repeat(4) + 'xyz';

  it('moves from the fragment into sessionStorage and out of the address bar, keeping the path and query', () => {
    window.sessionStorage.clear();
    window.history.replaceState(null, '', `/scan?x=1#ps-session=${secret}`);
    expect(adoptSessionFromUrl(window)).toBe(secret);
    expect(window.location.hash).toBe('');
    expect(window.location.pathname + window.location.search).toBe('/scan?x=1');
    expect(window.sessionStorage.getItem('portscope.session')).toBe(secret);
    // A reload has no fragment: the tab's sessionStorage still holds it.
    expect(adoptSessionFromUrl(window)).toBe(secret);
  });

  it('ignores a fragment that is not a credential (page routes like #/scan)', () => {
    window.sessionStorage.clear();
    window.history.replaceState(null, '', '/#/scan');
    expect(adoptSessionFromUrl(window)).toBeNull();
    expect(window.location.hash).toBe('#/scan');
  });

  it('is offered as a subprotocol on every connect, and an expired session says so', async () => {
    const offered: Array<string[] | undefined> = [];
    const sockets: EventTarget[] = [];
    const client = createWsClient({
      url: 'ws://127.0.0.1:1/ws',
      protocols: sessionProtocols(secret),
      backoffMs: 5,
      createSocket: (_url, protocols) => {
        offered.push(protocols);
        const s = Object.assign(new EventTarget(), { readyState: 0, send() {}, close() {} });
        sockets.push(s);
        return s as unknown as WebSocket;
      },
    });
    const states: Array<string | null> = [];
    client.onConnection((c) => states.push(c.error));
    const expired = new Event('close') as Event & { code: number };
    expired.code = 4001;
    sockets[0]!.dispatchEvent(expired);
    await new Promise((r) => setTimeout(r, 30));
    expect(offered.length).toBeGreaterThanOrEqual(2);
    for (const p of offered) expect(p).toEqual(['portscope.v1', `portscope.session.${secret}`]);
    expect(states.find((s) => s?.includes('expired'))).toBeTruthy();
    client.dispose();
  });
});
