// Filters: the ones in force as removable chips, and a small form to add one — a dimension, an operator
// from the contract's closed set, and a value (or several) from that dimension's own list of values.
import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DimensionsResult } from '../../../core/contract/methods.js';
import type { PivotFilter } from '../../../core/contract/pivot.js';
import { isDimension, type DimensionId, type Lang } from '../../../core/registry.js';

const OPS = ['==', '!=', 'in', 'not in', '>=', '<='] as const;
type Op = (typeof OPS)[number];
const isList = (op: Op): op is 'in' | 'not in' => op === 'in' || op === 'not in';

interface Props {
  meta: DimensionsResult;
  filters: PivotFilter[];
  onAdd: (f: PivotFilter) => void;
  onRemove: (index: number) => void;
}

/** A filter in words, e.g. "Geslacht is Meisje/vrouw" or "Jaar vanaf 2024". */
export function useFilterText(meta: DimensionsResult): (f: PivotFilter) => string {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  return useCallback(
    ([dim, op, value]: PivotFilter) => {
      const d = meta.dimensions.find((x) => x.id === dim);
      const label = (k: string) => d?.values.find((v) => v.key === k)?.label[lang] ?? k;
      const shown = Array.isArray(value) ? value.map(label).join(', ') : label(value);
      return `${d?.label[lang] ?? dim} ${t(`workbench.filters.op.${op}`)} ${shown}`;
    },
    [meta, lang, t],
  );
}

export function FilterEditor({ meta, filters, onAdd, onRemove }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const id = useId();
  const text = useFilterText(meta);
  const [dim, setDim] = useState<DimensionId | ''>('');
  const [op, setOp] = useState<Op>('==');
  const [values, setValues] = useState<string[]>([]);
  const dimInfo = meta.dimensions.find((d) => d.id === dim);
  const ready = dim !== '' && values.length > 0;

  const add = () => {
    if (!ready) return;
    onAdd(isList(op) ? [dim, op, values] : [dim, op, values[0]!]);
    setValues([]);
  };

  return (
    <fieldset className="filter-editor">
      <legend>{t('workbench.filters.title')}</legend>
      {filters.length === 0 ? (
        <p className="hint">{t('workbench.filters.none')}</p>
      ) : (
        <ul className="filter-list">
          {filters.map((f, i) => (
            <li key={JSON.stringify(f)} className="filter-chip">
              <span>{text(f)}</span>
              <button type="button" aria-label={t('workbench.filters.remove', { filter: text(f) })} title={t('workbench.filters.remove', { filter: text(f) })} onClick={() => onRemove(i)}>
                ✕
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="filter-form">
        <div className="control">
          <label htmlFor={`${id}-dim`}>{t('workbench.filters.dimension')}</label>
          <select
            id={`${id}-dim`}
            value={dim}
            onChange={(e) => {
              setDim(isDimension(e.target.value) ? e.target.value : '');
              setValues([]);
            }}
          >
            <option value="">{t('workbench.filters.choose')}</option>
            {meta.dimensions.map((d) => (
              <option key={d.id} value={d.id} disabled={d.values.length === 0}>
                {d.label[lang]}
              </option>
            ))}
          </select>
        </div>
        <div className="control">
          <label htmlFor={`${id}-op`}>{t('workbench.filters.operator')}</label>
          <select
            id={`${id}-op`}
            value={op}
            onChange={(e) => {
              const next = e.target.value as Op;
              setOp(next);
              if (!isList(next)) setValues((v) => v.slice(0, 1));
            }}
          >
            {OPS.map((o) => (
              <option key={o} value={o}>
                {t(`workbench.filters.op.${o}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="control">
          <label htmlFor={`${id}-value`}>{isList(op) ? t('workbench.filters.values') : t('workbench.filters.value')}</label>
          {isList(op) ? (
            <select
              id={`${id}-value`}
              multiple
              size={Math.min(6, Math.max(2, dimInfo?.values.length ?? 2))}
              value={values}
              disabled={!dimInfo}
              onChange={(e) => setValues([...e.target.selectedOptions].map((o) => o.value))}
            >
              {dimInfo?.values.map((v) => (
                <option key={v.key} value={v.key}>
                  {v.label[lang]}
                </option>
              ))}
            </select>
          ) : (
            <select id={`${id}-value`} value={values[0] ?? ''} disabled={!dimInfo} onChange={(e) => setValues(e.target.value ? [e.target.value] : [])}>
              <option value="">{t('workbench.filters.choose')}</option>
              {dimInfo?.values.map((v) => (
                <option key={v.key} value={v.key}>
                  {v.label[lang]}
                </option>
              ))}
            </select>
          )}
        </div>
        <button type="button" className="add-filter" disabled={!ready} onClick={add}>
          {t('workbench.filters.add')}
        </button>
      </div>
    </fieldset>
  );
}
