import { localizedMessage, type EngineMessage } from '../../localizedText';
import type { CommandRunner } from '../types';

export interface DualStackResult {
  byInode: Map<number, boolean>;
  error: EngineMessage | null;
}

/**
 * Parses `ss -Hlne6tu` lines for `ino:N` and `v6only:0|1`. Only the kernel's sock_diag answer
 * carries IPV6_V6ONLY; procfs does not, so this is the one fact we take from `ss`.
 */
export function parseSsV6Only(text: string): Map<number, boolean> {
  const byInode = new Map<number, boolean>();
  for (const line of text.split('\n')) {
    const ino = /\bino:(\d+)/.exec(line);
    const v6 = /\bv6only:([01])\b/.exec(line);
    if (ino && v6) byInode.set(Number(ino[1]), v6[1] === '0');
  }
  return byInode;
}

export async function readDualStack(run: CommandRunner): Promise<DualStackResult> {
  try {
    const { code, stdout, stderr } = await run('ss', ['-Hlne6tu'], { timeoutMs: 3000 });
    if (code !== 0) return { byInode: new Map(), error: localizedMessage('platform.linux.dualStackExited', { code: String(code), stderr: stderr.trim().slice(0, 200) }) };
    return { byInode: parseSsV6Only(stdout), error: null };
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return { byInode: new Map(), error: localizedMessage('platform.linux.dualStackUnavailable', { reason: reason.slice(0, 200) }) };
  }
}
