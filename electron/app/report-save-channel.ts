import { IPC_PREFIX } from '../../shared/contract/wire';

/**
 * The desktop app's "save this report" channel (see report-save.ts), apart from the contract's
 * generic channels: the `@` cannot appear in a call name. Its own file, so the preload can name it
 * without bundling the main-process side.
 */
export const REPORT_SAVE_CHANNEL = `${IPC_PREFIX}@report.save`;
