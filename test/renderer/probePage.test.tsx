// @vitest-environment jsdom
import './dom';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProbeAttempt, ProbeResult } from '../../shared/contract';
import { createServices } from '../../renderer/app/createServices';
import { ServicesProvider } from '../../renderer/app/services';
import { ProbePage } from '../../renderer/pages/probe/ProbePage';
import { FakeClient, makeSnapshot } from './fixtures';

afterEach(cleanup);

const attempt = (seq: number): ProbeAttempt => ({ probeId: 'p1', seq, address: '127.0.0.1', outcome: 'connected', ok: true, rttMs: 0.4, message: 'Connected.', at: new Date(seq).toISOString() });

describe('probe page', () => {
  it('after Cancel says "cancelled after 58", not "58 of 58 answered"', async () => {
    const client = new FakeClient();
    client.handle('sockets.snapshot', () => makeSnapshot([], 1));
    client.handle('probe.start', () => ({ probeId: 'p1' }));
    client.handle('probe.cancel', () => {
      const attempts = Array.from({ length: 58 }, (_, i) => attempt(i + 1));
      // A cancelled series as the engine sums it up (test/probe checks the engine's verdict).
      const result: ProbeResult = {
        probeId: 'p1',
        host: '127.0.0.1',
        address: '127.0.0.1',
        port: 8080,
        protocol: 'tcp',
        attempts,
        sent: 58,
        received: 58,
        loss: 0,
        rtt: { minMs: 0.4, avgMs: 0.4, maxMs: 0.4 },
        banner: null,
        verdict: 'Cancelled after 58 of 100 attempts. 127.0.0.1:8080 is reachable: the port is open.',
        cancelled: true,
      };
      queueMicrotask(() => client.emit('probe.done', { probeId: 'p1', result }));
      return { cancelled: true };
    });
    const services = createServices(client, 'probe');
    render(
      <ServicesProvider services={services}>
        <ProbePage />
      </ServicesProvider>,
    );
    fireEvent.change(screen.getByLabelText('Host'), { target: { value: '127.0.0.1' } });
    fireEvent.change(screen.getByLabelText('Port'), { target: { value: '8080' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: /Start|Probe/ })));
    for (let i = 1; i <= 58; i++) act(() => client.emit('probe.attempt', attempt(i)));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Cancel' })));
    await act(async () => new Promise((r) => setTimeout(r, 0)));
    const status = screen.getByRole('status').textContent!;
    expect(status).toMatch(/cancelled after 58 attempts \(58 answered\)/);
    expect(status).toMatch(/Cancelled after 58 of 100 attempts\./);
    expect(status).not.toMatch(/58 of 58 attempts answered/);
    services.feed.dispose();
  });
});
