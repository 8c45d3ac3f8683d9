// The status of an indicator in words and colour (never colour alone), with the rule it was worked out by
// written next to it, as the engine states it for this indicator's parameters.
import { useTranslation } from 'react-i18next';
import type { IndicatorStatus } from '../../core/contract/steering.js';
import type { Lang } from '../../core/registry.js';
import { monthLabel } from './values.js';

export function StatusBadge({ status, lang }: { status: IndicatorStatus; lang: Lang }) {
  const { t } = useTranslation();
  const months = status.months.map((m) => monthLabel(m, lang)).join(', ');
  return (
    <div className="status-line">
      <span className={`status-badge status-${status.status}`} data-status={status.status}>
        {t(`steering.status.${status.status}`)}
      </span>
      <span className="status-rule">
        {status.rule[lang]}
        {months && ` ${t('steering.status.months', { months })}`}
      </span>
    </div>
  );
}
