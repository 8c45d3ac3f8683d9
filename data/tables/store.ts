// Writing and reading the reference tables (migration 005). A re-import of a kind under the same source
// replaces, in one transaction, that source's rows — only for the periods (years, school years) the new
// file holds when the kind has periods, so a yearly file adds its year and replaces only that year.
import type Database from 'better-sqlite3';
import type { CodebookEntry } from '../../core/domain/codebook.js';
import { populationAged, type AgeGroupCount } from '../../core/domain/population.js';
import type { Segment } from '../../core/domain/segments.js';
import type { ColumnMapping, TableKind, TableListResult } from '../../core/contract/tables.js';
import { TABLE_KINDS } from '../../core/contract/tables.js';
import type { Row, Value } from './parse.js';
import type { AgeRange, Count } from './values.js';

type Values = Record<string, Value>;
interface Writer {
  table: string;
  columns: string[];
  values(v: Values): unknown[];
  period?: string; // column (and field) that scopes a re-import
}

const bit = (b: Value | undefined) => (b === null || b === undefined ? null : b ? 1 : 0);
const opt = (x: Value | undefined) => (x === undefined ? null : x);
const age = (v: Values) => v.age as AgeRange;
const count = (v: Values) => v.pupils as Count;
/** The first year whose 1 January falls on or after the merger: its figures carry the new code. */
export const fromYear = (date: string) => +date.slice(0, 4) + (date.endsWith('-01-01') ? 0 : 1);

const WRITERS: Record<TableKind, Writer> = {
  codebook: {
    table: 'ref_codebook',
    columns: ['product_code', 'omschrijving', 'segment', 'met_verblijf', 'telt_als_traject', 'eenheid', 'tarief_cent', 'ingangsdatum'],
    values: (v) => [v.productcode, opt(v.omschrijving), v.segment, bit(v.met_verblijf), bit(v.telt_als_traject), opt(v.eenheid), opt(v.tarief), opt(v.ingangsdatum)],
  },
  population: {
    table: 'ref_population',
    columns: ['municipality', 'year', 'sex', 'age_from', 'age_to', 'count'],
    values: (v) => [v.municipality, v.year, v.sex ?? 'T', age(v).from, age(v).to, v.count],
    period: 'year',
  },
  'duo-schools': {
    table: 'ref_school',
    columns: ['vestigingscode', 'instellingscode', 'name', 'board', 'municipality', 'denomination', 'soort', 'pc4'],
    values: (v) => [v.vestigingscode, opt(v.instellingscode), opt(v.name), opt(v.board), v.municipality, opt(v.denomination), opt(v.soort), opt(v.pc4)],
  },
  'duo-pupils': {
    table: 'ref_school_pupils',
    columns: ['vestigingscode', 'year', 'municipality', 'soort', 'pupils', 'suppressed'],
    values: (v) => [v.vestigingscode, v.year, v.municipality, opt(v.soort), count(v).value, count(v).suppressed ? 1 : 0],
    period: 'year',
  },
  leerplicht: {
    table: 'ref_leerplicht',
    columns: ['pseudonym', 'vestigingscode', 'schooljaar'],
    values: (v) => [v.bsn, v.vestigingscode, v.schooljaar], // bsn holds the pseudonym (parse.ts)
    period: 'schooljaar',
  },
  'municipality-mapping': {
    table: 'ref_municipality_map',
    columns: ['old_code', 'new_code', 'merged_on', 'from_year'],
    values: (v) => [v.old_code, v.new_code, v.date, fromYear(v.date as string)],
  },
  municipalities: {
    table: 'ref_municipality',
    columns: ['year', 'code', 'name', 'province'],
    values: (v) => [v.year, v.code, v.name, opt(v.province)],
    period: 'year',
  },
  wijk: {
    table: 'ref_wijk',
    columns: ['pc4', 'wijk'],
    values: (v) => [v.pc4, v.wijk],
  },
};

export interface ImportMeta {
  kind: TableKind;
  source: string;
  file: string;
  sha256: string;
  mapping: ColumnMapping;
  importedAt: string;
}

/** Replaces the source's rows of this kind (per period where the kind has one), records the import and
 *  saves the mapping, all in one transaction. */
