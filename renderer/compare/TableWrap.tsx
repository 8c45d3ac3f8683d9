// The scrolling box around a wide compare table: a named region in the Tab order, so a keyboard user can
// scroll it sideways with the arrow keys (axe: scrollable-region-focusable).
import type { ReactNode } from 'react';

export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
