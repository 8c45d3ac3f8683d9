// Gemeenten: per municipality and for the region, for one year against the year before: clients per 1,000
// youth (CBS population 0–17), met / zonder verblijf, segments, € per client and per inhabitant. A bar chart of
// the chosen measure (in the table's order, never ranked) with the region as a line, and the tables.
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpiegelApi } from '../../core/contract/api.js';
import type { CompareMunicipalitiesResult, CompareMunicipalityFigures as MunicipalityFigures, CompareMunicipalityRow as MunicipalityRow } from '../../core/contract/compare.js';
import type { Lang } from '../../core/registry.js';
import { FlowChart } from '../flows/FlowChart.js';
import { useCall } from '../flows/useCall.js';
import { ChartFigure } from '../ui/ChartFigure.js';
import { barSpec, type BarRow } from './barSpec.js';
import { Cell, Plain } from './Cell.js';
import { drawable, guarded, valueText, type Unit } from './cells.js';
import { CompareExport } from './CompareExport.js';
import { MUNICIPALITY_MEASURES, type CompareState, type MunicipalityMeasure } from './compareState.js';
import { SegmentTable } from './SegmentTable.js';
import { SuppressionLegend, TabNotes } from './TabNotes.js';
import { TableWrap } from './TableWrap.js';

interface Props {
  api: SpiegelApi;
  version: number;
  period: string;
  suppress: boolean;
  state: CompareState;
  update: (patch: Partial<CompareState>) => void;
}

/** The figure a measure draws, and its unit. */
const MEASURE: Record<MunicipalityMeasure, { unit: Unit; get: (f: MunicipalityFigures) => MunicipalityFigures['clients'] | null | undefined }> = {
  clients: { unit: 'rate', get: (f) => guarded(f.perThousand?.clients, f.clients) },
  metVerblijf: { unit: 'rate', get: (f) => guarded(f.perThousand?.metVerblijf, f.metVerblijf) },
  zonderVerblijf: { unit: 'rate', get: (f) => guarded(f.perThousand?.zonderVerblijf, f.zonderVerblijf) },
  perClient: { unit: 'euro', get: (f) => f.perClient },
  perInhabitant: { unit: 'euro', get: (f) => f.perInhabitant },
};

