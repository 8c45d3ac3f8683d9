// Schema version 7: saved views of the pivot workbench (data/workbench/views.ts). A view is a name, the
// normalised query (JSON of core/contract/pivot.ts's PivotQuery) and the chart kind; saving under an
// existing name replaces that view and keeps its id.
import type { Migration } from '../migrate.js';

export const migration007: Migration = {
  version: 7,
  name: 'views',
  sql: `
CREATE TABLE saved_view (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
  query_json TEXT NOT NULL CHECK (json_valid(query_json)),
  chart TEXT NOT NULL CHECK (chart IN ('none', 'bar', 'line', 'stacked')),
  updated_at TEXT NOT NULL
);
`,
};
