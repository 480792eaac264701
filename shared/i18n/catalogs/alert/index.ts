import type { Catalogs } from '../../translate';
import { de } from './de';
import { en } from './en';
import { nl } from './nl';

export type AlertKey = keyof typeof en;
export const alertCatalogs: Catalogs<AlertKey> = { en, de, nl };
