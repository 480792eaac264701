import type { en } from './en';

export const nl: Record<keyof typeof en, string> = {
  'alert.newListener':
    'Nieuwe luisterende poort {where} van {owner, select, known {{name} (pid {pid})} other {een onbekende eigenaar{status, select, permission_denied { (toegang geweigerd)} process_exited { (proces gestopt)} not_found { (niet gevonden)} orphaned { (in handen van de kernel)} time_wait { (time-wait)} other {}}}}{detail, select, all {: bereikbaar vanaf andere computers} all_risky {: bereikbaar vanaf andere computers, riskante poort} address {: bereikbaar op {address}} address_risky {: bereikbaar op {address}, riskante poort} risky {: riskante poort} other {}}',
  'alert.serviceDown':
    '{where} luistert niet meer (was {owner, select, known {{name} (pid {pid})} other {een onbekende eigenaar{status, select, permission_denied { (toegang geweigerd)} process_exited { (proces gestopt)} not_found { (niet gevonden)} orphaned { (in handen van de kernel)} time_wait { (time-wait)} other {}}}})',
  'alert.severity': '{severity, select, danger {gevaar} warning {waarschuwing} other {info}}',
};
