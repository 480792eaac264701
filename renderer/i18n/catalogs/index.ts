import { mergeAll } from '../merge';
import { appCatalogs } from './app';
import { chartsCatalogs } from './charts';
import { commonCatalogs } from './common';
import { dashboardCatalogs } from './dashboard';
import { processCatalogs } from './process';
import { scanCatalogs } from './scan';

/** Every renderer area's messages, merged: what the IntlProvider gets (with the engine's). */
export const uiCatalogs = mergeAll(appCatalogs, commonCatalogs, dashboardCatalogs, chartsCatalogs, processCatalogs, scanCatalogs);

export type UiKey = keyof (typeof uiCatalogs)['en'];
