// Budget or contract ceilings per provider (analysis/import-budget, analysis/budgets; migration 011). A CSV with
// a header and three columns — provider AGB; year; ceiling in euro (1.234.567,89 or 1234567.89) — in that order
// whatever the headers say; ';', ',' or tab. All or nothing: a file with any bad line imports nothing and names
// the lines. A re-import replaces every ceiling of the years the file holds.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type Database from 'better-sqlite3';
import { detectDelimiter, readCsvRecords } from '../tables/csv.js';
import { readEuroCents, readYear } from '../tables/values.js';

export interface BudgetImport {
  rows: number;
  years: number[];
  replaced: number;
  errors: { line: number; reason: string }[];
}

export function importBudget(db: Database.Database, input: { name: string; text: string }, now: string): BudgetImport {
  const text = input.text.replace(/^\uFEFF/, '');
  const records = readCsvRecords(text, detectDelimiter(text)).slice(1); // the header
  const errors: BudgetImport['errors'] = [];
  const rows: { provider: string; year: number; ceiling: number }[] = [];
  const seen = new Set<string>();
  for (const r of records) {
    const [agb = '', yearText = '', euro = ''] = r.cells.map((c) => c.trim());
    const year = readYear(yearText);
    const cents = readEuroCents(euro.replace(/^€\s*/, ''));
    if (!/^\d{8}$/.test(agb)) errors.push({ line: r.line, reason: `provider AGB must be 8 digits, got '${agb}'` });
    else if (!year.ok) errors.push({ line: r.line, reason: `year: ${year.expected}, got '${yearText}'` });
    else if (!cents.ok || cents.value < 0) errors.push({ line: r.line, reason: `ceiling: an amount in euro (1.234,56), got '${euro}'` });
    else if (seen.has(`${agb}|${year.value}`)) errors.push({ line: r.line, reason: `provider ${agb} has a second ceiling for ${year.value}` });
    else {
      seen.add(`${agb}|${year.value}`);
      rows.push({ provider: agb, year: year.value, ceiling: cents.value });
    }
  }
  if (records.length === 0) errors.push({ line: 1, reason: 'the file holds no ceilings below its header' });
  if (errors.length > 0) return { rows: 0, years: [], replaced: 0, errors };
  const years = [...new Set(rows.map((r) => r.year))].sort();
  let replaced = 0;
  db.transaction(() => {
    for (const y of years) replaced += db.prepare('DELETE FROM budget_ceiling WHERE year = ?').run(y).changes;
    const insert = db.prepare('INSERT INTO budget_ceiling (provider, year, ceiling, file_name, imported_at) VALUES (?, ?, ?, ?, ?)');
    for (const r of rows) insert.run(r.provider, r.year, r.ceiling, input.name, now);
  })();
  return { rows: rows.length, years, replaced, errors: [] };
}

export function readBudgetFile(args: { file?: { name: string; bytes: Uint8Array } | undefined; path?: string | undefined }): { name: string; text: string } {
  if (args.file) return { name: args.file.name, text: new TextDecoder().decode(args.file.bytes) };
  return { name: basename(args.path!), text: readFileSync(args.path!, 'utf8') };
}

export function budgetCeilings(db: Database.Database, year?: number): { provider: string; year: number; ceiling: number }[] {
  const sql = 'SELECT provider, year, ceiling FROM budget_ceiling' + (year === undefined ? '' : ' WHERE year = ?') + ' ORDER BY year, provider';
  return (year === undefined ? db.prepare(sql).all() : db.prepare(sql).all(year)) as { provider: string; year: number; ceiling: number }[];
}
