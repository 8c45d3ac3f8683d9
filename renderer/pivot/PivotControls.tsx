import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { DimensionsResult } from '../../core/contract/methods.js';
import type { Lang } from '../i18n/index.js';
import type { Dim, PivotChoice } from './model.js';

interface Props {
  meta: DimensionsResult;
  choice: PivotChoice;
  onChange: (choice: PivotChoice) => void;
}

interface SelectProps {
  label: string;
  name: string;
  value: string;
  options: { value: string; label: string; disabled?: boolean }[];
  onChange: (value: string) => void;
}

function Select({ label, name, value, options, onChange }: SelectProps) {
  const id = useId();
  return (
    <div className="control">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value} disabled={o.disabled}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A dimension may be used once across rows and columns, so options taken by another slot are disabled. */
export function PivotControls({ meta, choice, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const none = { value: '', label: t('pivot.none') };
  const dimOptions = (exclude: string[]) =>
    meta.dimensions.map((d) => ({ value: d.id, label: d.label[lang], disabled: exclude.includes(d.id) }));
  const filterDim = meta.dimensions.find((d) => d.id === choice.filterDim);

  return (
    <form className="controls" onSubmit={(e) => e.preventDefault()}>
      <fieldset>
        <Select
          label={t('pivot.measure')}
          name="measure"
          value={choice.measure}
          options={meta.measures.map((m) => ({ value: m.id, label: m.label[lang] }))}
          onChange={(v) => onChange({ ...choice, measure: v as PivotChoice['measure'] })}
        />
      </fieldset>
      <fieldset>
        <Select
          label={t('pivot.rows')}
          name="rows"
          value={choice.row1}
          options={dimOptions([choice.row2, choice.col])}
          onChange={(v) => onChange({ ...choice, row1: v as Dim })}
        />
        <Select
          label={t('pivot.rows2')}
          name="rows2"
          value={choice.row2}
          options={[none, ...dimOptions([choice.row1, choice.col])]}
          onChange={(v) => onChange({ ...choice, row2: v as Dim | '' })}
        />
        <Select
          label={t('pivot.cols')}
          name="cols"
          value={choice.col}
          options={[none, ...dimOptions([choice.row1, choice.row2])]}
          onChange={(v) => onChange({ ...choice, col: v as Dim | '' })}
        />
      </fieldset>
      <fieldset>
        <Select
          label={t('pivot.filter')}
          name="filter"
          value={choice.filterDim}
          options={[none, ...dimOptions([])]}
          onChange={(v) => {
            const dim = meta.dimensions.find((d) => d.id === v);
            onChange({ ...choice, filterDim: v as Dim | '', filterValue: dim?.values[0]?.key ?? '' });
          }}
        />
        {filterDim && (
          <Select
            label={t('pivot.filterValue')}
            name="filterValue"
            value={choice.filterValue}
            options={filterDim.values.map((v) => ({ value: v.key, label: v.label[lang] }))}
            onChange={(v) => onChange({ ...choice, filterValue: v })}
          />
        )}
      </fieldset>
    </form>
  );
}
