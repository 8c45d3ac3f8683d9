// What shapes the flows: grain, breakdown, segment and municipality filters, the period range and
// suppression. Plain labelled selects, so Tab and the arrow keys work without extra handling.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { FLOW_BREAKDOWNS, FLOW_GRAINS } from '../../core/contract/flows.js';
import { SEGMENTS } from '../../core/domain/segments.js';
import type { DimensionsResult } from '../../core/contract/methods.js';
import type { Lang } from '../../core/registry.js';
import { withGrain, type FlowsState } from './flowsState.js';

interface Props {
  meta: DimensionsResult;
  state: FlowsState;
  onChange: (next: FlowsState) => void;
  meeting: boolean;
}

export function FlowsControls({ meta, state, onChange, meeting }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const id = useId();
  const values = (dim: string) => meta.dimensions.find((d) => d.id === dim)?.values ?? [];
  const segmentLabel = (s: string) => values('segment').find((v) => v.key === s)?.label[lang] ?? s;
  const periods = values(state.grain);
  const set = (patch: Partial<FlowsState>) => onChange({ ...state, ...patch });

  const select = (name: string, label: string, value: string, options: { key: string; label: string }[], change: (v: string) => void) => (
    <div className="control">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <select id={`${id}-${name}`} value={value} onChange={(e) => change(e.target.value)}>
        {options.map((o) => (
          <option key={o.key} value={o.key}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );

  const form = (
    <form className="flows-controls controls" onSubmit={(e) => e.preventDefault()} aria-label={t('flows.controls')}>
      <fieldset>
        <legend className="visually-hidden">{t('flows.controls')}</legend>
        {select('grain', t('flows.grain.label'), state.grain, FLOW_GRAINS.map((g) => ({ key: g, label: t(`flows.grain.${g}`) })), (g) =>
          onChange({ ...withGrain(state, g as FlowsState['grain']), group: state.group }),
        )}
        {select('by', t('flows.by.label'), state.by, FLOW_BREAKDOWNS.map((b) => ({ key: b, label: t(`flows.by.${b}`) })), (b) => set({ by: b as FlowsState['by'], group: '' }))}
        {select('segment', t('flows.segment'), state.segment ?? '', [{ key: '', label: t('flows.all') }, ...SEGMENTS.map((s) => ({ key: s, label: segmentLabel(s) }))], (s) =>
          set({ segment: s === '' ? null : (s as FlowsState['segment']) }),
        )}
        {select('municipality', t('flows.municipality'), state.municipality ?? '', [{ key: '', label: t('flows.all') }, ...values('municipality').map((m) => ({ key: m.key, label: m.label[lang] }))], (m) =>
          set({ municipality: m === '' ? null : m }),
        )}
        {select('from', t('flows.from'), state.from ?? '', [{ key: '', label: t('flows.first') }, ...periods.map((p) => ({ key: p.key, label: p.label[lang] }))], (f) => set({ from: f === '' ? null : f }))}
        {select('to', t('flows.to'), state.to ?? '', [{ key: '', label: t('flows.last') }, ...periods.map((p) => ({ key: p.key, label: p.label[lang] }))], (v) => set({ to: v === '' ? null : v }))}
        <label className="check" title={t('workbench.suppress.help')}>
          <input type="checkbox" checked={meeting || state.suppress} disabled={meeting} onChange={(e) => set({ suppress: e.target.checked })} />
          {t('workbench.suppress.label')}
        </label>
      </fieldset>
    </form>
  );
  return meeting ? (
    <details className="meeting-controls">
      <summary>{t('flows.adjust')}</summary>
      {form}
    </details>
  ) : (
    form
  );
}
