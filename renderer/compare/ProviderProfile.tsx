// A provider's profile, meant to be shared with that provider: only aggregates over the last years (in total,
// per municipality, per segment, per product), always suppressed — the engine applies suppression whatever
// the screen's setting. Printed (only the profile is printed, print.css) or exported like every table.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpiegelApi } from '../../core/contract/api.js';
import type { CompareProfileFigures as ProfileFigures, CompareProfileResult as ProviderProfileResult } from '../../core/contract/compare.js';
import { formatDate } from '../format.js';
import { useCall } from '../flows/useCall.js';
import { Cell } from './Cell.js';
import { CompareExport } from './CompareExport.js';
import { SuppressionLegend, TabNotes } from './TabNotes.js';
import { TableWrap } from './TableWrap.js';

interface Props {
  api: SpiegelApi;
  version: number;
  agb: string;
  onBack: () => void;
}

export function ProviderProfile({ api, version, agb, onBack }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const { result, error, busy } = useCall(api, 'compare/provider-profile', { agb }, version);
  const title = !result
    ? t('compare.profile.loading')
    : result.provider.label === result.provider.agb
      ? t('compare.profile.titleAgb', { agb: result.provider.agb })
      : t('compare.profile.title', { name: result.provider.label, agb: result.provider.agb });
  return (
    <section className="provider-profile" aria-labelledby={`${id}-title`} aria-busy={busy}>
      <div className="compare-bar no-print">
        <button type="button" className="secondary" onClick={onBack}>
          {t('compare.profile.back')}
        </button>
        <button type="button" onClick={() => window.print()} disabled={!result}>
          {t('compare.profile.print')}
        </button>
        <CompareExport run={(format, lang) => api.invoke('export/compare', { table: 'provider-profile', agb, format, lang })} />
      </div>
      <h3 id={`${id}-title`}>{title}</h3>
      {error && (
        <p className="error" role="alert">
          {t('app.error', { message: error })}
        </p>
      )}
      {result && (
        <>
          <p className="profile-intro">
            {t('compare.profile.intro', { from: result.years[0] ?? '', to: result.years[result.years.length - 1] ?? '', peildatum: formatDate(result.peildatum) })}
          </p>
          <ProfileTotal result={result} />
          <ProfileTable caption={t('compare.profile.municipalityCaption')} kind="municipality" result={result} lines={result.byMunicipality} />
          <ProfileTable caption={t('compare.profile.segmentCaption')} kind="segment" result={result} lines={result.bySegment} />
          <ProfileTable caption={t('compare.profile.productCaption')} kind="product" result={result} lines={result.byProduct} />
          <SuppressionLegend suppression={result.suppression} />
          <TabNotes notes={result.notes} />
        </>
      )}
    </section>
  );
}

interface TableProps {
  caption: string;
  kind: string;
  result: ProviderProfileResult;
  lines: { key: string; label: string; years: ProfileFigures[] }[];
}

function ProfileTable({ caption, kind, result, lines }: TableProps) {
  const { t } = useTranslation();
  const figures = ['clients', 'approved'] as const;
  const th = result.suppression.threshold;
  if (lines.length === 0) return null;
  return (
    <TableWrap label={caption}>
      <table className={`pivot compare-table profile-table profile-${kind}`}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <td className="corner" />
            {result.years.map((y) => (
              <th key={y} scope="colgroup" colSpan={figures.length} className="col-dim">
                {y}
              </th>
            ))}
          </tr>
          <tr>
            <th scope="col">{t(`compare.profile.by.${kind}`)}</th>
            {result.years.map((y) =>
              figures.map((f) => (
                <th key={`${y}-${f}`} scope="col" className="num">
                  {t(`compare.profile.col.${f}`)}
                </th>
              )),
            )}
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr key={l.key} data-key={l.key}>
              <th scope="row">{l.label}</th>
              {result.years.map((y, i) =>
                figures.map((f) => <Cell key={`${y}-${f}`} figure={`${y}.${f}`} cell={l.years[i]?.[f]} unit={f === 'clients' ? 'count' : 'euro'} threshold={th} />),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/** The provider's totals: a figure per row and a year per column, so it stays narrow enough to print. */
function ProfileTotal({ result }: { result: ProviderProfileResult }) {
  const { t } = useTranslation();
  const figures = ['clients', 'claimed', 'approved', 'perClient'] as const;
  return (
    <TableWrap label={t('compare.profile.totalCaption')}>
      <table className="pivot compare-table profile-table profile-total">
        <caption>{t('compare.profile.totalCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('compare.profile.figure')}</th>
            {result.years.map((y) => (
              <th key={y} scope="col" className="num">
                {y}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {figures.map((f) => (
            <tr key={f} data-key={f}>
              <th scope="row">{t(`compare.profile.col.${f}`)}</th>
              {result.years.map((y, i) => (
                <Cell key={y} figure={y} cell={result.total[i]?.[f]} unit={f === 'clients' ? 'count' : 'euro'} threshold={result.suppression.threshold} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
