// The reference tables an analyst sets up for their region, what each one is for and whether it is there.
// They are imported in the tables view; this only points there.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpiegelApi } from '../../core/contract/api.js';
import type { TableKind, TableListResult } from '../../core/contract/tables.js';
import { formatNumber } from '../format.js';
import { Section } from './Section.js';

/** The tables a region needs, each with the kinds that make it present. */
const REFERENCES: { id: string; kinds: TableKind[] }[] = [
  { id: 'codebook', kinds: ['codebook'] },
  { id: 'population', kinds: ['population'] },
  { id: 'schools', kinds: ['duo-schools', 'duo-pupils', 'leerplicht'] },
];

export function ReferenceTables({ api, version }: { api: SpiegelApi; version: number }) {
  const { t } = useTranslation();
  const [tables, setTables] = useState<TableListResult['tables'] | { error: string } | null>(null);
  useEffect(() => {
    let stale = false;
    void api.invoke('tables/list', {}).then((r) => {
      if (!stale) setTables(r.ok ? r.value.tables : { error: r.error.message });
    });
    return () => {
      stale = true;
    };
  }, [api, version]);
  return (
    <Section id="tables" title={t('settings.tables.title')} help={<p>{t('settings.tables.help')}</p>}>
      {tables === null && <p className="note">{t('app.loading')}</p>}
      {tables !== null && 'error' in tables && <p className="error" role="alert">{t('app.error', { message: tables.error })}</p>}
      {Array.isArray(tables) && (
        <ul className="reference-list">
          {REFERENCES.map((ref) => {
            const held = tables.filter((tb) => ref.kinds.includes(tb.kind));
            return (
              <li key={ref.id} data-reference={ref.id} data-present={held.length > 0}>
                <strong>{t(`settings.tables.${ref.id}.name`)}</strong>{' '}
                <span className={held.length > 0 ? 'present' : 'absent'}>
                  {held.length > 0
                    ? t('settings.tables.present', { list: held.map((tb) => `${t(`tables.kind.${tb.kind}`)} (${tb.source}, ${formatNumber(tb.rows)})`).join('; ') })
                    : t('settings.tables.absent')}
                </span>
                <br />
                {t(`settings.tables.${ref.id}.why`)}
              </li>
            );
          })}
        </ul>
      )}
      <p>
        <a href="#tables">{t('settings.tables.link')}</a>
      </p>
    </Section>
  );
}
