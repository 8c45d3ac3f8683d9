// What a view shows instead of its figures when its calculation was cancelled from the progress strip
// (WorkProgress.tsx): not an error, but the user's own choice, with a way back.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import './work.css';

/** The call failed because the user cancelled the long work it waited for (core/contract/work.ts). */
export function wasCancelled(error: { code: string }): boolean {
  return error.code === 'cancelled';
}

/** The line an export menu shows when its call failed: a cancel is said plainly, not as an error. */
export function exportFailure(t: TFunction, error: { code: string; message: string }): { text: string; error: boolean } {
  return wasCancelled(error) ? { text: t('work.exportCancelled'), error: false } : { text: t('workbench.export.failed', { message: error.message }), error: true };
}

export function Cancelled({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="work-cancelled" role="status">
      <p>{t('work.cancelled')}</p>
      <button type="button" onClick={onRetry}>
        {t('work.retry')}
      </button>
    </div>
  );
}
