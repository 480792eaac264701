import type { RiskNote as Risk } from '../../../shared/contract';
import { useT } from '../../i18n/useT';

const ICON = { danger: '⛔ ', warning: '⚠ ', info: 'ℹ ' } as const;

/** The most severe note, with the others in its tooltip; the engine's words, in the reader's language where known. */
export function RiskNote({ risks }: { risks: readonly Risk[] }) {
  const t = useT();
  if (risks.length === 0) return null;
  const rank = { danger: 3, warning: 2, info: 1 } as const;
  const top = [...risks].sort((a, b) => rank[b.severity] - rank[a.severity])[0] as Risk;
  return (
    <span className={`risk risk-${top.severity}`} title={risks.map((r) => t.engine(r)).join('\n')}>
      <span aria-hidden="true">{ICON[top.severity]}</span>
      {t.engine(top)}
    </span>
  );
}
