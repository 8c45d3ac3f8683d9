// benchmark/import, benchmark/list, benchmark/compare and benchmark/reconcile (core/contract/benchmark.ts).
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type Database from 'better-sqlite3';
import { ApiFailure } from '../../core/contract/dispatch.js';
import type { Handlers } from '../../core/contract/methods.js';
import type { BenchmarkCompareResult } from '../../core/contract/benchmark.js';
import { aggregate, nederland, sizeClassOf, sizePeers, SIZE_LABELS } from '../../core/benchmark/compare.js';
import { describeFigure } from '../../core/benchmark/figures.js';
import { reconcileLines } from '../../core/benchmark/reconcile.js';
import { parseStatline, tableIdOf } from '../../core/benchmark/statline.js';
import { fromDay, toDay } from '../../core/domain/dates.js';
import type { FactStore } from '../../core/pivot/store.js';
import { careTableFor } from '../flows/handlers.js';
import { municipalityName } from '../reference/municipalities.js';
import { readCsvTable, TableReadError } from '../tables/read.js';
import { youthPopulation } from '../tables/store.js';
import { benchList, benchValues, benchYears, inhabitants, storeStatline } from './store.js';
import { activeCheckpoint } from '../system/work.js';

type Methods = 'benchmark/import' | 'benchmark/list' | 'benchmark/compare' | 'benchmark/reconcile';
export type BenchmarkHandlers = Pick<Handlers, Methods>;
const t = (nl: string, en: string) => ({ nl, en });
const CORE_TABLE = '85099NED'; // the table with counts per care form (reconciliation)

