// The records behind one cell (query/drill): pseudonyms, assignment numbers, dates and products, inside
// the app only. Never drawn in meeting mode, whatever the composer passes.
import { useTranslation } from 'react-i18next';
import './panels.css';
import type { DrillRecord, DrillResult } from '../../../core/contract/workbench.js';
import { formatDate, formatNumber } from '../../format.js';

interface Props {
  result: DrillResult | null;
  meeting: boolean;
  /** What the records are behind, e.g. "Ede · Verblijf · 2025" (the composer knows the labels). */
  title?: string;
  loading?: boolean;
  error?: string | null;
  onClose: () => void;
}

const COLUMNS = ['kind', 'pseudonym', 'municipality', 'provider', 'toewijzingNr', 'product', 'start', 'end', 'amount', 'referentieNummer'] as const;
const NUMERIC = new Set<string>(['toewijzingNr', 'amount']);

/** Record amounts are exact: euros with cents (the grid rounds, the records do not). */
const euro = (cents: number | null) => (cents === null ? '' : `€ ${formatNumber(cents / 100, 2)}`);

export function DrillPanel({ result, meeting, title, loading, error, onClose }: Props) {
  const { t } = useTranslation();
  if (meeting) return null;
  const text = (r: DrillRecord, c: (typeof COLUMNS)[number]): string => {
    switch (c) {
      case 'kind':
        return t(`grid.drill.kind.${r.kind}`);
      case 'toewijzingNr':
        return r.toewijzingNr === null ? '' : String(r.toewijzingNr);
      case 'start':
        return formatDate(r.start);
      case 'end':
        return r.end === null ? (r.kind === 'money' ? '' : t('grid.drill.open')) : formatDate(r.end);
      case 'amount':
        return euro(r.amount);
      default:
        return r[c] ?? '';
    }
  };
  return (
    <section className="grid-panel drill-panel" aria-labelledby="drill-title" aria-busy={loading ?? false}>
      <header>
        <h3 id="drill-title">{title ? t('grid.drill.titleOf', { title }) : t('grid.drill.title')}</h3>
        <button type="button" className="secondary" onClick={onClose}>
          {t('grid.close')}
        </button>
      </header>
      <p className="note">{t('grid.drill.privacy')}</p>
      {loading && <p className="note">{t('grid.drill.loading')}</p>}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {result && (
        <>
          <p className="drill-count" role="status">
            {t('grid.drill.count', {
              records: t('grid.records', { count: result.total, n: formatNumber(result.total) }),
              children: t('grid.children', { count: result.clients, n: formatNumber(result.clients) }),
            })}
            {result.records.length < result.total && <> {t('grid.drill.shown', { n: formatNumber(result.records.length) })}</>}
          </p>
          {result.records.length === 0 ? (
            <p>{t('grid.drill.none')}</p>
          ) : (
            <div className="drill-scroll">
              <table className="data drill">
                <thead>
                  <tr>
                    {COLUMNS.map((c) => (
                      <th key={c} scope="col" className={NUMERIC.has(c) ? 'num' : undefined}>
                        {t(`grid.drill.col.${c}`)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {result.records.map((r, i) => (
                    <tr key={i}>
                      {COLUMNS.map((c) => (
                        <td key={c} className={NUMERIC.has(c) ? 'num' : c === 'pseudonym' ? 'mono' : undefined}>
                          {text(r, c)}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