export function replaceTable(db: Database.Database, rows: readonly Row[], meta: ImportMeta): { rows: number; replaced: number } {
  const w = WRITERS[meta.kind];
  const insert = db.prepare(`INSERT INTO ${w.table} (source, ${w.columns.join(', ')}) VALUES (?${', ?'.repeat(w.columns.length)})`);
  return db.transaction(() => {
    let replaced = 0;
    if (w.period) {
      const periods = new Set(rows.map((r) => r.values[w.period!] as string | number));
      const del = db.prepare(`DELETE FROM ${w.table} WHERE source = ? AND ${w.period} = ?`);
      for (const p of periods) replaced += del.run(meta.source, p).changes;
    } else {
      replaced = db.prepare(`DELETE FROM ${w.table} WHERE source = ?`).run(meta.source).changes;
    }
    for (const r of rows) insert.run(meta.source, ...w.values(r.values));
    db.prepare('INSERT INTO table_import (source, kind, file_name, sha256, rows, replaced, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(meta.source, meta.kind, meta.file, meta.sha256, rows.length, replaced, meta.importedAt);
    db.prepare('INSERT INTO table_mapping (source, kind, mapping_json, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (source, kind) DO UPDATE SET mapping_json = excluded.mapping_json, updated_at = excluded.updated_at')
      .run(meta.source, meta.kind, JSON.stringify(meta.mapping), meta.importedAt);
    return { rows: rows.length, replaced };
  })();
}

export function savedMapping(db: Database.Database, source: string, kind: TableKind): ColumnMapping | null {
  const row = db.prepare('SELECT mapping_json AS json FROM table_mapping WHERE source = ? AND kind = ?').get(source, kind) as { json: string } | undefined;
  return row ? (JSON.parse(row.json) as ColumnMapping) : null;
}

export function listTables(db: Database.Database): TableListResult['tables'] {
  const latest = db
    .prepare(`SELECT kind, source, file_name AS file, sha256, imported_at AS importedAt FROM table_import
              WHERE id IN (SELECT MAX(id) FROM table_import GROUP BY kind, source) ORDER BY kind, source`)
    .all() as { kind: TableKind; source: string; file: string; sha256: string; importedAt: string }[];
  return latest
    .filter((t) => (TABLE_KINDS as readonly string[]).includes(t.kind))
    .map((t) => {
      const w = WRITERS[t.kind];
      const rows = (db.prepare(`SELECT COUNT(*) AS n FROM ${w.table} WHERE source = ?`).get(t.source) as { n: number }).n;
      const periods = w.period
        ? (db.prepare(`SELECT DISTINCT ${w.period} AS p FROM ${w.table} WHERE source = ? ORDER BY 1`).pluck().all(t.source) as (string | number)[]).map(String)
        : [];
      return { ...t, rows, periods };
    });
}

/** The codebook the model classifies with: every source's rows, a later-imported source winning a
 *  product code that several sources define. */
export function loadCodebook(db: Database.Database): Map<string, CodebookEntry> {
  const rows = db
    .prepare(`SELECT c.product_code AS code, c.segment, c.telt_als_traject AS traject FROM ref_codebook c
              JOIN (SELECT source, MAX(id) AS last FROM table_import WHERE kind = 'codebook' GROUP BY source) i ON i.source = c.source
              ORDER BY i.last`)
    .all() as { code: string; segment: Segment; traject: 0 | 1 | null }[];
  return new Map(rows.map((r) => [r.code, { segment: r.segment, countsAsTrajectory: r.traject === null ? null : r.traject === 1 }]));
}

/** A CBS municipality list imported for a year (any source; the latest import wins a code). */
export function loadMunicipalityList(db: Database.Database, year: number): { code: string; name: string }[] {
  const rows = db
    .prepare(`SELECT code, name FROM ref_municipality m
              JOIN (SELECT source, MAX(id) AS last FROM table_import WHERE kind = 'municipalities' GROUP BY source) i ON i.source = m.source
              WHERE year = ? ORDER BY i.last`)
    .all(year) as { code: string; name: string }[];
  const byCode = new Map(rows.map((r) => [r.code, r]));
  return [...byCode.values()].sort((a, b) => a.code.localeCompare(b.code));
}

/** Residents aged 0–17 on 1 January of `year` per municipality (DOMAIN.md §9), from every population source
 *  (the latest import wins a municipality): the total of both sexes, or men + women when no total is given. */
export function youthPopulation(db: Database.Database, year: number): Map<string, number> {
  const rows = db
    .prepare(`SELECT p.municipality, p.sex, p.age_from AS "from", p.age_to AS "to", p.count FROM ref_population p
              JOIN (SELECT source, MAX(id) AS last FROM table_import WHERE kind = 'population' GROUP BY source) i ON i.source = p.source
              WHERE p.year = ? ORDER BY i.last`)
    .all(year) as { municipality: string; sex: 'T' | 'M' | 'V'; from: number; to: number | null; count: number }[];
  const groups = new Map<string, AgeGroupCount[]>();
  for (const r of rows) {
    const k = `${r.municipality}|${r.sex}`;
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k)!.push(r);
  }
  const out = new Map<string, number>();
  for (const municipality of new Set(rows.map((r) => r.municipality))) {
    const of = (sex: string) => populationAged(groups.get(`${municipality}|${sex}`) ?? [], 0, 17);
    const total = of('T');
    const men = of('M');
    const women = of('V');
    const n = total ?? (men !== null && women !== null ? men + women : null);
    if (n !== null) out.set(municipality, n);
  }
  return out;
}
