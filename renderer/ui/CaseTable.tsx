// A list of cases (assignments, trajectories) folded away under its summary: <details class="case-list"> with a
// table of plain cells, a column each. The lists that name assignments are the callers' to keep out of meeting
// mode and the printed report.
import type { ReactNode } from 'react';

export interface CaseColumn<T> {
  key: string;
  label: string;
  cell: (row: T) => ReactNode;
  /** Right-aligned figure (td.num). */
  num?: boolean;
}

interface Props<T> {
  summary: string;
  caption: string;
  /** The table's class beside "pivot". */
  className: string;
  columns: CaseColumn<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
}

export function CaseTable<T>({ summary, caption, className, columns, rows, rowKey }: Props<T>) {
  return (
    <details className="case-list">
      <summary>{summary}</summary>
      <table className={`pivot ${className}`}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={rowKey(r)}>
              {columns.map((c) => (
                <td key={c.key} className={c.num ? 'num' : undefined}>
                  {c.cell(r)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
