import type { Catalogs } from '../../translate';
import { de } from './de';
import { en } from './en';
import { nl } from './nl';

export type DesktopKey = keyof typeof en;
export const desktopCatalogs: Catalogs<DesktopKey> = { en, de, nl };
