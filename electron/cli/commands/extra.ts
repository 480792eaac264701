// Commands beyond list/who/watch, by name, loaded only when asked for: each module registers
// itself on import (see ../registry.ts). A short command then never pays for the HTTP server,
// the scanner or the report renderers. Add one line per command here.
// In the order help lists them (each module registers its commands when it is first evaluated).
export const extraCommands: Record<string, () => Promise<unknown>> = {
  diagnose: () => import('./diagnose'),
  probe: () => import('./probe'),
  scan: () => import('./scan'),
  report: () => import('./report'),
  import: () => import('./report'),
  history: () => import('./history'),
  baseline: () => import('./baseline'),
  close: () => import('./close'),
  serve: () => import('./serve'),
  agent: () => import('./agent'),
};

/** Loads what argv needs: its command's module, or every module for help and mistyped names. */
export async function loadExtraCommands(argv: readonly string[], coreCommands: readonly string[]): Promise<void> {
  const name = argv.find((a) => !a.startsWith('-'));
  if (name !== undefined && coreCommands.includes(name)) return;
  if (name === undefined && argv.some((a) => a === '-V' || a === '--version')) return;
  const one = name !== undefined ? extraCommands[name] : undefined;
  if (one) await one();
  else {
    // One after another: loaded together, the modules would register in whatever order their
    // chunks finished loading, and help would list the commands differently from run to run.
    for (const load of Object.values(extraCommands)) await load();
  }
}
