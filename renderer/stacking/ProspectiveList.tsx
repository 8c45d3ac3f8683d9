// The prospective "regie op drie" list (DOMAIN.md §7): children at number 2 of a running episode with a new
// request (JW315/JW317) or an assignment not yet started — the moment to evaluate is before the third start.
// Same privacy status as the list itself: in-app only, hidden in meeting mode by the caller.
import { useTranslation } from 'react-i18next';
import type { SpiegelApi } from '../../core/contract/api.js';
import { formatDate, formatNumber } from '../format.js';
import { useCall } from '../flows/useCall.js';
import { trajectoryText } from './trajectoryText.js';

interface Props {
  api: SpiegelApi;
  version: number;
  municipality: string | undefined;
  segmentLabel: (s: string) => string;
  providerLabel: (agb: string) => string;
  municipalityLabel: (code: string) => string;
}

export function ProspectiveList({ api, version, municipality, segmentLabel, providerLabel, municipalityLabel }: Props) {
  const { t } = useTranslation();
  const { result, error } = useCall(api, 'query/regie-op-drie-prospective', municipality ? { municipality } : {}, version);
  const running = t('stacking.regie.running');
  return (
    <div className="prospective">
      <h4>{t('stacking.prospective.title')}</h4>
      <p className="hint">{t('stacking.prospective.help')}</p>
      {error && (
        <p className="error" role="alert">
          {t('app.error', { message: error })}
        </p>
      )}
      {result && (
        <table className="pivot prospective-table">
          <caption>{t('stacking.prospective.caption', { count: result.rows.length, n: formatNumber(result.rows.length), day: formatDate(result.peildatum) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('flows.children.pseudonym')}</th>
              <th scope="col">{t('flows.municipality')}</th>
              <th scope="col">{t('stacking.prospective.current')}</th>
              <th scope="col">{t('stacking.prospective.triggers')}</th>
            </tr>
          </thead>
          <tbody>
            {result.rows.map((r) => (
              <tr key={r.pseudonym} data-pseudonym={r.pseudonym}>
                <td>
                  <code>{r.pseudonym}</code>
                </td>
                <td>{municipalityLabel(r.municipality)}</td>
                <td>
                  <ul className="trajectory-list">
                    {r.current.map((x, i) => (
                      <li key={i}>{trajectoryText(x, segmentLabel, providerLabel, running)}</li>
                    ))}
                  </ul>
                </td>
                <td>
                  <ul>
                    {r.triggers.map((x, i) => (
                      <li key={i} data-kind={x.kind}>
                        {t(`stacking.prospective.${x.kind}`, { code: x.code, day: formatDate(x.date) })} · {providerLabel(x.provider)}
                        {x.toewijzingNr !== null && ` (nr ${x.toewijzingNr})`}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
            {result.rows.length === 0 && (
              <tr>
                <td colSpan={4}>{t('stacking.prospective.none')}</td>
              </tr>
            )}
          </tbody>
        </table>
      )}
    </div>
  );
}
