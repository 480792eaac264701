import { ProcessDetailsSchema, type CallName, type ProcessIcon } from '../../shared/contract';
import type { EngineLink } from '../host/engine-link';
import { toJson } from '../host/engine-link';

/** The part of Electron's `app` used here; Electron's fits, tests pass a fake. */
export interface FileIconSource {
  getFileIcon(path: string, options: { size: 'small' | 'normal' | 'large' }): Promise<{ toDataURL(): string; isEmpty(): boolean }>;
}

/** Icons kept, by executable path: a table of 10,000 sockets has a few dozen programs. */
const CACHE_LIMIT = 256;

/**
 * Answers `process.icon` in the Electron main process, which alone can ask the desktop for a
 * program's icon (app.getFileIcon); every other call goes on to the engine. The page names a
 * pid, never a path: the executable comes from the engine's own process details.
 */
export function withProcessIcons(link: EngineLink, icons: FileIconSource, log: (message: string) => void = () => {}): EngineLink {
  const byExe = new Map<string, Promise<string | null>>();

  const iconOf = (exe: string): Promise<string | null> => {
    let hit = byExe.get(exe);
    if (!hit) {
      hit = icons.getFileIcon(exe, { size: 'small' }).then(
        (image) => (image.isEmpty() ? null : image.toDataURL()),
        (err: unknown) => {
          log(`no icon for ${exe}: ${err instanceof Error ? err.message : String(err)}`);
          return null;
        },
      );
      if (byExe.size >= CACHE_LIMIT) byExe.delete(byExe.keys().next().value as string);
      byExe.set(exe, hit);
    }
    return hit;
  };

  const answer = async (request: unknown): Promise<ProcessIcon> => {
    const details = ProcessDetailsSchema.nullable().parse(JSON.parse(await link.call('process.details', request)));
    const exe = details?.process.exe ?? null;
    if (!exe) return { available: true, dataUrl: null };
    const dataUrl = await iconOf(exe);
    // The contract caps the size; an oversized icon is no icon rather than a failed call.
    return { available: true, dataUrl: dataUrl && dataUrl.startsWith('data:image/') && dataUrl.length <= 256 * 1024 ? dataUrl : null };
  };

  return {
    call: (name: CallName, request: unknown) => (name === 'process.icon' ? answer(request).then(toJson) : link.call(name, request)),
    on: (name, listener) => link.on(name, listener),
    close: () => link.close(),
  };
}
