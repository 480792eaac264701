import type { Catalogs } from '../../translate';
import { de } from './de';
import { en } from './en';
import { nl } from './nl';

export type ReportKey = keyof typeof en;
export const reportCatalogs: Catalogs<ReportKey> = { en, de, nl };
