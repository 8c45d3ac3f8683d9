// Schema version 11: budget or contract ceilings per provider and year (analysis/import-budget, docs/ANALYSIS.md).
// Imported from a CSV (provider AGB; year; ceiling in euro); a re-import replaces the years the new file holds.
import type { Migration } from '../migrate.js';

export const migration011: Migration = {
  version: 11,
  name: 'budget',
  sql: `
CREATE TABLE budget_ceiling (
  provider TEXT NOT NULL CHECK (length(provider) = 8),   -- AGB code
  year INTEGER NOT NULL,
  ceiling INTEGER NOT NULL CHECK (ceiling >= 0),         -- eurocent
  file_name TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  PRIMARY KEY (provider, year)
);
`,
};
