import { memo } from 'react';
import type { PivotCell } from '../../../core/contract/pivot.js';
import { keyAttr, type GridColumn, type GridRow as Row } from '../model.js';
import { ValueCell, type MarkTitles } from '../ValueCell.js';
import { cellText } from './format.js';

interface Props {
  row: Row;
  nav: number; // keyboard row (grid/keys.ts): body row i is nav row i + 1
  ariaRowIndex: number;
  columns: GridColumn[];
  cells: PivotCell[] | undefined;
  focusCol: number | null; // the focused keyboard column when the focus is in this row
  threshold: number;
  titles: MarkTitles;
  texts: { expand: string; collapse: string; voorlopig: string };
}

/** One body row: its header, indented per level with a toggle on subtotal rows, then its figures. */
export const GridRow = memo(function GridRow({ row, nav, ariaRowIndex, columns, cells, focusCol, threshold, titles, texts }: Props) {
  const rowKey = keyAttr(row.path);
  const subtotal = row.kind === 'subtotal';
  return (
    <tr role="row" aria-rowindex={ariaRowIndex} className={`grid-row ${row.kind}`}>
      <th
        role="rowheader"
        scope="row"
        className={`row-head level-${row.level}`}
        style={{ paddingLeft: `${0.6 + row.level * 1.4}em` }}
        tabIndex={focusCol === 0 ? 0 : -1}
        data-nav={`${nav}:0`}
        data-row={rowKey}
        aria-expanded={subtotal ? !row.collapsed : undefined}
      >
        {subtotal && (
          // Mouse only: the keyboard toggles with Enter/Space on the header itself (one tab stop per grid).
          <span className="toggle" data-toggle={rowKey} aria-hidden="true" title={row.collapsed ? texts.expand : texts.collapse}>
            {row.collapsed ? '▸' : '▾'}
          </span>
        )}
        {row.label}
        {row.voorlopig && (
          <sup className="voorlopig" title={texts.voorlopig}>
            v
          </sup>
        )}
      </th>
      {columns.map((c, j) => {
        const cell = cells?.[c.col];
        const { text, mark } = cellText(cell, c.mi, c.unit, { change: c.kind === 'change', threshold, measure: c.measure });
        return (
          <ValueCell
            key={j}
            text={text}
            mark={mark}
            total={c.total}
            change={c.kind === 'change'}
            nav={`${nav}:${j + 1}`}
            focused={focusCol === j + 1}
            row={rowKey}
            col={keyAttr(c.path)}
            measure={c.kind === 'change' ? `${c.measure}:change` : c.measure}
            titles={titles}
          />
        );
      })}
    </tr>
  );
});
