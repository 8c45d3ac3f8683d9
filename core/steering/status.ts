// The status of an indicator (docs/STEERING.md), worked out on exact values:
//   months   the last `window` months after the baseline month, up to the peildatum, that have a value and a
//            target line — voorlopig months only when the rule includes them (closed months never are voorlopig);
//   gap      the mean over those months of (value − target line), sign-flipped for "up" goals, so gap > 0 is
//            always worse than planned;
//   band     riskShare × |target − baseline| (the planned change): a goal equal to its baseline has band 0;
//   status   onTrack when gap ≤ 0; atRisk when 0 < gap ≤ band; offTrack when gap > band; unknown without months.
import type { IndicatorStatus, StatusRule } from '../contract/steering.js';
import type { Text } from '../registry.js';
import type { Goal } from './target.js';

export interface StatusPoint {
  month: string;
  value: number | null; // exact
  target: number | null;
  voorlopig: boolean;
}

export interface StatusInput extends Goal {
  direction: 'down' | 'up';
  rule: StatusRule;
}

const round = (x: number, digits: number): number => Math.round(x * 10 ** digits) / 10 ** digits;

export function statusOf(goal: StatusInput, points: readonly StatusPoint[], peildatumMonth: string | null): IndicatorStatus {
  const band = round(goal.rule.riskShare * Math.abs(goal.target.value - goal.baseline.value), 6);
  const eligible = points.filter(
    (p) =>
      peildatumMonth !== null && p.month > goal.baseline.period && p.month <= peildatumMonth &&
      p.value !== null && p.target !== null && (goal.rule.includeVoorlopig || !p.voorlopig),
  );
  const used = eligible.slice(-goal.rule.window);
  const rule = ruleText(goal, band);
  if (used.length === 0) return { status: 'unknown', rule, months: [], gap: null, band };
  const sign = goal.direction === 'down' ? 1 : -1;
  // Rounded so that a value exactly on a line like 46.666… is not "worse" by a floating-point crumb.
  const gap = round(used.reduce((s, p) => s + sign * (p.value! - p.target!), 0) / used.length, 6);
  const status = gap <= 0 ? 'onTrack' : gap <= band ? 'atRisk' : 'offTrack';
  return { status, rule, months: used.map((p) => p.month), gap, band };
}

const nlNumber = (x: number): string => String(round(x, 2)).replace('.', ',');

/** `band` null: the band is not said — with the baseline hidden, it would give the baseline away. */
export function ruleText(goal: StatusInput, band: number | null): Text {
  const { window, riskShare, includeVoorlopig } = goal.rule;
  const pct = round(riskShare * 100, 2);
  const down = goal.direction === 'down';
  const months = window === 1 ? { nl: 'de laatste maand', en: 'the last month' } : { nl: `de laatste ${window} maanden`, en: `the last ${window} months` };
  const vl = includeVoorlopig ? { nl: '', en: '' } : { nl: ', voorlopige maanden niet meegeteld', en: ', provisional months left out' };
  return {
    nl:
      `Op koers: gemiddeld over ${months.nl} na de basismaand${vl.nl} ligt de waarde op of ${down ? 'onder' : 'boven'} de doellijn. ` +
      `Risico: ${down ? 'boven' : 'onder'} de doellijn, maar hooguit ${nlNumber(pct)} % van de beoogde verandering ernaast${band === null ? '' : ` (${nlNumber(band)})`}. ` +
      'Niet op koers: verder van de doellijn. Onbekend: nog geen maand om te beoordelen.',
    en:
      `On track: averaged over ${months.en} after the baseline month${vl.en}, the value is on or ${down ? 'below' : 'above'} the target line. ` +
      `At risk: ${down ? 'above' : 'below'} the line, but by at most ${pct} % of the planned change${band === null ? '' : ` (${round(band, 2)})`}. ` +
      'Off track: further from the line. Unknown: no month to judge yet.',
  };
}
