/**
 * The history recorder's alerts (electron/engine/history/alertText.ts): the text the app's History
 * page, the tray, desktop notifications and `watch --alert` show. Merged into the engine's
 * catalogs (catalogs/engine/index.ts), so every front end's engine translator knows them.
 * `where` is data ("TCP 0.0.0.0:8080"); `owner` is known/unknown, `status` why it is unknown
 * (the owner status with `_` for `-`), `detail` which reasons apply.
 */
export const en = {
  'alert.newListener':
    'New listener {where} by {owner, select, known {{name} (pid {pid})} other {an unknown owner{status, select, permission_denied { (access denied)} process_exited { (the process exited)} not_found { (not found)} orphaned { (held by the kernel)} time_wait { (time-wait)} other {}}}}{detail, select, all {: reachable from other machines} all_risky {: reachable from other machines, a risky port} address {: reachable on {address}} address_risky {: reachable on {address}, a risky port} risky {: a risky port} other {}}',
  'alert.serviceDown':
    '{where} stopped listening (was {owner, select, known {{name} (pid {pid})} other {an unknown owner{status, select, permission_denied { (access denied)} process_exited { (the process exited)} not_found { (not found)} orphaned { (held by the kernel)} time_wait { (time-wait)} other {}}}})',
  'alert.severity': '{severity, select, danger {danger} warning {warning} other {info}}',
} as const;
