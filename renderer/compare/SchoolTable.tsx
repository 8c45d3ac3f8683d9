// The schools table beside the funnel: pupils (the denominator) next to every rate, the band at that school's
// size, where the school lies, DUO's own pupil count as context, segments and special-education referrals,
// board and municipality. Rows by municipality, then name: the funnel shows where a school lies, the table is
// for looking a school up — ordered by rate or position it would read as a league table.
import { useTranslation } from 'react-i18next';
import type { FunnelPosition, SchoolRow, SchoolsResult } from '../../core/contract/schools.js';
import { Cell, Plain } from './Cell.js';
import { cellText, valueText } from './cells.js';
import { TableWrap } from './TableWrap.js';

interface Props {
  result: SchoolsResult;
  zones: Record<FunnelPosition, string>;
  segmentLabel: (s: string) => string;
}

const COLS = ['pupils', 'clients', 'rate', 'band95', 'position', 'duoPupils', 'segments', 'special', 'board', 'municipality'] as const;

export function SchoolTable({ result, zones, segmentLabel }: Props) {
  const { t } = useTranslation();
  return (
    <TableWrap label={t('compare.schools.tableCaption', { year: result.schoolYear ?? '' })}>
      <table className="pivot compare-table schools-table">
        <caption>{t('compare.schools.tableCaption', { year: result.schoolYear ?? '' })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('compare.schools.school')}</th>
            {COLS.map((c) => (
              <th key={c} scope="col" className={['pupils', 'clients', 'rate', 'band95', 'duoPupils', 'special'].includes(c) ? 'num' : undefined}>
                {t(`compare.schools.col.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {byPlace(result.schools).map((s) => (
            <SchoolLine key={s.vestigingscode} s={s} result={result} zones={zones} segmentLabel={segmentLabel} />
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function SchoolLine({ s, result, zones, segmentLabel }: { s: SchoolRow; result: SchoolsResult; zones: Props['zones']; segmentLabel: Props['segmentLabel'] }) {
  const th = result.suppression.threshold;
  const clients = { value: s.clients.value, clients: s.clients.value, flag: s.clients.flag };
  const band = `${valueText(s.limits.lower95, 'share')} – ${valueText(s.limits.upper95, 'share')}`;
  const special = s.specialEducation;
  return (
    <tr data-key={s.vestigingscode} data-position={s.position ?? ''}>
      <th scope="row">
        {s.name ?? s.vestigingscode}
        <span className="agb">{[s.name ? s.vestigingscode : null, s.soort].filter(Boolean).join(' · ')}</span>
      </th>
      <Plain figure="pupils" text={valueText(s.pupils, 'count')} />
      <Cell figure="clients" cell={clients} unit="count" threshold={th} />
      <Plain figure="rate" text={s.rate === null ? '–' : valueText(s.rate, 'share')} className="total" />
      <Plain figure="band95" text={band} className="band" />
      <td data-figure="position" className={`position ${s.position ?? ''}`}>
        {s.position ? zones[s.position] : '–'}
      </td>
      <Plain figure="duoPupils" text={valueText(s.duoPupils, 'count')} className="context" />
      <td data-figure="segments" className="segments">
        {s.bySegment.map((b) => `${segmentLabel(b.segment)} ${cellText({ value: b.clients.value, clients: b.clients.value, flag: b.clients.flag }, 'count', th).text}`).join(' · ')}
      </td>
      <td data-figure="special" className="num">
        {special === null ? '–' : `${valueText(special.share, 'share')} (${cellText({ value: special.referred.value, clients: special.referred.value, flag: special.referred.flag }, 'count', th).text})`}
      </td>
      <td data-figure="board">{s.board ?? '–'}</td>
      <td data-figure="municipality">{s.municipalityName ?? s.municipality ?? '–'}</td>
    </tr>
  );
}

const byName = new Intl.Collator('nl');
function byPlace(schools: SchoolRow[]): SchoolRow[] {
  const key = (s: SchoolRow) => [s.municipalityName ?? s.municipality ?? '', s.name ?? s.vestigingscode] as const;
  return [...schools].sort((a, b) => byName.compare(key(a)[0], key(b)[0]) || byName.compare(key(a)[1], key(b)[1]) || a.vestigingscode.localeCompare(b.vestigingscode));
}
