// The schools result as the rectangular table exports and the CLI write (core/export/table.ts's shape, so the
// CSV and XLSX writers are shared). Hidden counts read "<5" (primary) or "x" (secondary), never their value.
import type { SchoolCount, SchoolsResult } from '../contract/schools.js';
import { SEGMENTS } from '../domain/segments.js';
import type { PivotTable, TableCell } from '../export/table.js';
import { suppressionNotice } from '../export/title.js';
import { formatDate } from '../format.js';
import { SEGMENT_LABELS, type Lang } from '../registry.js';

const WORDS = {
  nl: {
    title: 'Scholen: aandeel leerlingen met jeugdzorg, schooljaar', peildatum: 'peildatum', unknown: 'onbekend', region: 'Regio',
    head: ['Vestiging', 'Naam', 'Bevoegd gezag', 'Gemeente', 'Soort', 'Leerlingen (leerplicht)', 'Leerlingen (DUO)', 'Met jeugdzorg', 'Percentage', 'Ondergrens 95%', 'Bovengrens 95%', 'Ondergrens 99,8%', 'Bovengrens 99,8%', 'Positie', 'Naar speciaal onderwijs', 'Aandeel naar speciaal onderwijs'],
    position: { above998: 'boven 99,8%-grens', above95: 'boven 95%-grens', inside: 'binnen de band', below95: 'onder 95%-grens', below998: 'onder 99,8%-grens' },
  },
  en: {
    title: 'Schools: share of pupils in youth care, school year', peildatum: 'reference date', unknown: 'unknown', region: 'Region',
    head: ['Location', 'Name', 'School board', 'Municipality', 'Type', 'Pupils (extract)', 'Pupils (DUO)', 'In youth care', 'Rate', 'Lower 95%', 'Upper 95%', 'Lower 99.8%', 'Upper 99.8%', 'Position', 'To special education', 'Share to special education'],
    position: { above998: 'above 99.8% limit', above95: 'above 95% limit', inside: 'inside the band', below95: 'below 95% limit', below998: 'below 99.8% limit' },
  },
} as const;

// A hidden count reads '<threshold' (5 unless the setting says otherwise).
const countOf = (threshold: number) => (c: SchoolCount): TableCell =>
  c.flag === 'suppressed' ? `<${threshold}` : c.flag === 'secondary' ? 'x' : { value: c.value ?? 0, format: 'integer' };
const pct = (x: number | null): TableCell => (x === null ? '' : { value: Number(x.toFixed(3)), format: 'percent' });
const int = (x: number | null): TableCell => (x === null ? '' : { value: x, format: 'integer' });

export function schoolsTitle(r: SchoolsResult, lang: Lang): string {
  const w = WORDS[lang];
  const date = r.peildatum ? formatDate(r.peildatum, lang) : w.unknown;
  const filters = [r.segment, r.municipality].filter((x) => x !== null).join(', ');
  return `Spiegel — ${w.peildatum} ${date} — ${w.title} ${r.schoolYear ?? w.unknown}${filters ? ` (${filters})` : ''} — ${suppressionNotice(r, lang)}`;
}

export function schoolsTable(r: SchoolsResult, lang: Lang): PivotTable {
  const w = WORDS[lang];
  const segs = SEGMENTS.filter((s) => r.schools.some((x) => x.bySegment.some((b) => b.segment === s)));
  const header = [[...w.head, ...segs.map((g) => SEGMENT_LABELS[g][lang])]];
  const count = countOf(r.suppression.threshold);
  const body: TableCell[][] = r.schools.map((s) => {
    const bySeg = new Map(s.bySegment.map((b) => [b.segment, b.clients]));
    return [
      s.vestigingscode, s.name ?? '', s.board ?? '', s.municipalityName ?? s.municipality ?? '', s.soort ?? '',
      int(s.pupils), int(s.duoPupils), count(s.clients), pct(s.rate),
      pct(s.limits.lower95), pct(s.limits.upper95), pct(s.limits.lower998), pct(s.limits.upper998),
      s.position ? w.position[s.position] : '',
      s.specialEducation ? count(s.specialEducation.referred) : '', pct(s.specialEducation?.share ?? null),
      ...segs.map((g) => (bySeg.has(g) ? count(bySeg.get(g)!) : int(0))),
    ];
  });
  body.push([w.region, '', '', '', '', int(r.region.pupils), '', count({ value: r.region.clients, flag: 'ok' }), pct(r.region.rate)]);
  return { title: schoolsTitle(r, lang), notes: r.notes.map((n) => n[lang]), header, body, kinds: body.map((_, i) => (i === body.length - 1 ? 'total' : 'row')), labelColumns: 2 };
}

/** Why a schools result may not leave the analyst: suppression off, or a small count shown exactly. */
export function schoolsLeak(r: SchoolsResult): string | null {
  if (!r.suppression.applied) return 'suppression is off';
  const t = r.suppression.threshold;
  for (const s of r.schools) {
    const all = [s.clients, ...s.bySegment.map((b) => b.clients), ...(s.specialEducation ? [s.specialEducation.referred] : [])];
    for (const c of all) if (c.flag === 'small' || (c.value !== null && c.value > 0 && c.value < t)) return `a count of ${c.value} at ${s.vestigingscode} would be shown`;
    if (s.clients.value === null && (s.rate !== null || s.position !== null)) return `a hidden count at ${s.vestigingscode} would show through its rate`;
  }
  if (r.region.clients > 0 && r.region.clients < t) return 'the region total is small';
  return null;
}
