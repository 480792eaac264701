import type { RiskNote as Risk } from '../../../shared/contract';

/** The most severe note, with the others in its tooltip. */
export function RiskNote({ risks }: { risks: readonly Risk[] }) {
  if (risks.length === 0) return null;
  const rank = { danger: 3, warning: 2, info: 1 } as const;
  const top = [...risks].sort((a, b) => rank[b.severity] - rank[a.severity])[0] as Risk;
  return (
    <span className={`risk risk-${top.severity}`} title={risks.map((r) => r.message).join('\n')}>
      <span aria-hidden="true">{top.severity === 'danger' ? '⛔ ' : top.severity === 'warning' ? '⚠ ' : 'ℹ '}</span>
      {top.message}
    </span>
  );
}
