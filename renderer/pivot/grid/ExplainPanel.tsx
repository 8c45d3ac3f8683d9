import { useTranslation } from 'react-i18next';
import './panels.css';
import type { PivotFilter } from '../../../core/contract/pivot.js';
import { formatNumber } from '../../format.js';
import type { Explanation } from './explain.js';

const OPS: Record<PivotFilter[1], string> = { '==': 'eq', '!=': 'ne', in: 'in', 'not in': 'notIn', '>=': 'ge', '<=': 'le' };

/** "Explain this figure": definitions, the cell, the filters in force, what it is based on, the view's
 *  settings and why a figure is hidden. Announced politely, so '?' in the grid reads it out. */
export function ExplainPanel({ explanation: e, onClose, meeting = false }: { explanation: Explanation; onClose: () => void; meeting?: boolean }) {
  const { t } = useTranslation();
  // Meeting mode shows no record or child counts: only the suppressed figures themselves leave the laptop.
  const records = meeting || e.records === null ? null : t('grid.records', { count: e.records, n: formatNumber(e.records) });
  const children = meeting || e.clients === null ? null : t('grid.children', { count: e.clients, n: formatNumber(e.clients) });
  return (
    <aside className="grid-panel explain-panel" aria-labelledby="explain-title" aria-live="polite">
      <header>
        <h3 id="explain-title">{t('grid.explain.title')}</h3>
        <button type="button" className="secondary" onClick={onClose} aria-keyshortcuts="Escape">
          {t('grid.close')}
        </button>
      </header>
      <h4>{t('grid.explain.cell')}</h4>
      <dl className="cell-dims">
        {e.dims.map((d) => (
          <div key={d.dim}>
            <dt>{d.dimLabel}</dt>
            <dd>
              {d.value ?? t('grid.explain.all')}
              {d.voorlopig && <> — {t('grid.voorlopigLegend')}</>}
            </dd>
          </div>
        ))}
      </dl>
      {records && <p className="basis">{children ? t('grid.explain.basis', { records, children }) : t('grid.explain.basisRecords', { records })}</p>}
      {e.flag === 'suppressed' && <p className="why">{t('grid.explain.suppressed', { threshold: e.threshold })}</p>}
      {e.flag === 'secondary' && <p className="why">{t('grid.explain.secondary')}</p>}
      {e.flag === 'small' && <p className="why">{t('grid.explain.small', { threshold: e.threshold })}</p>}
      <h4>{t('grid.explain.filters')}</h4>
      {e.filters.length === 0 ? (
        <p>{t('grid.explain.noFilters')}</p>
      ) : (
        <ul>
          {e.filters.map((f, i) => (
            <li key={i}>
              {f.dimLabel} {t(`grid.ops.${OPS[f.op]}`)} {f.values.join(', ')}
            </li>
          ))}
        </ul>
      )}
      <h4>{t('grid.explain.view')}</h4>
      <ul>
        <li>{t('grid.explain.showAs', { value: t(`grid.showAs.${e.showAs}`) })}</li>
        <li>{t('grid.explain.compare', { value: t(`grid.compare.${e.compare}`) })}</li>
        {e.per1000 && <li>{t('grid.explain.per1000')}</li>}
        <li>{e.suppressionApplied ? t('grid.explain.suppressionOn', { threshold: e.threshold }) : t('grid.explain.suppressionOff')}</li>
      </ul>
      <h4>{t('grid.explain.measures')}</h4>
      <dl className="definitions">
        {e.measures.map((m) => (
          <div key={m.id} className={m.focused ? 'focused' : undefined}>
            <dt>{m.label}</dt>
            <dd>{m.definition}</dd>
          </div>
        ))}
      </dl>
    </aside>
  );
}
