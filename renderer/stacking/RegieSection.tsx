// The "regie op drie" list (DOMAIN.md §7): trajectories with number 3 (or, as an option, 3 or higher) that
// started in the period, per municipality by ToewijzingNummer, with provider, product, start and the child's
// earlier trajectories of the episode — exact, the municipality's own case list for its evaluation meeting.
// Shown in the analyst's view only (the caller leaves it out in meeting mode); exported only after confirming.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpiegelApi } from '../../core/contract/api.js';
import type { RegieArgs } from '../../core/contract/stacking.js';
import type { Lang } from '../../core/registry.js';
import { formatDate, formatNumber } from '../format.js';
import { useCall } from '../flows/useCall.js';
import { ProspectiveList } from './ProspectiveList.js';
import { RegieExport } from './RegieExport.js';
import { trajectoryText } from './trajectoryText.js';

interface Props {
  api: SpiegelApi;
  version: number;
  args: RegieArgs;
  onOrHigher: (orHigher: boolean) => void;
  segmentLabel: (s: string) => string;
  providerLabel: (agb: string) => string;
  municipalityLabel: (code: string) => string;
}

export function RegieSection({ api, version, args, onOrHigher, segmentLabel, providerLabel, municipalityLabel }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const id = useId();
  const { result, error, busy } = useCall(api, 'query/regie-op-drie', args, version);
  const running = t('stacking.regie.running');

  return (
    <section className="flows-section regie-section" aria-labelledby={`${id}-title`} aria-busy={busy}>
      <div className="section-bar">
        <h3 id={`${id}-title`}>{t('stacking.regie.title')}</h3>
        <RegieExport api={api} query={args} />
      </div>
      <p className="hint">{t('stacking.regie.help')}</p>
      <label className="check">
        <input type="checkbox" checked={args.orHigher ?? false} onChange={(e) => onOrHigher(e.target.checked)} />
        {t('stacking.regie.orHigher')}
      </label>
      {error && (
        <p className="error" role="alert">
          {t('app.error', { message: error })}
        </p>
      )}
      {result && (
        <>
          <p className="regie-count" role="status">
            {t('stacking.regie.count', { count: result.rows.length, n: formatNumber(result.rows.length), from: formatDate(result.start), to: formatDate(result.end) })}
            {result.municipalities.length > 0 && ` · ${result.municipalities.map((m) => `${m.label[lang]}: ${formatNumber(m.rows)}`).join(', ')}`}
          </p>
          <table className="pivot regie-table">
            <caption>{t('stacking.regie.caption', { from: formatDate(result.start), to: formatDate(result.end) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('flows.municipality')}</th>
                <th scope="col">{t('stacking.regie.nr')}</th>
                <th scope="col" className="num">{t('stacking.regie.number')}</th>
                <th scope="col">{t('stacking.regie.provider')}</th>
                <th scope="col">{t('stacking.regie.product')}</th>
                <th scope="col">{t('stacking.regie.start')}</th>
                <th scope="col">{t('stacking.regie.earlier')}</th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((r) => (
                <tr key={`${r.municipality}|${r.toewijzingNr}`} data-municipality={r.municipality} data-nr={r.toewijzingNr}>
                  <td>{municipalityLabel(r.municipality)}</td>
                  <td className="nr">{r.toewijzingNrs.join(', ')}</td>
                  <td className="num number">{r.number}</td>
                  <td>{providerLabel(r.provider)}</td>
                  <td>
                    {r.product || '–'} <span className="hint">({segmentLabel(r.segment)})</span>
                  </td>
                  <td className="start">{formatDate(r.start)}</td>
                  <td className="earlier">
                    <ul className="trajectory-list">
                      {r.earlier.map((x, i) => (
                        <li key={i} data-number={x.number}>
                          {trajectoryText(x, segmentLabel, providerLabel, running)}
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
              {result.rows.length === 0 && (
                <tr>
                  <td colSpan={7}>{t('stacking.regie.none')}</td>
                </tr>
              )}
            </tbody>
          </table>
        </>
      )}
      <ProspectiveList api={api} version={version} municipality={args.municipality} segmentLabel={segmentLabel} providerLabel={providerLabel} municipalityLabel={municipalityLabel} />
    </section>
  );
}
