// The reference date of a dataset (DOMAIN.md §2): last day of the month of the latest Dagtekening,
// unless the user set one. Nothing after it is counted; care that ends later counts as continuing.
import { fromDay, lastDayOfMonth, monthOfDay, toDay } from '../../core/domain/dates.js';

export function peildatumFrom(latestDagtekening: string | null, override: string | null): string | null {
  if (override) return override;
  if (!latestDagtekening) return null;
  return fromDay(lastDayOfMonth(monthOfDay(toDay(latestDagtekening))));
}
