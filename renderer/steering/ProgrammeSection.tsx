// The FoodValley measures (measures/programme) over the last 12 months: crisis followed by verblijf, prolonged
// care after 18, clients per month per segment and children out of residential care — each with its
// definition, the figure over the range (with numerator and denominator for shares), the latest month, and
// "Maak indicator" to track it against a target.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpiegelApi } from '../../core/contract/api.js';
import type { DimensionsResult } from '../../core/contract/methods.js';
import type { ProgrammeMeasure, ProgrammePoint } from '../../core/contract/steering.js';
import { SEGMENT_LABELS, type Lang } from '../../core/registry.js';
import { useCall } from '../flows/useCall.js';
import { formatNumber } from '../format.js';
import { IndicatorDialog } from '../pivot/workbench/MakeIndicator.js';
import { CallState } from './CallState.js';
import { monthLabel } from './values.js';

interface Props {
  api: SpiegelApi;
  meta: DimensionsResult;
  version: number;
  suppress: boolean;
  meeting: boolean;
  onSaved: () => void;
}

function pointText(p: ProgrammePoint, unit: ProgrammeMeasure['unit'], threshold: number): string {
  if (p.flag === 'suppressed') return `<${threshold}`;
  if (p.value === null) return '–';
  const value = unit === 'percent' ? `${formatNumber(p.value, 1)}%` : formatNumber(p.value, Number.isInteger(p.value) ? 0 : 1);
  return unit === 'percent' && p.numerator !== null && p.denominator !== null ? `${value} (${formatNumber(p.numerator)}/${formatNumber(p.denominator)})` : value;
}

/** The measure's label, with its segment for the per-segment one (one row per segment). */
function nameOf(m: ProgrammeMeasure, lang: Lang): string {
  return m.source.id === 'avgMonthlyClients' ? `${m.label[lang]}: ${SEGMENT_LABELS[m.source.segment][lang]}` : m.label[lang];
}

export function ProgrammeSection({ api, meta, version, suppress, meeting, onSaved }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const id = useId();
  const { result, error, busy } = useCall(api, 'measures/programme', { suppress }, version);
  const [making, setMaking] = useState<ProgrammeMeasure | null>(null);
  const [saved, setSaved] = useState('');
  const threshold = result?.suppression.threshold ?? 5;
  return (
    <section className="steering-section programme-section" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('steering.programme.title')}</h3>
      <CallState error={error} busy={busy} />
      {result && (
        <div className="table-wrap">
          <table className="pivot programme-table">
            <caption>{t('steering.programme.caption', { from: monthLabel(result.from, lang), to: monthLabel(result.to, lang) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('steering.programme.measure')}</th>
                <th scope="col">{t('steering.programme.total')}</th>
                <th scope="col">{t('steering.programme.latest', { month: monthLabel(result.to, lang) })}</th>
                {!meeting && <td />}
              </tr>
            </thead>
            <tbody>
              {result.measures.map((m) => {
                const last = m.months[m.months.length - 1];
                const name = nameOf(m, lang);
                return (
                  <tr key={m.key} data-measure={m.key}>
                    <th scope="row">
                      {name}
                      <span className="why">{m.definition[lang]}</span>
                    </th>
                    <td className="num programme-total">{pointText(m.total, m.unit, threshold)}</td>
                    <td className="num">{last ? pointText(last, m.unit, threshold) : '–'}</td>
                    {!meeting && (
                      <td>
                        <button type="button" className="secondary" aria-label={t('steering.programme.makeOf', { name })} onClick={() => setMaking(m)}>
                          {t('steering.make.button')}
                        </button>
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <p className="status" role="status">
        {saved}
      </p>
      {making && (
        <IndicatorDialog
          api={api}
          meta={meta}
          source={making.source}
          what={making.definition[lang]}
          defaultName={nameOf(making, lang)}
          onDone={(name) => {
            setMaking(null);
            if (name) {
              setSaved(t('steering.make.saved', { name }));
              onSaved();
            }
          }}
        />
      )}
    </section>
  );
}
