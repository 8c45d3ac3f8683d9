// The peildatum override (DOMAIN.md §2): by default the last day of the month of the latest Dagtekening;
// an analyst can fix another one, e.g. the end of a quarter being reported on.
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingsResult } from '../../core/contract/settings.js';
import { formatDate } from '../format.js';
import { DateField } from '../ui/DateField.js';
import { Section } from './Section.js';

interface Props {
  peildatum: SettingsResult['peildatum'];
  onSave: (peildatum: string | null) => Promise<string | null>;
}

export function PeildatumSetting({ peildatum, onSave }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [date, setDate] = useState(peildatum.override ?? '');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setDate(peildatum.override ?? ''), [peildatum.override]);
  const save = async (value: string | null) => {
    const e = await onSave(value);
    setError(e ? t('app.error', { message: e }) : null);
  };
  return (
    <Section id="peildatum" title={t('settings.peildatum.title')} help={<p>{t('settings.peildatum.help')}</p>}>
      <p className="setting-now">
        {peildatum.derived
          ? t('settings.peildatum.derived', { date: formatDate(peildatum.derived) })
          : t('settings.peildatum.noData')}
        {' '}
        {peildatum.override
          ? t('settings.peildatum.overridden', { date: formatDate(peildatum.override) })
          : t('settings.peildatum.notOverridden')}
      </p>
      <form
        className="setting-row"
        onSubmit={(e) => {
          e.preventDefault();
          if (date) void save(date);
        }}
      >
        <label htmlFor={id}>{t('settings.peildatum.label')}</label>
        <DateField id={id} value={date} onChange={setDate} />
        <button type="submit" disabled={!date || date === peildatum.override}>
          {t('settings.save')}
        </button>
        {peildatum.override && (
          <button type="button" className="secondary" onClick={() => void save(null)}>
            {t('settings.peildatum.reset')}
          </button>
        )}
      </form>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </Section>
  );
}
