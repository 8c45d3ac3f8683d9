import { useTranslation } from 'react-i18next';
import type { PivotQuery } from '../../../core/contract/pivot.js';
import { sortOf, type GridModel } from '../model.js';

interface Props {
  model: GridModel;
  query: PivotQuery;
  focusCol: number | null; // the focused keyboard column when the focus is in the measure row
}

const arrow = (s: 'ascending' | 'descending' | undefined) => (s === 'ascending' ? ' ▲' : s === 'descending' ? ' ▼' : '');

/** The column headers: one row per column dimension (group headers spanning their children and subtotal),
 *  then the measure row, which is the keyboard grid's row 0 and sorts on click or Enter. */
export function GridHeader({ model, query, focusCol }: Props) {
  const { t } = useTranslation();
  const subLabel = (unit: string) =>
    unit === 'percent' && query.showAs !== 'value' ? t(`grid.showAs.${query.showAs}`) : unit === 'rate' ? t('grid.per1000') : '';
  const keySort = query.sort.by === 'key' ? (query.sort.dir === 'asc' ? 'ascending' : 'descending') : undefined;
  const rowDims = model.rowDimLabels.join(' › ');
  return (
    <thead>
      {model.headerRows.map((cells, k) => (
        <tr role="row" aria-rowindex={k + 1} key={k} className="dim-row">
          <th role="columnheader" scope="col" className="corner col-dim">
            {model.colDimLabels[k]}
          </th>
          {cells.map((h, i) => (
            <th
              key={i}
              role="columnheader"
              scope="colgroup"
              colSpan={h.colSpan}
              rowSpan={h.rowSpan}
              className={`col-head ${h.total}`}
            >
              {h.text}
              {h.voorlopig && (
                <sup className="voorlopig" title={t('grid.voorlopigLegend')}>
                  v
                </sup>
              )}
            </th>
          ))}
        </tr>
      ))}
      <tr role="row" aria-rowindex={model.headerRows.length + 1} className="measure-row">
        <th
          role="columnheader"
          scope="col"
          className="corner row-dims sortable"
          aria-sort={keySort}
          tabIndex={focusCol === 0 ? 0 : -1}
          data-nav="0:0"
          title={t('grid.sortKey', { label: rowDims })}
        >
          {rowDims}
          {arrow(keySort)}
        </th>
        {model.columns.map((c, j) => {
          const sort = sortOf(query.sort, c);
          const value = c.kind === 'value';
          const sub = value ? subLabel(c.unit) : '';
          return (
            <th
              key={j}
              role="columnheader"
              scope="col"
              className={`num measure ${c.total} ${value ? 'sortable' : 'change'}`}
              aria-sort={sort}
              tabIndex={focusCol === j + 1 ? 0 : -1}
              data-nav={`0:${j + 1}`}
              title={value ? t('grid.sortBy', { label: c.header }) : t(`grid.compare.${query.compare}`)}
            >
              {c.header}
              {sub && <span className="sub">{sub}</span>}
              {arrow(sort)}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
