import { memo } from 'react';

/** The generic program icon: browser mode has no access to programs' own icons. */
function GenericIcon() {
  return (
    <svg className="proc-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      <rect x="1.5" y="2.5" width="13" height="11" rx="1.5" fill="none" stroke="currentColor" />
      <path d="M1.5 5.5h13" stroke="currentColor" />
    </svg>
  );
}

export const ProcessIcon = memo(function ProcessIcon(_props: { pid: number }) {
  return <GenericIcon />;
});
