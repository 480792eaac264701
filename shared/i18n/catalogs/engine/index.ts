import { mergeCatalogs, type Catalogs } from '../../translate';
import { alertCatalogs, type AlertKey } from '../alert';
import { platformCatalogs, type PlatformKey } from '../platform';
import { de } from './de';
import { en } from './en';
import { nl } from './nl';

/**
 * The engine's texts; the recorder's alerts (catalogs/alert) and the socket readers' warnings
 * (catalogs/platform) have their own areas, merged in here.
 */
export type EngineKey = keyof typeof en | AlertKey | PlatformKey;
export const engineCatalogs: Catalogs<EngineKey> = mergeCatalogs(mergeCatalogs({ en, de, nl }, alertCatalogs), platformCatalogs);
