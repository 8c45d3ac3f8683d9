// The doorstroom matrix: from-states in the rows (day a − 1), to-states in the columns (day b), children in
// the cells, totals at the ends. A shown, non-zero cell is a button that opens its children (not in meeting
// mode), so the diagram's bands can be reached by keyboard too.
import { useTranslation } from 'react-i18next';
import type { DoorstroomResult, DoorstroomState } from '../../core/contract/flows.js';
import type { Lang } from '../../core/registry.js';
import { formatDate } from '../format.js';
import { figure } from './figures.js';
import { markTitle } from './StockFlowTable.js';
import { scrollRegion } from '../ui/scrollRegion.js';

interface Props {
  result: DoorstroomResult;
  onOpen: ((from: DoorstroomState, to: DoorstroomState) => void) | null;
  open: { from: DoorstroomState; to: DoorstroomState } | null;
}

export function DoorstroomMatrix({ result, onOpen, open }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const threshold = result.suppression.threshold;
  const label = (s: DoorstroomState) => result.states.find((x) => x.key === s)?.label[lang] ?? s;
  // Only states that occur on either day: nine empty rows would hide the few that matter.
  const used = (list: DoorstroomResult['fromTotals']) => result.states.map((s) => s.key).filter((s) => list.some((x) => x.state === s && x.clients !== 0));
  const rows = used(result.fromTotals);
  const cols = used(result.toTotals);
  const cellOf = (from: DoorstroomState, to: DoorstroomState) => result.cells.find((c) => c.from === from && c.to === to);
  const total = (list: DoorstroomResult['fromTotals'], s: DoorstroomState) => list.find((x) => x.state === s);

  return (
    <div {...scrollRegion(t('flows.doorstroom.matrixCaption', { from: formatDate(result.dayBefore), to: formatDate(result.dayEnd) }))}>
      <table className="pivot doorstroom-matrix">
        <caption>{t('flows.doorstroom.matrixCaption', { from: formatDate(result.dayBefore), to: formatDate(result.dayEnd) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('flows.doorstroom.fromTo')}</th>
            {cols.map((c) => (
              <th key={c} scope="col" className="num">
                {label(c)}
              </th>
            ))}
            <th scope="col" className="num total">
              {t('flows.table.total')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const rowTotal = figure(toCount(total(result.fromTotals, r)), threshold);
            return (
              <tr key={r} data-from={r}>
                <th scope="row">{label(r)}</th>
                {cols.map((c) => {
                  const cell = cellOf(r, c);
                  // geen → geen is never counted (children never in care): an empty cell, not a zero.
                  const never = r === 'geen' && c === 'geen';
                  const f = never ? { text: '', className: 'num', flag: 'ok' as const } : figure(cell ? { value: cell.clients, flag: cell.flag } : { value: 0, flag: 'ok' }, threshold);
                  const clickable = onOpen && !never && cell && cell.clients !== null && cell.clients > 0;
                  const pressed = open?.from === r && open.to === c;
                  return (
                    <td key={c} className={f.className + (r === c ? ' stay' : '')} data-from={r} data-to={c} data-flag={f.flag} title={markTitle(f.flag, threshold, t)}>
                      {clickable ? (
                        <button type="button" className="cell-button" aria-pressed={pressed} aria-label={t('flows.doorstroom.openCell', { from: label(r), to: label(c), n: f.text })} onClick={() => onOpen(r, c)}>
                          {f.text}
                        </button>
                      ) : (
                        f.text
                      )}
                    </td>
                  );
                })}
                <td className={rowTotal.className + ' total'} data-from={r} data-to="total" data-flag={rowTotal.flag}>
                  {rowTotal.text}
                </td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('flows.table.total')}</th>
            {cols.map((c) => {
              const f = figure(toCount(total(result.toTotals, c)), threshold);
              return (
                <td key={c} className={f.className + ' total'} data-from="total" data-to={c} data-flag={f.flag}>
                  {f.text}
                </td>
              );
            })}
            <td className="num total" data-from="total" data-to="total">
              {figure({ value: result.clients, flag: 'ok' }, threshold).text}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

const toCount = (x: { clients: number | null; flag: 'ok' | 'small' | 'suppressed' | 'secondary' } | undefined) => (x ? { value: x.clients, flag: x.flag } : undefined);