export function benchmarkHandlers(db: Database.Database, getStore: () => Promise<FactStore>, threshold: number, onImported: () => void = () => {}): BenchmarkHandlers {
  const regionOf = async () => [...new Set(careTableFor(await getStore()).rows.map((r) => r.municipality))].sort();
  return {
    async 'benchmark/import'(args) {
      const file = args.file ? args.file.name : basename(args.path!);
      const bytes = args.file ? args.file.bytes : new Uint8Array(readFileSync(args.path!));
      const table = args.table ?? tableIdOf(file);
      const empty = { file, table, lines: 0, stored: 0, missing: 0, replaced: 0, regions: 0, years: [], figures: [], warnings: [] };
      if (!table) return { ...empty, status: 'rejected' as const, errors: [{ line: null, column: null, reason: 'no CBS table id (like 85099NED) in the file name; pass it as table' }] };
      let raw;
      try {
        raw = readCsvTable(bytes);
      } catch (e) {
        if (e instanceof TableReadError) return { ...empty, status: 'rejected' as const, errors: [{ line: e.line, column: null, reason: e.message }] };
        throw e;
      }
      const p = parseStatline(raw.headers, raw.records);
      const lines = raw.records.length;
      if (p.errors.length) return { ...empty, lines, status: 'rejected' as const, errors: p.errors.slice(0, 50) };
      await activeCheckpoint()('storing', 0.5); // the last moment a cancel keeps the store as it was
      const replaced = storeStatline(db, table, p.observations, { source: args.source ?? file, file, bytes, at: new Date().toISOString() });
      onImported();
      const warnings = [];
      if (p.missing) warnings.push({ code: 'missing', detail: `${p.missing} cells were '.' (not published by CBS): stored without a figure, not as 0` });
      if (p.skippedPeriods) warnings.push({ code: 'periods', detail: `${p.skippedPeriods} rows of half-years, quarters or months were skipped: only whole years (JJ00) are compared` });
      return {
        status: 'imported' as const, file, table, lines, stored: p.observations.length, missing: p.missing, replaced,
        regions: new Set(p.observations.map((o) => o.region)).size, years: [...new Set(p.observations.map((o) => o.year))].sort(),
        figures: [...new Set(p.observations.map((o) => o.figure))].sort().map((f) => describeFigure(table, f)), warnings, errors: [],
      };
    },
    async 'benchmark/list'() {
      return { tables: benchList(db) };
    },
    async 'benchmark/compare'(args): Promise<BenchmarkCompareResult> {
      const years = benchYears(db, args.table);
      const region = await regionOf();
      const label = t('Jeugdregio (gemeenten in de iJw-gegevens)', 'Youth-care region (municipalities in the iJw data)');
      const year = args.year ?? years[years.length - 1] ?? null;
      if (year === null) return { year: null, years, figures: [], region: { label, municipalities: region }, rows: [], notes: [t('Geen CBS-tabel geïmporteerd.', 'No CBS table imported.')] };
      const values = benchValues(db, year, args.table);
      const figures = [...values].flatMap(([tb, figs]) => [...figs.keys()].map((f) => ({ fig: describeFigure(tb, f), vals: figs.get(f)! })));
      const youth = youthPopulation(db, year);
      const people = inhabitants(db, year);
      const codes = args.municipalities ?? region;
      const rows = codes.map((m) => {
        const n = people.get(m) ?? null;
        return {
          municipality: m, name: municipalityName(m) ?? m, inhabitants: n,
          sizeClass: n === null ? null : { key: sizeClassOf(n), label: SIZE_LABELS[sizeClassOf(n)] },
          values: figures.map(({ fig, vals }) => ({
            own: vals.get(`GM${m}`) ?? null,
            jeugdregio: aggregate(fig, vals, region, youth),
            nederland: nederland(vals),
            sizeClass: aggregate(fig, vals, sizePeers(m, vals, people), youth),
          })),
        };
      });
      const notes = [t('Cijfers van CBS zoals gepubliceerd (afgerond op vijftallen). Regio en grootteklasse: tellingen opgeteld, percentages gewogen naar jeugdigen 0–17 (bevolkingstabel).', 'Figures as CBS publishes them (rounded to multiples of 5). Region and size class: counts summed, rates weighted by youth aged 0–17 (population table).')];
      if (people.size === 0) notes.push(t('Geen inwonertallen (leeftijd Totaal) in de bevolkingstabel: geen grootteklasse.', 'No inhabitant totals (age Totaal) in the population table: no size class.'));
      return { year, years, figures: figures.map((f) => f.fig), region: { label, municipalities: region }, rows, notes };
    },
    async 'benchmark/reconcile'(args) {
      const table = careTableFor(await getStore());
      const suppress = args.suppress ?? true;
      const start = toDay(`${args.year}-01-01`);
      const yearEnd = toDay(`${args.year}-12-31`);
      if (table.peildatum !== null && start > table.peildatum) throw new ApiFailure('bad-request', `year ${args.year} starts after the peildatum`);
      const end = table.peildatum === null ? yearEnd : Math.min(yearEnd, table.peildatum);
      const vals = benchValues(db, args.year, CORE_TABLE).get(CORE_TABLE);
      const cbs = (form: string) => {
        const figure = `JongerenMetJeugdzorg_1|VormenVanJeugdzorg=${form}`;
        const v = vals?.get(figure)?.get(`GM${args.municipality}`);
        return v === undefined ? null : { value: v, figure: `${CORE_TABLE}:${figure}` };
      };
      const notes = [t('Spiegel telt per toewijzende gemeente, CBS per woongemeente; CBS rondt af op vijftallen, Spiegel onderdrukt kleine aantallen (<5).', 'Spiegel counts by assigning municipality, CBS by municipality of residence; CBS rounds to multiples of 5, Spiegel suppresses small counts (<5).')];
      if (!vals) notes.push(t(`Geen CBS-tabel ${CORE_TABLE} voor ${args.year} geïmporteerd.`, `No CBS table ${CORE_TABLE} for ${args.year} imported.`));
      if (end < yearEnd) notes.push(t('Het jaar loopt na de peildatum door: Spiegels telling is onvolledig.', 'The year runs past the peildatum: Spiegel\'s count is incomplete.'));
      return {
        municipality: args.municipality, name: municipalityName(args.municipality) ?? args.municipality, year: args.year, partial: end < yearEnd,
        lines: reconcileLines(table, args.municipality, start, end, cbs, suppress, threshold), notes,
        peildatum: table.peildatum === null ? null : fromDay(table.peildatum), suppression: { applied: suppress, threshold },
      };
    },
  };
}
