// Everything that shapes the query: fields (rows, columns), measures, "toon als", "vergelijk", per 1,000,
// suppression, and the filters. Each control changes the query at once; usePivot debounces the run.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { DimensionsResult } from '../../core/contract/methods.js';
import { COMPARE, SHOW_AS, type PivotQuery } from '../../core/contract/pivot.js';
import { MEASURES, type Lang } from '../../core/registry.js';
import { FieldPicker } from './workbench/FieldPicker.js';
import { FilterEditor } from './workbench/FilterEditor.js';
import { addFilter, hasTimeDimension, MEASURES_MAX, removeFilter, tidy, toggleMeasure } from './workbench/queryState.js';

interface Props {
  meta: DimensionsResult;
  query: PivotQuery;
  onChange: (q: PivotQuery) => void;
  /** Whether a population table is loaded (per 1,000 youth needs one). */
  hasPopulation: boolean;
  /** Meeting mode forces suppression; the checkbox then says so instead of offering a choice. */
  meeting: boolean;
}

export function PivotControls({ meta, query, onChange, hasPopulation, meeting }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const id = useId();
  const time = hasTimeDimension(query);
  const set = (patch: Partial<PivotQuery>) => onChange(tidy({ ...query, ...patch }));

  const form = (
    <form className="workbench-controls" onSubmit={(e) => e.preventDefault()} aria-label={t('workbench.controls')}>
      <FieldPicker meta={meta} query={query} onChange={onChange} />
      <div className="control-row">
        <fieldset className="measures">
          <legend>{t('workbench.measures.title')}</legend>
          {MEASURES.map((m) => {
            const on = query.measures.includes(m);
            const locked = (on && query.measures.length === 1) || (!on && query.measures.length >= MEASURES_MAX);
            const info = meta.measures.find((x) => x.id === m);
            return (
              <label key={m} className="check" title={info?.definition[lang]}>
                <input type="checkbox" name="measure" value={m} checked={on} disabled={locked} onChange={() => onChange(toggleMeasure(query, m, MEASURES))} />
                {info?.label[lang] ?? m}
              </label>
            );
          })}
        </fieldset>
        <fieldset className="options">
          <legend>{t('workbench.options')}</legend>
          <div className="control">
            <label htmlFor={`${id}-showas`}>{t('workbench.showAs.label')}</label>
            <select id={`${id}-showas`} value={query.showAs} onChange={(e) => set({ showAs: e.target.value as PivotQuery['showAs'] })}>
              {SHOW_AS.map((s) => (
                <option key={s} value={s}>
                  {t(`workbench.showAs.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="control">
            <label htmlFor={`${id}-compare`}>{t('workbench.compare.label')}</label>
            <select
              id={`${id}-compare`}
              value={query.compare}
              disabled={!time}
              aria-describedby={time ? undefined : `${id}-compare-why`}
              onChange={(e) => set({ compare: e.target.value as PivotQuery['compare'] })}
            >
              {COMPARE.map((c) => (
                <option key={c} value={c}>
                  {t(`workbench.compare.${c}`)}
                </option>
              ))}
            </select>
            {!time && (
              <span className="why" id={`${id}-compare-why`}>
                {t('workbench.compare.needsTime')}
              </span>
            )}
          </div>
          <label className="check" title={t('workbench.per1000.help')}>
            <input
              type="checkbox"
              checked={query.per1000}
              disabled={!hasPopulation}
              aria-describedby={hasPopulation ? undefined : `${id}-per1000-why`}
              onChange={(e) => set({ per1000: e.target.checked })}
            />
            {t('workbench.per1000.label')}
          </label>
          {!hasPopulation && (
            <span className="why" id={`${id}-per1000-why`}>
              {t('workbench.per1000.noPopulation')}
            </span>
          )}
          <label className="check" title={t('workbench.suppress.help')}>
            <input type="checkbox" checked={meeting || query.suppress} disabled={meeting} onChange={(e) => set({ suppress: e.target.checked })} />
            {t('workbench.suppress.label')}
          </label>
        </fieldset>
        <FilterEditor meta={meta} filters={query.filters} onAdd={(f) => onChange(addFilter(query, f))} onRemove={(i) => onChange(removeFilter(query, i))} />
      </div>
    </form>
  );
  // In a meeting the figures come first; the controls stay one click (or Enter) away for live pivoting.
  return meeting ? (
    <details className="meeting-controls">
      <summary>{t('workbench.adjust')}</summary>
      {form}
    </details>
  ) : (
    form
  );
}
