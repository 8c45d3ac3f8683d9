// Schema version 1: import batches, message identities, parsed JW301/JW305/JW307 facts, warnings,
// settings. Parsed facts only — never raw XML, BSNs, names or addresses (DOMAIN.md §3).
import type { Migration } from '../migrate.js';

export const migration001: Migration = {
  version: 1,
  name: 'init',
  sql: `
CREATE TABLE import_batch (
  id INTEGER PRIMARY KEY,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  app_version TEXT NOT NULL,
  files INTEGER NOT NULL DEFAULT 0,
  messages INTEGER NOT NULL DEFAULT 0,
  skipped INTEGER NOT NULL DEFAULT 0,
  rejected INTEGER NOT NULL DEFAULT 0,
  warnings INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE import_file (
  id INTEGER PRIMARY KEY,
  batch_id INTEGER NOT NULL REFERENCES import_batch(id),
  name TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  size INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('imported','duplicate','rejected','unsupported')),
  message_code TEXT,
  messages INTEGER NOT NULL DEFAULT 0,
  skipped INTEGER NOT NULL DEFAULT 0,
  error TEXT
);
-- One row per distinct message identity (BerichtCode + Afzender + Identificatie + Dagtekening).
-- Client facts kept: pseudonym, birth year/month, gender, PC4 of the child's own BRP address.
CREATE TABLE message (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL,            -- 'JW301', 'JW305', 'JW307'
  afzender TEXT NOT NULL,
  ontvanger TEXT NOT NULL,
  identificatie TEXT NOT NULL,
  dagtekening TEXT NOT NULL,     -- YYYY-MM-DD
  content_hash TEXT NOT NULL,    -- sha256 of the parsed, pseudonymised facts: detects conflicts
  batch_id INTEGER NOT NULL REFERENCES import_batch(id),
  file_id INTEGER NOT NULL REFERENCES import_file(id),
  pseudonym TEXT,
  birth_year INTEGER,
  birth_month INTEGER,
  gender TEXT,
  pc4 TEXT,
  UNIQUE (code, afzender, identificatie, dagtekening)
);
-- The same identity seen again with different content: reported, the first copy stays.
CREATE TABLE message_conflict (
  id INTEGER PRIMARY KEY,
  message_id INTEGER NOT NULL REFERENCES message(id),
  file_id INTEGER NOT NULL REFERENCES import_file(id),
  content_hash TEXT NOT NULL
);
-- JW301 ToegewezenProduct, every version kept; municipality = Afzender.
CREATE TABLE assignment_version (
  id INTEGER PRIMARY KEY,
  message_id INTEGER NOT NULL REFERENCES message(id),
  municipality TEXT NOT NULL,
  provider TEXT NOT NULL,
  toewijzing_nr INTEGER NOT NULL,
  product_category TEXT NOT NULL,
  product_code TEXT,
  toewijzingsdatum TEXT NOT NULL,
  toewijzingstijd TEXT NOT NULL,
  ingangsdatum TEXT NOT NULL,
  einddatum TEXT,
  reden_wijziging TEXT,
  volume INTEGER,
  eenheid TEXT,
  frequentie TEXT,
  budget INTEGER,
  referentie_aanbieder TEXT
);
CREATE INDEX assignment_version_key ON assignment_version (municipality, toewijzing_nr);
-- JW305 StartProduct; municipality = Ontvanger, provider = Afzender.
CREATE TABLE care_start (
  id INTEGER PRIMARY KEY,
  message_id INTEGER NOT NULL REFERENCES message(id),
  municipality TEXT NOT NULL,
  provider TEXT NOT NULL,
  toewijzing_nr INTEGER NOT NULL,
  product_category TEXT NOT NULL,
  product_code TEXT,
  begindatum TEXT NOT NULL,
  status_aanlevering TEXT NOT NULL
);
CREATE INDEX care_start_key ON care_start (municipality, toewijzing_nr);
-- JW307 StopProduct.
CREATE TABLE care_stop (
  id INTEGER PRIMARY KEY,
  message_id INTEGER NOT NULL REFERENCES message(id),
  municipality TEXT NOT NULL,
  provider TEXT NOT NULL,
  toewijzing_nr INTEGER NOT NULL,
  product_category TEXT NOT NULL,
  product_code TEXT,
  begindatum TEXT NOT NULL,
  einddatum TEXT NOT NULL,
  reden_beeindiging TEXT NOT NULL,
  status_aanlevering TEXT NOT NULL
);
CREATE INDEX care_stop_key ON care_stop (municipality, toewijzing_nr);
CREATE TABLE import_warning (
  id INTEGER PRIMARY KEY,
  batch_id INTEGER NOT NULL REFERENCES import_batch(id),
  file_id INTEGER REFERENCES import_file(id),
  code TEXT NOT NULL,
  detail TEXT NOT NULL
);
CREATE TABLE setting (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
`,
};
