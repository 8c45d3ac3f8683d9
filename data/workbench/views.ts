// Saved views (views/list, views/save, views/delete): a named pivot the analyst can restore. The query is
// stored in its normal form, so two saves of the same pivot store the same text. Saving under a name that
// exists replaces that view (its id stays, so a link to it keeps working).
import type Database from 'better-sqlite3';
import { normalisePivotQuery, pivotQueryInput, type PivotQueryInput } from '../../core/contract/pivot.js';
import type { SavedView } from '../../core/contract/workbench.js';

type Chart = SavedView['chart'];
interface Row {
  id: number;
  name: string;
  query_json: string;
  chart: Chart;
  updated_at: string;
}

/** A stored row as a view, or null when its query no longer fits the contract (say, a dimension that was
 *  renamed): such a view is left in the database, untouched, but not offered. */
function viewOf(row: Row): SavedView | null {
  let json: unknown;
  try {
    json = JSON.parse(row.query_json);
  } catch {
    return null;
  }
  const parsed = pivotQueryInput.safeParse(json);
  if (!parsed.success) return null;
  return { id: row.id, name: row.name, query: normalisePivotQuery(parsed.data), chart: row.chart, updatedAt: row.updated_at };
}

export function listViews(db: Database.Database): SavedView[] {
  const rows = db.prepare('SELECT id, name, query_json, chart, updated_at FROM saved_view').all() as Row[];
  return rows
    .map(viewOf)
    .filter((v): v is SavedView => v !== null)
    .sort((a, b) => a.name.localeCompare(b.name, 'nl', { sensitivity: 'base' }) || a.id - b.id);
}

export function saveView(db: Database.Database, name: string, query: PivotQueryInput, chart: Chart = 'none', now = new Date()): SavedView {
  const trimmed = name.trim();
  if (trimmed === '') throw new Error('a saved view needs a name');
  const normal = normalisePivotQuery(query);
  const row = db
    .prepare(
      `INSERT INTO saved_view (name, query_json, chart, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET query_json = excluded.query_json, chart = excluded.chart, updated_at = excluded.updated_at
       RETURNING id, name, query_json, chart, updated_at`,
    )
    .get(trimmed, JSON.stringify(normal), chart, now.toISOString()) as Row;
  return { id: row.id, name: row.name, query: normal, chart: row.chart, updatedAt: row.updated_at };
}

export function deleteView(db: Database.Database, id: number): boolean {
  return db.prepare('DELETE FROM saved_view WHERE id = ?').run(id).changes > 0;
}
