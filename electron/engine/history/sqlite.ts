import type * as Sqlite from 'node:sqlite';

export type Database = Sqlite.DatabaseSync;
export type Statement = Sqlite.StatementSync;

let loaded: typeof Sqlite | null = null;

/**
 * node:sqlite, loaded on first use. It is built into Node 22.13+ and Electron 45 (Node 22), so the
 * history needs no native package to compile or download. Node 22 still calls it experimental and
 * prints a warning on load; a CLI command whose stderr scripts read must not show it, so that one
 * warning (and only it) is swallowed while the module loads. `getBuiltinModule` keeps bundlers
 * from trying to resolve the module.
 */
/** Node without node:sqlite (older than 22.13): the history cannot work at all, said by key. */
export class SqliteMissingError extends Error {
  readonly messageKey = 'engine.history.noSqlite';
  constructor() {
    super('this Node.js has no node:sqlite (history needs Node 22.13 or newer)');
  }
}

export function sqlite(): typeof Sqlite {
  if (loaded) return loaded;
  const original = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const text = typeof warning === 'string' ? warning : warning.message;
    if (/SQLite is an experimental feature/.test(text)) return;
    (original as (...a: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  try {
    const mod = process.getBuiltinModule?.('node:sqlite') as typeof Sqlite | undefined;
    if (!mod) throw new SqliteMissingError();
    loaded = mod;
    return mod;
  } finally {
    process.emitWarning = original;
  }
}
