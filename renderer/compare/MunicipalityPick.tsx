// The municipality filter of the providers and quality tabs: the region, or what one municipality assigned.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  value: string | null;
  options: { key: string; label: string }[];
  onChange: (value: string | null) => void;
  label?: string;
}

export function MunicipalityPick({ value, options, onChange, label }: Props) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="control compare-pick">
      <label htmlFor={id}>{label ?? t('compare.municipalityFilter')}</label>
      <select id={id} value={value ?? ''} onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}>
        <option value="">{t('compare.wholeRegion')}</option>
        {options.map((o) => (
          <option key={o.key} value={o.key}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
