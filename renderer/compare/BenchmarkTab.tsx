// Benchmark: CBS StatLine jeugdzorg figures per municipality of the region against its jeugdregio, the
// Netherlands and its size class, for one CBS figure at a time (chart and table), and the reconciliation of
// Spiegel's own counts with CBS's. CBS publishes its own figures rounded to multiples of 5; the notes say so.
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpiegelApi } from '../../core/contract/api.js';
import type { BenchmarkCompareResult, BenchmarkUnit, BenchmarkValue } from '../../core/contract/benchmark.js';
import type { Lang } from '../../core/registry.js';
import { formatNumber } from '../format.js';
import { FlowChart } from '../flows/FlowChart.js';
import { useCall } from '../flows/useCall.js';
import { ChartFigure } from '../ui/ChartFigure.js';
import { BenchmarkImport } from './BenchmarkImport.js';
import { benchmarkSpec, type BenchmarkDatum } from './benchmarkSpec.js';
import { Plain } from './Cell.js';
import type { CompareState } from './compareState.js';
import { ReconcileSection } from './ReconcileSection.js';
import { TabNotes } from './TabNotes.js';
import { TableWrap } from './TableWrap.js';

interface Props {
  api: SpiegelApi;
  version: number;
  suppress: boolean;
  state: CompareState;
  update: (patch: Partial<CompareState>) => void;
}

const REFS = ['jeugdregio', 'nederland', 'sizeClass'] as const;

export function benchmarkText(v: number | null | undefined, unit: BenchmarkUnit): string {
  if (v === null || v === undefined) return '–';
  if (unit === 'percent') return `${formatNumber(v, 1)} %`;
  if (unit === 'count') return formatNumber(v);
  return formatNumber(v, Number.isInteger(v) ? 0 : 1);
}

