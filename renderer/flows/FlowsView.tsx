// In- en uitstroom (DOMAIN.md §6, issue 6): the stock-flow chart and table per period, doorstroom between
// segments as a flow diagram and matrix (with the children behind a band, in-app only), the growth
// decomposition of a segment and durations. State lives in the URL hash; meeting mode forces suppression and
// hides the children.
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpiegelApi } from '../../core/contract/api.js';
import type { DimensionsResult } from '../../core/contract/methods.js';
import type { Lang } from '../../core/registry.js';
import { MeetingBanner, MeetingToggle, useMeetingMode } from '../pivot/workbench/MeetingMode.js';
import { DoorstroomSection } from './DoorstroomSection.js';
import { DurationsSection } from './DurationsSection.js';
import { FlowsControls } from './FlowsControls.js';
import { FlowsExport } from './FlowsExport.js';
import { flowsQueryOf } from './flowsState.js';
import { GrowthSection } from './GrowthSection.js';
import { StockFlowSection } from './StockFlowSection.js';
import { useCall } from './useCall.js';
import { useFlowsState } from './useFlowsState.js';
import '../pivot/workbench.css';
import './flows.css';
import { BusyNote } from '../ui/BusyNote.js';

interface Props {
  api: SpiegelApi;
  meta: DimensionsResult;
  version: number;
}

export function FlowsView({ api, meta, version }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const id = useId();
  const [state, update] = useFlowsState();
  const meeting = useMeetingMode();
  const query = useMemo(() => flowsQueryOf(state, meeting.on), [state, meeting.on]);
  const { result, error, busy } = useCall(api, 'query/flows', query, version);
  const suppress = meeting.on || state.suppress;

  const valueLabel = (dim: string, key: string) => meta.dimensions.find((d) => d.id === dim)?.values.find((v) => v.key === key)?.label[lang] ?? key;
  const municipalityLabel = (code: string) => valueLabel('municipality', code);
  const periods = result?.periods ?? [];
  // Doorstroom and growth look at one period: the chosen one, else the last complete one.
  const chosen = periods.find((p) => p.key === state.period) ?? [...periods].reverse().find((p) => !p.partial) ?? periods[periods.length - 1];

  const filters = [
    ...(state.segment ? [`${t('flows.segment')}: ${valueLabel('segment', state.segment)}`] : []),
    ...(state.municipality ? [`${t('flows.municipality')}: ${valueLabel('municipality', state.municipality)}`] : []),
  ];
  const title = t('flows.caption', { grain: t(`flows.grainPer.${state.grain}`), by: t(`flows.by.${state.by}`) });
  const caption = filters.length ? `${title} (${filters.join('; ')})` : title;

  return (
    <section className={`flows-view workbench${meeting.on ? ' meeting' : ''}`} aria-labelledby="flows-title">
      <div className="workbench-bar">
        <h2 id="flows-title">{t('flows.title')}</h2>
        <BusyNote busy={busy} />
        <FlowsExport api={api} query={query} />
        <MeetingToggle meeting={meeting} />
      </div>
      {meeting.on && <MeetingBanner />}
      <FlowsControls meta={meta} state={state} onChange={(s) => update(() => s)} meeting={meeting.on} />
      {!meeting.on && <p className="note">{suppress ? t('workbench.suppressedView') : t('workbench.workingView')}</p>}
      {result?.notes.map((n, i) => (
        <p key={i} className="note flows-note">
          {n[lang]}
        </p>
      ))}
      {error && (
        <p className="error" role="alert">
          {t('app.error', { message: error })}
        </p>
      )}
      {result && (
        <div className="results" aria-busy={busy}>
          <StockFlowSection result={result} group={state.group} onGroup={(group) => update({ group })} caption={caption} />
          {chosen && (
            <>
              <div className="control period-pick">
                <label htmlFor={`${id}-period`}>{t('flows.period')}</label>
                <select id={`${id}-period`} value={chosen.key} onChange={(e) => update({ period: e.target.value })}>
                  {periods.map((p) => (
                    <option key={p.key} value={p.key}>
                      {p.label[lang]}
                      {p.partial ? ` (${t('flows.partial')})` : ''}
                    </option>
                  ))}
                </select>
              </div>
              <DoorstroomSection
                api={api}
                version={version}
                grain={state.grain}
                period={chosen.key}
                periodLabel={chosen.label[lang]}
                municipality={state.municipality}
                suppress={suppress}
                meeting={meeting.on}
                stayers={state.stayers}
                onStayers={(stayers) => update({ stayers })}
                municipalityLabel={municipalityLabel}
              />
              <GrowthSection
                api={api}
                version={version}
                grain={state.grain}
                period={chosen.key}
                periodLabel={chosen.label[lang]}
                municipality={state.municipality}
                suppress={suppress}
                segment={state.growthSegment ?? state.segment}
                onSegment={(growthSegment) => update({ growthSegment })}
              />
            </>
          )}
          <DurationsSection
            api={api}
            version={version}
            args={{ grain: state.grain, suppress, ...(state.from ? { from: state.from } : {}), ...(state.to ? { to: state.to } : {}), ...(state.segment ? { segment: state.segment } : {}), ...(state.municipality ? { municipality: state.municipality } : {}) }}
          />
        </div>
      )}
    </section>
  );
}
