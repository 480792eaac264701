// @vitest-environment jsdom
import './dom';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/app/App';
import { createServices } from '../../renderer/app/createServices';
import { ServicesProvider, type AppServices } from '../../renderer/app/services';
import { VisibleText } from '../../renderer/components/text/VisibleText';
import { TopProcessesChart } from '../../renderer/components/charts/TopProcessesChart';
import { FakeClient, makeProcess, makeRow, makeSnapshot } from './fixtures';

// What the red team used: a right-to-left override reversed "(pid 24389)" in the panel header.
const BIDI_NAME = 'evil\u202e(pid 1)\u2066';
const BIDI_CMD = 'serve --x\u202e\x1b[31m\u200b';
// eslint-disable-next-line no-control-regex
const RAW = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/;

let current: AppServices | null = null;
afterEach(() => {
  current?.feed.dispose();
  current = null;
  cleanup();
});

const tick = () => act(() => new Promise((r) => setTimeout(r, 0)));

describe('VisibleText', () => {
  it('shows bidi and control characters as escapes in their own style, isolated', () => {
    const { container } = render(<VisibleText text={'a\u202eb\x1bc'} />);
    const outer = container.firstElementChild as HTMLElement;
    expect(outer.className).toBe('visible-text');
    expect(outer.textContent).toBe('a\\u202eb\\x1bc');
    const marks = [...outer.querySelectorAll('.invisible-char')];
    expect(marks.map((m) => [m.textContent, m.getAttribute('title')])).toEqual([
      ['\\u202e', 'hidden character U+202E'],
      ['\\x1b', 'hidden character U+001B'],
    ]);
  });

  it('leaves ordinary text, right-to-left letters included, as it is', () => {
    const { container } = render(<VisibleText text="nginx שרת" />);
    expect(container.textContent).toBe('nginx שרת');
    expect(container.querySelector('.invisible-char')).toBeNull();
  });
});

describe('hostile process names in the app', () => {
  function setup() {
    const rows = [makeRow({ localPort: 8080, pid: 4321, processName: BIDI_NAME, user: 'ro\u202eot' })];
    const client = new FakeClient();
    client.handle('sockets.snapshot', () => makeSnapshot(rows, 1, [makeProcess({ pid: 4321, name: BIDI_NAME })]));
    client.handle('monitor.configure', (r) => ({ intervalMs: r.intervalMs ?? 1000, paused: r.paused ?? false }));
    client.handle('process.details', ({ pid }) => ({
      process: makeProcess({ pid, name: BIDI_NAME, commandLine: BIDI_CMD, startTime: '2026-11-21T00:00:00.000Z' }),
      sockets: rows,
    }));
    const services = createServices(client);
    current = services;
    render(
      <ServicesProvider services={services}>
        <App />
      </ServicesProvider>,
    );
  }

  it('shows them visibly in the table, the panel header, the command line and the End-process dialog', async () => {
    setup();
    await tick();
    const table = screen.getByRole('table', { name: 'Listening ports' });
    const row = within(table).getAllByRole('row')[1] as HTMLElement;
    expect(row.textContent).not.toMatch(RAW);
    expect(row.textContent).toContain('evil\\u202e(pid 1)\\u2066');
    expect(row.textContent).toContain('ro\\u202eot');

    fireEvent.click(row);
    await tick();
    const panel = screen.getByRole('complementary', { name: 'Process details' });
    const heading = within(panel).getByRole('heading', { level: 2 });
    expect(heading.textContent).toBe('evil\\u202e(pid 1)\\u2066 · pid 4321');
    expect(heading.querySelector('.visible-text .invisible-char')?.textContent).toBe('\\u202e');
    expect(panel.textContent).not.toMatch(RAW);
    expect(panel.textContent).toContain('serve --x\\u202e\\x1b[31m\\u200b');

    fireEvent.click(within(panel).getByRole('button', { name: 'End process…' }));
    const dialog = screen.getByRole('dialog');
    expect(dialog.textContent).not.toMatch(RAW);
    expect(within(dialog).getByRole('heading').textContent).toBe('End evil\\u202e(pid 1)\\u2066?');
    expect(dialog.textContent).toContain('evil\\u202e(pid 1)\\u2066 (pid 4321)');
    expect(dialog.textContent).toContain('Command line: serve --x\\u202e\\x1b[31m\\u200b');
  });

  it('shows them as escapes in the top-processes chart labels (SVG text)', () => {
    const { container } = render(<TopProcessesChart data={[{ name: 'evil\u202efdp.exe (42)', count: 2 }]} />);
    expect(container.textContent).not.toMatch(RAW);
    expect(container.textContent).toContain('evil\\u202efdp.exe (42)');
  });
});
