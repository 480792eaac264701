import { IPC_PREFIX } from '../../shared/contract/wire';

/**
 * Renderer -> main: the page's language changed (its settings switch, or the first render), so
 * the menu, the tray, notifications and dialogs follow it. One-way (`send`): the page needs no
 * answer. Its own file, so the preload names it without bundling the main-process side.
 */
export const DESKTOP_LANGUAGE_CHANNEL = `${IPC_PREFIX}@desktop.language`;
