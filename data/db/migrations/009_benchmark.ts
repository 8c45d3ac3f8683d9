// Schema version 9: CBS StatLine benchmark tables (docs/SCHOOLS.md, "Benchmark"). One row per published
// figure: CBS table, region (RegioS as given, trimmed: GM0228, NL01, …), year, the figure (topic column plus
// the codes of any other dimension columns) and its value. A '.' (not published) is not stored. The import
// log keeps which file filled which table and when.
import type { Migration } from '../migrate.js';

export const migration009: Migration = {
  version: 9,
  name: 'benchmark',
  sql: `
CREATE TABLE bench_value (
  cbs_table TEXT NOT NULL, -- 85099NED
  region TEXT NOT NULL, -- GM0228, NL01, JZ16, …
  year INTEGER NOT NULL, -- Perioden 2023JJ00 → 2023
  figure TEXT NOT NULL, -- JongerenMetJeugdzorg_1|VormenVanJeugdzorg=A027918
  value REAL NOT NULL,
  PRIMARY KEY (cbs_table, figure, year, region)
) WITHOUT ROWID;

CREATE TABLE bench_import (
  id INTEGER PRIMARY KEY,
  cbs_table TEXT NOT NULL,
  source TEXT NOT NULL,
  file_name TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  stored INTEGER NOT NULL,
  imported_at TEXT NOT NULL
);
`,
};
