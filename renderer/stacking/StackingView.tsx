// Stapeling en opeenvolging (DOMAIN.md §7, issue 7): concurrent stacking per month (1 / 2 / 3+ trajectories)
// by municipality, provider, segment or age band; the combinations of stacked children; successive
// trajectories per episode; and the "regie op drie" lists. State lives in the URL hash; meeting mode forces
// suppression and hides the case lists (they are exact and for the analyst's own municipality only).
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpiegelApi } from '../../core/contract/api.js';
import type { DimensionsResult } from '../../core/contract/methods.js';
import type { Lang } from '../../core/registry.js';
import { useCall } from '../flows/useCall.js';
import { MeetingBanner, MeetingToggle, useMeetingMode } from '../pivot/workbench/MeetingMode.js';
import { CombinationsSection } from './CombinationsSection.js';
import { OverTimeSection } from './OverTimeSection.js';
import { RegieSection } from './RegieSection.js';
import { SamenloopSection } from './SamenloopSection.js';
import { SequencesSection } from './SequencesSection.js';
import { StackingControls } from './StackingControls.js';
import { useStackingState } from './useStackingState.js';
import '../pivot/workbench.css';
import '../flows/flows.css';
import './stacking.css';
import { BusyNote } from '../ui/BusyNote.js';

interface Props {
  api: SpiegelApi;
  meta: DimensionsResult;
  version: number;
}

export function StackingView({ api, meta, version }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const [state, update] = useStackingState();
  const meeting = useMeetingMode();
  const suppress = meeting.on || state.suppress;
  const labelOf = useCallback((dim: string, key: string) => meta.dimensions.find((d) => d.id === dim)?.values.find((v) => v.key === key)?.label[lang] ?? key, [meta, lang]);
  const segmentLabel = useCallback((s: string) => labelOf('segment', s), [labelOf]);
  const providerLabel = useCallback((p: string) => labelOf('provider', p), [labelOf]);
  const municipalityLabel = useCallback((m: string) => labelOf('municipality', m), [labelOf]);
  // No period chosen yet: the last year of the data.
  const years = meta.dimensions.find((d) => d.id === 'year')?.values ?? [];
  const period = state.period ?? years[years.length - 1]?.key ?? null;
  const m = state.municipality;
  const municipality = m ? { municipality: m } : {};

  // useCall keys on the arguments' JSON, so fresh objects each render ask nothing new.
  const { result, error, busy } = useCall(api, 'query/stacking', period ? { period, by: state.by, suppress, ...municipality } : null, version);
  const sequencesArgs = { suppress, ...(period ? { period } : {}), ...municipality };
  const regieArgs = period ? { period, orHigher: state.orHigher, ...municipality } : null;

  return (
    <section className={`flows-view stacking-view workbench${meeting.on ? ' meeting' : ''}`} aria-labelledby="stacking-title">
      <div className="workbench-bar">
        <h2 id="stacking-title">{t('stacking.title')}</h2>
        <BusyNote busy={busy} />
        <MeetingToggle meeting={meeting} />
      </div>
      {meeting.on && <MeetingBanner />}
      {period && <StackingControls meta={meta} state={state} period={period} onChange={update} meeting={meeting.on} />}
      {!meeting.on && <p className="note">{suppress ? t('workbench.suppressedView') : t('workbench.workingView')}</p>}
      {error && (
        <p className="error" role="alert">
          {t('app.error', { message: error })}
        </p>
      )}
      {result && (
        <div className="results" aria-busy={busy}>
          <OverTimeSection result={result} group={state.group} onGroup={(group) => update({ group })} />
          <CombinationsSection result={result} segmentLabel={segmentLabel} />
        </div>
      )}
      <SequencesSection api={api} version={version} args={sequencesArgs} step={state.step} onStep={(step) => update({ step })} segmentLabel={segmentLabel} />
      {period && <SamenloopSection api={api} version={version} args={{ period, suppress, ...municipality }} />}
      {regieArgs && !meeting.on && (
        <RegieSection api={api} version={version} args={regieArgs} onOrHigher={(orHigher) => update({ orHigher })} segmentLabel={segmentLabel} providerLabel={providerLabel} municipalityLabel={municipalityLabel} />
      )}
      {meeting.on && <p className="note regie-hidden">{t('stacking.regie.hidden')}</p>}
    </section>
  );
}
