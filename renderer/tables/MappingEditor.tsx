import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnMapping, TableField, TablePreview } from '../../core/contract/tables.js';
import type { Lang } from '../i18n/index.js';

interface Props {
  preview: TablePreview;
  mapping: ColumnMapping;
  onChange: (mapping: ColumnMapping) => void;
}

/** One select per field the kind knows; a wide file's value fields come from its repeated columns instead. */
export function MappingEditor({ preview, mapping, onChange }: Props) {
  const { t } = useTranslation();
  const fromWide = new Set(preview.wide ? [preview.wide.field, preview.wide.value] : []);
  const origin = preview.saved ? t('tables.mapping.fromSaved', { source: preview.source }) : t('tables.mapping.fromSuggestion');
  return (
    <fieldset className="mapping">
      <legend>{t('tables.mapping.title')}</legend>
      <p className="note">{origin}</p>
      <table className="data mapping-table">
        <thead>
          <tr>
            <th scope="col">{t('tables.mapping.field')}</th>
            <th scope="col">{t('tables.mapping.column')}</th>
          </tr>
        </thead>
        <tbody>
          {preview.fields.map((f) => (
            <FieldRow
              key={f.id}
              field={f}
              headers={preview.headers}
              wide={fromWide.has(f.id)}
              value={mapping[f.id] ?? ''}
              onChange={(column) => {
                const next = { ...mapping };
                if (column) next[f.id] = column;
                else delete next[f.id];
                onChange(next);
              }}
            />
          ))}
        </tbody>
      </table>
    </fieldset>
  );
}

interface RowProps {
  field: TableField;
  headers: string[];
  wide: boolean;
  value: string;
  onChange: (column: string) => void;
}

function FieldRow({ field, headers, wide, value, onChange }: RowProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const id = useId();
  const missing = !wide && ((field.required && !value) || (value !== '' && !headers.includes(value)));
  return (
    <tr data-field={field.id} className={missing ? 'missing' : undefined}>
      <th scope="row">
        <label htmlFor={id}>
          {field.label[lang]}
          {field.required && <span className="required"> *</span>}
        </label>
        {field.help[lang] && <span className="help">{field.help[lang]}</span>}
      </th>
      <td>
        {wide ? (
          <span className="note">{t('tables.mapping.fromWide')}</span>
        ) : (
          <select id={id} value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={missing || undefined}>
            <option value="">{t('tables.mapping.none')}</option>
            {value && !headers.includes(value) && <option value={value}>{t('tables.mapping.absent', { column: value })}</option>}
            {headers.map((h) => (
              <option key={h} value={h}>
                {h}
              </option>
            ))}
          </select>
        )}
      </td>
    </tr>
  );
}
