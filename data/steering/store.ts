// Indicators, closed months and frozen values in SQLite (migration 010). Saving under an existing name
// replaces that indicator (its id stays); a changed source drops its frozen values, which belonged to the old
// definition.
import type Database from 'better-sqlite3';
import { DEFAULT_RULE, indicatorSource, statusRule, type Indicator, type MonthState } from '../../core/contract/steering.js';
import type { RawValue } from '../../core/steering/series.js';
import { unitOfSource } from '../../core/steering/labels.js';

interface IndicatorRow {
  id: number;
  name: string;
  project: string;
  source_json: string;
  view_id: number | null;
  baseline_period: string;
  baseline_value: number;
  target_date: string;
  target_value: number;
  direction: 'down' | 'up';
  rule_json: string;
  updated_at: string;
}

/** A stored row as an indicator, or null when its source no longer fits the contract (left untouched). */
function indicatorOf(row: IndicatorRow): Indicator | null {
  const source = indicatorSource.safeParse(JSON.parse(row.source_json));
  const rule = statusRule.safeParse({ ...DEFAULT_RULE, ...(JSON.parse(row.rule_json) as object) });
  if (!source.success || !rule.success) return null;
  return {
    id: row.id, name: row.name, project: row.project, source: source.data, viewId: row.view_id, unit: unitOfSource(source.data),
    baseline: { period: row.baseline_period, value: row.baseline_value },
    target: { date: row.target_date, value: row.target_value },
    direction: row.direction, rule: rule.data, updatedAt: row.updated_at,
  };
}

export function listIndicators(db: Database.Database): Indicator[] {
  const rows = db.prepare('SELECT * FROM indicator').all() as IndicatorRow[];
  return rows
    .map(indicatorOf)
    .filter((i): i is Indicator => i !== null)
    .sort((a, b) => a.project.localeCompare(b.project, 'nl') || a.name.localeCompare(b.name, 'nl', { sensitivity: 'base' }) || a.id - b.id);
}

export type IndicatorDraft = Omit<Indicator, 'id' | 'unit' | 'updatedAt'> & { id?: number | undefined };

export function storeIndicator(db: Database.Database, d: IndicatorDraft, now: Date): Indicator {
  const source = JSON.stringify(d.source);
  return db.transaction(() => {
    const existing = (
      d.id !== undefined
        ? db.prepare('SELECT id, source_json FROM indicator WHERE id = ?').get(d.id)
        : db.prepare('SELECT id, source_json FROM indicator WHERE name = ?').get(d.name.trim())
    ) as { id: number; source_json: string } | undefined;
    if (d.id !== undefined && !existing) throw new Error(`no indicator with id ${d.id}`);
    const values = [d.name.trim(), d.project.trim(), source, d.viewId, d.baseline.period, d.baseline.value, d.target.date, d.target.value, d.direction, JSON.stringify(d.rule), now.toISOString()];
    let id: number;
    if (existing) {
      db.prepare(
        `UPDATE indicator SET name = ?, project = ?, source_json = ?, view_id = ?, baseline_period = ?, baseline_value = ?, target_date = ?,
         target_value = ?, direction = ?, rule_json = ?, updated_at = ? WHERE id = ?`,
      ).run(...values, existing.id);
      if (existing.source_json !== source) db.prepare('DELETE FROM frozen_value WHERE indicator_id = ?').run(existing.id);
      id = existing.id;
    } else {
      id = Number(
        db.prepare(
          `INSERT INTO indicator (name, project, source_json, view_id, baseline_period, baseline_value, target_date, target_value, direction, rule_json, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(...values).lastInsertRowid,
      );
    }
    return indicatorOf(db.prepare('SELECT * FROM indicator WHERE id = ?').get(id) as IndicatorRow)!;
  })();
}

export function deleteIndicator(db: Database.Database, id: number): boolean {
  return db.prepare('DELETE FROM indicator WHERE id = ?').run(id).changes > 0;
}

// ---- closed months ---------------------------------------------------------------------------------
interface ClosedRow {
  month: string;
  closed_at: string;
  peildatum: string | null;
  batch_ids: string;
  values: number;
}

export function closedMonths(db: Database.Database): Map<string, Omit<MonthState, 'state'>> {
  const rows = db
    .prepare('SELECT c.*, (SELECT COUNT(*) FROM frozen_value f WHERE f.month = c.month) AS "values" FROM closed_month c ORDER BY month')
    .all() as ClosedRow[];
  return new Map(rows.map((r) => [r.month, { month: r.month, closedAt: r.closed_at, batchIds: JSON.parse(r.batch_ids) as number[], peildatum: r.peildatum, values: r.values }]));
}

/** The frozen values of one indicator, by month. */
export function frozenValues(db: Database.Database, indicatorId: number): Map<string, RawValue> {
  const rows = db.prepare('SELECT month, value, clients, open FROM frozen_value WHERE indicator_id = ?').all(indicatorId) as {
    month: string; value: number | null; clients: number | null; open: number;
  }[];
  return new Map(rows.map((r) => [r.month, { value: r.value, clients: r.clients, open: r.open === 1 }]));
}

/** Import batches whose data is in the database now (not undone, holding messages). */
export function activeBatches(db: Database.Database): number[] {
  const rows = db
    .prepare('SELECT id FROM import_batch b WHERE undone_at IS NULL AND EXISTS (SELECT 1 FROM message_batch m WHERE m.batch_id = b.id) ORDER BY id')
    .all() as { id: number }[];
  return rows.map((r) => r.id);
}

export function storeClose(
  db: Database.Database, month: string, peildatum: string | null, now: Date, values: ReadonlyMap<number, RawValue>,
): void {
  db.transaction(() => {
    db.prepare('INSERT INTO closed_month (month, closed_at, peildatum, batch_ids) VALUES (?, ?, ?, ?)').run(month, now.toISOString(), peildatum, JSON.stringify(activeBatches(db)));
    const put = db.prepare('INSERT INTO frozen_value (month, indicator_id, value, clients, open) VALUES (?, ?, ?, ?, ?)');
    for (const [id, v] of values) put.run(month, id, v.value, v.clients, v.open ? 1 : 0);
  })();
}

export function reopenMonth(db: Database.Database, month: string): boolean {
  return db.prepare('DELETE FROM closed_month WHERE month = ?').run(month).changes > 0;
}

