// FoodValley-style example goals for the demo region (docs/STEERING.md), saved through indicators/save like an
// analyst would. FoodValley's goals are for its own region: "minder kinderen in verblijf / 50 kinderen uit
// verblijf", "crisisplaatsingen gevolgd door verblijf van 50 % naar 25 %", "groepsgerichte zorg van 400 naar 200
// cliënten per maand". Shares need no scaling, so the crisis goal keeps 50 % → 25 %; counts start from the demo's
// own level: the baseline is the mean over the 12 months up to the baseline month (measures/programme's total).
import type { Handlers, IndicatorSource } from '../../core/contract/methods.js';
import { addMonths, monthIndexOf, monthOfDayKey, monthOfIso } from '../../core/steering/months.js';
import { toDay } from '../../core/domain/dates.js';

type Api = Pick<Handlers, 'indicators/save' | 'measures/programme'>;

export async function saveDemoGoals(api: Api, peildatum: string | null): Promise<number> {
  if (peildatum === null) return 0;
  const baseline = addMonths(monthOfDayKey(toDay(peildatum)), -12);
  const targetDate = `${Number(peildatum.slice(0, 4)) + 1}-12-31`;
  const p = await api['measures/programme']({ from: addMonths(baseline, -11), to: baseline, crisisDays: 28, prolongedDays: 30, suppress: false });
  const total = (key: string) => p.measures.find((m) => m.key === key)?.total.value ?? null;
  const one = (v: number) => Math.round(v * 10) / 10;
  const months = monthIndexOf(monthOfIso(targetDate)) - monthIndexOf(baseline);
  const lastYearOut = total('outOfResidential'); // children out of verblijf in the 12 months up to the baseline
  const goals: { name: string; project: string; source: IndicatorSource; base: number | null; target: (b: number) => number; direction: 'down' | 'up' }[] = [
    {
      name: 'Minder kinderen in verblijf', project: 'Thuis opgroeien', direction: 'down',
      source: { kind: 'pivot', measure: 'clients', filters: [['segment', '==', 'verblijf']] }, base: total('avgMonthlyClients:verblijf'), target: (b) => one(b * 0.8),
    },
    {
      // 10 % more departures than in the year before the baseline, over the months up to the target date.
      name: 'Meer kinderen uit verblijf', project: 'Thuis opgroeien', direction: 'up',
      source: { kind: 'measure', id: 'outOfResidential', since: `${addMonths(baseline, 1)}-01` }, base: lastYearOut === null ? null : 0,
      target: () => Math.max(1, Math.round(((lastYearOut ?? 0) * months * 1.1) / 12)),
    },
    {
      name: 'Crisisplaatsingen gevolgd door verblijf van 50 % naar 25 %', project: 'Crisis', direction: 'down',
      source: { kind: 'measure', id: 'crisisToVerblijf', days: 28 }, base: 50, target: () => 25,
    },
    {
      name: 'Groepsgerichte zorg halveren', project: 'Dagbehandeling', direction: 'down',
      source: { kind: 'measure', id: 'avgMonthlyClients', segment: 'dagbehandeling' }, base: total('avgMonthlyClients:dagbehandeling'), target: (b) => one(b / 2),
    },
    {
      name: 'Minder verlengde jeugdhulp na 18', project: 'Jongvolwassenen', direction: 'down',
      source: { kind: 'measure', id: 'prolongedCare', days: 30 }, base: total('prolongedCare'), target: (b) => one(b * 0.8),
    },
  ];
  let saved = 0;
  for (const g of goals) {
    if (g.base === null) continue; // a tiny demo may have no crisis or 18-year-olds: no goal then
    await api['indicators/save']({
      name: g.name, project: g.project, source: g.source, direction: g.direction,
      baseline: { period: baseline, value: g.base }, target: { date: targetDate, value: g.target(g.base) },
    });
    saved++;
  }
  return saved;
}
