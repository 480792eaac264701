// Commands beyond list/who/watch, by name, loaded only when asked for: each module registers
// itself on import (see ../registry.ts). A short command then never pays for the HTTP server,
// the scanner or the report renderers. Add one line per command here.
export const extraCommands: Record<string, () => Promise<unknown>> = {
  serve: () => import('./serve'),
  report: () => import('./report'),
  import: () => import('./report'),
  scan: () => import('./scan'),
  probe: () => import('./probe'),
  diagnose: () => import('./diagnose'),
  history: () => import('./history'),
  baseline: () => import('./baseline'),
  agent: () => import('./agent'),
  close: () => import('./close'),
};

/** Loads what argv needs: its command's module, or every module for help and mistyped names. */
export async function loadExtraCommands(argv: readonly string[], coreCommands: readonly string[]): Promise<void> {
  const name = argv.find((a) => !a.startsWith('-'));
  if (name !== undefined && coreCommands.includes(name)) return;
  if (name === undefined && argv.some((a) => a === '-V' || a === '--version')) return;
  const one = name !== undefined ? extraCommands[name] : undefined;
  if (one) await one();
  else await Promise.all(Object.values(extraCommands).map((load) => load()));
}
