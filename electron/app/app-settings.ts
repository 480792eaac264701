import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** The desktop app's own opt-in behaviours; both off until the user turns them on. */
export interface AppSettings {
  /** Closing the window hides it to the tray; recording and alerts go on. */
  closeToTray: boolean;
  /** Start Portscope when the user logs in (hidden, in the tray, when closeToTray is on). */
  startAtLogin: boolean;
}

export const DEFAULT_APP_SETTINGS: AppSettings = { closeToTray: false, startAtLogin: false };

export function parseAppSettings(text: string): AppSettings {
  try {
    const raw = JSON.parse(text) as Partial<Record<keyof AppSettings, unknown>> | null;
    return { closeToTray: raw?.closeToTray === true, startAtLogin: raw?.startAtLogin === true };
  } catch {
    return { ...DEFAULT_APP_SETTINGS };
  }
}

/** app-settings.json in Electron's userData, written atomically (temporary file, then rename). */
export class AppSettingsStore {
  constructor(private readonly file: string) {}

  async load(): Promise<AppSettings> {
    try {
      return parseAppSettings(await readFile(this.file, 'utf8'));
    } catch {
      return { ...DEFAULT_APP_SETTINGS };
    }
  }

  async save(settings: AppSettings): Promise<void> {
    await mkdir(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp`;
    await writeFile(tmp, `${JSON.stringify(settings, null, 2)}\n`);
    await rename(tmp, this.file);
  }
}
