import { useId, type ReactNode } from 'react';

/** A titled chart with a text summary, so the figure is not only a picture. */
export function ChartCard({ title, summary, children, className }: { title: string; summary?: string; children: ReactNode; className?: string }) {
  const titleId = useId();
  return (
    <figure className={`chart-card ${className ?? ''}`} aria-labelledby={titleId}>
      <figcaption>
        <span className="chart-title" id={titleId}>
          {title}
        </span>
        {summary ? (
          <span className="chart-summary" title={summary}>
            {summary}
          </span>
        ) : null}
      </figcaption>
      <div className="chart-body">{children}</div>
    </figure>
  );
}
