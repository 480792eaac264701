import type { Catalogs } from '../../translate';
import { de } from './de';
import { en } from './en';
import { nl } from './nl';

export type SocketKey = keyof typeof en;
export const socketCatalogs: Catalogs<SocketKey> = { en, de, nl };
