// Schema version 4: which import batches hold each message, so a batch can be undone exactly
// (issue 4: undo removes only messages no remaining batch holds; figures then equal a fresh import of the
// remaining batches). A message stored by batch A and seen again (same identity, same content) in batch B
// is held by both. Batches get a state: 'done', or 'undone' with the time (kept as history, facts removed).
import type { Migration } from '../migrate.js';

export const migration004: Migration = {
  version: 4,
  name: 'batches',
  sql: `
CREATE TABLE message_batch (
  message_id INTEGER NOT NULL REFERENCES message(id) ON DELETE CASCADE,
  batch_id INTEGER NOT NULL REFERENCES import_batch(id),
  PRIMARY KEY (message_id, batch_id)
) WITHOUT ROWID;
CREATE INDEX message_batch_batch ON message_batch (batch_id, message_id);
INSERT INTO message_batch (message_id, batch_id) SELECT id, batch_id FROM message;
ALTER TABLE import_batch ADD COLUMN undone_at TEXT;
ALTER TABLE import_batch ADD COLUMN source TEXT;
-- The checks of data/import/checks.ts run when a batch is stored: one row per rule that fired, with the
-- complete count and at most ten examples (codes, numbers and dates; never a pseudonym).
CREATE TABLE batch_check (
  batch_id INTEGER NOT NULL REFERENCES import_batch(id),
  code TEXT NOT NULL,
  count INTEGER NOT NULL,
  examples TEXT NOT NULL,        -- JSON array of strings
  PRIMARY KEY (batch_id, code)
);
`,
};
