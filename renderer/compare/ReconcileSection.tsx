// Reconciliation: for one municipality and year, Spiegel's own counts beside CBS's for the same figure, the
// difference, whether it lies within CBS's rounding (multiples of 5), and why the two differ by definition.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpiegelApi } from '../../core/contract/api.js';
import type { Lang } from '../../core/registry.js';
import { useCall } from '../flows/useCall.js';
import { Cell, Plain } from './Cell.js';
import { valueText } from './cells.js';
import { SuppressionLegend, TabNotes } from './TabNotes.js';
import { TableWrap } from './TableWrap.js';

interface Props {
  api: SpiegelApi;
  version: number;
  year: number;
  suppress: boolean;
  municipality: string;
  municipalities: { key: string; label: string }[];
  onMunicipality: (m: string) => void;
}

export function ReconcileSection({ api, version, year, suppress, municipality, municipalities, onMunicipality }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const id = useId();
  const { result, error } = useCall(api, 'benchmark/reconcile', { municipality, year, suppress }, version);
  const signed = (d: number | null) => (d === null ? '–' : d > 0 ? `+${valueText(d, 'count')}` : valueText(d, 'count'));
  return (
    <section className="compare-section reconcile" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('compare.benchmark.reconcileTitle')}</h3>
      <div className="control compare-pick">
        <label htmlFor={`${id}-m`}>{t('compare.municipalities.name')}</label>
        <select id={`${id}-m`} value={municipality} onChange={(e) => onMunicipality(e.target.value)}>
          {municipalities.map((m) => (
            <option key={m.key} value={m.key}>
              {m.label}
            </option>
          ))}
        </select>
      </div>
      {error && (
        <p className="error" role="alert">
          {t('app.error', { message: error })}
        </p>
      )}
      {result && (
        <>
          <TableWrap label={t('compare.benchmark.reconcileCaption', { name: result.name, year: result.year })}>
            <table className="pivot compare-table reconcile-table">
              <caption>{t('compare.benchmark.reconcileCaption', { name: result.name, year: result.year })}</caption>
              <thead>
                <tr>
                  {(['line', 'spiegel', 'cbs', 'difference', 'rounding', 'explanation'] as const).map((c) => (
                    <th key={c} scope="col" className={['spiegel', 'cbs', 'difference'].includes(c) ? 'num' : undefined}>
                      {t(`compare.benchmark.col.${c}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {result.lines.map((l) => (
                  <tr key={l.key} data-key={l.key}>
                    <th scope="row">{l.label[lang]}</th>
                    <Cell figure="spiegel" cell={{ value: l.spiegel.value, clients: l.spiegel.value, flag: l.spiegel.flag }} unit="count" threshold={result.suppression.threshold} />
                    <Plain figure="cbs" text={valueText(l.cbs, 'count')} />
                    <Plain figure="difference" text={signed(l.difference)} className="total" />
                    <td data-figure="rounding">{l.withinRounding === null ? '–' : l.withinRounding ? t('compare.benchmark.withinRounding') : t('compare.benchmark.beyondRounding')}</td>
                    <td className="explanation">{l.explanation[lang]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          {result.partial && <p className="note">{t('compare.benchmark.partial')}</p>}
          <SuppressionLegend suppression={result.suppression} />
          <TabNotes notes={result.notes} />
        </>
      )}
    </section>
  );
}
