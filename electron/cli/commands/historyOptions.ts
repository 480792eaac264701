import path from 'node:path';
import { defaultDataDir } from '../../engine/history/paths';
import { UsageError } from '../errors';
import { t } from '../i18n';

/** `--data-dir DIR`, shared by every command that reads or records history. */
export const DATA_DIR_FLAG = '--data-dir <dir>';
export function dataDirHelp(): string {
  return t('cli.history.dataDir', { dir: defaultDataDir() });
}

export function parseDataDir(value: string): string {
  if (value.trim() === '') throw new UsageError(t('cli.error.needsFolder', { flag: '--data-dir' }));
  return path.resolve(value);
}

export function parseLogFile(value: string): string {
  if (value.trim() === '') throw new UsageError(t('cli.error.needsFileName', { flag: '--log' }));
  return path.resolve(value);
}
