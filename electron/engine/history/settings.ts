import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { HistorySettings } from '../../../shared/contract/history';

export const DEFAULT_SETTINGS: HistorySettings = {
  retentionDays: 30,
  maxSizeMb: 500,
  alertEveryNewListener: false,
  alertServiceDown: false,
  ignoreProcesses: [],
  ignorePorts: [],
};

export const SETTINGS_FILE = 'history-settings.json';

/**
 * Settings live beside the database as JSON, so an administrator can edit them for the agent with
 * a text editor. Unknown or malformed fields fall back to the defaults, one by one.
 */
export function loadSettings(dataDir: string): HistorySettings {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path.join(dataDir, SETTINGS_FILE), 'utf8'));
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
  const o = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const int = (v: unknown, min: number, max: number, d: number) => (Number.isInteger(v) && (v as number) >= min && (v as number) <= max ? (v as number) : d);
  return {
    retentionDays: int(o.retentionDays, 1, 3650, DEFAULT_SETTINGS.retentionDays),
    maxSizeMb: int(o.maxSizeMb, 10, 1_000_000, DEFAULT_SETTINGS.maxSizeMb),
    alertEveryNewListener: typeof o.alertEveryNewListener === 'boolean' ? o.alertEveryNewListener : false,
    alertServiceDown: typeof o.alertServiceDown === 'boolean' ? o.alertServiceDown : false,
    ignoreProcesses: Array.isArray(o.ignoreProcesses) ? o.ignoreProcesses.filter((p): p is string => typeof p === 'string' && p.length > 0) : [],
    ignorePorts: Array.isArray(o.ignorePorts) ? o.ignorePorts.filter((p): p is number => Number.isInteger(p) && p >= 0 && p <= 65535) : [],
  };
}

export function saveSettings(dataDir: string, settings: HistorySettings): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, SETTINGS_FILE);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(settings, null, 2)}\n`);
  renameSync(tmp, file);
}
