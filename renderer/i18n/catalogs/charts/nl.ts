import type { en } from './en';

export const nl: Record<keyof typeof en, string> = {
  'ui.charts.labelFiltered': 'Grafieken van de sockets die de zoekopdracht en filters tonen',
  'ui.charts.label': 'Grafieken',
  'ui.charts.exposure': 'Bereikbaarheid',
  'ui.charts.portClasses': 'Poortklassen',
  'ui.charts.history.now': 'nu',
  'ui.charts.history.secondsAgo': '−{seconds} s',
  'ui.charts.history.minutesAgo': '−{minutes} min',
  'ui.charts.history.socketsNow': '{count, plural, one {nu # socket} other {nu # sockets}}',
  'ui.charts.history.matchingNow': '{count, plural, one {nu # passende socket} other {nu # passende sockets}}',
  'ui.charts.history.waiting': 'wacht op gegevens',
  'ui.charts.history.title': 'Sockets per status',
  'ui.charts.history.noSamples': 'Nog geen metingen.',
  'ui.charts.top.title': 'Topprocessen',
  'ui.charts.top.most': 'de meeste: {name} ({count, number})',
  'ui.charts.top.none': 'Geen sockets.',
  'ui.charts.top.sockets': 'sockets',
  'ui.charts.donut.nothingListening': 'Er luistert niets.',
};
