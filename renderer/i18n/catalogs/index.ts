import { mergeAll } from '../merge';
import { appCatalogs } from './app';
import { chartsCatalogs } from './charts';
import { commonCatalogs } from './common';
import { dashboardCatalogs } from './dashboard';
import { diagnoseCatalogs } from './diagnose';
import { historyCatalogs } from './history';
import { machinesCatalogs } from './machines';
import { probeCatalogs } from './probe';
import { processCatalogs } from './process';
import { reportsCatalogs } from './reports';
import { scanCatalogs } from './scan';
import { trafficCatalogs } from './traffic';

/**
 * Every renderer area's messages, merged: what the IntlProvider gets. Engine texts (a contract's
 * `messageKey`) are translated from shared/i18n/catalogs/engine instead (i18n/engine.ts).
 */
export const uiCatalogs = mergeAll(appCatalogs, commonCatalogs, dashboardCatalogs, chartsCatalogs, processCatalogs, scanCatalogs, probeCatalogs, diagnoseCatalogs, historyCatalogs, reportsCatalogs, trafficCatalogs, machinesCatalogs);

export type UiKey = keyof (typeof uiCatalogs)['en'];
