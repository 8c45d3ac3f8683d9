// Clients per segment per municipality, as counts and (with a population table) per 1,000 youth. A child in
// two segments counts in both, so the segments do not add up to the clients column; the caption says so.
import { useTranslation } from 'react-i18next';
import type { CompareMunicipalitiesResult } from '../../core/contract/compare.js';
import type { Lang } from '../../core/registry.js';
import { Cell } from './Cell.js';
import { guarded } from './cells.js';
import { TableWrap } from './TableWrap.js';

export function SegmentTable({ result, threshold }: { result: CompareMunicipalitiesResult; threshold: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const rates = result.population.available;
  return (
    <TableWrap label={t('compare.municipalities.segmentCaption', { period: result.period.label[lang] })}>
      <table className="pivot compare-table segments-table">
        <caption>{t('compare.municipalities.segmentCaption', { period: result.period.label[lang] })}</caption>
        <thead>
          <tr>
            <td className="corner" />
            {result.segments.map((s) => (
              <th key={s.key} scope="colgroup" colSpan={rates ? 2 : 1} className="col-dim">
                {s.label[lang]}
              </th>
            ))}
          </tr>
          <tr>
            <th scope="col">{t('compare.municipalities.name')}</th>
            {result.segments.map((s) => (
              <SegmentHeads key={s.key} rates={rates} />
            ))}
          </tr>
        </thead>
        <tbody>
          {result.rows.map((r) => (
            <tr key={r.key} data-key={r.key} className={r.kind === 'region' ? 'total-row' : undefined}>
              <th scope="row">{r.label}</th>
              {result.segments.map((s, i) => (
                <SegmentCells key={s.key} segment={s.key} count={r.current.segments[i]} rate={rates ? (guarded(r.current.perThousand?.segments[i], r.current.segments[i]) ?? null) : undefined} threshold={threshold} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function SegmentHeads({ rates }: { rates: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <th scope="col" className="num">
        {t('compare.municipalities.col.clients')}
      </th>
      {rates && (
        <th scope="col" className="num">
          {t('compare.municipalities.col.perThousand')}
        </th>
      )}
    </>
  );
}

type C = CompareMunicipalitiesResult['rows'][number]['current']['clients'];

function SegmentCells({ segment, count, rate, threshold }: { segment: string; count: C | undefined; rate: C | null | undefined; threshold: number }) {
  return (
    <>
      <Cell figure={`${segment}.clients`} cell={count} unit="count" threshold={threshold} />
      {rate !== undefined && <Cell figure={`${segment}.perThousand`} cell={rate} unit="rate" threshold={threshold} />}
    </>
  );
}
