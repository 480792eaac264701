import type { Catalogs } from '../../../../shared/i18n';
import { de } from './de';
import { en } from './en';
import { nl } from './nl';

export const machinesCatalogs: Catalogs<keyof typeof en> = { en, de, nl };