export function BenchmarkTab({ api, version, suppress, state, update }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const id = useId();
  const [local, setLocal] = useState(0);
  const [year, setYear] = useState<number | null>(null);
  const [figureKey, setFigureKey] = useState<string | null>(null);
  const { result, error, busy } = useCall(api, 'benchmark/compare', year === null ? {} : { year }, version + local);
  // No figure chosen: the first rate (per 1,000 or a percentage), which compares across sizes; else the first.
  const chosen = result?.figures.findIndex((f) => f.key === figureKey) ?? -1;
  const firstRate = result?.figures.findIndex((f) => f.unit === 'per1000' || f.unit === 'percent') ?? -1;
  const fi = Math.max(0, chosen >= 0 ? chosen : firstRate);
  const figure = result?.figures[fi];
  const refLabel = (k: (typeof REFS)[number]) => t(`compare.benchmark.ref.${k}`);
  // Counts of the Netherlands or a size class dwarf a municipality's: the chart draws them for rates only.
  const withRefs = figure !== undefined && figure.unit !== 'count';
  const chart = useMemo(() => (result && figure ? chartOf(result, fi, (k) => t(`compare.benchmark.ref.${k}`), withRefs) : []), [result, figure, fi, t, withRefs]);
  const municipalities = result?.rows.map((r) => ({ key: r.municipality, label: r.name })) ?? [];
  const reconcileMunicipality = municipalities.find((m) => m.key === state.municipality)?.key ?? municipalities[0]?.key;

  return (
    <div className="compare-tab" aria-busy={busy}>
      <div className="compare-bar">
        <BenchmarkImport api={api} version={version} onImported={() => setLocal((n) => n + 1)} />
        {result && result.years.length > 0 && (
          <div className="control">
            <label htmlFor={`${id}-year`}>{t('compare.benchmark.year')}</label>
            <select id={`${id}-year`} value={result.year ?? ''} onChange={(e) => setYear(Number(e.target.value))}>
              {result.years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </div>
        )}
        {result && result.figures.length > 0 && (
          <div className="control benchmark-figure">
            <label htmlFor={`${id}-figure`}>{t('compare.benchmark.figure')}</label>
            <select id={`${id}-figure`} value={figure?.key ?? ''} onChange={(e) => setFigureKey(e.target.value)}>
              {result.figures.map((f) => (
                <option key={f.key} value={f.key}>
                  {`${f.label[lang]} (${f.table})`}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      {error && (
        <p className="error" role="alert">
          {t('app.error', { message: error })}
        </p>
      )}
      {result && result.year === null && <p className="note">{t('compare.benchmark.none')}</p>}
      {result && result.year !== null && figure && (
        <>
          <ChartFigure
            className="compare-chart-box"
            caption={t('compare.benchmark.chartCaption', { figure: figure.label[lang], year: result.year })}
            notes={<li>{withRefs ? t('compare.benchmark.chartNote') : t('compare.benchmark.chartNoteCount')}</li>}
          >
            <FlowChart
              className="benchmark-chart"
              label={t('compare.benchmark.chartCaption', { figure: figure.label[lang], year: result.year })}
              spec={benchmarkSpec(chart, REFS.map(refLabel), { description: t('compare.benchmark.chartCaption', { figure: figure.label[lang], year: result.year }), value: figure.label[lang], own: t('compare.benchmark.own'), municipality: t('compare.municipalities.name') }, figure.unit === 'count' ? ',d' : ',.1f')}
            />
          </ChartFigure>
          <TableWrap label={t('compare.benchmark.tableCaption', { figure: figure.label[lang], year: result.year })}>
            <table className="pivot compare-table benchmark-table">
              <caption>{t('compare.benchmark.tableCaption', { figure: figure.label[lang], year: result.year })}</caption>
              <thead>
                <tr>
                  {(['municipality', 'inhabitants', 'sizeClassLabel', 'own', ...REFS] as const).map((c) => (
                    <th key={c} scope="col" className={c === 'municipality' || c === 'sizeClassLabel' ? undefined : 'num'}>
                      {t(`compare.benchmark.col.${c}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {result.rows.map((r) => {
                  const v = r.values[fi];
                  return (
                    <tr key={r.municipality} data-key={r.municipality}>
                      <th scope="row">{r.name}</th>
                      <Plain figure="inhabitants" text={r.inhabitants === null ? '–' : formatNumber(r.inhabitants)} />
                      <td data-figure="sizeClassLabel">{r.sizeClass?.label[lang] ?? '–'}</td>
                      <Plain figure="own" text={benchmarkText(v?.own, figure.unit)} className="total" />
                      {REFS.map((k) => (
                        <RefCell key={k} figure={k} value={v?.[k]} unit={figure.unit} />
                      ))}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableWrap>
          <TabNotes notes={result.notes} />
          {reconcileMunicipality && (
            <ReconcileSection api={api} version={version + local} year={result.year} suppress={suppress} municipality={reconcileMunicipality} municipalities={municipalities} onMunicipality={(municipality) => update({ municipality })} />
          )}
        </>
      )}
    </div>
  );
}

function RefCell({ figure, value, unit }: { figure: string; value: BenchmarkValue | undefined; unit: BenchmarkUnit }) {
  const { t } = useTranslation();
  const title = value?.basis ? t(`compare.benchmark.basis.${value.basis}`, { n: value.members }) : undefined;
  return (
    <td className="num" data-figure={figure} title={title}>
      {benchmarkText(value?.value, unit)}
    </td>
  );
}

function chartOf(result: BenchmarkCompareResult, fi: number, label: (k: (typeof REFS)[number]) => string, withRefs: boolean): BenchmarkDatum[] {
  return result.rows.map((r) => {
    const v = r.values[fi];
    return {
      municipality: r.name,
      own: v?.own ?? null,
      refs: withRefs ? REFS.flatMap((k) => (v && v[k].value !== null ? [{ kind: label(k), value: v[k].value! }] : [])) : [],
    };
  });
}
