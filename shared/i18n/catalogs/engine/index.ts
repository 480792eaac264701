import { mergeCatalogs, type Catalogs } from '../../translate';
import { alertCatalogs, type AlertKey } from '../alert';
import { de } from './de';
import { en } from './en';
import { nl } from './nl';

/** The engine's texts; the recorder's alerts have their own area (catalogs/alert), merged in here. */
export type EngineKey = keyof typeof en | AlertKey;
export const engineCatalogs: Catalogs<EngineKey> = mergeCatalogs({ en, de, nl }, alertCatalogs);
