// The validation checks of an import report (issue 4): suspicious facts in the store that concern one
// import batch, grouped per rule with a complete count and a few examples. The rules are defined in
// docs/IMPORT.md, section "Controles"; this file, checks-rules.ts and checks-duplicates.ts implement exactly
// those definitions.
// Set-based SQL over a few temp tables, because they run after every import on up to ~2M declaration lines;
// which assignment version wins and which start stands come from data/model/careperiods.ts, never a copy.
import { readFileSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { isIsoDate } from '../../core/domain/dates.js';
import { winningAssignments, type AssignmentRow } from '../model/careperiods.js';
import { duplicates } from './checks-duplicates.js';
import { grouped, notStarted, outsideAssignment, type CheckWarning } from './checks-rules.js';

export { MAX_EXAMPLES, type CheckWarning } from './checks-rules.js';

const TEMP_TABLES = ['chk_msg', 'chk_line', 'chk_key', 'chk_winner', 'chk_scope', 'chk_credited'];

let categories: string[] | null = null;

/** The iJw 3.2 JZ020 product categories (data/reference copy of the shared code list). */
export function productCategories(): string[] {
  categories ??= (
    parse(readFileSync(new URL('../reference/ijw32-JZ020-productcategorie.csv', import.meta.url), 'utf8'), {
      columns: true,
      skip_empty_lines: true,
    }) as { Code: string }[]
  ).map((r) => r.Code);
  return categories;
}

/** Every record with a product (category, code) held by the batch, with the message that carries it.
 *  CROSS JOIN fixes the join order: the temp tables have no statistics, and the batch drives. */
const PRODUCT_RECORDS = `
  SELECT m.code, m.identificatie, m.dagtekening, x.municipality, x.provider, x.toewijzing_nr AS nr, NULL AS ref,
         x.product_category AS cat, x.product_code AS pc
    FROM assignment_version x JOIN chk_msg b ON b.message_id = x.message_id JOIN message m ON m.id = x.message_id
  UNION ALL
  SELECT m.code, m.identificatie, m.dagtekening, x.municipality, x.provider, x.toewijzing_nr, NULL, x.product_category, x.product_code
    FROM care_start x JOIN chk_msg b ON b.message_id = x.message_id JOIN message m ON m.id = x.message_id
  UNION ALL
  SELECT m.code, m.identificatie, m.dagtekening, x.municipality, x.provider, x.toewijzing_nr, NULL, x.product_category, x.product_code
    FROM care_stop x JOIN chk_msg b ON b.message_id = x.message_id JOIN message m ON m.id = x.message_id
  UNION ALL
  SELECT m.code, m.identificatie, m.dagtekening, x.municipality, x.provider, x.toewijzing_nr, x.referentie_nummer,
         x.product_category, x.product_code
    FROM chk_line s CROSS JOIN declaration_line x ON x.id = s.id CROSS JOIN declaration d ON d.id = x.declaration_id
    CROSS JOIN message m ON m.id = d.message_id
  UNION ALL
  SELECT m.code, m.identificatie, m.dagtekening, r.municipality, r.provider, p.toewijzing_nr, NULL, p.product_category, p.product_code
    FROM chk_msg b CROSS JOIN request r ON r.message_id = b.message_id CROSS JOIN request_product p ON p.request_id = r.id
    CROSS JOIN message m ON m.id = b.message_id`;

interface ProductRecord {
  code: string;
  identificatie: string;
  dagtekening: string;
  municipality: string;
  provider: string;
  nr: number | null;
  ref: string | null;
  cat: string | null;
  pc: string | null;
  total: number;
}

function productWarnings(db: Database.Database): CheckWarning[] {
  const where = (r: ProductRecord): string =>
    `${r.code} Identificatie ${r.identificatie} of ${r.dagtekening}: municipality ${r.municipality}, provider ${r.provider}` +
    (r.nr !== null ? `, ToewijzingNummer ${r.nr}` : '') +
    (r.ref !== null ? `, ReferentieNummer ${r.ref}` : '');
  const order = 'municipality, provider, code, dagtekening, identificatie, nr, ref';
  const out: CheckWarning[] = [];
  const cat = grouped<ProductRecord>(db, `SELECT * FROM (${PRODUCT_RECORDS}) WHERE cat IS NOT NULL AND cat NOT IN (SELECT value FROM json_each(?))`, order, [
    JSON.stringify(productCategories()),
  ]);
  if (cat.count > 0) {
    out.push({
      code: 'unknown-product-category',
      detail: `${cat.count} record(s) with a ProductCategorie that is not in the iJw 3.2 code list JZ020`,
      count: cat.count,
      examples: cat.rows.map((r) => `${where(r)}: ProductCategorie ${r.cat}`),
    });
  }
  if (hasCodebook(db)) {
    const code = grouped<ProductRecord>(
      db,
      `SELECT * FROM (${PRODUCT_RECORDS}) AS r WHERE pc IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ref_codebook c WHERE c.product_code = r.pc)`,
      order,
    );
    if (code.count > 0) {
      out.push({
        code: 'unknown-product-code',
        detail: `${code.count} record(s) with a ProductCode that is not in the regional product codebook`,
        count: code.count,
        examples: code.rows.map((r) => `${where(r)}: ProductCode ${r.pc} (ProductCategorie ${r.cat ?? '-'})`),
      });
    }
  }
  return out;
}

/** The codebook (another migration) is optional: the rule applies only when the table exists and has rows. */
function hasCodebook(db: Database.Database): boolean {
  const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'ref_codebook'").get();
  return table !== undefined && db.prepare('SELECT 1 FROM ref_codebook LIMIT 1').get() !== undefined;
}

function dropTemp(db: Database.Database): void {
  for (const t of TEMP_TABLES) db.exec(`DROP TABLE IF EXISTS temp.${t}`);
}

/** Temp tables: the batch's messages and declaration lines, the assignments it touches, their winning versions,
 *  and the declaration lines of those assignments (one pass over declaration_line serves every line rule). */
function prepareScope(db: Database.Database, batchId: number): void {
  dropTemp(db);
  db.exec(`
    CREATE TEMP TABLE chk_msg (message_id INTEGER PRIMARY KEY);
    CREATE TEMP TABLE chk_line (id INTEGER PRIMARY KEY, municipality TEXT NOT NULL, toewijzing_nr INTEGER NOT NULL);
    CREATE TEMP TABLE chk_key (municipality TEXT NOT NULL, toewijzing_nr INTEGER NOT NULL, has_version INTEGER NOT NULL,
      has_start INTEGER NOT NULL, has_line INTEGER NOT NULL, PRIMARY KEY (municipality, toewijzing_nr)) WITHOUT ROWID;
    CREATE TEMP TABLE chk_winner (municipality TEXT NOT NULL, toewijzing_nr INTEGER NOT NULL, provider TEXT NOT NULL,
      ingangsdatum TEXT NOT NULL, einddatum TEXT, deleted INTEGER NOT NULL, PRIMARY KEY (municipality, toewijzing_nr)) WITHOUT ROWID;`);
  db.prepare('INSERT INTO chk_msg SELECT message_id FROM message_batch WHERE batch_id = ?').run(batchId);
  // An assignment is touched by the batch when it holds one of its JW301 versions, JW305 starts or JW323 lines.
  db.exec(`
    INSERT INTO chk_line SELECT l.id, l.municipality, l.toewijzing_nr
      FROM chk_msg b CROSS JOIN declaration d ON d.message_id = b.message_id CROSS JOIN declaration_line l ON l.declaration_id = d.id;
    INSERT INTO chk_key SELECT x.municipality, x.toewijzing_nr, 1, 0, 0 FROM assignment_version x JOIN chk_msg b ON b.message_id = x.message_id
      WHERE true ON CONFLICT DO NOTHING;
    INSERT INTO chk_key SELECT x.municipality, x.toewijzing_nr, 0, 1, 0 FROM care_start x JOIN chk_msg b ON b.message_id = x.message_id
      WHERE true ON CONFLICT DO UPDATE SET has_start = 1;
    INSERT INTO chk_key SELECT municipality, toewijzing_nr, 0, 0, 1 FROM chk_line WHERE true ON CONFLICT DO UPDATE SET has_line = 1;`);
  const versions = db
    .prepare(
      `SELECT a.municipality, a.provider, a.toewijzing_nr AS toewijzingNr, a.product_category AS productCategory,
              a.product_code AS productCode, a.toewijzingsdatum, a.toewijzingstijd, a.ingangsdatum, a.einddatum,
              a.reden_wijziging AS redenWijziging, NULL AS pseudonym, m.dagtekening, m.identificatie
         FROM chk_key k CROSS JOIN assignment_version a ON a.municipality = k.municipality AND a.toewijzing_nr = k.toewijzing_nr
         JOIN message m ON m.id = a.message_id`,
    )
    .all() as AssignmentRow[];
  const insert = db.prepare('INSERT INTO chk_winner VALUES (?, ?, ?, ?, ?, ?)');
  for (const w of winningAssignments(versions).values()) {
    insert.run(w.municipality, w.toewijzingNr, w.provider, w.ingangsdatum, w.einddatum, w.redenWijziging === '13' ? 1 : 0);
  }
  // The lines of every assignment with a JW301 version or a declaration line in the batch. The id is a plain
  // column: rows are appended, not inserted into a B-tree by id. When the batch holds a large share of all
  // lines (a first import), one sequential scan is about three times faster than reaching them by index.
  const batchLines = db.prepare('SELECT count(*) FROM chk_line').pluck().get() as number;
  const allLines = (db.prepare('SELECT max(id) FROM declaration_line').pluck().get() as number | null) ?? 0;
  const from =
    batchLines * 4 > allLines
      ? 'declaration_line l CROSS JOIN chk_key k ON k.municipality = l.municipality AND k.toewijzing_nr = l.toewijzing_nr'
      : 'chk_key k CROSS JOIN declaration_line l ON l.municipality = k.municipality AND l.toewijzing_nr = k.toewijzing_nr';
  db.exec(`
    CREATE TEMP TABLE chk_scope (id INTEGER NOT NULL, municipality TEXT NOT NULL, nr INTEGER NOT NULL, provider TEXT NOT NULL,
      client TEXT NOT NULL, pc TEXT NOT NULL, b TEXT NOT NULL, e TEXT NOT NULL, ref TEXT NOT NULL, vorig TEXT,
      amount INTEGER NOT NULL, declaration_id INTEGER NOT NULL, in_batch INTEGER NOT NULL, has_version INTEGER NOT NULL);
    INSERT INTO chk_scope
      SELECT l.id, l.municipality, l.toewijzing_nr, l.provider, l.pseudonym, coalesce(l.product_code, ''), l.periode_begin,
             l.periode_eind, l.referentie_nummer, l.vorig_referentie_nummer, l.bedrag, l.declaration_id,
             EXISTS (SELECT 1 FROM chk_line s WHERE s.id = l.id), k.has_version
        FROM ${from} WHERE k.has_version = 1 OR k.has_line = 1;`);
}

/** The checks of docs/IMPORT.md "Controles" for one batch; rules without findings are left out. */
export function runChecks(db: Database.Database, opts: { batchId: number; peildatum: string }): CheckWarning[] {
  if (!isIsoDate(opts.peildatum)) throw new Error(`runChecks: peildatum '${opts.peildatum}' is not a date (YYYY-MM-DD)`);
  // One read transaction: every rule sees the same store; the temp tables go with it.
  return db.transaction(() => {
    try {
      prepareScope(db, opts.batchId);
      return [...productWarnings(db), ...notStarted(db, opts.peildatum), ...outsideAssignment(db), ...duplicates(db)];
    } finally {
      dropTemp(db);
    }
  })();
}

/** Tables with one row per record, by the message that holds them (batchCounts). */
const RECORD_TABLES = ['assignment_version', 'care_start', 'care_stop', 'request', 'request_answer', 'declaration_answer', 'retour'];

/** Messages and records per message type held by a batch: assignment versions (JW301), starts (JW305),
 *  stops (JW307), request rows (JW315/JW317), answers (JW319, JW325), declaration lines (JW323), retours. */
export function batchCounts(db: Database.Database, batchId: number): { code: string; messages: number; records: number }[] {
  const messages = db
    .prepare('SELECT m.code, count(*) AS n FROM message_batch mb JOIN message m ON m.id = mb.message_id WHERE mb.batch_id = ? GROUP BY m.code')
    .all(batchId) as { code: string; n: number }[];
  const records = new Map<string, number>();
  const add = (rows: { code: string; n: number }[]): void => rows.forEach((r) => records.set(r.code, (records.get(r.code) ?? 0) + r.n));
  for (const table of RECORD_TABLES) {
    add(
      db
        .prepare(
          `SELECT m.code, count(*) AS n FROM ${table} x JOIN message_batch mb ON mb.message_id = x.message_id AND mb.batch_id = ?
             JOIN message m ON m.id = x.message_id GROUP BY m.code`,
        )
        .all(batchId) as { code: string; n: number }[],
    );
  }
  add(
    db
      .prepare(
        `SELECT 'JW323' AS code, count(*) AS n FROM message_batch mb JOIN declaration d ON d.message_id = mb.message_id
           JOIN declaration_line l ON l.declaration_id = d.id WHERE mb.batch_id = ?`,
      )
      .all(batchId) as { code: string; n: number }[],
  );
  return messages
    .map((m) => ({ code: m.code, messages: m.n, records: records.get(m.code) ?? 0 }))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
