// Saved views: save the working pivot (with its chart kind) under a name, open or delete a saved one.
// A menu (<details>) so it stays out of the way; summary, fields and buttons are all keyboard-reachable.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PivotQuery } from '../../../core/contract/pivot.js';
import type { SavedView } from '../../../core/contract/workbench.js';
import { formatDateTime } from '../../format.js';
import type { ChartKind } from './hashState.js';
import type { ViewsState } from './useViews.js';

interface Props {
  views: ViewsState;
  query: PivotQuery;
  chart: ChartKind;
  onRestore: (view: SavedView) => void;
}

export function ViewsMenu({ views, query, chart, onRestore }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [name, setName] = useState('');
  const [status, setStatus] = useState('');

  const save = async () => {
    const saved = await views.save(name.trim(), query, chart);
    if (saved) {
      setStatus(t('workbench.views.saved', { name: saved.name }));
      setName('');
    }
  };

  return (
    <details className="menu views-menu">
      <summary>{t('workbench.views.title', { n: views.views.length })}</summary>
      <div className="menu-body">
        <form
          className="save-view"
          onSubmit={(e) => {
            e.preventDefault();
            if (name.trim()) void save();
          }}
        >
          <label htmlFor={`${id}-name`}>{t('workbench.views.name')}</label>
          <input id={`${id}-name`} type="text" value={name} maxLength={120} onChange={(e) => setName(e.target.value)} />
          <button type="submit" disabled={!name.trim()}>
            {t('workbench.views.save')}
          </button>
        </form>
        <p className="hint">{t('workbench.views.replaces')}</p>
        {views.error && (
          <p className="error" role="alert">
            {t('workbench.views.failed', { message: views.error })}
          </p>
        )}
        {views.views.length === 0 ? (
          <p className="hint">{t('workbench.views.empty')}</p>
        ) : (
          <ul className="view-list" aria-label={t('workbench.views.list')}>
            {views.views.map((v) => (
              <li key={v.id}>
                <span className="view-name">{v.name}</span>
                <span className="view-meta">
                  {t(`workbench.chart.kind.${v.chart}`)} · {formatDateTime(v.updatedAt)}
                </span>
                <button
                  type="button"
                  aria-label={t('workbench.views.restoreOf', { name: v.name })}
                  onClick={() => {
                    onRestore(v);
                    setStatus(t('workbench.views.restored', { name: v.name }));
                  }}
                >
                  {t('workbench.views.restore')}
                </button>
                <button
                  type="button"
                  className="secondary"
                  aria-label={t('workbench.views.deleteOf', { name: v.name })}
                  onClick={() => void views.remove(v.id).then((ok) => ok && setStatus(t('workbench.views.deleted', { name: v.name })))}
                >
                  {t('workbench.views.delete')}
                </button>
              </li>
            ))}
          </ul>
        )}
        <p className="status" role="status">
          {status}
        </p>
      </div>
    </details>
  );
}
