// Stacking results as the rectangular table the CLI and exports write (core/export/table.ts's shape, so the CSV
// and XLSX writers are shared). Suppressed figures read "<5" (primary) or "x" (secondary), never their value.
import type { RegieResult, RegieTrajectory, StackCount, StackingResult } from '../contract/stacking.js';
import type { PivotTable, TableCell } from '../export/table.js';
import { suppressionNotice } from '../export/title.js';
import { formatDate } from '../format.js';
import { SEGMENT_LABELS, type Lang } from '../registry.js';

const WORDS = {
  nl: {
    stacking: 'Stapeling: kinderen naar aantal gelijktijdige trajecten', by: 'per', peildatum: 'peildatum', unknown: 'onbekend',
    head: ['Meetdag', 'Groep', 'Kinderen in zorg', '1 traject', '2 trajecten', '3 of meer', 'Gestapeld (2+)'],
    regie: 'Regie op drie: trajecten nummer', orHigher: 'of hoger', started: 'gestart', own: 'eigen casuslijst van de gemeente, niet onderdrukt',
    regieHead: ['Gemeente', 'ToewijzingNummer', 'Pseudoniem', 'Nummer', 'Start', 'Einde', 'Aanbieder', 'Product', 'Categorie', 'Segment', 'Start episode', 'Eerdere trajecten'],
    running: 'loopt',
  },
  en: {
    stacking: 'Stacking: children by number of concurrent trajectories', by: 'by', peildatum: 'reference date', unknown: 'unknown',
    head: ['Measuring day', 'Group', 'Children in care', '1 trajectory', '2 trajectories', '3 or more', 'Stacked (2+)'],
    regie: 'Regie op drie: trajectories number', orHigher: 'or higher', started: 'started', own: "the municipality's own case list, not suppressed",
    regieHead: ['Municipality', 'ToewijzingNummer', 'Pseudonym', 'Number', 'Start', 'End', 'Provider', 'Product', 'Category', 'Segment', 'Episode start', 'Earlier trajectories'],
    running: 'running',
  },
} as const;

/** "<threshold>" (the setting in force, 5 by default) for a suppressed figure. */
const cellsWith = (threshold: number) => (c: StackCount): TableCell =>
  c.flag === 'suppressed' ? `<${threshold}` : c.flag === 'secondary' ? 'x' : { value: c.value ?? 0, format: 'integer' };

/** two + threePlus, hidden when either is hidden. */
function stackedOf(two: StackCount, three: StackCount): TableCell {
  if (two.value === null || three.value === null) return 'x';
  return { value: two.value + three.value, format: 'integer' };
}

export function stackingTitle(r: StackingResult, lang: Lang): string {
  const w = WORDS[lang];
  const date = r.peildatum ? formatDate(r.peildatum, lang) : w.unknown;
  const filters = [r.query.municipality, r.query.kader === 'jeugdhulp' ? 'jeugdhulp' : null].filter((x) => x !== null).join(', ');
  return `Spiegel — ${w.peildatum} ${date} — ${w.stacking}, ${w.by} ${r.query.by}${filters ? ` (${filters})` : ''} — ${suppressionNotice(r, lang)}`;
}

export function stackingTable(r: StackingResult, lang: Lang): PivotTable {
  const cellOf = cellsWith(r.suppression.threshold);
  const w = WORDS[lang];
  const body: TableCell[][] = [];
  r.points.forEach((p, i) =>
    r.groups.forEach((g, j) => {
      const c = r.cells[i]![j]!;
      body.push([p.day, g.label[lang], cellOf(c.clients), cellOf(c.one), cellOf(c.two), cellOf(c.threePlus), stackedOf(c.two, c.threePlus)]);
    }),
  );
  return { title: stackingTitle(r, lang), notes: [], header: [[...w.head]], body, kinds: body.map(() => 'row'), labelColumns: 2 };
}

function trajectoryText(t: RegieTrajectory, lang: Lang): string {
  const n = t.number === 0 ? 'JB/JR' : `#${t.number}`;
  return `${n} ${t.start}–${t.end ?? WORDS[lang].running} ${SEGMENT_LABELS[t.segment][lang]} ${t.provider} (${t.municipality}/${t.toewijzingNr})`;
}

export function regieTitle(r: RegieResult, lang: Lang): string {
  const w = WORDS[lang];
  const date = r.peildatum ? formatDate(r.peildatum, lang) : w.unknown;
  const which = `${r.query.number}${r.query.orHigher ? ` ${w.orHigher}` : ''}`;
  return `Spiegel — ${w.peildatum} ${date} — ${w.regie} ${which}, ${w.started} ${r.start} – ${r.end}${r.query.municipality ? ` (${r.query.municipality})` : ''} — ${w.own}`;
}

export function regieTable(r: RegieResult, lang: Lang): PivotTable {
  const w = WORDS[lang];
  const body: TableCell[][] = r.rows.map((x) => [
    x.municipality, String(x.toewijzingNr), x.pseudonym, { value: x.number, format: 'integer' }, x.start, x.end ?? w.running, x.provider,
    x.product, x.category, SEGMENT_LABELS[x.segment][lang], x.episodeStart, x.earlier.map((t) => trajectoryText(t, lang)).join('; '),
  ]);
  return { title: regieTitle(r, lang), notes: [], header: [[...w.regieHead]], body, kinds: body.map(() => 'row'), labelColumns: 3 };
}
