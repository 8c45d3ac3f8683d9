// The providers table: one row per provider (largest approved money first, as the engine orders it) and the
// total; last year's clients and € per client beside this year's, the effective price per unit (never summed
// across units), duration, declaration lead time, and the municipality with the largest share of the money.
import { useTranslation } from 'react-i18next';
import type { CompareProviderFigures as ProviderFigures, CompareProvidersResult } from '../../core/contract/compare.js';
import type { Lang } from '../../core/registry.js';
import { Cell, Plain } from './Cell.js';
import { cellText, valueText } from './cells.js';
import { TableWrap } from './TableWrap.js';

interface Props {
  result: CompareProvidersResult;
  onProfile: (agb: string) => void;
}

const COLS = ['clients', 'clientsPrev', 'claimed', 'approved', 'perClient', 'perClientPrev', 'price', 'duration', 'leadTime', 'within60', 'lead'] as const;

export function ProviderTable({ result, onProfile }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const prev = result.previous?.label[lang] ?? t('compare.previous');
  return (
    <TableWrap label={t('compare.providers.tableCaption', { period: result.period.label[lang] })}>
      <table className="pivot compare-table providers-table">
        <caption>{t('compare.providers.tableCaption', { period: result.period.label[lang] })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('compare.providers.provider')}</th>
            {COLS.map((c) => (
              <th key={c} scope="col" className={c === 'lead' ? undefined : 'num'}>
                {t(`compare.providers.col.${c}`, { previous: prev })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {result.providers.map((p) => (
            <tr key={p.agb} data-key={p.agb}>
              <th scope="row">
                <button type="button" className="profile-link" onClick={() => onProfile(p.agb)} aria-label={t('compare.providers.openProfile', { name: p.label })}>
                  {p.label}
                </button>
                {p.label !== p.agb && <span className="agb">{p.agb}</span>}
              </th>
              <Figures f={p.current} prev={p.previous} result={result} />
              <LeadMunicipality result={result} shares={p.shares} />
            </tr>
          ))}
          <tr data-key="total" className="total-row">
            <th scope="row">{result.query.municipality ? t('compare.providers.totalOf', { name: result.municipalities.find((m) => m.code === result.query.municipality)?.label ?? '' }) : t('compare.providers.total')}</th>
            <Figures f={result.total} prev={null} result={result} />
            <td />
          </tr>
        </tbody>
      </table>
    </TableWrap>
  );
}

function Figures({ f, prev, result }: { f: ProviderFigures; prev: ProviderFigures | null; result: CompareProvidersResult }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const th = result.suppression.threshold;
  return (
    <>
      <Cell figure="clients" cell={f.clients} unit="count" threshold={th} className="total" />
      <Cell figure="clientsPrev" cell={prev?.clients} unit="count" threshold={th} className="previous" />
      <Cell figure="claimed" cell={f.claimed} unit="euro" threshold={th} />
      <Cell figure="approved" cell={f.approved} unit="euro" threshold={th} />
      <Cell figure="perClient" cell={f.perClient} unit="euro" threshold={th} className="total" />
      <Cell figure="perClientPrev" cell={prev?.perClient} unit="euro" threshold={th} className="previous" />
      <td className="num units" data-figure="price">
        {f.units.map((u) => (
          <span key={u.unit} data-unit={u.unit} className={cellText(u.price, 'euro', th).className}>
            {t('compare.providers.perUnit', { price: cellText(u.price, 'euro', th).text, unit: u.label[lang] })}
          </span>
        ))}
      </td>
      <Plain figure="duration" text={valueText(f.duration.medianDays, 'days')} />
      <Plain figure="leadTime" text={valueText(f.leadTime.medianDays, 'days') + (f.leadTime.final || f.leadTime.medianDays === null ? '' : '*')} />
      <Cell figure="within60" cell={f.leadTime.within60} unit="share" threshold={th} />
    </>
  );
}

function LeadMunicipality({ result, shares }: { result: CompareProvidersResult; shares: CompareProvidersResult['providers'][number]['shares'] }) {
  const first = shares[0];
  if (!first) return <td data-figure="lead" />;
  const name = result.municipalities.find((m) => m.code === first.municipality)?.label ?? first.municipality;
  const share = cellText(first.money, 'share', result.suppression.threshold);
  return (
    <td data-figure="lead" className="lead-municipality">
      {name} <span className={share.className}>{share.text}</span>
    </td>
  );
}
