// The analyses under the indicators (core/contract/analysis.ts): early signals, the year-end forecast with
// its backtest, the volume / price / mix decomposition, waiting times and assigned versus delivered. One year
// control serves the forecast, waiting times and delivery; the decomposition picks its own two periods.
import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpiegelApi } from '../../core/contract/api.js';
import type { DimensionsResult } from '../../core/contract/methods.js';
import type { Lang } from '../../core/registry.js';
import { DecompositionSection } from './DecompositionSection.js';
import { DeliverySection } from './DeliverySection.js';
import { ForecastSection } from './ForecastSection.js';
import { SignalsSection } from './SignalsSection.js';
import { WaitingSection } from './WaitingSection.js';

interface Props {
  api: SpiegelApi;
  meta: DimensionsResult;
  version: number;
  suppress: boolean;
  meeting: boolean;
}

export function AnalysisSections({ api, meta, version, suppress, meeting }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const id = useId();
  const years = (meta.dimensions.find((d) => d.id === 'year')?.values ?? []).map((v) => v.key);
  const [chosen, setChosen] = useState<string | null>(null);
  const year = chosen && years.includes(chosen) ? chosen : (meta.peildatum?.slice(0, 4) ?? years[years.length - 1] ?? null);
  const labelOf = useCallback((dim: string, key: string) => meta.dimensions.find((d) => d.id === dim)?.values.find((v) => v.key === key)?.label[lang] ?? key, [meta, lang]);
  return (
    <>
      <SignalsSection api={api} version={version} suppress={suppress} />
      {year && (
        <div className="control period-pick analysis-year">
          <label htmlFor={`${id}-year`}>{t('steering.year')}</label>
          <select id={`${id}-year`} value={year} onChange={(e) => setChosen(e.target.value)}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
      )}
      {year && <ForecastSection api={api} version={version} year={Number(year)} suppress={suppress} />}
      <DecompositionSection api={api} version={version} years={years} suppress={suppress} />
      {year && <WaitingSection api={api} version={version} period={year} suppress={suppress} meeting={meeting} labelOf={labelOf} />}
      {year && <DeliverySection api={api} version={version} year={Number(year)} suppress={suppress} meeting={meeting} labelOf={labelOf} />}
    </>
  );
}
