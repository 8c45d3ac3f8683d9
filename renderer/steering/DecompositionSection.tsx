// Volume / price / mix (analysis/decomposition, Alkmaar): the change in spending per segment between two
// periods split so that volume + price + mix = change exactly, in eurocent. Defaults to the last two
// complete years before the peildatum's year (a part year against a whole one would read as a fall).
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpiegelApi } from '../../core/contract/api.js';
import type { Lang } from '../../core/registry.js';
import { useCall } from '../flows/useCall.js';
import { CallState } from './CallState.js';
import { figureText } from './values.js';

const FIELDS = ['clientsBase', 'clientsCompare', 'spendBase', 'spendCompare', 'change', 'volume', 'price', 'mix'] as const;

export function DecompositionSection({ api, version, years, suppress }: { api: SpiegelApi; version: number; years: string[]; suppress: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const id = useId();
  const complete = years.length > 2 ? years.slice(0, -1) : years;
  const [base, setBase] = useState<string | null>(null);
  const [compare, setCompare] = useState<string | null>(null);
  const b = base ?? complete[complete.length - 2] ?? null;
  const c = compare ?? complete[complete.length - 1] ?? null;
  const { result, error, busy } = useCall(api, 'analysis/decomposition', b && c && b !== c ? { base: b, compare: c, suppress } : null, version);
  const threshold = result?.suppression.threshold ?? 5;
  const pick = (label: string, value: string | null, set: (v: string) => void, key: string) => (
    <div className="control">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <select id={`${id}-${key}`} value={value ?? ''} onChange={(e) => set(e.target.value)}>
        {years.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <section className="steering-section decomposition-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('steering.decomposition.title')}</h3>
      <div className="inline-controls">
        {pick(t('steering.decomposition.base'), b, setBase, 'base')}
        {pick(t('steering.decomposition.compare'), c, setCompare, 'compare')}
      </div>
      {b === c && <p className="note">{t('steering.decomposition.same')}</p>}
      <CallState error={error} busy={busy} notes={result?.notes} />
      {result && (
        <>
          <div className="table-wrap">
            <table className="pivot decomposition-table">
              <caption>{t('steering.decomposition.caption', { base: result.base.key, compare: result.compare.key })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('steering.segment')}</th>
                  {FIELDS.map((f) => (
                    <th key={f} scope="col">
                      {t(`steering.decomposition.${f}`, { base: result.base.key, compare: result.compare.key })}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {result.rows.map((r) => (
                  <tr key={r.segment} data-segment={r.segment} className={r.segment === 'total' ? 'total-row' : undefined}>
                    <th scope="row">{r.label[lang]}</th>
                    {FIELDS.map((f) => {
                      const x = figureText(r[f], threshold, !f.startsWith('clients'));
                      return (
                        <td key={f} className={x.className} data-field={f}>
                          {x.text}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="hint">{result.method[lang]}</p>
        </>
      )}
    </section>
  );
}
