// Schema version 10: programme steering (docs/STEERING.md). An indicator is a named definition (its source as
// JSON of core/contract/steering.ts's IndicatorSource, baseline, target, direction, status rule). Closing a
// month freezes each indicator's value for that month together with the import batches and peildatum they came
// from, so a figure given to the council can be reproduced after later imports change the month.
import type { Migration } from '../migrate.js';

export const migration010: Migration = {
  version: 10,
  name: 'steering',
  sql: `
CREATE TABLE indicator (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
  project TEXT NOT NULL,
  source_json TEXT NOT NULL CHECK (json_valid(source_json)),
  view_id INTEGER,                 -- the saved pivot view it was made from (kept when that view is deleted)
  baseline_period TEXT NOT NULL,   -- YYYY-MM
  baseline_value REAL NOT NULL,
  target_date TEXT NOT NULL,       -- YYYY-MM-DD
  target_value REAL NOT NULL,
  direction TEXT NOT NULL CHECK (direction IN ('down', 'up')),
  rule_json TEXT NOT NULL CHECK (json_valid(rule_json)),
  updated_at TEXT NOT NULL
);
CREATE TABLE closed_month (
  month TEXT PRIMARY KEY,          -- YYYY-MM
  closed_at TEXT NOT NULL,
  peildatum TEXT,
  batch_ids TEXT NOT NULL CHECK (json_valid(batch_ids))  -- JSON array of import_batch ids
);
CREATE TABLE frozen_value (
  month TEXT NOT NULL REFERENCES closed_month(month) ON DELETE CASCADE,
  indicator_id INTEGER NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,
  value REAL,                      -- exact (unsuppressed); NULL when the month had no value
  clients INTEGER,
  open INTEGER NOT NULL DEFAULT 0, -- the measure was still open at close (e.g. crisis trajectories running)
  PRIMARY KEY (month, indicator_id)
) WITHOUT ROWID;
`,
};
