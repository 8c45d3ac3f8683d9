// The stock-flow table: per group a section of periods × figures (beginstand, instroom nieuw / herhaald /
// doorstroom / totaal, uitstroom per end-reason group / totaal, eindstand). Suppressed figures read as in
// the pivot and the exports ("<5", "x"); each cell names its period, group and figure for tests and readers.
import { useTranslation } from 'react-i18next';
import type { FlowCell, FlowCount, FlowsResult } from '../../core/contract/flows.js';
import type { Lang } from '../../core/registry.js';
import { figure } from './figures.js';
import { scrollRegion } from '../ui/scrollRegion.js';

interface Props {
  result: FlowsResult;
  caption: string;
}

export function StockFlowTable({ result, caption }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const threshold = result.suppression.threshold;
  const columns: { key: string; get: (c: FlowCell) => FlowCount | undefined; total?: boolean }[] = [
    { key: 'beginstand', get: (c) => c.beginstand, total: true },
    { key: 'instroom.nieuw', get: (c) => c.instroom.nieuw },
    { key: 'instroom.herhaald', get: (c) => c.instroom.herhaald },
    { key: 'instroom.doorstroom', get: (c) => c.instroom.doorstroom },
    { key: 'instroom.total', get: (c) => c.instroom.total, total: true },
    { key: 'uitstroom.total', get: (c) => c.uitstroom.total, total: true },
    { key: 'eindstand', get: (c) => c.eindstand, total: true },
    // The reasons last: the identity (eindstand = beginstand + instroom − uitstroom) stays readable on the
    // left even when the detail needs horizontal scrolling.
    ...result.reasons.map((r, i) => ({ key: `uitstroom.${r.key}`, get: (c: FlowCell) => c.uitstroom.byReason[i] })),
  ];
  const many = result.groups.length > 1;
  const firstReason = result.reasons[0] ? `uitstroom.${result.reasons[0].key}` : null;
  return (
    <div {...scrollRegion(caption)}>
      <table className="pivot flows-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <td className="corner" />
            <td className="corner" />
            <th scope="colgroup" colSpan={4} className="col-dim">
              {t('flows.table.instroom')}
            </th>
            <td className="corner" />
            <td className="corner" />
            {result.reasons.length > 0 && (
              <th scope="colgroup" colSpan={result.reasons.length} className="col-dim reasons">
                {t('flows.table.uitstroom')}
              </th>
            )}
          </tr>
          <tr>
            <th scope="col">{t('flows.table.period')}</th>
            <th scope="col" className="num">{t('flows.figure.beginstand')}</th>
            <th scope="col" className="num">{t('flows.figure.nieuw')}</th>
            <th scope="col" className="num">{t('flows.figure.herhaald')}</th>
            <th scope="col" className="num">{t('flows.figure.doorstroom')}</th>
            <th scope="col" className="num">{t('flows.table.total')}</th>
            <th scope="col" className="num">{t('flows.figure.uitstroom')}</th>
            <th scope="col" className="num">{t('flows.figure.eindstand')}</th>
            {result.reasons.map((r, i) => (
              <th key={r.key} scope="col" className={i === 0 ? 'num first-reason' : 'num'} title={r.codes.length ? t('flows.table.codes', { codes: r.codes.join(', ') }) : undefined}>
                {r.label[lang]}
              </th>
            ))}
          </tr>
        </thead>
        {result.groups.map((group, g) => (
          <tbody key={group.key} data-group={group.key}>
            {many && (
              <tr className="group-row">
                <th scope="rowgroup" colSpan={columns.length + 1}>
                  {group.label[lang]}
                </th>
              </tr>
            )}
            {result.periods.map((p, i) => {
              const cell = result.cells[i]?.[g];
              return (
                <tr key={p.key} data-period={p.key}>
                  <th scope="row">
                    {p.label[lang]}
                    <PeriodMarks voorlopig={p.voorlopig} history={p.historyIncomplete} />
                  </th>
                  {columns.map((col) => {
                    const f = figure(cell ? col.get(cell) : undefined, threshold);
                    return (
                      <td key={col.key} className={f.className + (col.total ? ' total' : '') + (col.key === firstReason ? ' first-reason' : '')} data-figure={col.key} data-flag={f.flag} title={markTitle(f.flag, threshold, t)}>
                        {f.text}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        ))}
      </table>
    </div>
  );
}

export function PeriodMarks({ voorlopig, history }: { voorlopig: boolean; history: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {voorlopig && (
        <sup className="voorlopig" title={t('flows.marks.voorlopig')}>
          *
        </sup>
      )}
      {history && (
        <sup className="history" title={t('flows.marks.history')}>
          °
        </sup>
      )}
    </>
  );
}

export function markTitle(flag: FlowCount['flag'], threshold: number, t: (k: string, o?: Record<string, unknown>) => string): string | undefined {
  if (flag === 'small') return t('grid.smallTitle', { threshold });
  if (flag === 'suppressed') return t('grid.suppressedTitle', { threshold });
  if (flag === 'secondary') return t('grid.secondaryTitle');
  return undefined;
}
