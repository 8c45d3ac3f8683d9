// compare/schools and export/schools (core/contract/schools.ts): the care table of the derived model (the same
// care periods every other view counts), the leerplicht extract of the school year and the DUO metadata.
import type Database from 'better-sqlite3';
import { ApiFailure } from '../../core/contract/dispatch.js';
import type { Handlers } from '../../core/contract/methods.js';
import type { SchoolsArgs, SchoolsResult } from '../../core/contract/schools.js';
import { compareSchools, type Enrolment } from '../../core/compare-schools/schools.js';
import { fromDay, toDay } from '../../core/domain/dates.js';
import type { FactStore } from '../../core/pivot/store.js';
import { careTableFor } from '../flows/handlers.js';
import { schoolYearOf } from '../tables/links.js';
import { exportSchools } from './export.js';
import { leerplichtYear, schoolMeta, schoolYears } from './load.js';

export type SchoolHandlers = Pick<Handlers, 'compare/schools' | 'export/schools'>;

const t = (nl: string, en: string) => ({ nl, en });

export function schoolHandlers(db: Database.Database, getStore: () => Promise<FactStore>, threshold: number): SchoolHandlers {
  const run = async (args: SchoolsArgs): Promise<SchoolsResult> => {
    const table = careTableFor(await getStore());
    const peildatum = table.peildatum === null ? null : fromDay(table.peildatum);
    const years = schoolYears(db);
    const suppress = args.suppress ?? true;
    const base = {
      schoolYears: years, segment: args.segment ?? null, municipality: args.municipality ?? null, method: 'exact-binomial' as const,
      peildatum, suppression: { applied: suppress, threshold },
    };
    // Default: the latest school year complete by the peildatum (a whole year, and its referrals known when the
    // extract holds the next one); else the latest one not after the peildatum's; else the latest.
    const limit = peildatum ? schoolYearOf(peildatum) : '9999-9999';
    const newestFirst = [...years].reverse();
    const year = args.schoolYear ?? newestFirst.find((y) => y < limit) ?? newestFirst.find((y) => y <= limit) ?? years[years.length - 1] ?? null;
    if (year === null) {
      return {
        ...base, schoolYear: null, start: null, end: null, partial: false, region: { pupils: 0, clients: 0, rate: null }, schools: [], funnel: [], unmatched: 0,
        notes: [t('Geen leerplichtextract geïmporteerd: importeer er een onder Tabellen (soort "Leerplichtextract").', 'No compulsory-education extract imported: import one under Tables (kind "Compulsory-education extract").')],
      };
    }
    if (!years.includes(year)) throw new ApiFailure('bad-request', `school year ${year} is not in the leerplicht extract (${years.join(', ') || 'none'})`);
    const first = +year.slice(0, 4);
    const start = toDay(`${first}-08-01`);
    const yearEnd = toDay(`${first + 1}-07-31`);
    if (table.peildatum !== null && start > table.peildatum) throw new ApiFailure('bad-request', `school year ${year} starts after the peildatum ${peildatum}`);
    const end = table.peildatum === null ? yearEnd : Math.min(yearEnd, table.peildatum);

    const clientOf = new Map(table.clients.map((c, i) => [c.pseudonym, i]));
    const now = leerplichtYear(db, year);
    const nextKey = `${first + 1}-${first + 2}`;
    const next = years.includes(nextKey) ? leerplichtYear(db, nextKey) : null;
    const enrolments: Enrolment[] = [];
    for (const [pseudonym, schools] of now) {
      const client = clientOf.get(pseudonym) ?? null;
      const nextSchools = next === null ? null : (next.get(pseudonym) ?? []);
      for (const school of schools) enrolments.push({ school, client, nextSchools });
    }
    const meta = schoolMeta(db, first);
    const core = compareSchools({ table, enrolments, span: { start, end }, meta, segment: args.segment ?? null, municipality: args.municipality ?? null, suppress, threshold });
    const notes = [
      t('Noemer: leerlingen van de vestiging in het leerplichtextract (inwoners). DUO-leerlingen staan er ter vergelijking bij: grensscholen hebben ook leerlingen van buiten.',
        "Denominator: the location's pupils in the compulsory-education extract (residents). DUO's pupil count is shown for context: border schools also teach children from elsewhere."),
      t('Banden: exacte binomiale grenzen rond het regionale percentage (95 % en 99,8 %). Een school buiten de band is een reden voor een gesprek, geen oordeel.',
        'Bands: exact binomial limits around the regional rate (95 % and 99.8 %). A school outside the band is a reason to talk, not a verdict.'),
    ];
    if (core.unmatched > 0) notes.push(t(`${core.unmatched} vestigingen zonder DUO-gegevens (naam, bestuur): importeer de DUO-schoollijst.`, `${core.unmatched} locations without DUO data (name, board): import the DUO school list.`));
    if (next === null) notes.push(t('Verwijzing naar speciaal onderwijs: het extract bevat het volgende schooljaar niet.', 'Referral to special education: the extract does not hold the next school year.'));
    return { ...base, ...core, schoolYear: year, start: fromDay(start), end: fromDay(end), partial: end < yearEnd, notes };
  };
  return {
    'compare/schools': run,
    async 'export/schools'(args) {
      return exportSchools(run, args);
    },
  };
}
