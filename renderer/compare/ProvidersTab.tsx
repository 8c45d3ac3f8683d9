// Aanbieders: per provider for one year against the year before: clients, € claimed and approved, € per
// client, effective price per unit, duration, declaration lead time, and each municipality's share; the
// concentration of money and clients in the top 5 and top 10. A provider's name opens its shareable profile.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpiegelApi } from '../../core/contract/api.js';
import type { CompareProvidersResult } from '../../core/contract/compare.js';
import type { Lang } from '../../core/registry.js';
import { FlowChart } from '../flows/FlowChart.js';
import { useCall } from '../flows/useCall.js';
import { ChartFigure } from '../ui/ChartFigure.js';
import { drawable, valueText } from './cells.js';
import { CompareExport } from './CompareExport.js';
import type { CompareState } from './compareState.js';
import { MunicipalityPick } from './MunicipalityPick.js';
import { ProviderTable } from './ProviderTable.js';
import { sharesSpec, type ShareDatum } from './sharesSpec.js';
import { SuppressionLegend, TabNotes } from './TabNotes.js';

interface Props {
  api: SpiegelApi;
  version: number;
  period: string;
  suppress: boolean;
  state: CompareState;
  update: (patch: Partial<CompareState>) => void;
  municipalities: { key: string; label: string }[];
}

/** The providers drawn in the shares chart: the largest by approved money. */
const CHART_PROVIDERS = 12;

export function ProvidersTab({ api, version, period, suppress, state, update, municipalities }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const m = state.municipality ? { municipality: state.municipality } : {};
  const { result, error, busy } = useCall(api, 'compare/providers', { period, suppress, ...m }, version);
  const shares = useMemo(() => (result ? sharesOf(result) : null), [result]);
  const c = result?.concentration;

  return (
    <div className="compare-tab" aria-busy={busy}>
      <div className="compare-bar">
        <MunicipalityPick value={state.municipality} options={municipalities} onChange={(municipality) => update({ municipality })} />
        <CompareExport run={(format, l) => api.invoke('export/compare', { table: 'providers', period, ...m, format, lang: l })} />
      </div>
      {error && (
        <p className="error" role="alert">
          {t('app.error', { message: error })}
        </p>
      )}
      {result && c && shares && (
        <>
          <dl className="concentration" aria-label={t('compare.providers.concentration')}>
            <div data-key="providers">
              <dt>{t('compare.providers.count')}</dt>
              <dd>{valueText(c.providers, 'count')}</dd>
            </div>
            {(['top5', 'top10'] as const).map((k) => (
              <div key={k} data-key={k}>
                <dt>{t(`compare.providers.${k}`)}</dt>
                <dd>
                  <span data-figure="money">{t('compare.providers.ofMoney', { share: valueText(c[k].money, 'share') })}</span>
                  <span data-figure="clients">{t('compare.providers.ofClients', { share: valueText(c[k].clients, 'share') })}</span>
                </dd>
              </div>
            ))}
          </dl>
          <ChartFigure
            className="compare-chart-box"
            caption={t('compare.providers.sharesCaption', { n: shares.providers.length, period: result.period.label[lang] })}
            nothing={t('compare.chart.nothing')}
            notes={
              <>
                <li>{t('compare.providers.sharesNote')}</li>
                {shares.skipped > 0 && <li className="chart-suppressed">{t('compare.chart.skippedShares', { count: shares.skipped, n: shares.skipped })}</li>}
              </>
            }
          >
            {shares.data.length > 0 && (
              <FlowChart
                className="provider-shares"
                label={t('compare.providers.sharesLabel', { n: shares.providers.length, period: result.period.label[lang] })}
                spec={sharesSpec(shares.data, shares.providers, shares.municipalities, {
                  description: t('compare.providers.sharesLabel', { n: shares.providers.length, period: result.period.label[lang] }),
                  share: t('compare.providers.shareOfMoney'),
                  provider: t('compare.providers.provider'),
                  municipality: t('compare.municipalities.name'),
                })}
              />
            )}
          </ChartFigure>
          <ProviderTable result={result} onProfile={(provider) => update({ provider })} />
          {result.providers.some((p) => !p.current.leadTime.final && p.current.leadTime.medianDays !== null) && <p className="note">{t('compare.providers.leadNote')}</p>}
          <SuppressionLegend suppression={result.suppression} />
          <TabNotes notes={result.notes} />
        </>
      )}
    </div>
  );
}

function sharesOf(result: CompareProvidersResult): { data: ShareDatum[]; providers: string[]; municipalities: string[]; skipped: number } {
  const name = new Map(result.municipalities.map((x) => [x.code, x.label]));
  const top = result.providers.slice(0, CHART_PROVIDERS);
  const data: ShareDatum[] = [];
  let skipped = 0;
  for (const p of top) {
    for (const s of p.shares) {
      const v = drawable(s.money);
      // A share the engine hid is left out and counted; a share of no money at all (null, flag ok) is simply absent.
      if (s.money.flag === 'suppressed' || s.money.flag === 'secondary') skipped++;
      else if (v !== null && v > 0) data.push({ provider: p.label, municipality: name.get(s.municipality) ?? s.municipality, share: v });
    }
  }
  return { data, providers: top.map((p) => p.label), municipalities: result.municipalities.map((x) => x.label), skipped };
}
