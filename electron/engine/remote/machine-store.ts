import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeAtomically } from './agent-identity';

export const MACHINES_FILE = 'machines.json';

const StoredMachineSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/),
  label: z.string().max(200),
  address: z.string().max(300),
  token: z.string().min(1).max(512),
  fingerprint: z.string().max(200),
  addedAt: z.string().max(64),
});
export type StoredMachine = z.infer<typeof StoredMachineSchema>;

const FileSchema = z.object({
  version: z.literal(1),
  machines: z.array(StoredMachineSchema).max(1000),
  /** The machine the front end looked at last (null or absent: this one), reopened on start. */
  selected: z.string().regex(/^[a-z0-9-]{1,40}$/).nullable().optional(),
});

export interface StoredList {
  machines: StoredMachine[];
  selected: string | null;
}

/**
 * The remote machines the app knows, in `<data dir>/machines.json`: address, label, pinned
 * fingerprint and the token, which is a credential, so the file is the user's alone (0600,
 * rewritten whole under a temporary name). A file that cannot be read is reported, never
 * overwritten silently: the user may want the tokens in it back.
 */
export class MachineStore {
  readonly file: string;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, MACHINES_FILE);
  }

  load(): StoredList {
    let text: string;
    try {
      text = fs.readFileSync(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { machines: [], selected: null };
      throw new Error(`cannot read ${this.file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, { cause: err });
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      throw new Error(`${this.file} is not JSON; fix or remove it`);
    }
    const parsed = FileSchema.safeParse(raw);
    if (!parsed.success) throw new Error(`${this.file} is not a Portscope machine list; fix or remove it`);
    // A selected id that is no longer listed is passed on: the front end says so and shows this machine.
    return { machines: parsed.data.machines, selected: parsed.data.selected ?? null };
  }

  save(machines: readonly StoredMachine[], selected: string | null = null): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 });
    writeAtomically(this.file, `${JSON.stringify({ version: 1, machines, selected }, null, 2)}\n`, 0o600);
  }
}
