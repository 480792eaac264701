import { useEffect, useRef, type ReactNode } from 'react';
import { ConnectionPanel } from '../components/connection/ConnectionPanel';
import { ProcessPanel } from '../components/process/ProcessPanel';
import { DashboardPage } from '../pages/dashboard/DashboardPage';
import { DiagnosePage } from '../pages/diagnose/DiagnosePage';
import { HistoryPage } from '../pages/history/HistoryPage';
import { ProbePage } from '../pages/probe/ProbePage';
import { ReportsPage } from '../pages/reports/ReportsPage';
import { ScanPage } from '../pages/scan/ScanPage';
import { pageFromHash, PAGES, type Page } from '../stores/ui';
import { CapabilityNotice } from './CapabilityNotice';
import { ConnectionBanner } from './ConnectionBanner';
import { useServices, useSockets, useUi } from './services';

const TITLES: Record<Page, string> = { dashboard: 'Dashboard', scan: 'Scan', probe: 'Probe', diagnose: 'Diagnose', reports: 'Reports', history: 'History' };

/** `machineSwitcher`: the header's machine picker (components/machines), when the front end offers machines. */
export function App({ machineSwitcher }: { machineSwitcher?: ReactNode } = {}) {
  const { ui } = useServices();
  const page = useUi((s) => s.page);
  const hostname = useSockets((s) => s.hostname);

  // The page lives in the URL hash, so reload and Back/Forward keep the user's place.
  useEffect(() => {
    const onHash = () => ui.getState().navigate(pageFromHash(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [ui]);
  // After a page change (not on first load) focus goes to the new page's heading, so keyboard
  // and screen-reader users land on what they asked for.
  const heading = useRef<HTMLHeadingElement>(null);
  const shownPage = useRef(page);
  useEffect(() => {
    if (page !== shownPage.current) {
      shownPage.current = page;
      heading.current?.focus();
    }
  }, [page]);
  useEffect(() => {
    if (pageFromHash(window.location.hash) !== page) window.history.pushState(null, '', `#/${page}`);
    document.title = `${TITLES[page]} · Portscope${hostname ? ` · ${hostname}` : ''}`;
  }, [page, hostname]);

  return (
    <div className="app">
      <header className="app-header">
        <span className="brand">
          Portscope{hostname ? <span className="muted"> · {hostname}</span> : null}
        </span>
        <nav aria-label="Pages">
          {PAGES.map((p) => (
            <a key={p} href={`#/${p}`} aria-current={p === page ? 'page' : undefined} className={p === page ? 'active' : ''}>
              {TITLES[p]}
            </a>
          ))}
        </nav>
        {machineSwitcher}
      </header>
      <ConnectionBanner />
      <CapabilityNotice />
      <main className={`page page-${page}`}>
        <h1 className="sr-only" tabIndex={-1} ref={heading}>
          {TITLES[page]}
        </h1>
        {page === 'dashboard' ? <DashboardPage /> : null}
        {page === 'scan' ? <ScanPage /> : null}
        {page === 'probe' ? <ProbePage /> : null}
        {page === 'diagnose' ? <DiagnosePage /> : null}
        {page === 'reports' ? <ReportsPage /> : null}
        {page === 'history' ? <HistoryPage /> : null}
      </main>
      <ProcessPanel />
      <ConnectionPanel />
    </div>
  );
}
