// Ground truth for compare/schools, computed the plain way from the generator's own files: the leerplicht
// extract it wrote (tabellen/leerplicht.csv) and the care periods in truth.json. A pupil is "in care" in a school
// year when one of its periods that started by the peildatum overlaps 1 August – 31 July (cut at the peildatum).
// Referred = listed at an SBO/SO location (duo-scholen.csv) the next school year. Shares no code with core/.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Truth } from './types.js';
import { segmentOf } from './classify.js';

export interface TruthSchool {
  pupils: number;
  clients: number;
  withNext: number; // pupils whose next school year is in the extract
  referred: number;
}

export interface TruthSchools {
  planted: string;
  schoolYears: string[];
  /** school year → vestigingscode → figures */
  years: Map<string, Map<string, TruthSchool>>;
  region: Map<string, { pupils: number; clients: number }>;
}

const dayOf = (s: string) => Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10)) / 86_400_000;

export function truthSchools(dir: string, truth: Truth, segment?: string): TruthSchools {
  const meta = JSON.parse(readFileSync(join(dir, 'tabellen', 'schools.json'), 'utf8')) as { planted: string; schoolYears: string[] };
  const lines = readFileSync(join(dir, 'tabellen', 'leerplicht.csv'), 'utf8').split(/\r?\n/).slice(1).filter(Boolean).map((l) => l.split(';'));
  const soort = new Map(readFileSync(join(dir, 'tabellen', 'duo-scholen.csv'), 'utf8').split(/\r?\n/).slice(1).filter(Boolean).map((l) => l.split(';')).map((c) => [c[0]!, c[6]!]));
  const special = (code: string) => ['SBO', 'SO', 'SO/VSO', 'VSO'].includes(soort.get(code) ?? '');
  const peil = dayOf(truth.peildatum);
  const periods = new Map<string, { start: number; end: number }[]>();
  for (const p of truth.periods) {
    if (dayOf(p.start) > peil) continue;
    if (segment && segmentOf(p.category) !== segment) continue;
    (periods.get(p.bsn) ?? periods.set(p.bsn, []).get(p.bsn)!).push({ start: dayOf(p.start), end: p.end === null ? Infinity : dayOf(p.end) });
  }
  const byYear = new Map<string, Map<string, string[]>>(); // year → bsn → schools
  for (const [bsn, school, year] of lines) {
    const m = byYear.get(year!) ?? byYear.set(year!, new Map()).get(year!)!;
    m.set(bsn!, [...(m.get(bsn!) ?? []), school!]);
  }
  const years = new Map<string, Map<string, TruthSchool>>();
  const region = new Map<string, { pupils: number; clients: number }>();
  for (const [year, kids] of byYear) {
    const first = +year.slice(0, 4);
    const a = dayOf(`${first}-08-01`);
    const b = Math.min(dayOf(`${first + 1}-07-31`), peil);
    const next = byYear.get(`${first + 1}-${first + 2}`);
    const schools = new Map<string, TruthSchool>();
    const r = { pupils: 0, clients: 0 };
    for (const [bsn, list] of kids) {
      const inCare = (periods.get(bsn) ?? []).some((p) => p.start <= b && p.end >= a);
      for (const school of list) {
        const s = schools.get(school) ?? schools.set(school, { pupils: 0, clients: 0, withNext: 0, referred: 0 }).get(school)!;
        s.pupils++;
        r.pupils++;
        if (inCare) {
          s.clients++;
          r.clients++;
        }
        if (next) {
          s.withNext++;
          if ((next.get(bsn) ?? []).some(special)) s.referred++;
        }
      }
    }
    years.set(year, schools);
    region.set(year, r);
  }
  return { planted: meta.planted, schoolYears: meta.schoolYears, years, region };
}
