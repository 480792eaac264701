import { z } from 'zod';
import { ScanRequestSchema, ScanResultSchema, type ScanResult } from '../../../shared/contract';
import type { ScanRecord } from './store';

/** Where the scan history lives between reloads (issue 10's history database keeps no scans). */
export const HISTORY_KEY = 'portscope.scanHistory.v1';

/** The part of Storage the history needs; window.localStorage in the app, a Map-backed one in tests. */
export type HistoryStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const RecordSchema = z.object({ scanId: z.string(), request: ScanRequestSchema, result: ScanResultSchema });

/**
 * A scan as kept: closed ports only in each host's compact `closedPorts` list (the table expands
 * them again), so a full-range scan costs bytes, not 65,535 rows.
 */
function compact(result: ScanResult): ScanResult {
  if (!result.hosts.every((h) => typeof h.closedPorts === 'string')) return result;
  return {
    ...result,
    results: result.results.filter((r) => r.state !== 'closed'),
    hosts: result.hosts.map((h) => ({ ...h, closedOmitted: h.counts.closed })),
  };
}

export function loadHistory(storage: HistoryStorage | null): ScanRecord[] {
  if (!storage) return [];
  try {
    const raw = storage.getItem(HISTORY_KEY);
    if (!raw) return [];
    const parsed = z.array(RecordSchema).safeParse(JSON.parse(raw));
    return parsed.success ? (parsed.data as ScanRecord[]) : [];
  } catch {
    return [];
  }
}

/** Newest first; when the browser's quota is reached, the oldest scans go first. */
export function saveHistory(storage: HistoryStorage | null, history: readonly ScanRecord[]): void {
  if (!storage) return;
  let kept = history.map((h) => ({ ...h, result: compact(h.result) }));
  while (kept.length > 0) {
    try {
      storage.setItem(HISTORY_KEY, JSON.stringify(kept));
      return;
    } catch {
      kept = kept.slice(0, -1);
    }
  }
  storage.removeItem(HISTORY_KEY);
}
