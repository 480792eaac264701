import fs from 'node:fs';

/**
 * The soft limit on open files and how many are open now, from /proc/self (Node has no getrlimit).
 * Elsewhere, assume the common default of 1024 and a handful in use.
 */
export function fileDescriptorBudget(procRoot = '/proc'): { limit: number; inUse: number } {
  let limit = 1024;
  let inUse = 16;
  try {
    const m = /^Max open files\s+(\d+|unlimited)/m.exec(fs.readFileSync(`${procRoot}/self/limits`, 'utf8'));
    if (m) limit = m[1] === 'unlimited' ? 1_048_576 : Number(m[1]);
  } catch {
    // not Linux
  }
  try {
    inUse = fs.readdirSync(`${procRoot}/self/fd`).length;
  } catch {
    // not Linux
  }
  return { limit, inUse };
}

/**
 * Sockets a scan may hold at once: what is left under the limit, minus room for the workers'
 * own descriptors (each thread's event loop holds a few) and for the rest of the app.
 */
export function socketBudget(workers: number, procRoot?: string): number {
  const { limit, inUse } = fileDescriptorBudget(procRoot);
  const reserve = 24 + workers * 8;
  return Math.max(workers, limit - inUse - reserve);
}
