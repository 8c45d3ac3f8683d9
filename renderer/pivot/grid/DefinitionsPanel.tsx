// Every measure and dimension explains itself, from the one registry in core (core/definitions.ts),
// with a search that ignores case and accents.
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './panels.css';
import type { Lang } from '../../../core/registry.js';
import { searchDefinitions, type DefinitionEntry } from './definitions.js';

interface Props {
  lang: Lang;
  onClose?: () => void;
}

export function DefinitionsPanel({ lang, onClose }: Props) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const id = useId();
  const found = useMemo(() => searchDefinitions(q, lang), [q, lang]);
  const none = found.measures.length === 0 && found.dimensions.length === 0;
  return (
    <section className="grid-panel definitions-panel" aria-labelledby={`${id}-title`}>
      <header>
        <h3 id={`${id}-title`}>{t('grid.definitions.title')}</h3>
        {onClose && (
          <button type="button" className="secondary" onClick={onClose}>
            {t('grid.close')}
          </button>
        )}
      </header>
      <label className="definitions-search">
        {t('grid.definitions.search')}
        <input type="search" value={q} onChange={(e) => setQ(e.target.value)} />
      </label>
      {none && <p role="status">{t('grid.definitions.none', { q })}</p>}
      <Group title={t('grid.definitions.measures')} entries={found.measures} />
      <Group title={t('grid.definitions.dimensions')} entries={found.dimensions} />
    </section>
  );
}

function Group({ title, entries }: { title: string; entries: DefinitionEntry[] }) {
  if (entries.length === 0) return null;
  return (
    <>
      <h4>{title}</h4>
      <dl className="definitions">
        {entries.map((e) => (
          <div key={e.id} id={`definition-${e.id}`}>
            <dt>{e.label}</dt>
            <dd>{e.definition}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
