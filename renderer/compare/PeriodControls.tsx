// The compare view's shared controls: the year compared (against the year before) and suppression. In meeting
// mode suppression is forced on and the checkbox is locked.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  years: string[];
  period: string | null;
  suppress: boolean;
  meeting: boolean;
  showPeriod: boolean;
  onPeriod: (p: string) => void;
  onSuppress: (s: boolean) => void;
}

export function PeriodControls({ years, period, suppress, meeting, showPeriod, onPeriod, onSuppress }: Props) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <form className="controls compare-controls" onSubmit={(e) => e.preventDefault()} aria-label={t('compare.controls')}>
      <fieldset>
        <legend className="visually-hidden">{t('compare.controls')}</legend>
        {showPeriod && (
          <div className="control">
            <label htmlFor={`${id}-period`}>{t('compare.period')}</label>
            <select id={`${id}-period`} value={period ?? ''} onChange={(e) => onPeriod(e.target.value)}>
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </div>
        )}
        <label className="check" title={t('workbench.suppress.help')}>
          <input type="checkbox" checked={suppress} disabled={meeting} onChange={(e) => onSuppress(e.target.checked)} />
          {t('workbench.suppress.label')}
        </label>
      </fieldset>
    </form>
  );
}
