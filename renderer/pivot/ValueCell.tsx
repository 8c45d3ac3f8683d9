import { useTranslation } from 'react-i18next';
import type { PivotCell } from '../../core/contract/methods.js';
import { formatNumber } from '../format.js';

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
  const classes = ['num'];
  if (total) classes.push('total');
  let text = formatNumber(cell?.values[0] ?? 0);
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