export function MunicipalitiesTab({ api, version, period, suppress, state, update }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const id = useId();
  const args = { period, mergers: state.mergers, kader: state.kader, suppress };
  const { result, error, busy } = useCall(api, 'compare/municipalities', args, version);
  const measure = MEASURE[state.measure];
  const chart = useMemo(() => (result ? chartOf(result, state.measure) : null), [result, state.measure]);
  const measureLabel = t(`compare.municipalities.measure.${state.measure}`);
  const threshold = result?.suppression.threshold ?? 5;

  return (
    <div className="compare-tab" aria-busy={busy}>
      <div className="compare-bar">
        <form className="controls compare-controls" onSubmit={(e) => e.preventDefault()} aria-label={t('compare.municipalities.controls')}>
          <fieldset>
            <legend className="visually-hidden">{t('compare.municipalities.controls')}</legend>
            <div className="control">
              <label htmlFor={`${id}-measure`}>{t('compare.municipalities.measureLabel')}</label>
              <select id={`${id}-measure`} value={state.measure} onChange={(e) => update({ measure: e.target.value as MunicipalityMeasure })}>
                {MUNICIPALITY_MEASURES.map((m) => (
                  <option key={m} value={m}>
                    {t(`compare.municipalities.measure.${m}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="control">
              <label htmlFor={`${id}-mergers`}>{t('compare.municipalities.mergersLabel')}</label>
              <select id={`${id}-mergers`} value={state.mergers} onChange={(e) => update({ mergers: e.target.value as CompareState['mergers'] })}>
                <option value="mergers">{t('compare.municipalities.mergers.mergers')}</option>
                <option value="asGiven">{t('compare.municipalities.mergers.asGiven')}</option>
              </select>
            </div>
            <div className="control">
              <label htmlFor={`${id}-kader`}>{t('compare.municipalities.kaderLabel')}</label>
              <select id={`${id}-kader`} value={state.kader} onChange={(e) => update({ kader: e.target.value as CompareState['kader'] })}>
                <option value="all">{t('compare.municipalities.kader.all')}</option>
                <option value="jeugdhulp">{t('compare.municipalities.kader.jeugdhulp')}</option>
              </select>
            </div>
          </fieldset>
        </form>
        <CompareExport run={(format, l) => api.invoke('export/compare', { table: 'municipalities', period, mergers: state.mergers, kader: state.kader, format, lang: l })} />
      </div>
      {error && (
        <p className="error" role="alert">
          {t('app.error', { message: error })}
        </p>
      )}
      {result && chart && (
        <>
          {!result.population.available && <p className="note">{t('compare.municipalities.noPopulation')}</p>}
          <ChartFigure
            className="compare-chart-box"
            caption={t('compare.municipalities.chartCaption', { measure: measureLabel, period: result.period.label[lang] })}
            nothing={t('compare.chart.nothing')}
            notes={
              <>
                <li>{t('compare.chart.barNotes', { previous: result.previous?.label[lang] ?? t('compare.previous') })}</li>
                {chart.skipped > 0 && <li className="chart-suppressed">{t('compare.chart.skipped', { count: chart.skipped, n: chart.skipped })}</li>}
              </>
            }
          >
            {chart.rows.length > 0 && (
              <FlowChart
                className="municipality-bars"
                label={t('compare.municipalities.chartLabel', { measure: measureLabel, period: result.period.label[lang] })}
                spec={barSpec(chart.rows, chart.region, measure.unit, {
                  description: t('compare.municipalities.chartLabel', { measure: measureLabel, period: result.period.label[lang] }),
                  value: measureLabel,
                  previous: result.previous ? result.previous.label[lang] : t('compare.previous'),
                  region: t('compare.region'),
                  name: t('compare.municipalities.name'),
                })}
              />
            )}
          </ChartFigure>
          <MunicipalityTable result={result} threshold={threshold} />
          <SegmentTable result={result} threshold={threshold} />
          <SuppressionLegend suppression={result.suppression} />
          <TabNotes notes={result.notes} extra={mappingNote(result, t)} />
        </>
      )}
    </div>
  );
}

function chartOf(result: CompareMunicipalitiesResult, m: MunicipalityMeasure): { rows: BarRow[]; region: number | null; skipped: number } {
  const get = MEASURE[m].get;
  const rows: BarRow[] = [];
  let skipped = 0;
  for (const r of result.rows.filter((x) => x.kind === 'municipality')) {
    const v = drawable(get(r.current));
    if (v === null) skipped++;
    else rows.push({ key: r.key, label: r.label, value: v, previous: r.previous ? drawable(get(r.previous)) : null });
  }
  const region = result.rows.find((x) => x.kind === 'region');
  return { rows, region: region ? drawable(get(region.current)) : null, skipped };
}

function mappingNote(result: CompareMunicipalitiesResult, t: (k: string, o?: Record<string, unknown>) => string): string[] {
  const merged = result.mapping.merged;
  if (merged.length === 0) return [];
  const list = merged.map((m) => `${m.oldCode} → ${m.newCode} (${m.fromYear})`).join(', ');
  return [result.mapping.applied === 'mergers' ? t('compare.municipalities.mergedNote', { list }) : t('compare.municipalities.asGivenNote', { list })];
}

function MunicipalityTable({ result, threshold }: { result: CompareMunicipalitiesResult; threshold: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const prev = result.previous?.label[lang] ?? t('compare.previous');
  const head = (key: string, o?: Record<string, unknown>) => (
    <th scope="col" className="num">
      {t(`compare.municipalities.col.${key}`, o)}
    </th>
  );
  return (
    <TableWrap label={t('compare.municipalities.tableCaption', { period: result.period.label[lang] })}>
      <table className="pivot compare-table municipalities-table">
        <caption>{t('compare.municipalities.tableCaption', { period: result.period.label[lang] })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('compare.municipalities.name')}</th>
            {head('population')}
            {head('clients')}
            {head('perThousand')}
            {head('perThousandPrev', { previous: prev })}
            {head('metVerblijf')}
            {head('zonderVerblijf')}
            {head('jbjr')}
            {head('approved')}
            {head('perClient')}
            {head('perClientPrev', { previous: prev })}
            {head('perInhabitant')}
          </tr>
        </thead>
        <tbody>
          {result.rows.map((r) => (
            <MunicipalityLine key={r.key} row={r} threshold={threshold} />
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function MunicipalityLine({ row, threshold }: { row: MunicipalityRow; threshold: number }) {
  const { t } = useTranslation();
  const c = row.current;
  const p = row.previous;
  const merged = row.mergedFrom.filter((code) => code !== row.key);
  return (
    <tr data-key={row.key} className={row.kind === 'region' ? 'total-row' : undefined}>
      <th scope="row">
        {row.label}
        {merged.length > 0 && <span className="merged"> ({t('compare.municipalities.incl', { codes: merged.join(', ') })})</span>}
      </th>
      <Plain figure="population" text={c.perThousand ? valueText(c.perThousand.population, 'count') : '–'} />
      <Cell figure="clients" cell={c.clients} unit="count" threshold={threshold} />
      <Cell figure="perThousand" cell={MEASURE.clients.get(c)} unit="rate" threshold={threshold} className="total" />
      <Cell figure="perThousandPrev" cell={p ? MEASURE.clients.get(p) : null} unit="rate" threshold={threshold} className="previous" />
      <Cell figure="metVerblijf" cell={MEASURE.metVerblijf.get(c)} unit="rate" threshold={threshold} />
      <Cell figure="zonderVerblijf" cell={MEASURE.zonderVerblijf.get(c)} unit="rate" threshold={threshold} />
      <Cell figure="jbjr" cell={c.jbjr} unit="count" threshold={threshold} />
      <Cell figure="approved" cell={c.approved} unit="euro" threshold={threshold} />
      <Cell figure="perClient" cell={c.perClient} unit="euro" threshold={threshold} className="total" />
      <Cell figure="perClientPrev" cell={p?.perClient} unit="euro" threshold={threshold} className="previous" />
      <Cell figure="perInhabitant" cell={c.perInhabitant} unit="euro" threshold={threshold} />
    </tr>
  );
}
