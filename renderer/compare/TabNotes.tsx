// What every compare tab ends with: the legend of the marks ("<5", "x", the dotted underline) and the engine's
// notes in the reader's language (definitions, what a figure leaves out).
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../core/registry.js';

export function SuppressionLegend({ suppression }: { suppression: { applied: boolean; threshold: number } }) {
  const { t } = useTranslation();
  return (
    <ul className="grid-legend">
      {suppression.applied ? <li>{t('grid.suppressedLegend', { threshold: suppression.threshold })}</li> : <li>{t('grid.smallLegend', { threshold: suppression.threshold })}</li>}
    </ul>
  );
}

export function TabNotes({ notes, extra = [] }: { notes: { nl: string; en: string }[]; extra?: string[] }) {
  const { i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const all = [...extra, ...notes.map((n) => n[lang])];
  if (all.length === 0) return null;
  return (
    <ul className="compare-notes">
      {all.map((n, i) => (
        <li key={i}>{n}</li>
      ))}
    </ul>
  );
}
