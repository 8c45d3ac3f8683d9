// A flows result as the rectangular table the exports and the CLI write (core/export/table.ts's shape, so
// CSV and XLSX writers are shared): one line per period × group. Suppressed figures read "<5" (primary) or
// "x" (secondary), never their value.
import type { FlowCount, FlowsResult } from '../contract/flows.js';
import type { PivotTable, TableCell } from '../export/table.js';
import { suppressionNotice } from '../export/title.js';
import { formatDate } from '../format.js';
import type { Lang } from '../registry.js';

const WORDS = {
  nl: {
    grain: { month: 'maand', quarter: 'kwartaal', year: 'jaar' },
    by: { region: 'regio', municipality: 'gemeente', segment: 'segment', ageband: 'leeftijdsklasse', gender: 'geslacht' },
    title: 'Instroom en uitstroom per', period: 'Periode', group: 'Groep', peildatum: 'peildatum', unknown: 'onbekend', voorlopig: ' (voorlopig)',
    head: ['Beginstand', 'Instroom nieuw', 'Instroom herhaald', 'Instroom doorstroom', 'Instroom totaal'], out: 'Uitstroom', outTotal: 'Uitstroom totaal', end: 'Eindstand',
  },
  en: {
    grain: { month: 'month', quarter: 'quarter', year: 'year' },
    by: { region: 'region', municipality: 'municipality', segment: 'segment', ageband: 'age band', gender: 'gender' },
    title: 'Inflow and outflow per', period: 'Period', group: 'Group', peildatum: 'reference date', unknown: 'unknown', voorlopig: ' (provisional)',
    head: ['Start stock', 'Inflow new', 'Inflow returning', 'Inflow transfer', 'Inflow total'], out: 'Outflow', outTotal: 'Outflow total', end: 'End stock',
  },
} as const;

/** "<threshold>" (the setting in force, 5 by default) for a suppressed figure. */
const cellsWith = (threshold: number) => (c: FlowCount): TableCell =>
  c.flag === 'suppressed' ? `<${threshold}` : c.flag === 'secondary' ? 'x' : { value: c.value ?? 0, format: 'integer' };

export function flowsTitle(result: FlowsResult, lang: Lang): string {
  const w = WORDS[lang];
  const q = result.query;
  const date = result.peildatum ? formatDate(result.peildatum, lang) : w.unknown;
  const filters = [q.segment, q.municipality].filter((x) => x !== null).join(', ');
  const what = `${w.title} ${w.grain[q.grain]}, ${w.by[q.by]}${filters ? ` (${filters})` : ''}`;
  return `Spiegel — ${w.peildatum} ${date} — ${what} — ${suppressionNotice(result, lang)}`;
}

export function flowsTable(result: FlowsResult, lang: Lang): PivotTable {
  const cellOf = cellsWith(result.suppression.threshold);
  const w = WORDS[lang];
  const header = [[w.period, w.group, ...w.head, ...result.reasons.map((r) => `${w.out} ${r.label[lang]}`), w.outTotal, w.end]];
  const body: TableCell[][] = [];
  result.periods.forEach((p, i) => {
    result.groups.forEach((g, j) => {
      const c = result.cells[i]![j]!;
      body.push([
        `${p.label[lang]}${p.voorlopig ? w.voorlopig : ''}`, g.label[lang],
        cellOf(c.beginstand), cellOf(c.instroom.nieuw), cellOf(c.instroom.herhaald), cellOf(c.instroom.doorstroom), cellOf(c.instroom.total),
        ...c.uitstroom.byReason.map(cellOf), cellOf(c.uitstroom.total), cellOf(c.eindstand),
      ]);
    });
  });
  return { title: flowsTitle(result, lang), notes: result.notes.map((n) => n[lang]), header, body, kinds: body.map(() => 'row'), labelColumns: 2 };
}

/** Why a flows result may not leave the analyst: a small figure shown exactly. */
export function flowsLeak(result: FlowsResult): string | null {
  if (!result.suppression.applied) return 'suppression is off';
  for (const row of result.cells)
    for (const c of row)
      for (const x of [c.beginstand, c.instroom.nieuw, c.instroom.herhaald, c.instroom.doorstroom, c.instroom.total, ...c.uitstroom.byReason, c.uitstroom.total, c.eindstand])
        if (x.flag === 'small' || ((x.flag === 'suppressed' || x.flag === 'secondary') && x.value !== null)) return 'a small figure would be shown';
  return null;
}
