import type { KeyboardEvent, PointerEvent, RefObject } from 'react';
import { useServices, useUi } from '../../app/services';
import { useT } from '../../i18n/useT';
import { SPLIT_MAX, SPLIT_MIN } from '../../stores/ui';

const STEP = 0.05;

/**
 * The bar between the two tables (a WAI-ARIA window splitter): drag it, or focus it and use the
 * arrow keys, Home and End. The split is remembered.
 */
export function TableSplitter({ container }: { container: RefObject<HTMLElement | null> }) {
  const { ui } = useServices();
  const t = useT();
  const split = useUi((s) => s.layout.split);
  const set = (v: number) => ui.getState().setSplit(v);

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    const box = container.current?.getBoundingClientRect();
    if (!box || box.height <= 0) return;
    e.preventDefault();
    const bar = e.currentTarget;
    bar.setPointerCapture?.(e.pointerId);
    const move = (ev: globalThis.PointerEvent) => set((ev.clientY - box.top) / box.height);
    const up = () => {
      bar.removeEventListener('pointermove', move);
      bar.removeEventListener('pointerup', up);
      bar.removeEventListener('pointercancel', up);
    };
    bar.addEventListener('pointermove', move);
    bar.addEventListener('pointerup', up);
    bar.addEventListener('pointercancel', up);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const next =
      e.key === 'ArrowUp' ? split - STEP : e.key === 'ArrowDown' ? split + STEP : e.key === 'Home' ? SPLIT_MIN : e.key === 'End' ? SPLIT_MAX : null;
    if (next === null) return;
    e.preventDefault();
    set(next);
  };

  return (
    <div
      className="table-splitter"
      role="separator"
      aria-orientation="horizontal"
      aria-label={t('ui.dashboard.splitter.label')}
      aria-valuemin={Math.round(SPLIT_MIN * 100)}
      aria-valuemax={Math.round(SPLIT_MAX * 100)}
      aria-valuenow={Math.round(split * 100)}
      aria-valuetext={t('ui.dashboard.splitter.value', { share: t.fmt.percent(split) })}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
      onDoubleClick={() => set(0.5)}
    />
  );
}
