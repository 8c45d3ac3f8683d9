// Titles and legend words of a chart, in the UI language: axis titles from the registry's labels, the
// value title saying what "toon als" or per 1,000 made of the measure.
import { useTranslation } from 'react-i18next';
import type { PivotQuery } from '../../../core/contract/pivot.js';
import { DIMENSION_INFO, MEASURE_INFO, type DimensionId, type Lang } from '../../../core/registry.js';
import type { ChartModel } from './chartModel.js';
import type { ChartTexts } from './chartSpec.js';

export function useChartTexts(): (query: PivotQuery, model: ChartModel, caption: string) => ChartTexts {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const dims = (ds: DimensionId[]) => ds.map((d) => DIMENSION_INFO[d].label[lang]).join(' · ');
  return (query, model, caption) => ({
    xTitle: dims(model.xDims),
    seriesTitle: model.seriesDims.length > 0 ? dims(model.seriesDims) : null,
    valueTitle: valueTitle(query, lang, t),
    final: t('workbench.chart.final'),
    provisional: t('workbench.chart.provisional'),
    description: t('workbench.chart.description', { caption }),
  });
}

/** The first measure as shown, e.g. "Cliënten (% van rijtotaal)" or "Cliënten per 1.000 jeugdigen". */
export function valueTitle(query: PivotQuery, lang: Lang, t: (key: string) => string): string {
  const m = query.measures[0]!;
  const label = MEASURE_INFO[m].label[lang];
  if (query.showAs !== 'value') return `${label} (${t(`workbench.showAs.${query.showAs}`)})`;
  if (query.per1000 && m === 'clients') return `${label} ${t('workbench.per1000.suffix')}`;
  return label;
}
