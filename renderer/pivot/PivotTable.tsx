import { useTranslation } from 'react-i18next';
import type { PivotResult } from '../../core/contract/methods.js';
import type { Lang } from '../i18n/index.js';
import { keyAttr, label, tableGroups, type TableRow } from './model.js';
import { ValueCell } from './ValueCell.js';

interface Props {
  result: PivotResult;
  subtotals: PivotResult | null;
  dimLabel: (dim: string) => string;
  measureLabel: string;
  caption: string;
}

export function PivotTable({ result, subtotals, dimLabel, measureLabel, caption }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { rows: rowDims, cols: colDims } = result.query;
  const hasCols = colDims.length > 0;
  const groups = tableGroups(result, lang, subtotals);
  const levels = rowDims.length;

  const valueCells = (row: TableRow) => {
    const rowAttr = keyAttr(row.key);
    if (!hasCols) return <ValueCell cell={row.cells[0]} row={rowAttr} col={keyAttr([])} total={row.kind === 'subtotal'} />;
    return (
      <>
        {result.colKeys.map((ck, j) => (
          <ValueCell key={keyAttr(ck)} cell={row.cells[j]} row={rowAttr} col={keyAttr(ck)} total={row.kind === 'subtotal'} />
        ))}
        <ValueCell cell={row.total} row={rowAttr} col="total" total />
      </>
    );
  };

  return (
    <div className="table-wrap">
      <table className="pivot">
        <caption>{caption}</caption>
        <thead>
          {hasCols && (
            <tr>
              <td colSpan={levels} className="corner" />
              <th scope="colgroup" colSpan={result.colKeys.length + 1} className="col-dim">
                {dimLabel(colDims[0]!)}
              </th>
            </tr>
          )}
          <tr>
            {rowDims.map((d) => (
              <th key={d} scope="col" className="row-dim">
                {dimLabel(d)}
              </th>
            ))}
            {hasCols ? (
              <>
                {result.colKeys.map((ck) => (
                  <th key={keyAttr(ck)} scope="col" className="num">
                    {label(result, colDims[0]!, ck[0]!, lang)}
                  </th>
                ))}
                <th scope="col" className="num total">
                  {t('pivot.total')}
                </th>
              </>
            ) : (
              <th scope="col" className="num">
                {measureLabel}
              </th>
            )}
          </tr>
        </thead>
        {groups.map((group) => (
          <tbody key={keyAttr(group.key)}>
            {group.rows.map((row, i) => (
              <tr key={row.kind + keyAttr(row.key)} className={row.kind}>
                {group.header !== null && i === 0 && (
                  <th scope="rowgroup" rowSpan={group.rows.length} className="group">
                    {group.header}
                  </th>
                )}
                {row.kind === 'subtotal' ? (
                  <th scope="row" className="total">
                    {t('pivot.totalOf', { label: group.header })}
                  </th>
                ) : (
                  row.headers.slice(group.header !== null ? 1 : 0).map((h, level) => (
                    <th key={level} scope="row">
                      {h}
                    </th>
                  ))
                )}
                {valueCells(row)}
              </tr>
            ))}
          </tbody>
        ))}
        <tfoot>
          <tr className="total">
            <th scope="row" colSpan={levels} className="total">
              {t('pivot.total')}
            </th>
            {hasCols ? (
              <>
                {result.colKeys.map((ck, j) => (
                  <ValueCell key={keyAttr(ck)} cell={result.colTotals[j]} row="total" col={keyAttr(ck)} total />
                ))}
                <ValueCell cell={result.grandTotal} row="total" col="total" total />
              </>
            ) : (
              <ValueCell cell={result.grandTotal} row="total" col={keyAttr([])} total />
            )}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
