// A chart as the views show one: <figure class="chart-box …"> with its <figcaption>, the chart (or a note when
// there is nothing to draw) and the notes under it (<ul class="chart-notes">). One component, so every tab's
// chart has the same markup for readers, screen readers and the e2e tests.
import type { ReactNode } from 'react';

interface Props {
  caption: string;
  /** Classes beside chart-box. */
  className?: string;
  /** The chart; null, undefined or false: `nothing` stands in its place. */
  children?: ReactNode;
  nothing?: string;
  /** The <li> items under the chart. */
  notes?: ReactNode;
}

export function ChartFigure({ caption, className, children, nothing, notes }: Props) {
  const empty = children === null || children === undefined || children === false;
  return (
    <figure className={className ? `chart-box ${className}` : 'chart-box'}>
      <figcaption>{caption}</figcaption>
      {empty ? nothing !== undefined && <p className="note">{nothing}</p> : children}
      {notes !== undefined && <ul className="chart-notes">{notes}</ul>}
    </figure>
  );
}
