/**
 * The HTML report's stylesheet. Screen: a readable column up to 1200px. Print: A4 with margins,
 * table headers repeated on every page, rows never split, long command lines wrapped, charts two
 * per row, colours kept (print-color-adjust) so the charts mean the same on paper.
 * A dark screen (prefers-color-scheme) gets dark colours; paper is always light, since the dark
 * palette sits in a screen-only media query.
 */
export const HTML_STYLE = `
:root { color-scheme: light; --ink: #1c2833; --muted: #5d6d7e; --rule: #d5d8dc; --band: #f4f6f7; --bg: #ffffff; --alt: #fbfcfc; --cmd: #34495e; --note: #a04000; }
@media screen and (prefers-color-scheme: dark) {
  :root { color-scheme: dark; --ink: #e3e8ed; --muted: #9aa6b2; --rule: #39434e; --band: #1f272f; --bg: #13181e; --alt: #182028; --cmd: #b4c3d1; --note: #f5a560; }
}
* { box-sizing: border-box; }
body { font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: var(--ink); background: var(--bg); margin: 24px auto; max-width: 1200px; padding: 0 16px; }
h1 { font-size: 22px; margin: 0 0 2px; overflow-wrap: anywhere; }
h2 { font-size: 16px; margin: 22px 0 8px; border-bottom: 2px solid var(--ink); padding-bottom: 3px; }
h2 .count { font-weight: normal; color: var(--muted); font-size: 13px; }
.sub, footer, .note { color: var(--muted); font-size: 12px; }
footer { margin-top: 24px; border-top: 1px solid var(--rule); padding-top: 6px; }
.summary dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 14px 0; }
.summary dl div { display: contents; }
.summary dt { font-weight: 600; }
.summary dd { margin: 0; overflow-wrap: anywhere; }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(340px, 1fr)); gap: 10px 18px; margin: 10px 0; }
figure.chart { margin: 0; padding: 8px 10px; border: 1px solid var(--rule); border-radius: 4px; break-inside: avoid; }
figure.chart figcaption { font-weight: 600; font-size: 12px; margin-bottom: 4px; }
figure.chart svg { display: block; max-width: 100%; height: auto; }
svg .lbl, svg .val { font: 10px system-ui, sans-serif; fill: var(--ink); }
.empty { color: var(--muted); font-style: italic; margin: 4px 0; }
table { border-collapse: collapse; width: 100%; font-size: 12px; }
th, td { text-align: left; vertical-align: top; padding: 3px 6px; border-bottom: 1px solid var(--rule); }
th { background: var(--band); border-bottom: 1px solid var(--ink); white-space: nowrap; }
/* Free text (names, command lines, banners) may break anywhere so no hostile token can push the
   table off the page; short fixed words (states, ports, times, addresses) never break. */
td { overflow-wrap: anywhere; }
td.c-protocol, td.c-state, td.c-exposure, td.c-pid, td.c-port, td.c-local_port, td.c-remote_port, td.c-seq, td.c-time,
td.c-outcome, td.c-status, td.c-step, td.c-rtt_ms, td.c-duration_ms, td.c-service, td.c-uid, td.c-ppid { white-space: nowrap; overflow-wrap: normal; }
tbody tr:nth-child(even) td { background: var(--alt); }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.c-local_address, td.c-remote_address, td.c-host { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 11px; white-space: nowrap; }
td.c-process, td.c-name { min-width: 7em; }
td.c-command_line { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 10.5px; color: var(--cmd); word-break: break-all; min-width: 14em; }
td.c-risks { color: var(--note); font-size: 11px; }
.warnings li { color: var(--note); }
@page { size: A4; margin: 12mm 10mm 14mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 9.5pt; }
  h1 { font-size: 16pt; }
  h2 { font-size: 12pt; break-after: avoid; }
  .charts { grid-template-columns: 1fr 1fr; }
  table { font-size: 8pt; }
  td.c-command_line { font-size: 7.5pt; }
  thead { display: table-header-group; }
  tr, td, th { break-inside: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
