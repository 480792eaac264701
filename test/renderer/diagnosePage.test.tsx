// @vitest-environment jsdom
import './dom';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { DiagnoseResult } from '../../shared/contract';
import { createServices } from '../../renderer/app/createServices';
import { ServicesProvider, type AppServices } from '../../renderer/app/services';
import { formatDateTime } from '../../renderer/format/time';
import { formatFor } from '../../renderer/i18n/useT';
import { DiagnosePage } from '../../renderer/pages/diagnose/DiagnosePage';
import { FakeClient, makeSnapshot } from './fixtures';

const SINCE = '2026-11-21T08:30:00.000Z';

function result(port: number): DiagnoseResult {
  return {
    port,
    protocol: 'tcp',
    steps: [
      { id: 'process', name: 'Which process, since when?', status: 'ok', message: `Held by demo\u202e (pid 42, running since ${SINCE}).`, details: [`pid 42: demo --since ${SINCE}`], durationMs: 1 },
      { id: 'targets', name: 'Which addresses will be tried?', status: 'ok', message: 'Loopback only, as asked: connecting to 127.0.0.1, ::1.', details: [], durationMs: 0 },
    ],
    verdict: 'ok',
    summary: 'Reachable.',
    nextStep: 'Nothing to do.',
    durationMs: 3,
  };
}

let current: AppServices | null = null;
afterEach(() => {
  current?.feed.dispose();
  current = null;
  cleanup();
});

describe('Diagnose page', () => {
  it('sends "Loopback only" with the request, and shows times in local time, hostile text visible', async () => {
    const client = new FakeClient();
    client.handle('sockets.snapshot', () => makeSnapshot([], 1));
    client.handle('diagnose.run', (req) => result(req.port));
    const services = createServices(client);
    current = services;
    render(
      <ServicesProvider services={services}>
        <DiagnosePage />
      </ServicesProvider>,
    );
    fireEvent.change(screen.getByLabelText('Port on this machine'), { target: { value: '8080' } });
    const box = screen.getByRole('checkbox', { name: 'Loopback only' }) as HTMLInputElement;
    expect(box.checked).toBe(false);
    fireEvent.click(box);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Diagnose' })));
    expect(client.calls.find((c) => c.name === 'diagnose.run')?.request).toEqual({ port: 8080, protocol: 'tcp', loopbackOnly: true });

    const list = screen.getByRole('region', { name: 'Checklist' });
    const text = list.textContent ?? '';
    expect(text).not.toContain(SINCE);
    expect(text).toContain(`running since ${formatDateTime(formatFor('en'), SINCE)}`);
    expect(text).toContain(`demo --since ${formatDateTime(formatFor('en'), SINCE)}`);
    expect(text).toContain('Held by demo\\u202e (pid 42');
    expect(within(list).getByText('Loopback only, as asked: connecting to 127.0.0.1, ::1.')).toBeTruthy();
  });
});
