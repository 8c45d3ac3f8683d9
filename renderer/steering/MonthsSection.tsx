// Month close: freeze a month's indicator values with the import batches they came from, so a figure given
// to the council can be reproduced later. Voorlopig months (declarations still arriving) are named; closed
// months are listed with their batches and the peildatum at close, and can be reopened.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MonthState } from '../../core/contract/steering.js';
import type { Lang } from '../../core/registry.js';
import { formatDate, formatDateTime } from '../format.js';
import { monthLabel } from './values.js';

interface Props {
  months: MonthState[];
  meeting: boolean;
  onClose: (month: string) => Promise<boolean>;
  onReopen: (month: string) => Promise<void>;
}

export function MonthsSection({ months, meeting, onClose, onReopen }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const id = useId();
  const open = months.filter((m) => m.state !== 'gesloten');
  const closed = months.filter((m) => m.state === 'gesloten').reverse();
  const voorlopig = months.filter((m) => m.state === 'voorlopig');
  // Default: the latest month whose declarations are complete (definitief), else the latest open one.
  const fallback = [...open].reverse().find((m) => m.state === 'definitief') ?? open[open.length - 1];
  const [chosen, setChosen] = useState<string | null>(null);
  const month = open.find((m) => m.month === chosen) ?? fallback;
  const [status, setStatus] = useState('');

  return (
    <section className="steering-section months-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('steering.months.title')}</h3>
      <p className="hint">{t('steering.months.help')}</p>
      {voorlopig.length > 0 && (
        <p className="note voorlopig-months">{t('steering.months.voorlopig', { months: voorlopig.map((m) => monthLabel(m.month, lang)).join(', ') })}</p>
      )}
      {!meeting && month && (
        <div className="close-month">
          <label htmlFor={`${id}-month`}>{t('steering.months.month')}</label>
          <select id={`${id}-month`} value={month.month} onChange={(e) => setChosen(e.target.value)}>
            {[...open].reverse().map((m) => (
              <option key={m.month} value={m.month}>
                {monthLabel(m.month, lang)} ({t(`steering.months.state.${m.state}`)})
              </option>
            ))}
          </select>
          <button
            type="button"
            onClick={() =>
              void onClose(month.month).then((ok) => setStatus(ok ? t('steering.months.closed', { month: monthLabel(month.month, lang) }) : ''))
            }
          >
            {t('steering.months.close')}
          </button>
          {month.state === 'voorlopig' && <span className="hint">{t('steering.months.closeVoorlopig')}</span>}
        </div>
      )}
      <p className="status" role="status">
        {status}
      </p>
      {closed.length === 0 ? (
        <p className="note">{t('steering.months.none')}</p>
      ) : (
        <table className="pivot months-table">
          <caption>{t('steering.months.closedCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('steering.months.month')}</th>
              <th scope="col">{t('steering.months.closedAt')}</th>
              <th scope="col">{t('steering.months.peildatum')}</th>
              <th scope="col">{t('steering.months.batches')}</th>
              <th scope="col">{t('steering.months.values')}</th>
              {!meeting && <td />}
            </tr>
          </thead>
          <tbody>
            {closed.map((m) => (
              <tr key={m.month} data-month={m.month}>
                <th scope="row">{monthLabel(m.month, lang)}</th>
                <td>{formatDateTime(m.closedAt)}</td>
                <td>{formatDate(m.peildatum)}</td>
                <td className="batches">{m.batchIds.map((b) => `#${b}`).join(', ')}</td>
                <td className="num">{m.values}</td>
                {!meeting && (
                  <td>
                    <button type="button" className="secondary" aria-label={t('steering.months.reopenOf', { month: monthLabel(m.month, lang) })} onClick={() => void onReopen(m.month)}>
                      {t('steering.months.reopen')}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
