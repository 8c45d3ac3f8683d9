// Schema version 8: Wmo support (iWmo WMO301/305/307, docs/IMPORT.md "iWmo"). Tables of their own, never the
// iJw ones, so no Jeugd figure can include Wmo support; only query/samenloop reads both. The message identity
// stays in `message` (code 'WMO301' …, pseudonym NULL there, so nothing that lists Jeugd clients from
// `message` sees a Wmo client): duplicates, conflicts and undo of a batch work as for iJw. The pseudonym is
// made with the installation key, so the same person has the same pseudonym in both domains.
import type { Migration } from '../migrate.js';

const product = `
  message_id INTEGER NOT NULL REFERENCES message(id),
  municipality TEXT NOT NULL,
  provider TEXT NOT NULL,
  toewijzing_nr INTEGER NOT NULL,
  product_category TEXT NOT NULL,
  product_code TEXT,
  pseudonym TEXT NOT NULL,
  birth_year INTEGER,
  birth_month INTEGER`;

export const migration008: Migration = {
  version: 8,
  name: 'wmo',
  sql: `
CREATE TABLE wmo_assignment_version (
  id INTEGER PRIMARY KEY,${product},
  ingangsdatum TEXT NOT NULL,
  einddatum TEXT,
  reden_wijziging TEXT
);
CREATE INDEX wmo_assignment_key ON wmo_assignment_version (municipality, toewijzing_nr);
CREATE INDEX wmo_assignment_message ON wmo_assignment_version (message_id);
CREATE TABLE wmo_care_start (
  id INTEGER PRIMARY KEY,${product},
  begindatum TEXT NOT NULL,
  status_aanlevering TEXT NOT NULL
);
CREATE INDEX wmo_care_start_message ON wmo_care_start (message_id);
CREATE TABLE wmo_care_stop (
  id INTEGER PRIMARY KEY,${product},
  begindatum TEXT NOT NULL,
  einddatum TEXT NOT NULL,
  reden_beeindiging TEXT NOT NULL,
  status_aanlevering TEXT NOT NULL
);
CREATE INDEX wmo_care_stop_message ON wmo_care_stop (message_id);
`,
};
