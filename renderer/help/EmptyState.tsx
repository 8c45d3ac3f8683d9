// The empty state of a view that needs imported data: what this view needs, and how to import it (the
// Import tab or `spiegel import`). One per view, so the analyst sees why this view in particular is empty.
import { useId } from 'react';
import { Trans, useTranslation } from 'react-i18next';

export function EmptyState({ view }: { view: string }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const name = t(`nav.${view}`, { defaultValue: view });
  return (
    <section className="empty" aria-labelledby={id} data-empty={view}>
      <h2 id={id}>{t('help.empty.title', { view: name })}</h2>
      {i18n.exists(`help.views.${view}.needs`) && <p className="empty-needs">{t(`help.views.${view}.needs`)}</p>}
      <p className="empty-text">
        <Trans i18nKey="empty.text" components={{ code: <code /> }} />
      </p>
      <p>
        <Trans i18nKey="empty.orImport" components={{ tab: <a href="#import" /> }} />
      </p>
    </section>
  );
}
