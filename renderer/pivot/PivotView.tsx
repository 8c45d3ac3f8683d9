import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpiegelApi } from '../../core/contract/api.js';
import type { DimensionsResult } from '../../core/contract/methods.js';
import type { Lang } from '../i18n/index.js';
import { chartData, columnLabels, type PivotChoice } from './model.js';
import { PivotChart } from './PivotChart.js';
import { PivotControls } from './PivotControls.js';
import { PivotTable } from './PivotTable.js';
import { usePivot } from './usePivot.js';
import { UnitContext } from './ValueCell.js';
import { MEASURE_INFO } from '../../core/registry.js';

interface Props {
  api: SpiegelApi;
  meta: DimensionsResult;
  version: number;
}

const initialChoice: PivotChoice = { row1: 'municipality', row2: '', col: 'year', filterDim: '', filterValue: '', measure: 'clients' };

export function PivotView({ api, meta, version }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const [choice, setChoice] = useState(initialChoice);
  const { result, subtotals, error } = usePivot(api, choice, version);

  const dimLabel = (id: string) => meta.dimensions.find((d) => d.id === id)?.label[lang] ?? id;
  const measureLabel = meta.measures.find((m) => m.id === choice.measure)?.label[lang] ?? choice.measure;
  const data = useMemo(() => (result ? chartData(result, lang) : []), [result, lang]);
  const colOrder = useMemo(() => (result ? columnLabels(result, lang) : []), [result, lang]);

  const dims = [choice.row1, choice.row2, choice.col].filter(Boolean).map(dimLabel).join(' × ');
  const filterDim = meta.dimensions.find((d) => d.id === choice.filterDim);
  const filterText = filterDim
    ? t('pivot.filteredOn', {
        dimension: filterDim.label[lang],
        value: filterDim.values.find((v) => v.key === choice.filterValue)?.label[lang] ?? choice.filterValue,
      })
    : '';
  const caption = t('pivot.caption', { measure: measureLabel, dims }) + (filterText ? ` (${filterText})` : '');

  return (
    <section className="pivot-view" aria-labelledby="pivot-title">
      <h2 id="pivot-title">{t('pivot.title')}</h2>
      <PivotControls meta={meta} choice={choice} onChange={setChoice} />
      <p className="note">{t('pivot.workingView')}</p>
      {error && (
        <p className="error" role="alert">
          {t('app.error', { message: error })}
        </p>
      )}
      {result && (
        <UnitContext.Provider value={MEASURE_INFO[choice.measure].unit}>
        <div className="results" aria-busy={false}>
          <PivotTable result={result} subtotals={subtotals} dimLabel={dimLabel} measureLabel={measureLabel} caption={caption} />
          <figure className="chart-box">
            <figcaption>{t('pivot.chartCaption')}</figcaption>
            {data.length > 0 ? (
              <PivotChart
                data={data}
                colOrder={colOrder}
                rowTitle={[choice.row1, choice.row2].filter(Boolean).map(dimLabel).join(' · ')}
                colTitle={choice.col ? dimLabel(choice.col) : null}
                valueTitle={measureLabel}
                ariaLabel={`${t('pivot.chart')}: ${caption}`}
              />
            ) : (
              <p className="note">{t('pivot.noCells')}</p>
            )}
          </figure>
        </div>
        </UnitContext.Provider>
      )}
    </section>
  );
}
