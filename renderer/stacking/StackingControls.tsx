// What shapes every stacking section: the period (a year or a quarter; per month inside it), the breakdown of
// the over-time figures, the municipality and suppression. Plain labelled selects, so the keyboard just works.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { STACKING_BREAKDOWNS } from '../../core/contract/stacking.js';
import type { DimensionsResult } from '../../core/contract/methods.js';
import type { Lang } from '../../core/registry.js';
import type { StackingState } from './stackingState.js';

interface Props {
  meta: DimensionsResult;
  state: StackingState;
  period: string;
  onChange: (patch: Partial<StackingState>) => void;
  meeting: boolean;
}

export function StackingControls({ meta, state, period, onChange, meeting }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const id = useId();
  const values = (dim: string) => meta.dimensions.find((d) => d.id === dim)?.values ?? [];
  const form = (
    <form className="flows-controls controls" onSubmit={(e) => e.preventDefault()} aria-label={t('stacking.controls')}>
      <fieldset>
        <legend className="visually-hidden">{t('stacking.controls')}</legend>
        <div className="control">
          <label htmlFor={`${id}-period`}>{t('stacking.period')}</label>
          <select id={`${id}-period`} value={period} onChange={(e) => onChange({ period: e.target.value })}>
            {(['year', 'quarter'] as const).map((grain) => (
              <optgroup key={grain} label={t(`flows.grain.${grain}`)}>
                {values(grain).map((v) => (
                  <option key={v.key} value={v.key}>
                    {v.label[lang]}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <div className="control">
          <label htmlFor={`${id}-by`}>{t('flows.by.label')}</label>
          <select id={`${id}-by`} value={state.by} onChange={(e) => onChange({ by: e.target.value as StackingState['by'], group: '' })}>
            {STACKING_BREAKDOWNS.map((b) => (
              <option key={b} value={b}>
                {t(`stacking.by.${b}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="control">
          <label htmlFor={`${id}-municipality`}>{t('flows.municipality')}</label>
          <select id={`${id}-municipality`} value={state.municipality ?? ''} onChange={(e) => onChange({ municipality: e.target.value === '' ? null : e.target.value })}>
            <option value="">{t('flows.all')}</option>
            {values('municipality').map((m) => (
              <option key={m.key} value={m.key}>
                {m.label[lang]}
              </option>
            ))}
          </select>
        </div>
        <label className="check" title={t('workbench.suppress.help')}>
          <input type="checkbox" checked={meeting || state.suppress} disabled={meeting} onChange={(e) => onChange({ suppress: e.target.checked })} />
          {t('workbench.suppress.label')}
        </label>
      </fieldset>
    </form>
  );
  return meeting ? (
    <details className="meeting-controls">
      <summary>{t('stacking.adjust')}</summary>
      {form}
    </details>
  ) : (
    form
  );
}
