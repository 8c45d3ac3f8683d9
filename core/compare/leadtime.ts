// Declaration lead time (DOMAIN.md §8): DeclaratieDagtekening − end of the ProductPeriode, in days, per original
// debit line (no VorigReferentieNummer, amount > 0), for lines whose ProductPeriode starts in the period. The days
// are final only for periods ending at least 12 months before the peildatum; before that the shares declared
// within 30 / 60 / 90 days are the figure to read (late lines have not arrived yet).
import type { CompareProviderFigures } from '../contract/compare.js';
import { monthOfDay } from '../domain/dates.js';
import { meanMedian, type Slot, type SlotBag } from './cells.js';

export interface LeadLine {
  provider: string;
  municipality: string;
  client: string; // pseudonym: only to count distinct children
  periodStart: number; // day number
  periodEnd: number;
  declared: number; // DeclaratieDagtekening, day number
}

const monthIndex = (yyyymm: number) => Math.floor(yyyymm / 100) * 12 + (yyyymm % 100);

export function isFinal(periodEnd: number, peildatum: number | null): boolean {
  return peildatum !== null && monthIndex(monthOfDay(periodEnd)) <= monthIndex(monthOfDay(peildatum)) - 12;
}

/** The lead-time slots of a set of lines; the returned function gives the contract shape after suppression. */
export function leadTimeOf(bag: SlotBag, key: string, lines: readonly LeadLine[], final: boolean): { slot: Slot; figures: () => CompareProviderFigures['leadTime'] } {
  const days = lines.map((l) => l.declared - l.periodEnd);
  const children = new Set(lines.map((l) => l.client)).size;
  const slot = bag.count(`${key}|lead`, lines.length, children);
  const within = (n: number) => bag.derived(slot, days.length ? days.filter((d) => d <= n).length / days.length : null);
  const w30 = within(30);
  const w60 = within(60);
  const w90 = within(90);
  const { mean, median } = meanMedian(days);
  return {
    slot,
    figures: () => ({
      lines: slot.cell(),
      meanDays: slot.hidden ? null : mean,
      medianDays: slot.hidden ? null : median,
      within30: w30.cell(),
      within60: w60.cell(),
      within90: w90.cell(),
      final,
    }),
  };
}
