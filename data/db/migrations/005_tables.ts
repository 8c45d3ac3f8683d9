// Schema version 5: reference tables read from flat extracts (data/tables, docs/IMPORT.md "Tabellen").
// Every row carries the source it came from; a re-import replaces a source's rows (per period where the
// kind has one) in one transaction. Nothing about persons is stored: the leerplicht extract keeps only
// pseudonym, vestigingscode and school year; schools keep what comparisons need, not addresses or phones.
import type { Migration } from '../migrate.js';

export const migration005: Migration = {
  version: 5,
  name: 'tables',
  sql: `
CREATE TABLE table_mapping (
  source TEXT NOT NULL,
  kind TEXT NOT NULL,
  mapping_json TEXT NOT NULL, -- field → column header
  updated_at TEXT NOT NULL,
  PRIMARY KEY (source, kind)
) WITHOUT ROWID;

CREATE TABLE table_import (
  id INTEGER PRIMARY KEY,
  source TEXT NOT NULL,
  kind TEXT NOT NULL,
  file_name TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  rows INTEGER NOT NULL, -- rows stored
  replaced INTEGER NOT NULL, -- rows of the source it replaced
  imported_at TEXT NOT NULL
);
CREATE INDEX table_import_source ON table_import (kind, source, id);

CREATE TABLE ref_codebook (
  source TEXT NOT NULL,
  product_code TEXT NOT NULL,
  omschrijving TEXT,
  segment TEXT NOT NULL,
  met_verblijf INTEGER CHECK (met_verblijf IN (0, 1)),
  telt_als_traject INTEGER CHECK (telt_als_traject IN (0, 1)), -- NULL: the default by category
  eenheid TEXT,
  tarief_cent INTEGER,
  ingangsdatum TEXT,
  PRIMARY KEY (source, product_code)
) WITHOUT ROWID;

CREATE TABLE ref_population (
  source TEXT NOT NULL,
  municipality TEXT NOT NULL, -- 4-digit CBS code, as given
  year INTEGER NOT NULL, -- population on 1 January
  sex TEXT NOT NULL CHECK (sex IN ('T', 'M', 'V')),
  age_from INTEGER NOT NULL,
  age_to INTEGER, -- inclusive; NULL = "and older"
  count INTEGER NOT NULL
);
CREATE UNIQUE INDEX ref_population_key ON ref_population (source, year, municipality, sex, age_from, ifnull(age_to, -1));

CREATE TABLE ref_school (
  source TEXT NOT NULL,
  vestigingscode TEXT NOT NULL,
  instellingscode TEXT,
  name TEXT,
  board TEXT,
  municipality TEXT NOT NULL,
  denomination TEXT,
  soort TEXT,
  pc4 TEXT,
  PRIMARY KEY (source, vestigingscode)
) WITHOUT ROWID;

CREATE TABLE ref_school_pupils (
  source TEXT NOT NULL,
  vestigingscode TEXT NOT NULL,
  year INTEGER NOT NULL, -- DUO's count year (1 October)
  municipality TEXT NOT NULL,
  soort TEXT,
  pupils INTEGER, -- NULL when suppressed
  suppressed INTEGER NOT NULL CHECK (suppressed IN (0, 1)),
  CHECK ((pupils IS NULL) = (suppressed = 1)),
  PRIMARY KEY (source, vestigingscode, year)
) WITHOUT ROWID;

CREATE TABLE ref_leerplicht (
  source TEXT NOT NULL,
  pseudonym TEXT NOT NULL,
  vestigingscode TEXT NOT NULL,
  schooljaar TEXT NOT NULL, -- 2024-2025
  PRIMARY KEY (source, schooljaar, pseudonym, vestigingscode)
) WITHOUT ROWID;
CREATE INDEX ref_leerplicht_pseudonym ON ref_leerplicht (pseudonym);

CREATE TABLE ref_municipality_map (
  source TEXT NOT NULL,
  old_code TEXT NOT NULL,
  new_code TEXT NOT NULL,
  merged_on TEXT NOT NULL, -- date of the merger
  from_year INTEGER NOT NULL, -- first year whose 1 January has the new code
  PRIMARY KEY (source, old_code, new_code)
) WITHOUT ROWID;

CREATE TABLE ref_municipality (
  source TEXT NOT NULL,
  year INTEGER NOT NULL, -- the list holds on 1 January of this year
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  province TEXT,
  PRIMARY KEY (source, year, code)
) WITHOUT ROWID;
`,
};
