import { memo } from 'react';
import type { CellMark } from './grid/format.js';
import type { TotalKind } from './model.js';

/** Tooltips per cell mark, built once per grid (not per cell) from the translations. */
export type MarkTitles = Partial<Record<CellMark, string>>;

interface Props {
  text: string;
  mark: CellMark;
  total: TotalKind; // the cell's column or row is a (sub)total
  change: boolean;
  nav: string; // "row:col" in the keyboard grid (grid/keys.ts)
  focused: boolean;
  row: string; // keyAttr of the row path: a stable handle for tests and exports
  col: string;
  measure: string;
  titles: MarkTitles;
}

/** One figure of the grid. Small cells stay exact in the working view but are marked, so nobody copies
 *  them out unknowingly; suppressed cells read "<5" or "x", as in the exports. Events are handled by the
 *  grid (delegation), so thousands of cells stay cheap. */
export const ValueCell = memo(function ValueCell({ text, mark, total, change, nav, focused, row, col, measure, titles }: Props) {
  const classes = ['num', `mark-${mark}`];
  if (total !== 'none') classes.push(total);
  if (change) classes.push('change');
  return (
    <td
      role="gridcell"
      className={classes.join(' ')}
      tabIndex={focused ? 0 : -1}
      data-nav={nav}
      data-row={row}
      data-col={col}
      data-measure={measure}
      data-flag={mark}
      title={titles[mark]}
    >
      {text}
    </td>
  );
});
