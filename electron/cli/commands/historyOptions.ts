import path from 'node:path';
import { defaultDataDir } from '../../engine/history/paths';
import { UsageError } from '../errors';

/** `--data-dir DIR`, shared by every command that reads or records history. */
export const DATA_DIR_FLAG = '--data-dir <dir>';
export const DATA_DIR_HELP = `history folder (default: ${defaultDataDir()})`;

export function parseDataDir(value: string): string {
  if (value.trim() === '') throw new UsageError('--data-dir needs a folder');
  return path.resolve(value);
}

export function parseLogFile(value: string): string {
  if (value.trim() === '') throw new UsageError('--log needs a file name');
  return path.resolve(value);
}
