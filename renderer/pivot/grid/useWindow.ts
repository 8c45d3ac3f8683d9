// Draws only the body rows in view when the grid is large (grid/window.ts decides when), measuring the
// real row and header heights so meeting mode's larger type needs no separate constants.
import { useCallback, useLayoutEffect, useRef, useState, type RefObject, type UIEvent } from 'react';
import { scrollToRow, windowed, windowRange } from './window.js';

export function useWindow(total: number, columns: number, scroller: RefObject<HTMLDivElement | null>, table: RefObject<HTMLTableElement | null>) {
  const on = windowed(total, columns);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(600);
  const [rowH, setRowH] = useState(30);
  const headerH = useRef(0);

  useLayoutEffect(() => {
    const el = scroller.current;
    const row = table.current?.querySelector('tbody tr.grid-row');
    headerH.current = table.current?.tHead?.getBoundingClientRect().height ?? 0;
    if (el && el.clientHeight > 0 && el.clientHeight !== viewport) setViewport(el.clientHeight);
    const h = row?.getBoundingClientRect().height ?? 0;
    if (h > 0 && Math.abs(h - rowH) > 0.5) setRowH(h);
  });

  const onScroll = useCallback((e: UIEvent<HTMLDivElement>) => setScrollTop(e.currentTarget.scrollTop), []);

  /** Scrolls body row i into view (windowed grids only; otherwise the browser's focus() does it). */
  const reveal = useCallback(
    (i: number) => {
      const el = scroller.current;
      if (!on || !el) return;
      const top = scrollToRow(i, el.scrollTop, el.clientHeight, rowH, headerH.current);
      if (top !== null) el.scrollTop = top;
    },
    [on, rowH, scroller],
  );

  const range = on ? windowRange(total, scrollTop - headerH.current, viewport, rowH) : { start: 0, end: total };
  /** Rows that fit in the view: the step of PageUp/PageDown. */
  const pageSize = useCallback(() => {
    const h = scroller.current?.clientHeight || window.innerHeight;
    return Math.max(5, Math.floor((h - headerH.current) / rowH) - 1);
  }, [rowH, scroller]);

  return { on, ...range, rowH, onScroll, reveal, pageSize };
}
