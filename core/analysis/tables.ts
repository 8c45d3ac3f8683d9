// The CSV rows (core/export/csv.ts toCsv: Dutch Excel) of analysis/signals and analysis/forecast for the CLI.
// A title line says whether suppression was applied (DOMAIN.md §3); hidden figures show as '<5' (primary; '<N' at another threshold) or
// 'x' (secondary); money in euro with a decimal comma.
import type { AnalysisFigure, ForecastResult, SignalsResult } from '../contract/analysis.js';

const num = (x: number, decimals = 2) => (Number.isInteger(x) ? String(x) : x.toFixed(decimals).replace('.', ','));
const euro = (cents: number) => (cents / 100).toFixed(2).replace('.', ',');
// The threshold is a setting (5 unless changed): hidden figures read '<threshold'.
const figOf = (threshold: number) => (f: AnalysisFigure, money = false) =>
  f.value === null ? (f.flag === 'secondary' ? 'x' : `<${threshold}`) : money ? euro(f.value) : String(f.value);
const suppressionNote = (s: { applied: boolean; threshold: number }) =>
  s.applied ? `onderdrukt: cellen van 1-${s.threshold - 1} kinderen als <${s.threshold}` : 'ZONDER ONDERDRUKKING (eigen gebruik)';

export function signalsRows(r: SignalsResult): string[][] {
  const fig = figOf(r.suppression.threshold);
  const out: string[][] = [
    [`Spiegel vroege signalen, peildatum ${r.peildatum ?? '-'} · ${r.series} reeksen, ${num(r.seriesYears, 1)} reeksjaren getoetst · ${suppressionNote(r.suppression)}`],
    [r.method.description.nl],
    ['maat', 'maand', 'segment', 'leeftijd', 'geslacht', 'gemeente', 'omschrijving', 'waargenomen', 'verwacht', 'ondergrens', 'bovengrens', 'verschil', 'richting'],
  ];
  for (const s of r.signals) {
    out.push([s.measure, s.month, s.segment, s.ageband, s.gender, s.municipality, s.label.nl, fig(s.observed), num(s.expected), String(s.lower), String(s.upper), s.excess === null ? '' : num(s.excess), s.direction === 'up' ? 'hoger' : 'lager']);
  }
  return out;
}

export function forecastRows(r: ForecastResult): string[][] {
  const fig = figOf(r.suppression.threshold);
  const out: string[][] = [
    [`Spiegel jaarprognose ${r.year}, gemaakt op ${r.asOf} (peildatum ${r.peildatum ?? '-'}) · bedragen in euro (gedeclareerd) · ${suppressionNote(r.suppression)}`],
    [r.method.nl],
    ['segment', 'kinderen', 'gedeclareerd tot nu', 'prognose jaareinde', 'lopende toewijzingen'],
  ];
  for (const row of r.rows) out.push([row.label.nl, fig(row.clients), fig(row.actual, true), fig(row.forecast, true), fig(row.openAssignments)]);
  out.push([]);
  out.push(['maand', 'gedeclareerd', 'prognose', 'basis']);
  for (const m of r.months) out.push([m.month, m.actual === null ? '' : euro(m.actual), euro(m.forecast), m.basis]);
  out.push([]);
  out.push([`Terugtoets: prognose op ${r.backtest.cutoff} van eerdere jaren tegen "totaal vorig jaar × trend dit jaar"`]);
  out.push(['jaar', 'werkelijk', 'prognose', 'basislijn', 'fout prognose', 'fout basislijn']);
  for (const b of r.backtest.years) out.push([String(b.year), euro(b.actual), euro(b.forecast), euro(b.baseline), euro(b.errorForecast), euro(b.errorBaseline)]);
  out.push(['gemiddelde absolute fout', '', r.backtest.maeForecast === null ? '' : euro(r.backtest.maeForecast), r.backtest.maeBaseline === null ? '' : euro(r.backtest.maeBaseline)]);
  return out;
}
