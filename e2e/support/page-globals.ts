/**
 * What specs touch inside `page.evaluate`. tsconfig.json type-checks e2e/ with Node's lib (no
 * DOM, on purpose: a DOM lib would leak `window` into the whole Node side), so callbacks cast
 * `globalThis` to this type. Types only: nothing here exists at run time in the page.
 */
export interface PageGlobals {
  document: { cookie: string; title: string; body: { innerText: string } };
  location: { host: string; href: string; origin: string };
  open(url: string): unknown;
  require?: unknown;
  process?: unknown;
  portscope?: {
    version: string;
    calls: Record<string, (request: unknown) => Promise<unknown>>;
    events: Record<string, (listener: (payload: unknown) => void) => () => void>;
  };
}
