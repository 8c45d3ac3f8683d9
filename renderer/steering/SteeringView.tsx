// Sturing (issue 9): the programme's indicators — each month against its target line, with a status and the
// rule next to it — month close, early signals, the year-end forecast with its backtest, the volume / price /
// mix decomposition, waiting times and assigned versus delivered. `#steering?report=1` is the printable
// monthly report. State lives in the URL hash; meeting mode forces suppression and hides the case lists.
import { useTranslation } from 'react-i18next';
import type { SpiegelApi } from '../../core/contract/api.js';
import type { DimensionsResult } from '../../core/contract/methods.js';
import { useHashState } from '../useHashState.js';
import { MeetingBanner, MeetingToggle, useMeetingMode } from '../pivot/workbench/MeetingMode.js';
import { AnalysisSections } from './AnalysisSections.js';
import { IndicatorsSection } from './IndicatorsSection.js';
import { MonthsSection } from './MonthsSection.js';
import { ProgrammeSection } from './ProgrammeSection.js';
import { ReportView } from './ReportView.js';
import { STEERING_CODEC, type SteeringState } from './steeringState.js';
import { useSteering } from './useSteering.js';
import '../pivot/workbench.css';
import '../flows/flows.css';
import './steering.css';
import { BusyNote } from '../ui/BusyNote.js';

interface Props {
  api: SpiegelApi;
  meta: DimensionsResult;
  version: number;
}

export function SteeringView({ api, meta, version }: Props) {
  const [state, setState] = useHashState(STEERING_CODEC);
  const update = (patch: Partial<SteeringState>) => setState((s) => ({ ...s, ...patch }));
  if (state.report) return <ReportView api={api} meta={meta} version={version} ids={state.ids} onIds={(ids) => update({ ids })} onBack={() => update({ report: false })} />;
  return <SteeringWork api={api} meta={meta} version={version} state={state} update={update} />;
}

function SteeringWork({ api, meta, version, state, update }: Props & { state: SteeringState; update: (p: Partial<SteeringState>) => void }) {
  const { t } = useTranslation();
  const meeting = useMeetingMode();
  const suppress = meeting.on || state.suppress;
  const steering = useSteering(api, version, suppress);
  const series = steering.series.result;
  const months = steering.months.result;
  return (
    <section className={`flows-view steering-view workbench${meeting.on ? ' meeting' : ''}`} aria-labelledby="steering-title">
      <div className="workbench-bar">
        <h2 id="steering-title">{t('steering.title')}</h2>
        <BusyNote busy={(steering.series.busy || steering.months.busy)} />
        <button type="button" className="secondary" onClick={() => update({ report: true })}>
          {t('steering.report.open')}
        </button>
        <MeetingToggle meeting={meeting} />
      </div>
      {meeting.on && <MeetingBanner />}
      {!meeting.on && (
        <label className="check">
          <input type="checkbox" checked={state.suppress} onChange={(e) => update({ suppress: e.target.checked })} />
          {t('steering.suppress')}
        </label>
      )}
      {!meeting.on && <p className="note">{suppress ? t('workbench.suppressedView') : t('workbench.workingView')}</p>}
      {[steering.error, steering.series.error, steering.months.error].filter(Boolean).map((e, i) => (
        <p key={i} className="error" role="alert">
          {t('app.error', { message: e })}
        </p>
      ))}
      {series && <IndicatorsSection meta={meta} result={series} meeting={meeting.on} onDelete={(id) => void steering.remove(id)} />}
      <ProgrammeSection api={api} meta={meta} version={version} suppress={suppress} meeting={meeting.on} onSaved={steering.refresh} />
      {months && <MonthsSection months={months.months} meeting={meeting.on} onClose={steering.close} onReopen={steering.reopen} />}
      <AnalysisSections api={api} meta={meta} version={version} suppress={suppress} meeting={meeting.on} />
    </section>
  );
}
