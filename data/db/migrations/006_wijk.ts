// Schema version 6: the PC4 → wijk table (data/tables kind 'wijk'), so the pivot can group children by the
// district of their own postcode. Like every reference table it carries its source; a re-import replaces it.
import type { Migration } from '../migrate.js';

export const migration006: Migration = {
  version: 6,
  name: 'wijk',
  sql: `
CREATE TABLE ref_wijk (
  source TEXT NOT NULL,
  pc4 TEXT NOT NULL, -- four digits
  wijk TEXT NOT NULL,
  PRIMARY KEY (source, pc4)
) WITHOUT ROWID;
`,
};
