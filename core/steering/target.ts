// The target line of an indicator (docs/STEERING.md): a straight line by month from the baseline value in the
// baseline month to the target value in the month of the target date, flat at the target value after it, and
// absent before the baseline month. Months are equal steps, whatever their number of days.
import type { Text } from '../registry.js';
import { monthIndexOf, monthOfIso } from './months.js';

export interface Goal {
  baseline: { period: string; value: number };
  target: { date: string; value: number };
}

export function targetOn(goal: Goal, month: string): number | null {
  const m = monthIndexOf(month);
  const b = monthIndexOf(goal.baseline.period);
  const t = monthIndexOf(monthOfIso(goal.target.date));
  if (m < b) return null;
  if (m >= t || t === b) return goal.target.value;
  return goal.baseline.value + ((goal.target.value - goal.baseline.value) * (m - b)) / (t - b);
}

export const TARGET_LINE_TEXT: Text = {
  nl: 'Doellijn: rechte lijn per maand van de basiswaarde in de basismaand naar de doelwaarde in de maand van de doeldatum; daarna gelijk aan de doelwaarde.',
  en: 'Target line: a straight line by month from the baseline value in the baseline month to the target value in the month of the target date; flat at the target value after it.',
};
