// @vitest-environment jsdom
import './dom';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createServices } from '../../renderer/app/createServices';
import { ServicesProvider } from '../../renderer/app/services';
import { EndProcess } from '../../renderer/components/process/EndProcess';
import { GRACE_MS } from '../../renderer/components/process/useEndProcess';
import { FakeClient, makeProcess, makeSnapshot } from './fixtures';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function setup(outcome: 'sent' | 'denied' | 'exited', stillAlive: boolean) {
  const proc = makeProcess({ pid: 4321, name: 'demo-server', startTime: '2026-11-21T00:00:00.000Z' });
  const client = new FakeClient();
  client.handle('sockets.snapshot', () => makeSnapshot([], 1));
  client.handle('process.signal', () => ({ ok: outcome !== 'denied', outcome, message: outcome === 'denied' ? 'Operation not permitted' : '' }));
  client.handle('process.details', () => (stillAlive ? { process: proc, sockets: [] } : null));
  const services = createServices(client);
  const onEnded = vi.fn();
  render(
    <ServicesProvider services={services}>
      <EndProcess process={proc} onEnded={onEnded} />
    </ServicesProvider>,
  );
  return { client, services, onEnded };
}

describe('end process', () => {
  it('asks with the process named, sends SIGTERM with the start time, then offers SIGKILL', async () => {
    vi.useFakeTimers();
    const { client, services } = setup('sent', true);
    fireEvent.click(screen.getByRole('button', { name: 'End process…' }));
    const dialog = screen.getByRole('dialog', { name: 'End demo-server?' });
    expect(dialog.textContent).toContain('demo-server (pid 4321)');
    // Cancel has the focus: Enter on a surprise dialog must not kill anything.
    expect(document.activeElement?.textContent).toBe('Cancel');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'End demo-server' })));
    expect(client.calls.find((c) => c.name === 'process.signal')?.request).toEqual({ pid: 4321, signal: 'SIGTERM', expectedStartTime: '2026-11-21T00:00:00.000Z' });
    // The name is its own (bidi-isolated) element inside the status line.
    expect(document.querySelector('.end-status')?.textContent).toMatch(/Waiting for demo-server \(pid 4321\) to exit/);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(GRACE_MS + 10);
    });
    expect(screen.getByRole('alert').textContent).toContain('still running');
    fireEvent.click(screen.getByRole('button', { name: 'Force kill (SIGKILL)…' }));
    expect(screen.getByRole('dialog', { name: 'Force-kill demo-server?' })).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Kill demo-server' })));
    expect(client.calls.filter((c) => c.name === 'process.signal').at(-1)?.request).toEqual({ pid: 4321, signal: 'SIGKILL', expectedStartTime: '2026-11-21T00:00:00.000Z' });
    services.feed.dispose();
  });

  it('reports success when the process is gone after SIGTERM', async () => {
    vi.useFakeTimers();
    const { services, onEnded } = setup('sent', false);
    fireEvent.click(screen.getByRole('button', { name: 'End process…' }));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'End demo-server' })));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(GRACE_MS + 10);
    });
    expect(screen.getByText(/ended after SIGTERM/)).toBeTruthy();
    expect(onEnded).toHaveBeenCalled();
    services.feed.dispose();
  });

  it('says so when permission is denied, and Escape cancels the dialog', async () => {
    const { client, services } = setup('denied', true);
    fireEvent.click(screen.getByRole('button', { name: 'End process…' }));
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(client.calls.some((c) => c.name === 'process.signal')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'End process…' }));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'End demo-server' })));
    expect(screen.getByText(/Permission denied/)).toBeTruthy();
    services.feed.dispose();
  });
});
