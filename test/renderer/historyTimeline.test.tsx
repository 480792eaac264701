// @vitest-environment jsdom
import './dom';
import { cleanup, render } from '@testing-library/react';
import { IntlProvider } from 'react-intl';
import { afterEach, describe, expect, it } from 'vitest';
import type { Timeline as TimelineData } from '../../shared/contract/history';
import { INTL_LOCALE } from '../../shared/i18n/locale';
import { messagesFor } from '../../renderer/i18n/messages';
import { Timeline } from '../../renderer/pages/history/Timeline';

afterEach(cleanup);

const data = (): TimelineData => {
  const until = new Date().toISOString();
  const since = new Date(Date.now() - 3_600_000).toISOString();
  const span = { from: since, to: null, pid: null, processName: null, localAddress: '0.0.0.0', exposure: 'all' as const, openedBefore: true };
  return {
    since,
    until,
    by: 'process',
    lanes: [
      { key: '(unknown owner)', protocol: 'tcp', port: 8080, label: '(unknown owner)', labelText: { key: 'engine.history.unknownOwnerLane' }, spans: [span] },
      { key: 'sshd', protocol: 'tcp', port: 22, label: 'sshd', spans: [{ ...span, pid: 7, processName: 'sshd' }] },
    ],
  };
};

describe('History timeline in German and Dutch', () => {
  it.each([
    ['de', '(Besitzer unbekannt)'],
    ['nl', '(eigenaar onbekend)'],
  ] as const)('%s: the lane the engine worded is translated, a program lane stays its name', (lang, unknown) => {
    const { container } = render(
      <IntlProvider locale={INTL_LOCALE[lang]} messages={messagesFor(lang)}>
        <Timeline data={data()} />
      </IntlProvider>,
    );
    const labels = [...container.querySelectorAll('.history-lane-label')].map((n) => n.textContent);
    expect(labels).toEqual([unknown, 'sshd']);
    expect(container.textContent).not.toContain('unknown owner');
  });
});
