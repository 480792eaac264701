/**
 * The desktop shell (electron/app): the application menu, the tray, desktop notifications, the
 * Save dialog and the errors the main process sends the page. Translated in the main process by
 * electron/app/desktop-text.ts; the renderer merges these into its engine texts
 * (renderer/i18n/engine.ts) so a keyed error from the main process shows in the page's language.
 *
 * Menu items whose wording differs between the systems take `os`: `mac`, `windows` or `other`
 * (Linux), so each reads as that system's own menus do (German macOS says "Ablage" and
 * "Einsetzen", Windows "Datei" and "Einfügen"; Dutch macOS "Archief" and "Stop"). A message takes
 * the same options in every language, so English repeats its text where only another differs.
 * `app` is the application's name.
 */
export const en = {
  'desktop.menu.file': '{os, select, mac {File} other {File}}',
  'desktop.menu.edit': '{os, select, mac {Edit} other {Edit}}',
  'desktop.menu.view': '{os, select, mac {View} other {View}}',
  'desktop.menu.window': 'Window',
  'desktop.menu.help': 'Help',
  'desktop.menu.about': 'About {app}',
  'desktop.menu.services': 'Services',
  'desktop.menu.hide': 'Hide {app}',
  'desktop.menu.hideOthers': 'Hide Others',
  'desktop.menu.unhide': 'Show All',
  'desktop.menu.quit': '{os, select, mac {Quit {app}} windows {Exit} other {Quit}}',
  'desktop.menu.close': '{os, select, mac {Close Window} other {Close}}',
  'desktop.menu.undo': '{os, select, mac {Undo} other {Undo}}',
  'desktop.menu.redo': 'Redo',
  'desktop.menu.cut': '{os, select, mac {Cut} other {Cut}}',
  'desktop.menu.copy': '{os, select, mac {Copy} other {Copy}}',
  'desktop.menu.paste': '{os, select, mac {Paste} other {Paste}}',
  'desktop.menu.pasteAndMatchStyle': 'Paste and Match Style',
  'desktop.menu.delete': '{os, select, mac {Delete} other {Delete}}',
  'desktop.menu.selectAll': '{os, select, mac {Select All} other {Select All}}',
  'desktop.menu.reload': '{os, select, mac {Reload} other {Reload}}',
  'desktop.menu.forceReload': '{os, select, mac {Force Reload} other {Force Reload}}',
  'desktop.menu.toggleDevTools': 'Toggle Developer Tools',
  'desktop.menu.resetZoom': '{os, select, mac {Actual Size} other {Actual Size}}',
  'desktop.menu.zoomIn': '{os, select, mac {Zoom In} other {Zoom In}}',
  'desktop.menu.zoomOut': '{os, select, mac {Zoom Out} other {Zoom Out}}',
  'desktop.menu.toggleFullScreen': '{os, select, mac {Toggle Full Screen} other {Toggle Full Screen}}',
  'desktop.menu.minimize': '{os, select, mac {Minimize} other {Minimize}}',
  'desktop.menu.zoom': 'Zoom',
  'desktop.menu.front': 'Bring All to Front',
  'desktop.menu.website': 'Portscope on the web',

  'desktop.tray.count': '{known, select, no {Listeners: …} other {{count, plural, one {# listener} other {# listeners}}}}{paused, select, yes { (paused)} other {}}',
  'desktop.tray.tooltip': 'Portscope — {known, select, no {…} other {{count, plural, one {# listener} other {# listeners}}}}{paused, select, yes {, paused} other {}}',
  'desktop.tray.tooltipLastAlert': 'Last alert: {message}',
  'desktop.tray.lastAlerts': 'Last alerts',
  'desktop.tray.alert': '{time} {message}',
  'desktop.tray.open': 'Open Portscope',
  'desktop.tray.pause': 'Pause',
  'desktop.tray.resume': 'Resume',
  'desktop.tray.closeToTray': 'Close to tray',
  'desktop.tray.startAtLogin': 'Start at login',
  'desktop.tray.quit': 'Quit Portscope',

  'desktop.notify.title': '{kind, select, risky {Portscope: risky listener} stopped {Portscope: a port stopped listening} other {Portscope: new listener}}',
  'desktop.notify.withMore': '{message} (and {count, plural, one {# more alert} other {# more alerts}})',

  'desktop.save.title':
    '{format, select, json {Save the report as JSON} csv {Save the report as CSV} html {Save the report as HTML} md {Save the report as Markdown} other {Save the report as PDF}}',
  'desktop.save.filter': '{format, select, json {JSON report} csv {CSV table} html {HTML report} md {Markdown report} other {PDF document}}',

  'desktop.error.engineDenied': 'This page may not use the Portscope engine.',
  'desktop.error.saveDenied': 'This page may not save reports.',
  'desktop.error.saveBusy': 'A report is already being saved in this window.',
  'desktop.error.saveInvalid': 'Invalid request to save a report: {issues}',
  'desktop.error.noContent': 'The engine returned no report content.',
  'desktop.error.wrongExtension': 'This {name} report needs a file name ending in {extension}, not {file}.',
  'desktop.error.writeFailed': 'Could not save the report as {file}: {reason}',
  'desktop.error.pdfTimeout': 'Printing the PDF took longer than {seconds, number} s.',
  'desktop.error.pdfFailed': 'Could not print the PDF: {reason}',
} as const;
