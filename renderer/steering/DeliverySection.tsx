// Assigned versus delivered (analysis/delivery): realisation of Omvang against GeleverdVolume per segment and
// unit, assignments never used, open commitments ("open einde"), and spend against the imported ceiling per
// provider (with its year-end forecast). Units are never summed across: one row per segment and unit.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeliveryResult } from '../../core/contract/analysis.js';
import type { SpiegelApi } from '../../core/contract/api.js';
import type { Lang } from '../../core/registry.js';
import { useCall } from '../flows/useCall.js';
import { formatNumber } from '../format.js';
import { CallState } from './CallState.js';
import { CeilingImport } from './CeilingImport.js';
import { figureText } from './values.js';

interface Props {
  api: SpiegelApi;
  version: number;
  year: number;
  suppress: boolean;
  meeting: boolean;
  labelOf: (dim: string, key: string) => string;
}

const pct = (x: number | null) => (x === null ? '–' : `${formatNumber(x * 100, 0)}%`);

function CountsTable({ rows, caption, amount, threshold, kind }: { rows: DeliveryResult['neverUsed']; caption: string; amount: string; threshold: number; kind: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  if (rows.length === 0) return <p className="note">{t('steering.delivery.noneOf', { what: caption })}</p>;
  return (
    <table className={`pivot ${kind}-table`}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('steering.segment')}</th>
          <th scope="col">{t('steering.delivery.assignments')}</th>
          <th scope="col">{t('steering.delivery.clients')}</th>
          <th scope="col">{amount}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.segment} data-segment={r.segment}>
            <th scope="row">{r.label[lang]}</th>
            {[figureText(r.assignments, threshold), figureText(r.clients, threshold), r.amount ? figureText(r.amount, threshold, true) : { text: '–', className: 'num' }].map((f, i) => (
              <td key={i} className={f.className}>
                {f.text}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function DeliverySection({ api, version, year, suppress, meeting, labelOf }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const id = useId();
  const [imports, setImports] = useState(0); // a ceiling import refetches the figures
  const { result, error, busy } = useCall(api, 'analysis/delivery', { year, suppress }, version + imports);
  const threshold = result?.suppression.threshold ?? 5;
  const withCeiling = result?.providers.filter((p) => p.ceiling !== null) ?? [];
  return (
    <section className="steering-section delivery-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('steering.delivery.title', { year })}</h3>
      <CallState error={error} busy={busy} notes={result?.notes} />
      {result && (
        <>
          {result.realisation.length === 0 && <p className="note">{t('steering.delivery.noRealisation')}</p>}
          <div className="table-wrap" hidden={result.realisation.length === 0}>
            <table className="pivot realisation-table">
              <caption>{t('steering.delivery.realisation')}</caption>
              <thead>
                <tr>
                  {['segment', 'unit', 'assignments', 'clients', 'assigned', 'delivered', 'realisationPct'].map((k) => (
                    <th key={k} scope="col">
                      {t(`steering.delivery.${k}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {result.realisation.map((r) => (
                  <tr key={`${r.segment}-${r.unit}`} data-segment={r.segment} data-unit={r.unit}>
                    <th scope="row">{r.label[lang]}</th>
                    <td>{r.unit}</td>
                    {/* The number of assignments would give away a hidden count of children: hidden with it. */}
                    {[figureText({ value: r.assignments, flag: r.clients.flag }, threshold), figureText(r.clients, threshold), figureText(r.assigned, threshold), figureText(r.delivered, threshold)].map((f, i) => (
                      <td key={i} className={f.className}>
                        {f.text}
                      </td>
                    ))}
                    <td className="num realisation">{pct(r.realisation)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <CountsTable kind="never-used" rows={result.neverUsed} caption={t('steering.delivery.neverUsed')} amount={t('steering.delivery.amount')} threshold={threshold} />
          <CountsTable kind="open-commitments" rows={result.openCommitments} caption={t('steering.delivery.open')} amount={t('steering.delivery.expected')} threshold={threshold} />
          {withCeiling.length === 0 ? (
            <p className="note">{t('steering.delivery.noCeilings')}</p>
          ) : (
            <table className="pivot ceiling-table">
              <caption>{t('steering.delivery.ceilings')}</caption>
              <thead>
                <tr>
                  {['provider', 'clients', 'spend', 'forecast', 'ceiling', 'used', 'status'].map((k) => (
                    <th key={k} scope="col">
                      {t(`steering.delivery.${k}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {withCeiling.map((p) => (
                  <tr key={p.provider} data-provider={p.provider} data-status={p.status}>
                    <th scope="row">{labelOf('provider', p.provider)}</th>
                    {[figureText(p.clients, threshold), figureText(p.spend, threshold, true), figureText(p.forecast, threshold, true), figureText({ value: p.ceiling, flag: 'ok' }, threshold, true)].map((f, i) => (
                      <td key={i} className={f.className}>
                        {f.text}
                      </td>
                    ))}
                    <td className="num">{p.spend.value === null ? '–' : pct(p.used)}</td>
                    <td className={`ceiling-${p.status}`}>{t(`steering.delivery.state.${p.status}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {!meeting && <CeilingImport api={api} onImported={() => setImports((n) => n + 1)} />}
        </>
      )}
    </section>
  );
}
