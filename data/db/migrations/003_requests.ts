// Schema version 3: request traffic — JW315 Verzoek om toewijzing, JW317 Verzoek om wijziging, JW319
// Antwoord op verzoek — and the retour messages JW302/306/308/316/318/320 as process data (DOMAIN.md §2,
// §3, §8 "Request lead time"). Parsed facts only: the child of a request is its pseudonym (HMAC of the
// BSN) with birth year/month and gender; a referrer is its Type (COD327) and, when given, its AGB
// ZorgverlenerCode — never its Naam. Retours keep which message they answer and their RetourCodes, never
// the personal data they echo.
import type { Migration } from '../migrate.js';

export const migration003: Migration = {
  version: 3,
  name: 'requests',
  sql: `
-- One row per (request message, ReferentieAanbieder): the unit a JW301 or JW319 answers. A JW315 carries a
-- ReferentieAanbieder per AangevraagdProduct (products sharing one are grouped); a JW317 one per Verzoek.
-- municipality = Ontvanger, provider = Afzender. Birth year/month and gender: JW315 only (JW317 has none).
CREATE TABLE request (
  id INTEGER PRIMARY KEY,
  message_id INTEGER NOT NULL REFERENCES message(id),
  code TEXT NOT NULL CHECK (code IN ('JW315','JW317')),
  municipality TEXT NOT NULL,
  provider TEXT NOT NULL,
  referentie_aanbieder TEXT NOT NULL,
  reden_verzoek TEXT,            -- JW317 RedenVerzoek
  pseudonym TEXT NOT NULL,
  birth_year INTEGER,
  birth_month INTEGER,
  gender TEXT,
  UNIQUE (message_id, referentie_aanbieder)
);
CREATE INDEX request_key ON request (provider, referentie_aanbieder);
-- The products of a request. kind: 'aangevraagd' (JW315 AangevraagdProduct), 'ongewijzigd', 'te-wijzigen',
-- 'nieuw' (JW317). begindatum = ToewijzingIngangsdatum (JW315) or GewensteIngangsdatum (JW317);
-- einddatum = ToewijzingEinddatum or Einddatum. Verwijzer: JW315 only; its Naam is never stored.
CREATE TABLE request_product (
  id INTEGER PRIMARY KEY,
  request_id INTEGER NOT NULL REFERENCES request(id),
  kind TEXT NOT NULL CHECK (kind IN ('aangevraagd','ongewijzigd','te-wijzigen','nieuw')),
  toewijzing_nr INTEGER,
  product_category TEXT,
  product_code TEXT,
  begindatum TEXT,
  einddatum TEXT,
  volume INTEGER,
  eenheid TEXT,
  frequentie TEXT,
  budget INTEGER,
  verwijzer_type TEXT,           -- COD327
  verwijzer_zorgverlener TEXT    -- AGB code of the referring practice, when given
);
CREATE INDEX request_product_request ON request_product (request_id);
-- JW319 Antwoord op verzoek; municipality = Afzender, provider = Ontvanger.
CREATE TABLE request_answer (
  id INTEGER PRIMARY KEY,
  message_id INTEGER NOT NULL UNIQUE REFERENCES message(id),
  municipality TEXT NOT NULL,
  provider TEXT NOT NULL,
  referentie_aanbieder TEXT NOT NULL,
  verzoek_antwoord TEXT NOT NULL,       -- VerzoekAntwoord
  reden_afwijzing TEXT,                 -- RedenAfwijzingVerzoek
  woonplaats_gemeente TEXT              -- Woonplaatsbeginsel/Gemeente (a CBS code)
);
CREATE INDEX request_answer_key ON request_answer (provider, referentie_aanbieder);
-- A retour message (JW302/306/308/316/318/320). Its own identity is on its message row: sent by the
-- Ontvanger of the message it answers, with IdentificatieRetour + DagtekeningRetour. The message it answers
-- (code, the header's Afzender/Ontvanger and BerichtIdentificatie) is here; retour_codes are the header's.
CREATE TABLE retour (
  id INTEGER PRIMARY KEY,
  message_id INTEGER NOT NULL UNIQUE REFERENCES message(id),
  answers_code TEXT NOT NULL,           -- 'JW301' for a JW302, and so on
  answers_afzender TEXT NOT NULL,
  answers_ontvanger TEXT NOT NULL,
  answers_identificatie TEXT NOT NULL,
  answers_dagtekening TEXT NOT NULL,
  retour_codes TEXT NOT NULL            -- space-separated; '' when the header has none
);
CREATE INDEX retour_answers ON retour (answers_code, answers_afzender, answers_identificatie, answers_dagtekening);
-- The RetourCodes of an element of the echoed message, e.g. element 'Client/ToegewezenProducten/
-- ToegewezenProduct[2]' with its ToewijzingNummer or ReferentieAanbieder when it has one. The element's
-- other content (names, addresses, dates of birth) is not kept.
CREATE TABLE retour_element (
  id INTEGER PRIMARY KEY,
  retour_id INTEGER NOT NULL REFERENCES retour(id),
  element TEXT NOT NULL,
  toewijzing_nr INTEGER,
  referentie_aanbieder TEXT,
  retour_codes TEXT NOT NULL            -- space-separated
);
CREATE INDEX retour_element_retour ON retour_element (retour_id);
`,
};
