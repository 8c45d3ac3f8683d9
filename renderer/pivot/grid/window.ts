// Large results: above these sizes the grid draws only the rows in view (plus a margin) and keeps the
// scroll height with two spacer rows, so a 20.000-row pivot scrolls as smoothly as a 20-row one.
export const WINDOW_ROWS = 500;
export const WINDOW_CELLS = 40_000;
const OVERSCAN = 15;

export function windowed(rows: number, columns: number): boolean {
  return rows > WINDOW_ROWS || rows * Math.max(1, columns) > WINDOW_CELLS;
}

/** The body rows [start, end) to draw, given how far the body is scrolled (px below its top edge). */
export function windowRange(total: number, bodyScroll: number, viewport: number, rowHeight: number, overscan = OVERSCAN): { start: number; end: number } {
  const h = Math.max(1, rowHeight);
  const count = Math.ceil(Math.max(0, viewport) / h) + 1;
  const first = Math.min(Math.floor(Math.max(0, bodyScroll) / h), Math.max(0, total - count));
  return { start: Math.max(0, first - overscan), end: Math.min(total, first + count + overscan) };
}

/** The scrollTop that brings body row i into view below a sticky header, moving as little as possible
 *  (null when it is in view already). */
export function scrollToRow(i: number, scrollTop: number, viewport: number, rowHeight: number, headerHeight: number): number | null {
  const top = headerHeight + i * rowHeight;
  if (top < scrollTop + headerHeight) return top - headerHeight;
  if (top + rowHeight > scrollTop + viewport) return top + rowHeight - viewport;
  return null;
}
