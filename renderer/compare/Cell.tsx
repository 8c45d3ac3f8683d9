// One figure cell of a compare table: the text of cells.ts, the pivot's marking, a title that says why a figure
// is hidden or marked, and data-figure so tests and readers can name it (the row names itself via data-key).
import { useTranslation } from 'react-i18next';
import type { CompareCell } from '../../core/contract/compare.js';
import { markTitle } from '../flows/StockFlowTable.js';
import { cellText, type Unit } from './cells.js';

interface Props {
  cell: CompareCell | null | undefined;
  unit: Unit;
  threshold: number;
  figure: string;
  className?: string;
}

export function Cell({ cell, unit, threshold, figure, className }: Props) {
  const { t } = useTranslation();
  const c = cellText(cell, unit, threshold);
  return (
    <td className={c.className + (className ? ` ${className}` : '')} data-figure={figure} data-flag={c.flag} title={markTitle(c.flag, threshold, t)}>
      {c.text}
    </td>
  );
}

/** A plain number (no children behind it to protect: a mean of days, a message count). */
export function Plain({ text, figure, className }: { text: string; figure: string; className?: string }) {
  return (
    <td className={`num${className ? ` ${className}` : ''}`} data-figure={figure}>
      {text}
    </td>
  );
}
