import type { en } from './en';

export const de: Record<keyof typeof en, string> = {
  'alert.newListener':
    'Neuer lauschender Port {where} von {owner, select, known {{name} (PID {pid})} other {einem unbekannten Besitzer{status, select, permission_denied { (Zugriff verweigert)} process_exited { (Prozess beendet)} not_found { (nicht gefunden)} orphaned { (vom Kernel gehalten)} time_wait { (time-wait)} other {}}}}{detail, select, all {: von anderen Rechnern erreichbar} all_risky {: von anderen Rechnern erreichbar, riskanter Port} address {: erreichbar über {address}} address_risky {: erreichbar über {address}, riskanter Port} risky {: riskanter Port} other {}}',
  'alert.serviceDown':
    '{where} lauscht nicht mehr (war {owner, select, known {{name} (PID {pid})} other {ein unbekannter Besitzer{status, select, permission_denied { (Zugriff verweigert)} process_exited { (Prozess beendet)} not_found { (nicht gefunden)} orphaned { (vom Kernel gehalten)} time_wait { (time-wait)} other {}}}})',
  'alert.severity': '{severity, select, danger {Gefahr} warning {Warnung} other {Hinweis}}',
};
