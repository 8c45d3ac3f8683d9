// The children behind one doorstroom band (query/doorstroom-children): shortened pseudonyms and the
// ToewijzingNummers of their care on the two days. In-app only: never exported, never in meeting mode.
import { useTranslation } from 'react-i18next';
import type { SpiegelApi } from '../../core/contract/api.js';
import type { DoorstroomState, FlowGrain } from '../../core/contract/flows.js';
import { formatNumber } from '../format.js';
import { useCall } from './useCall.js';
import '../pivot/grid/panels.css';

interface Props {
  api: SpiegelApi;
  version: number;
  grain: FlowGrain;
  period: string;
  municipality: string | null;
  from: DoorstroomState;
  to: DoorstroomState;
  title: string;
  municipalityLabel: (code: string) => string;
  onClose: () => void;
}

export function ChildrenPanel({ api, version, grain, period, municipality, from, to, title, municipalityLabel, onClose }: Props) {
  const { t } = useTranslation();
  const args = { grain, period, from, to, limit: 500, ...(municipality ? { municipality } : {}) };
  const { result, error, busy } = useCall(api, 'query/doorstroom-children', args, version);
  return (
    <aside className="grid-panel children-panel" aria-label={t('flows.children.title')} aria-busy={busy}>
      <header>
        <h4>{title}</h4>
        <button type="button" className="secondary" onClick={onClose}>
          {t('grid.close')}
        </button>
      </header>
      <p className="hint">{t('flows.children.privacy')}</p>
      {error && (
        <p className="error" role="alert">
          {t('app.error', { message: error })}
        </p>
      )}
      {result && (
        <>
          <p className="children-count" role="status">
            {t('grid.children', { count: result.total, n: formatNumber(result.total) })}
            {result.children.length < result.total && ` · ${t('flows.children.firstN', { n: formatNumber(result.children.length) })}`}
          </p>
          <table className="pivot children-table">
            <thead>
              <tr>
                <th scope="col">{t('flows.children.pseudonym')}</th>
                <th scope="col">{t('flows.children.assignments')}</th>
                <th scope="col">{t('flows.children.municipalities')}</th>
              </tr>
            </thead>
            <tbody>
              {result.children.map((c) => (
                <tr key={c.pseudonym}>
                  <td>
                    <code>{c.pseudonym}</code>
                  </td>
                  <td className="assignments">{c.toewijzingNrs.join(', ')}</td>
                  <td>{c.municipalities.map(municipalityLabel).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </aside>
  );
}
