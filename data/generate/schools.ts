// School data for a generated region (RegionOptions.schools, docs/SCHOOLS.md "Demo data"), written to
// <out>/tabellen/ next to the iJw messages:
//   bevolking.csv          CBS-style population per municipality × year: 0 tot 18 jaar (scaled with the care
//                          volume, so per-1,000 figures are realistic) and Totaal (the municipality's real order of
//                          size, so its CBS size class is right).
//   leerplicht.csv         BSN;Vestigingscode;Schooljaar for every primary-school-age child (4–11 on 1 October) of
//                          the region in each school year from 2021-2022 up to the peildatum's: the children in
//                          care (truth.json) and made-up classmates, at REAL BO locations of their municipality
//                          (data/reference/duo-foodvalley-scholen.csv), weighted by DUO's pupil counts.
//   duo-scholen.csv, duo-leerlingen.csv  the derived DUO files, to import as school list and pupil counts.
//   schools.json           the planted school and the school years (what truth/schools.ts needs besides the files).
// Planted: one Ede school where children with care in those years are ten times as likely to be placed, and from
// which no child is ever referred to special education (FoodValley's story); elsewhere a few children move to an
// SBO/SO location of their municipality (or the region) in a later year.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MUNICIPALITIES, bsnAfter, type Child } from './actors.js';
import { day, ymd, type Day } from './dates.js';
import { Rng } from './random.js';
import { schoolReference } from './schools-reference.js';

export const PLANTED_SCHOOL = '07KV00'; // Calvijnschool, Ede: a large BO location in DUO file 02, chosen by hand
const FIRST_SCHOOL_YEAR = 2021;
const YOUTH_SHARE = 0.215; // residents aged 0–17 per inhabitant (CBS, the Netherlands, about 2023)

export interface SchoolsFile {
  planted: string;
  schoolYears: string[];
}

interface Place { code: string; municipality: string; soort: string; pupils: Map<number, number> }

function places(): Place[] {
  const { scholen, leerlingen } = schoolReference();
  const soort = new Map(scholen.split(/\r?\n/).slice(1).filter(Boolean).map((l) => l.split(';')).map((c) => [c[0]!, { municipality: c[4]!, soort: c[6]! }]));
  const [head, ...lines] = leerlingen.split(/\r?\n/).filter(Boolean);
  const cols = head!.split(';');
  return lines.map((l) => {
    const c = l.split(';');
    const code = c[1]!;
    const pupils = new Map<number, number>();
    cols.forEach((h, i) => {
      const y = /^LEERLINGEN_(\d{4})$/.exec(h)?.[1];
      if (y && /^\d+$/.test(c[i]!)) pupils.set(+y, +c[i]!);
    });
    return { code, municipality: soort.get(code)?.municipality ?? c[6]!.padStart(4, '0'), soort: soort.get(code)?.soort ?? c[3]!, pupils };
  });
}

/** Age in whole years on a day (birthday on the birth date itself). */
function ageOn(birth: Day, on: Day): number {
  const b = ymd(birth);
  const d = ymd(on);
  return d.y - b.y - (d.m < b.m || (d.m === b.m && d.d < b.d) ? 1 : 0);
}

export function youthPopulation(inhabitants: number, year: number, scale: number): number {
  return Math.round(inhabitants * YOUTH_SHARE * scale * (1 + 0.004 * (year - 2020)));
}

