import { useTranslation } from 'react-i18next';

/** "Bezig met rekenen…" in a slot of its own beside a view's title (renderer/pivot/workbench.css): always
 *  there, so a live region announces it when it fills and the buttons after it never move or get covered. */
export function BusyNote({ busy }: { busy: boolean }) {
  const { t } = useTranslation();
  return (
    <p className="busy" role="status">
      {busy ? t('workbench.busy') : ''}
    </p>
  );
}
