import type { en } from './en';

export const de: Record<keyof typeof en, string> = {
  'ui.charts.labelFiltered': 'Diagramme der Sockets, die Suche und Filter zeigen',
  'ui.charts.label': 'Diagramme',
  'ui.charts.exposure': 'Erreichbarkeit',
  'ui.charts.portClasses': 'Portbereiche',
  'ui.charts.history.now': 'jetzt',
  'ui.charts.history.secondsAgo': '−{seconds} s',
  'ui.charts.history.minutesAgo': '−{minutes} min',
  'ui.charts.history.socketsNow': '{count, plural, one {# Socket jetzt} other {# Sockets jetzt}}',
  'ui.charts.history.matchingNow': '{count, plural, one {# passender Socket jetzt} other {# passende Sockets jetzt}}',
  'ui.charts.history.waiting': 'warten auf Daten',
  'ui.charts.history.title': 'Sockets nach Status',
  'ui.charts.history.noSamples': 'Noch keine Messwerte.',
  'ui.charts.top.title': 'Top-Prozesse',
  'ui.charts.top.most': 'am meisten: {name} ({count, number})',
  'ui.charts.top.none': 'Keine Sockets.',
  'ui.charts.top.sockets': 'Sockets',
  'ui.charts.donut.nothingListening': 'Nichts lauscht.',
};
