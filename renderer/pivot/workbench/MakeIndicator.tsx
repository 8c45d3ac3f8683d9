// "Maak indicator": turns the working pivot (its first measure and filters) into a named indicator with a
// baseline, a target and a direction (indicators/save), in the app's modal dialog (renderer/ui/Dialog.tsx:
// Escape cancels, focus stays inside and returns to the button) — then points to the steering view.
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpiegelApi } from '../../../core/contract/api.js';
import type { DimensionsResult } from '../../../core/contract/methods.js';
import type { PivotQuery } from '../../../core/contract/pivot.js';
import type { IndicatorSource } from '../../../core/contract/steering.js';
import { MEASURE_INFO, type Lang } from '../../../core/registry.js';
import { DateField } from '../../ui/DateField.js';
import { Dialog } from '../../ui/Dialog.js';
import { defaultDraft, draftProblems, euroSource, pivotSource, saveArgs, type DraftProblem, type IndicatorDraft } from './indicatorDraft.js';

interface Props {
  api: SpiegelApi;
  meta: DimensionsResult;
  query: PivotQuery;
  /** A short text of the filters, for the default name. */
  filterText: string;
}

export function MakeIndicator({ api, meta, query, filterText }: Props) {
  const { t, i18n } = useTranslation();
  const label = MEASURE_INFO[query.measures[0]!].label[i18n.language as Lang];
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <>
      <button type="button" className="secondary make-indicator" onClick={() => setOpen(true)}>
        {t('steering.make.button')}
      </button>
      {saved && (
        <p className="status make-indicator-status" role="status">
          {t('steering.make.saved', { name: saved })} <a href="#steering">{t('steering.make.open')}</a>
        </p>
      )}
      {open && (
        <IndicatorDialog
          api={api}
          meta={meta}
          source={pivotSource(query)}
          what={t('steering.make.from', { measure: label, filters: filterText || t('steering.make.noFilters') })}
          defaultName={filterText ? `${label} (${filterText})` : label}
          onDone={(name) => {
            setOpen(false);
            if (name) setSaved(name);
          }}
        />
      )}
    </>
  );
}

interface DialogProps {
  api: SpiegelApi;
  meta: DimensionsResult;
  source: IndicatorSource;
  /** What the indicator will measure, in a sentence. */
  what: string;
  defaultName: string;
  onDone: (saved: string | null) => void;
}

/** The dialog itself, for any source: the pivot's "Maak indicator" and the steering view's FoodValley measures. */
export function IndicatorDialog({ api, meta, source, what, defaultName, onDone }: DialogProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const id = useId();
  const months = (meta.dimensions.find((d) => d.id === 'month')?.values ?? []).map((v) => v.key);
  const [draft, setDraft] = useState<IndicatorDraft>(() => defaultDraft(defaultName, meta.peildatum, months));
  const [projects, setProjects] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [tried, setTried] = useState(false);
  const problems = draftProblems(draft);
  const set = (patch: Partial<IndicatorDraft>) => setDraft((d) => ({ ...d, ...patch }));

  useEffect(() => {
    void api.invoke('indicators/list', {}).then((r) => r.ok && setProjects([...new Set(r.value.map((i) => i.project))].sort()));
  }, [api]);

  const save = async () => {
    setTried(true);
    if (problems.length) return;
    const r = await api.invoke('indicators/save', saveArgs(draft, source));
    if (r.ok) onDone(r.value.name);
    else setError(r.error.message);
  };
  const invalid = (k: DraftProblem) => (tried && problems.includes(k) ? true : undefined);
  const unit = euroSource(source) ? ' (€)' : '';

  return (
    <Dialog
      title={t('steering.make.title')}
      className="indicator-dialog"
      onClose={() => onDone(null)}
      closeLabel={t('steering.make.cancel')}
      initialFocus={`#${CSS.escape(`${id}-name`)}`}
      actions={
        <>
          <button type="button" className="secondary" onClick={() => onDone(null)}>
            {t('steering.make.cancel')}
          </button>
          <button type="submit" form={`${id}-form`}>
            {t('steering.make.save')}
          </button>
        </>
      }
    >
      <p className="hint">{what}</p>
      <form
        id={`${id}-form`}
        className="indicator-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label htmlFor={`${id}-name`}>{t('steering.make.name')}</label>
        <input id={`${id}-name`} type="text" maxLength={120} value={draft.name} aria-invalid={invalid('name')} onChange={(e) => set({ name: e.target.value })} />
        <label htmlFor={`${id}-project`}>{t('steering.make.project')}</label>
        <input id={`${id}-project`} type="text" maxLength={120} list={`${id}-projects`} value={draft.project} aria-invalid={invalid('project')} onChange={(e) => set({ project: e.target.value })} />
        <datalist id={`${id}-projects`}>
          {projects.map((p) => (
            <option key={p} value={p} />
          ))}
        </datalist>
        <label htmlFor={`${id}-bmonth`}>{t('steering.make.baselineMonth')}</label>
        <select id={`${id}-bmonth`} value={draft.baselineMonth} onChange={(e) => set({ baselineMonth: e.target.value })}>
          {months.map((m) => (
            <option key={m} value={m}>
              {meta.dimensions.find((d) => d.id === 'month')?.values.find((v) => v.key === m)?.label[lang] ?? m}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-bvalue`}>{t('steering.make.baselineValue') + unit}</label>
        <input id={`${id}-bvalue`} type="text" inputMode="decimal" value={draft.baselineValue} placeholder={t('steering.make.baselineAuto')} aria-invalid={invalid('baselineValue')} onChange={(e) => set({ baselineValue: e.target.value })} />
        <label htmlFor={`${id}-tvalue`}>{t('steering.make.targetValue') + unit}</label>
        <input id={`${id}-tvalue`} type="text" inputMode="decimal" value={draft.targetValue} aria-invalid={invalid('targetValue')} onChange={(e) => set({ targetValue: e.target.value })} />
        <label htmlFor={`${id}-tdate`}>{t('steering.make.targetDate')}</label>
        <DateField id={`${id}-tdate`} value={draft.targetDate} invalid={invalid('targetDate')} onChange={(targetDate) => set({ targetDate })} />
        <label htmlFor={`${id}-dir`}>{t('steering.make.direction')}</label>
        <select id={`${id}-dir`} value={draft.direction} onChange={(e) => set({ direction: e.target.value === 'up' ? 'up' : 'down' })}>
          <option value="down">{t('steering.direction.down')}</option>
          <option value="up">{t('steering.direction.up')}</option>
        </select>
        {tried && problems.length > 0 && (
          <p className="error" role="alert">
            {problems.map((p) => t(`steering.make.problem.${p}`)).join(' ')}
          </p>
        )}
        {error && (
          <p className="error" role="alert">
            {t('steering.make.failed', { message: error })}
          </p>
        )}
      </form>
    </Dialog>
  );
}
