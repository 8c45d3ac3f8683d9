// Per school location: pupils (leerplicht extract), children among them in care during the school year, per
// segment, the share referred to special education the next year, and where the school lies in the funnel
// around the regional rate (DOMAIN.md §9, docs/SCHOOLS.md). Pure: data/compare-schools gathers the inputs.
import type { SchoolRow, SchoolsResult } from '../contract/schools.js';
import { SEGMENTS, type Segment } from '../domain/segments.js';
import type { CareTable } from '../flows/input.js';
import { funnelBand, funnelLimits, funnelPosition } from './funnel.js';
import { countOf, hideAcrossSchools, hideSegments } from './suppress.js';

/** One line of the leerplicht extract for the school year: a child at a vestiging. */
export interface Enrolment {
  school: string; // vestigingscode
  client: number | null; // index into CareTable.clients, null when the child has no care in the data
  nextSchools: readonly string[] | null; // the child's vestigingen the next school year; null: no next year in the extract
}

export interface SchoolMeta {
  name: string | null;
  board: string | null;
  municipality: string | null;
  municipalityName: string | null;
  soort: string | null;
  duoPupils: number | null;
}

export interface SchoolsInput {
  table: CareTable;
  enrolments: readonly Enrolment[];
  span: { start: number; end: number }; // day numbers, inclusive
  meta: ReadonlyMap<string, SchoolMeta>;
  segment: Segment | null;
  municipality: string | null; // only list schools located here
  suppress: boolean;
  threshold: number;
}

/** DUO's kinds of special (primary) education: a move there is a referral. */
export const SPECIAL_EDUCATION = new Set(['SBO', 'SO', 'SO/VSO', 'VSO']);

const POSITION_ORDER = { above998: 0, above95: 1, inside: 2, below95: 3, below998: 4 } as const;

/** The segments a client had in care during the span (with the segment filter applied); empty = not in care. */
export function segmentsInSpan(table: CareTable, client: number, start: number, end: number, only: Segment | null): Set<Segment> {
  const out = new Set<Segment>();
  for (let i = table.offsets[client]!; i < table.offsets[client + 1]!; i++) {
    const r = table.rows[i]!;
    if (r.start > end) break; // sorted by start
    if ((r.end === null || r.end >= start) && (only === null || r.segment === only)) out.add(r.segment);
  }
  return out;
}

interface Tallies {
  pupils: number;
  clients: number;
  segments: Map<Segment, number>;
  withNext: number; // pupils whose next school year is in the extract
  referred: number;
}

export function compareSchools(input: SchoolsInput): Pick<SchoolsResult, 'region' | 'schools' | 'funnel' | 'unmatched'> {
  const { table, span, meta } = input;
  const care = new Map<number, Set<Segment>>();
  const inCare = (client: number | null): Set<Segment> | null => {
    if (client === null) return null;
    let s = care.get(client);
    if (!s) care.set(client, (s = segmentsInSpan(table, client, span.start, span.end, input.segment)));
    return s.size > 0 ? s : null;
  };
  const special = (code: string) => SPECIAL_EDUCATION.has(meta.get(code)?.soort ?? '');
  const bySchool = new Map<string, Tallies>();
  let regionPupils = 0;
  let regionClients = 0;
  for (const e of input.enrolments) {
    let t = bySchool.get(e.school);
    if (!t) bySchool.set(e.school, (t = { pupils: 0, clients: 0, segments: new Map(), withNext: 0, referred: 0 }));
    t.pupils++;
    regionPupils++;
    const segs = inCare(e.client);
    if (segs) {
      t.clients++;
      regionClients++;
      for (const s of segs) t.segments.set(s, (t.segments.get(s) ?? 0) + 1);
    }
    if (e.nextSchools !== null) {
      t.withNext++;
      if (e.nextSchools.some(special)) t.referred++;
    }
  }
  const p0 = regionPupils > 0 ? regionClients / regionPupils : 0;
  const schools: SchoolRow[] = [];
  const counts = new Map<string, number>();
  let unmatched = 0;
  for (const [code, t] of bySchool) {
    const m = meta.get(code) ?? null;
    if (!m || m.name === null) unmatched++;
    if (input.municipality !== null && m?.municipality !== input.municipality) continue;
    counts.set(code, t.clients);
    const clients = countOf(t.clients, input.suppress, input.threshold);
    const hidden = clients.value === null;
    const limits = funnelLimits(p0, t.pupils);
    const rate = hidden || t.pupils === 0 ? null : t.clients / t.pupils;
    const isSpecial = special(code);
    const referred = countOf(t.referred, input.suppress, input.threshold);
    schools.push({
      vestigingscode: code,
      name: m?.name ?? null,
      board: m?.board ?? null,
      municipality: m?.municipality ?? null,
      municipalityName: m?.municipalityName ?? null,
      soort: m?.soort ?? null,
      pupils: t.pupils,
      duoPupils: m?.duoPupils ?? null,
      clients,
      rate,
      bySegment: hideSegments(SEGMENTS.filter((s) => t.segments.has(s)).map((s) => ({ segment: s, n: t.segments.get(s)! })), input.suppress, input.threshold),
      specialEducation:
        isSpecial || t.withNext === 0
          ? null
          : { referred: hidden ? { value: null, flag: 'secondary' } : referred, share: hidden || referred.value === null ? null : t.referred / t.withNext },
      limits,
      position: rate === null ? null : funnelPosition(rate, limits),
    });
  }
  hideAcrossSchools(schools, counts, input.suppress);
  schools.sort(
    (a, b) =>
      (a.position === null ? 5 : POSITION_ORDER[a.position]) - (b.position === null ? 5 : POSITION_ORDER[b.position]) ||
      (b.rate ?? -1) - (a.rate ?? -1) ||
      (a.vestigingscode < b.vestigingscode ? -1 : 1),
  );
  const sizes = [...bySchool.values()].map((t) => t.pupils);
  return {
    region: { pupils: regionPupils, clients: regionClients, rate: regionPupils > 0 ? p0 : null },
    schools,
    funnel: sizes.length ? funnelBand(p0, Math.min(...sizes), Math.max(...sizes)) : [],
    unmatched,
  };
}
