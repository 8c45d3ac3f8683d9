// The suppression threshold: cells with fewer clients than this are hidden in exports, meeting mode and the
// CLI (DOMAIN.md §3). At least 5 — cells of 1–4 clients never leave — and at most 50.
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_SUPPRESSION_THRESHOLD, MAX_SUPPRESSION_THRESHOLD, MIN_SUPPRESSION_THRESHOLD } from '../../core/contract/settings.js';
import { Section } from './Section.js';

interface Props {
  value: number;
  onSave: (threshold: number) => Promise<string | null>;
}

export function ThresholdSetting({ value, onSave }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(String(value));
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => setText(String(value)), [value]);
  const n = Number(text);
  const valid = Number.isInteger(n) && n >= MIN_SUPPRESSION_THRESHOLD && n <= MAX_SUPPRESSION_THRESHOLD;
  const save = async (threshold: number) => {
    const error = await onSave(threshold);
    setMessage(error ? { ok: false, text: t('app.error', { message: error }) } : { ok: true, text: t('settings.threshold.saved', { threshold }) });
  };
  return (
    <Section id="threshold" title={t('settings.threshold.title')} help={<p>{t('settings.threshold.help', { min: MIN_SUPPRESSION_THRESHOLD, max: MAX_SUPPRESSION_THRESHOLD })}</p>}>
      <form
        className="setting-row"
        onSubmit={(e) => {
          e.preventDefault();
          if (valid) void save(n);
        }}
      >
        <label htmlFor={id}>{t('settings.threshold.label')}</label>
        <input
          id={id}
          type="number"
          min={MIN_SUPPRESSION_THRESHOLD}
          max={MAX_SUPPRESSION_THRESHOLD}
          step={1}
          value={text}
          aria-invalid={!valid}
          aria-describedby={`${id}-now`}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit" disabled={!valid || n === value}>
          {t('settings.save')}
        </button>
        {value !== DEFAULT_SUPPRESSION_THRESHOLD && (
          <button type="button" className="secondary" onClick={() => void save(DEFAULT_SUPPRESSION_THRESHOLD)}>
            {t('settings.threshold.reset')}
          </button>
        )}
      </form>
      <p id={`${id}-now`} className="setting-now">
        {t('settings.threshold.now', { threshold: value, shown: value - 1 })}
      </p>
      {!valid && <p className="error">{t('settings.threshold.invalid', { min: MIN_SUPPRESSION_THRESHOLD, max: MAX_SUPPRESSION_THRESHOLD })}</p>}
      {message && (
        <p className={message.ok ? 'setting-saved' : 'error'} role="status">
          {message.text}
        </p>
      )}
    </Section>
  );
}
