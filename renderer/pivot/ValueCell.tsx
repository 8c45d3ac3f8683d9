import { createContext, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../core/registry.js';
import type { PivotCell } from '../../core/contract/methods.js';
import { formatNumber } from '../format.js';

/** The unit of the measure on show: counts as integers, money (eurocent) as euro with cents. */
export const UnitContext = createContext<Unit>('count');

/** The grid shows whole euros (readable at a glance in a meeting); exports and JSON keep the cents. */
export function formatValue(value: number, unit: Unit): string {
  return unit === 'eurocent' ? `€ ${formatNumber(Math.round(value / 100))}` : formatNumber(value);
}

interface Props {
  cell: PivotCell | undefined;
  row: string;
  col: string;
  total?: boolean;
}

/** One figure. Small cells stay exact in the working view but are marked, so nobody copies them out
 *  unknowingly; suppressed cells (meeting mode, exports) show "<5" or a dash. */
export function ValueCell({ cell, row, col, total }: Props) {
  const { t } = useTranslation();
  const unit = useContext(UnitContext);
  const classes = ['num'];
  if (total) classes.push('total');
  let text = formatValue(cell?.values[0] ?? 0, unit);
  let title: string | undefined;
  if (cell?.flag === 'small') {
    classes.push('small');
    title = t('pivot.small');
  } else if (cell?.flag === 'suppressed' || cell?.flag === 'secondary') {
    classes.push('suppressed');
    text = cell.flag === 'suppressed' ? '<5' : '–';
    title = t('pivot.suppressed');
  }
  if (cell && cell.values[0] === 0) classes.push('zero');
  return (
    <td className={classes.join(' ')} data-row={row} data-col={col} data-flag={cell?.flag ?? 'ok'} title={title}>
      {text}
    </td>
  );
}
