import { memo, useEffect, useState } from 'react';
import { useServices } from '../../app/services';
import type { RendererClient } from '../../contract/types';

/** The generic program icon: browser mode has no access to programs' own icons. */
function GenericIcon() {
  return (
    <svg className="proc-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      <rect x="1.5" y="2.5" width="13" height="11" rx="1.5" fill="none" stroke="currentColor" />
      <path d="M1.5 5.5h13" stroke="currentColor" />
    </svg>
  );
}

interface IconCache {
  /** False once the other side said it has no icons (browser mode): nobody asks again. */
  available: boolean;
  /** The first question, which also learns whether there are icons at all; the rest wait for it. */
  first: Promise<unknown> | null;
  byPid: Map<number, Promise<string | null>>;
  /** Answers already in, so a row scrolled into view draws its icon at once, without an effect round. */
  settled: Map<number, string | null>;
}

// One cache per client (a test makes many); a pid's icon is asked for once per session.
const caches = new WeakMap<RendererClient, IconCache>();
const PID_LIMIT = 2000;

function iconFor(client: RendererClient, pid: number): Promise<string | null> | null {
  let cache = caches.get(client);
  if (!cache) caches.set(client, (cache = { available: true, first: null, byPid: new Map(), settled: new Map() }));
  if (!cache.available) return null;
  let hit = cache.byPid.get(pid);
  if (!hit) {
    const c = cache;
    const ask = (): Promise<string | null> =>
      c.available
        ? client.call('process.icon', { pid }).then(
            (r) => {
              if (!r.available) c.available = false;
              c.settled.set(pid, r.dataUrl);
              return r.dataUrl;
            },
            () => null,
          )
        : Promise.resolve(null);
    hit = c.first ? c.first.then(ask) : ask();
    c.first ??= hit;
    if (cache.byPid.size >= PID_LIMIT) {
      const oldest = cache.byPid.keys().next().value as number;
      cache.byPid.delete(oldest);
      cache.settled.delete(oldest);
    }
    cache.byPid.set(pid, hit);
  }
  return hit;
}

/** The program's own icon where the desktop app can get it (Electron's app.getFileIcon), else a generic one. */
/** What is already known for the pid: no icons here at all, or the icon asked for before. */
function known(client: RendererClient, pid: number): { done: boolean; src: string | null } {
  const cache = caches.get(client);
  if (cache && !cache.available) return { done: true, src: null };
  const settled = cache?.settled.get(pid);
  return settled === undefined ? { done: false, src: null } : { done: true, src: settled };
}

export const ProcessIcon = memo(function ProcessIcon({ pid }: { pid: number }) {
  const { client } = useServices();
  const now = known(client, pid);
  const [asked, setAsked] = useState<{ pid: number; src: string | null } | null>(null);
  useEffect(() => {
    if (now.done) return;
    let live = true;
    void iconFor(client, pid)?.then((url) => {
      if (live) setAsked({ pid, src: url });
    });
    return () => {
      live = false;
    };
  }, [client, pid, now.done]);
  const src = now.done ? now.src : asked?.pid === pid ? asked.src : null;
  return src ? <img className="proc-icon" src={src} alt="" width={14} height={14} /> : <GenericIcon />;
});
