// What an indicator measures, in words: a short name for the chart's axis ("Cliënten"), a label for the legend
// with its filters ("Cliënten (Hulpvorm is Specialistisch ambulant)") and the definition for the card and
// the printed report — from the registry for a pivot measure, the flow figure, or the FoodValley measure.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { DimensionsResult } from '../../core/contract/methods.js';
import type { Indicator } from '../../core/contract/steering.js';
import { MEASURE_INFO, SEGMENT_LABELS, type Lang } from '../../core/registry.js';
import { formatDate } from '../format.js';
import { useFilterText } from '../pivot/workbench/FilterEditor.js';

export interface IndicatorWords {
  axis: string;
  label: string;
  definition: string;
}

export function useIndicatorWords(meta: DimensionsResult): (ind: Indicator) => IndicatorWords {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const filterText = useFilterText(meta);
  const municipality = useCallback((code: string) => meta.dimensions.find((d) => d.id === 'municipality')?.values.find((v) => v.key === code)?.label[lang] ?? code, [meta, lang]);
  return useCallback(
    (ind: Indicator): IndicatorWords => {
      const s = ind.source;
      if (s.kind === 'pivot') {
        const info = MEASURE_INFO[s.measure];
        const filters = s.filters.map(filterText).join('; ');
        return {
          axis: info.label[lang],
          label: filters ? `${info.label[lang]} (${filters})` : info.label[lang],
          definition: `${t('steering.source.pivot', { measure: info.label[lang] })}${filters ? ` ${t('steering.source.filters', { filters })}` : ''} ${info.definition[lang]}`,
        };
      }
      if (s.kind === 'flow') {
        const figure = t(`steering.flowFigure.${s.figure}`);
        const scope = [s.segment ? SEGMENT_LABELS[s.segment][lang] : null, s.municipality ? municipality(s.municipality) : null].filter(Boolean).join(', ') || t('steering.source.region');
        return { axis: figure, label: `${figure} (${scope})`, definition: t('steering.source.flow', { figure, scope }) };
      }
      const axis = t(`steering.measureName.${s.id}`);
      if (s.id === 'avgMonthlyClients') return { axis, label: `${axis} (${SEGMENT_LABELS[s.segment][lang]})`, definition: t('steering.source.avgMonthlyClients', { segment: SEGMENT_LABELS[s.segment][lang] }) };
      if (s.id === 'outOfResidential') return { axis, label: axis, definition: t('steering.source.outOfResidential', { since: formatDate(s.since) }) };
      return { axis, label: axis, definition: t(`steering.source.${s.id}`, { days: s.days }) };
    },
    [t, lang, filterText, municipality],
  );
}
