// The quality table: per provider and for the region each share with the count it is a share of beside it
// (a share of 3 assignments says little), request lead time in working days, and retour messages per type.
import { useTranslation } from 'react-i18next';
import type { CompareQualityResult, CompareQualityRow as QualityRow } from '../../core/contract/compare.js';
import type { Lang } from '../../core/registry.js';
import { Cell, Plain } from './Cell.js';
import { valueText } from './cells.js';
import { TableWrap } from './TableWrap.js';

export function QualityTable({ result }: { result: CompareQualityResult }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const groups = ['startWithin14', 'endsWithoutStop', 'answerWithin10'] as const;
  return (
    <TableWrap label={t('compare.quality.tableCaption', { period: result.period.label[lang] })}>
      <table className="pivot compare-table quality-table">
        <caption>{t('compare.quality.tableCaption', { period: result.period.label[lang] })}</caption>
        <thead>
          <tr>
            <td className="corner" />
            {groups.map((g) => (
              <th key={g} scope="colgroup" colSpan={2} className="col-dim">
                {t(`compare.quality.share.${g}`)}
              </th>
            ))}
            <th scope="colgroup" colSpan={4} className="col-dim">
              {t('compare.quality.requestsGroup')}
            </th>
            {result.retourTypes.length > 0 && (
              <th scope="colgroup" colSpan={result.retourTypes.length} className="col-dim">
                {t('compare.quality.retoursGroup')}
              </th>
            )}
          </tr>
          <tr>
            <th scope="col">{t('compare.providers.provider')}</th>
            {groups.map((g) => (
              <QualityHeads key={g} group={g} />
            ))}
            {(['requests', 'median', 'withinNorm', 'unanswered'] as const).map((k) => (
              <th key={k} scope="col" className="num">
                {t(`compare.quality.col.${k}`)}
              </th>
            ))}
            {result.retourTypes.map((rt) => (
              <th key={rt} scope="col" className="num" title={t('compare.quality.retourTitle')}>
                {rt}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {result.providers.map((p) => (
            <QualityLine key={p.key} row={p} result={result} />
          ))}
          <QualityLine row={result.region} result={result} total />
        </tbody>
      </table>
    </TableWrap>
  );
}

function QualityHeads({ group }: { group: string }) {
  const { t } = useTranslation();
  return (
    <>
      <th scope="col" className="num">
        {t(`compare.quality.of.${group}`)}
      </th>
      <th scope="col" className="num">
        {t('compare.quality.col.share')}
      </th>
    </>
  );
}

function QualityLine({ row, result, total }: { row: QualityRow; result: CompareQualityResult; total?: boolean }) {
  const th = result.suppression.threshold;
  return (
    <tr data-key={row.key} className={total ? 'total-row' : undefined}>
      <th scope="row">{row.label}</th>
      {(['startWithin14', 'endsWithoutStop', 'answerWithin10'] as const).map((g) => (
        <QualityPair key={g} group={g} row={row} threshold={th} />
      ))}
      <Cell figure="requests" cell={row.requests.requests} unit="count" threshold={th} />
      <Plain figure="median" text={valueText(row.requests.medianWorkingDays, 'days')} />
      <Cell figure="withinNorm" cell={row.requests.withinNorm} unit="share" threshold={th} />
      <Cell figure="unanswered" cell={row.requests.unanswered} unit="count" threshold={th} />
      {result.retourTypes.map((rt, i) => {
        const r = row.retours[i];
        return <Plain key={rt} figure={`retour.${rt}`} text={r ? `${valueText(r.messages, 'count')}${r.withCodes > 0 ? ` (${valueText(r.withCodes, 'count')})` : ''}` : '–'} />;
      })}
    </tr>
  );
}

function QualityPair({ group, row, threshold }: { group: 'startWithin14' | 'endsWithoutStop' | 'answerWithin10'; row: QualityRow; threshold: number }) {
  return (
    <>
      <Cell figure={`${group}.of`} cell={row[group].of} unit="count" threshold={threshold} />
      <Cell figure={`${group}.share`} cell={row[group].share} unit="share" threshold={threshold} className="total" />
    </>
  );
}
