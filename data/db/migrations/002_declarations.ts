// Schema version 2: JW323 declarations with their lines, and JW325 answers with the lines they reject
// (DOMAIN.md §2, §8). Parsed facts only — the client of a line is its pseudonym, never the BSN; no raw
// XML, names or addresses. Amounts are signed integers in eurocent: DebetCredit D = +, C = −.
import type { Migration } from '../migrate.js';

export const migration002: Migration = {
  version: 2,
  name: 'declarations',
  sql: `
-- JW323 Declaratie: one per declaration message; municipality = Ontvanger, provider = Afzender.
-- DeclaratieNummer is not UNIQUE here: a provider that reuses one is reported, not refused.
CREATE TABLE declaration (
  id INTEGER PRIMARY KEY,
  message_id INTEGER NOT NULL UNIQUE REFERENCES message(id),
  municipality TEXT NOT NULL,
  provider TEXT NOT NULL,
  declaratie_nummer TEXT NOT NULL,
  periode_begin TEXT NOT NULL,
  periode_eind TEXT NOT NULL,
  declaratie_dagtekening TEXT NOT NULL,
  totaal_ingediend INTEGER NOT NULL
);
CREATE INDEX declaration_number ON declaration (provider, declaratie_nummer);
-- JW323 Prestatie. Identity = (provider, referentie_nummer); the first copy stays, later copies with other
-- content go to line_conflict. content_hash covers the line's own facts, not the declaration around it.
CREATE TABLE declaration_line (
  id INTEGER PRIMARY KEY,
  declaration_id INTEGER NOT NULL REFERENCES declaration(id),
  municipality TEXT NOT NULL,
  provider TEXT NOT NULL,
  referentie_nummer TEXT NOT NULL,
  vorig_referentie_nummer TEXT,
  pseudonym TEXT NOT NULL,
  birth_year INTEGER,            -- JW323 of iJw 3.2 carries none of these three; kept for later releases
  birth_month INTEGER,
  gender TEXT,
  toewijzing_nr INTEGER NOT NULL,
  product_category TEXT NOT NULL,
  product_code TEXT,
  periode_begin TEXT NOT NULL,   -- ProductPeriode
  periode_eind TEXT NOT NULL,
  volume INTEGER NOT NULL,       -- GeleverdVolume
  eenheid TEXT NOT NULL,
  tarief INTEGER,                -- ProductTarief, eurocent
  bedrag INTEGER NOT NULL,       -- IngediendBedrag, signed eurocent
  content_hash TEXT NOT NULL,
  UNIQUE (provider, referentie_nummer)
);
CREATE INDEX declaration_line_declaration ON declaration_line (declaration_id);
CREATE INDEX declaration_line_assignment ON declaration_line (municipality, toewijzing_nr);
-- A line identity seen again with other content: recorded once per distinct content, with its parsed
-- (pseudonymised) facts as canonical JSON so nothing is dropped silently.
CREATE TABLE line_conflict (
  id INTEGER PRIMARY KEY,
  line_id INTEGER NOT NULL REFERENCES declaration_line(id),
  message_id INTEGER NOT NULL REFERENCES message(id),
  file_id INTEGER NOT NULL REFERENCES import_file(id),
  content_hash TEXT NOT NULL,
  facts TEXT NOT NULL,
  UNIQUE (line_id, content_hash)
);
-- JW325 Declaratie-antwoord; municipality = Afzender, provider = Ontvanger. Linked to its declaration when
-- the model is derived (by provider + DeclaratieNummer, or without a DeclaratieAntwoord by provider +
-- DeclaratieIdentificatie), so the order of import never matters.
CREATE TABLE declaration_answer (
  id INTEGER PRIMARY KEY,
  message_id INTEGER NOT NULL UNIQUE REFERENCES message(id),
  municipality TEXT NOT NULL,
  provider TEXT NOT NULL,
  declaratie_identificatie TEXT NOT NULL,
  declaratie_id_dagtekening TEXT NOT NULL,
  retour_codes TEXT NOT NULL,    -- the header's RetourCodes, space-separated
  has_antwoord INTEGER NOT NULL CHECK (has_antwoord IN (0, 1)),
  declaratie_nummer TEXT,        -- the columns below are NULL without a DeclaratieAntwoord
  totaal_ingediend INTEGER,
  totaal_toegekend INTEGER,
  antwoord_retour_codes TEXT
);
CREATE INDEX declaration_answer_number ON declaration_answer (provider, declaratie_nummer);
CREATE INDEX declaration_answer_ident ON declaration_answer (provider, declaratie_identificatie, declaratie_id_dagtekening);
-- The Prestaties a DeclaratieAntwoord lists: rejected (DOMAIN.md §8; approved = not listed).
CREATE TABLE answer_rejected_line (
  id INTEGER PRIMARY KEY,
  answer_id INTEGER NOT NULL REFERENCES declaration_answer(id),
  referentie_nummer TEXT NOT NULL,
  retour_codes TEXT NOT NULL     -- space-separated
);
CREATE INDEX answer_rejected_line_answer ON answer_rejected_line (answer_id);
`,
};
