// Vergelijken (issue 8, DOMAIN.md §9): comparisons that mirror, not judge — municipalities per 1,000 youth,
// providers (with a shareable profile), schools as a funnel plot, the CBS benchmark and message-traffic quality,
// one tab each. State lives in the URL hash; meeting mode forces suppression on screen; exports are always
// suppressed by the data process.
import { useCallback, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpiegelApi } from '../../core/contract/api.js';
import type { DimensionsResult } from '../../core/contract/methods.js';
import type { Lang } from '../../core/registry.js';
import { MeetingBanner, MeetingToggle, useMeetingMode } from '../pivot/workbench/MeetingMode.js';
import { BenchmarkTab } from './BenchmarkTab.js';
import { COMPARE_TABS } from './compareState.js';
import { MunicipalitiesTab } from './MunicipalitiesTab.js';
import { PeriodControls } from './PeriodControls.js';
import { ProviderProfile } from './ProviderProfile.js';
import { ProvidersTab } from './ProvidersTab.js';
import { QualityTab } from './QualityTab.js';
import { SchoolsTab } from './SchoolsTab.js';
import { Tabs } from './Tabs.js';
import { useCompareState } from './useCompareState.js';
import '../pivot/workbench.css';
import '../flows/flows.css';
import './compare.css';

interface Props {
  api: SpiegelApi;
  meta: DimensionsResult;
  version: number;
}

export function CompareView({ api, meta, version }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const id = useId();
  const [state, update] = useCompareState();
  const meeting = useMeetingMode();
  const suppress = meeting.on || state.suppress;
  const values = useCallback((dim: string) => meta.dimensions.find((d) => d.id === dim)?.values ?? [], [meta]);
  const municipalities = values('municipality').map((v) => ({ key: v.key, label: v.label[lang] }));
  const segmentLabel = (s: string) => values('segment').find((v) => v.key === s)?.label[lang] ?? s;
  // No period chosen: the last year that ended by the peildatum, else the last year of the data.
  const years = values('year').map((v) => v.key);
  const complete = years.filter((y) => meta.peildatum === null || `${y}-12-31` <= meta.peildatum);
  const period = state.period && years.includes(state.period) ? state.period : (complete[complete.length - 1] ?? years[years.length - 1] ?? null);
  const common = { api, version, suppress, state, update };

  return (
    <section className={`flows-view compare-view workbench${meeting.on ? ' meeting' : ''}`} aria-labelledby={`${id}-title`}>
      <div className="workbench-bar no-print">
        <h2 id={`${id}-title`}>{t('compare.title')}</h2>
        <MeetingToggle meeting={meeting} />
      </div>
      {meeting.on && <MeetingBanner />}
      <p className="compare-intro no-print">{t('compare.intro')}</p>
      <div className="no-print">
        <PeriodControls years={years} period={period} suppress={suppress} meeting={meeting.on} onPeriod={(p) => update({ period: p })} onSuppress={(s) => update({ suppress: s })} showPeriod={state.tab !== 'schools' && state.tab !== 'benchmark'} />
      </div>
      {!meeting.on && <p className="note no-print">{suppress ? t('workbench.suppressedView') : t('workbench.workingView')}</p>}
      <Tabs tabs={COMPARE_TABS} active={state.tab} label={t('compare.tabsLabel')} idBase={id} name={(tab) => t(`compare.tab.${tab}`)} onChange={(tab) => update({ tab })}>
        {state.tab === 'municipalities' && period && <MunicipalitiesTab {...common} period={period} />}
        {state.tab === 'providers' &&
          period &&
          (state.provider ? (
            <ProviderProfile api={api} version={version} agb={state.provider} onBack={() => update({ provider: null })} />
          ) : (
            <ProvidersTab {...common} period={period} municipalities={municipalities} />
          ))}
        {state.tab === 'schools' && <SchoolsTab {...common} municipalities={municipalities} segmentLabel={segmentLabel} />}
        {state.tab === 'benchmark' && <BenchmarkTab {...common} />}
        {state.tab === 'quality' && period && <QualityTab {...common} period={period} municipalities={municipalities} />}
        {!period && state.tab !== 'schools' && state.tab !== 'benchmark' && <p className="note">{t('compare.noPeriod')}</p>}
      </Tabs>
    </section>
  );
}
