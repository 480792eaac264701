// @vitest-environment jsdom
import './dom';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ContractError } from '../../shared/contract/errors';
import { createServices } from '../../renderer/app/createServices';
import { ServicesProvider } from '../../renderer/app/services';
import { ScanPage } from '../../renderer/pages/scan/ScanPage';
import { FakeClient, makeSnapshot } from './fixtures';

afterEach(cleanup);

describe('scan page', () => {
  it('asks for authorization for a public target and only then scans with authorized: true', async () => {
    const client = new FakeClient();
    client.handle('sockets.snapshot', () => makeSnapshot([], 1));
    const requests: Array<{ authorized?: boolean }> = [];
    client.handle('scan.start', (req) => {
      requests.push(req);
      if (!req.authorized) throw new ContractError('denied', '203.0.113.5 is outside loopback and private ranges.');
      return { scanId: 'x', total: 1, hosts: [], hostCount: 1, portCount: 1, workers: 1, warnings: [] };
    });
    const services = createServices(client, 'scan');
    render(
      <ServicesProvider services={services}>
        <ScanPage />
      </ServicesProvider>,
    );
    fireEvent.change(screen.getByLabelText('Targets'), { target: { value: '203.0.113.5' } });
    fireEvent.change(screen.getByLabelText('Ports'), { target: { value: '443' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Start scan' })));
    const dialog = screen.getByRole('dialog');
    expect(dialog.textContent).toContain('outside loopback');
    const confirm = screen.getByRole('button', { name: 'Scan' });
    expect((confirm as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('checkbox', { name: /written permission/ }));
    await act(async () => fireEvent.click(confirm));
    expect(requests.map((r) => r.authorized ?? false)).toEqual([false, true]);
    expect(screen.queryByRole('dialog')).toBeNull();
    services.feed.dispose();
  });
});
