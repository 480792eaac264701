import type { Catalogs } from '../../translate';
import { de } from './de';
import { en } from './en';
import { nl } from './nl';

export type CliKey = keyof typeof en;
export const cliCatalogs: Catalogs<CliKey> = { en, de, nl };