export function writeSchools(outDir: string, o: { seed: number; scale: number; children: Child[]; periods: { bsn: string; start: Day; end: Day | null }[]; peildatum: Day; firstYear: number; lastYear: number }): SchoolsFile {
  const dir = join(outDir, 'tabellen');
  mkdirSync(dir, { recursive: true });
  const rng = new Rng(o.seed ^ 0x5c4001);
  const all = places();
  const lastSchoolYear = ymd(o.peildatum).y - (ymd(o.peildatum).m < 10 ? 1 : 0); // a school year counts once its 1 October is in the data
  const years = Array.from({ length: Math.max(0, lastSchoolYear - FIRST_SCHOOL_YEAR + 1) }, (_, i) => FIRST_SCHOOL_YEAR + i);
  const schoolYears = years.map((y) => `${y}-${y + 1}`);

  // Population: CBS-style, one file for every year of the data.
  const pop = ['Regio\'s;Perioden;Leeftijd;Bevolking op 1 januari'];
  for (let y = o.firstYear; y <= o.lastYear + 1; y++) {
    for (const m of MUNICIPALITIES) {
      pop.push(`GM${m.code};${y};0 tot 18 jaar;${youthPopulation(m.population, y, o.scale)}`);
      pop.push(`GM${m.code};${y};Totaal;${Math.round(m.population * (1 + 0.006 * (y - 2020)))}`);
    }
  }
  writeFileSync(join(dir, 'bevolking.csv'), pop.join('\r\n') + '\r\n');

  // Children: those in care (with their first address's municipality) and made-up classmates per birth cohort.
  const inCareDuring = new Map<string, Set<number>>(); // bsn → school years (first calendar year) with care
  for (const p of o.periods) {
    for (const y of years) {
      const a = day(`${y}-08-01`);
      const b = Math.min(day(`${y + 1}-07-31`), o.peildatum);
      if (p.start <= b && (p.end === null || p.end >= a)) (inCareDuring.get(p.bsn) ?? inCareDuring.set(p.bsn, new Set()).get(p.bsn)!).add(y);
    }
  }
  const kids: { bsn: string; birth: Day; municipality: string; care: Set<number> }[] = o.children.map((c) => ({ bsn: c.bsn, birth: c.birth, municipality: c.addresses[0]!.municipality, care: inCareDuring.get(c.bsn) ?? new Set() }));
  let candidate = 998000000;
  const cohortFirst = FIRST_SCHOOL_YEAR - 12;
  const cohortLast = (years[years.length - 1] ?? FIRST_SCHOOL_YEAR) - 4;
  for (const m of MUNICIPALITIES) {
    const cohort = Math.round(youthPopulation(m.population, 2020, o.scale) / 18);
    for (let by = cohortFirst; by <= cohortLast; by++) {
      const known = kids.filter((k) => k.municipality === m.code && ymd(k.birth).y === by).length;
      for (let i = known; i < cohort; i++) {
        const r = bsnAfter(candidate);
        candidate = r.next;
        if (candidate >= 999000000) throw new Error('schools: too many made-up children for the BSN range; use a smaller scale');
        kids.push({ bsn: r.bsn, birth: day(`${by}-01-01`) + rng.int(0, 364), municipality: m.code, care: new Set() });
      }
    }
  }

  // Each child's school: chosen once (at its first school year in the extract), kept until a referral.
  const regular = (m: string, y: number) => all.filter((p) => p.municipality === m && p.soort === 'BO' && (p.pupils.get(y) ?? 0) > 0);
  const special = all.filter((p) => p.soort !== 'BO' && p.soort !== 'VSO');
  const lines = ['BSN;Vestigingscode;Schooljaar'];
  for (const k of kids) {
    let school: Place | null = null;
    for (const y of years) {
      const age = ageOn(k.birth, day(`${y}-10-01`));
      if (age < 4 || age > 11) continue;
      if (!school) {
        const pool = regular(k.municipality, y);
        if (pool.length === 0) break;
        const weights = pool.map((p) => (p.pupils.get(y) ?? 0) * (p.code === PLANTED_SCHOOL && k.care.size > 0 ? 10 : 1));
        school = pool[rng.weighted(weights)]!;
      } else if (school.soort === 'BO' && school.code !== PLANTED_SCHOOL && rng.chance(k.care.has(y - 1) ? 0.05 : 0.004)) {
        const local = special.filter((p) => p.municipality === k.municipality && (p.pupils.get(y) ?? 0) > 0);
        const pool = local.length ? local : special.filter((p) => (p.pupils.get(y) ?? 0) > 0);
        if (pool.length) school = pool[rng.int(0, pool.length - 1)]!;
      }
      lines.push(`${k.bsn};${school.code};${y}-${y + 1}`);
    }
  }
  writeFileSync(join(dir, 'leerplicht.csv'), lines.join('\r\n') + '\r\n');
  const ref = schoolReference();
  writeFileSync(join(dir, 'duo-scholen.csv'), ref.scholen);
  writeFileSync(join(dir, 'duo-leerlingen.csv'), ref.leerlingen);
  const out: SchoolsFile = { planted: PLANTED_SCHOOL, schoolYears };
  writeFileSync(join(dir, 'schools.json'), `${JSON.stringify(out)}\n`);
  return out;
}
