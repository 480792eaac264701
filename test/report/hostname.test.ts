import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../shared/contract/sockets';
import { renderReport, suggestedFileName } from '../../electron/engine/report/formats';
import { reportFromSnapshot } from '../../electron/engine/report/model';
import { summaryLines } from '../../electron/engine/report/overview';

// A host name is text from the system (and, for imports, from someone else's machine).
const HOST = '../<script>alert(1)</script>|`x`\n=evil';
const snapshot: Snapshot = { seq: 1, takenAt: '2026-11-21T01:02:03.000Z', hostname: HOST, rows: [], processes: [], durationMs: 1, warnings: ['a <b>warning</b>'] };

describe('a hostile host name', () => {
  const report = reportFromSnapshot(snapshot, 'listeners', { now: new Date('2026-11-21T01:02:03.000Z'), os: { platform: 'linux', release: '6', arch: 'x64' } });

  it('never reaches a suggested file name as a path or markup', () => {
    for (const format of ['json', 'csv', 'html', 'md'] as const) {
      const name = suggestedFileName(report, format);
      expect(name).toMatch(new RegExp(`^portscope-[A-Za-z0-9_][A-Za-z0-9._-]*-20261121-0102\\.${format}$`));
      expect(name).not.toContain('/');
    }
  });

  it('is escaped in HTML and Markdown, exact in JSON', () => {
    const html = renderReport(report, 'html');
    expect(html).toContain('<title>Portscope report: ../&lt;script&gt;alert(1)&lt;/script&gt;|`x`\\x0a=evil</title>');
    expect(html).not.toContain('<script');
    expect(html).toContain('<li>a &lt;b&gt;warning&lt;/b&gt;</li>');
    const md = renderReport(report, 'md');
    expect(md.split('\n')[0]).toBe('# Portscope report: ../\\<script\\>alert(1)\\</script\\>\\|\\`x\\`\\\\x0a=evil');
    expect(JSON.parse(renderReport(report, 'json')).machine.hostname).toBe(HOST);
  });

  it('labels an empty machine honestly: no sockets is zero, not missing', () => {
    expect(summaryLines(report).map((l) => l.label)).toEqual(['Host', 'System', 'Socket table read at', 'Listening', 'Connections', 'Processes', 'Notes on listeners']);
    expect(report.listeners).toEqual([]);
    expect(renderReport(report, 'md')).toContain('## Listening ports (0)\n\n_None._');
  });
});
