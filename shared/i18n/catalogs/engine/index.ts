import type { Catalogs } from '../../translate';
import { de } from './de';
import { en } from './en';
import { nl } from './nl';

export type EngineKey = keyof typeof en;
export const engineCatalogs: Catalogs<EngineKey> = { en, de, nl };
