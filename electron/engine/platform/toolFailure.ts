import { localizedMessage, type EngineMessage } from '../localizedText';

/**
 * Why a command an adapter runs (ps, netstat, lsof, tasklist) gave no table. Kept as parts, not a
 * sentence, so the warning is one catalog message in the reader's language; the tool's own
 * stderr line stays as it printed it.
 */
export interface ToolFailure {
  command: string;
  how: 'exited' | 'signal' | 'spawn' | 'empty';
  code?: number;
  /** The first stderr line, or the spawn error's message; none when empty. */
  detail?: string;
}

/** What the failure cost, as the warning's first words: none for a bare failure. */
export type ToolFailureContext = 'processDetails' | 'processNames' | 'socketTable' | 'none';

export function ranWith(command: string, code: number | null, stderr: string): ToolFailure {
  const detail = stderr.trim().split('\n')[0] ?? '';
  return { command, how: code === null ? 'signal' : 'exited', ...(code !== null ? { code } : {}), ...(detail ? { detail } : {}) };
}

export function couldNotRun(command: string, err: unknown): ToolFailure {
  return { command, how: 'spawn', detail: err instanceof Error ? err.message : String(err) };
}

export function toolFailed(context: ToolFailureContext, f: ToolFailure): EngineMessage {
  return localizedMessage('platform.toolFailed', {
    context,
    command: f.command,
    how: f.how,
    code: f.code === undefined ? '' : String(f.code),
    // A flag of its own, not a sentinel in `detail`: a tool whose stderr says just "none" still shows it.
    hasDetail: f.detail ? 'yes' : 'no',
    detail: f.detail ? f.detail.slice(0, 200) : '',
  });
}
