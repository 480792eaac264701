import type { Catalogs } from '../../translate';
import { de } from './de';
import { en } from './en';
import { nl } from './nl';

export type PlatformKey = keyof typeof en;
export const platformCatalogs: Catalogs<PlatformKey> = { en, de, nl };
