import { describe, expect, it } from 'vitest';
import { parseNmapXml, parsePortId } from '../../electron/engine/report/nmap';
import { freePort, runNmap } from './support/nmap';

describe('nmap port ids', () => {
  it('are decimal integers from 1 to 65535 only', () => {
    for (const ok of ['1', '22', '65535']) expect(parsePortId(ok), ok).toBe(Number(ok));
    for (const bad of ['0x16', '1e1', ' 22 ', '22 ', '+22', '22.0', '0', '65536', '', '٢٢', undefined]) expect(parsePortId(bad), String(bad)).toBeNull();
  });

  it('leaves out ports of a real nmap file whose id was written loosely, and says so', async (ctx) => {
    const closed = await freePort();
    const run = await runNmap(['-sT', '-Pn', '-n', '-p', String(closed), '-oX', '-', '127.0.0.1']);
    if ('skip' in run) {
      console.log(`skipped: ${run.skip}`);
      ctx.skip();
      return;
    }
    const port = new RegExp(`<port protocol="tcp" portid="${closed}">.*?</port>`, 's').exec(run.xml)?.[0];
    expect(port).toBeDefined();
    const variants = ['0x16', '1e1', ' 22 ', '22'].map((id) => port!.replace(`portid="${closed}"`, `portid="${id}"`));
    const xml = run.xml.replace(port!, variants.join('\n'));
    const { scan, warnings } = parseNmapXml(xml);
    expect(scan.result.results.map((r) => r.port)).toEqual([22]);
    expect(warnings).toContain('3 port(s) without a valid port id (a decimal number from 1 to 65535) were left out');
  });
});
