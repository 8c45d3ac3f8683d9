// Request lead time and the referrer of an assignment (DOMAIN.md §8), derived from the stored request
// traffic (migration 003) whenever the model is built, so the order in which files were imported never
// changes a link.
//
// A request is one (JW315/JW317 message, ReferentieAanbieder) — a JW315 whose products carry different
// ReferentieAanbieders is several requests. Its first response is the earliest JW301 carrying a
// ToegewezenProduct with the same provider AGB + ReferentieAanbieder, or JW319 for the same provider +
// ReferentieAanbieder, whose message Dagtekening is on or after the request's Dagtekening. Ties on the
// Dagtekening: JW301 before JW319, then the lower Identificatie. The municipality is not part of the key
// (DOMAIN.md §8 keys on provider + ReferentieAanbieder only).
//
// Working days: Monday to Friday; Dutch public holidays are NOT excluded (Easter Monday counts as a working
// day). The request's own day is not counted, the response's day is: the number of Mon–Fri days d with
// request < d ≤ response. A response on the request's day is 0 days; a request on Friday answered on the
// next Monday is 1.
import type Database from 'better-sqlite3';

export type ResponseCode = 'JW301' | 'JW319';

export interface RequestLink {
  municipality: string;
  provider: string;
  referentieAanbieder: string;
  code: 'JW315' | 'JW317';
  /** The request message's Identificatie, to tell two requests of one day apart. */
  identificatie: string;
  dagtekening: string;
  /** COD327 of the first product with a Verwijzer (JW315 only; null for a JW317). */
  verwijzerType: string | null;
  firstResponse: { code: ResponseCode; dagtekening: string } | null;
  workingDays: number | null;
}

const DAY_MS = 86_400_000;

function dayNumber(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new Error(`'${date}' is not a date (YYYY-MM-DD)`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
}

/** Mon–Fri days d with from < d ≤ to (see the header); 0 when to ≤ from. No public holidays are excluded. */
export function workingDaysBetween(from: string, to: string): number {
  const a = dayNumber(from);
  const b = dayNumber(to);
  if (b <= a) return 0;
  const span = b - a;
  let count = Math.floor(span / 7) * 5;
  // Day number 0 (1970-01-01) was a Thursday: weekday = (n + 4) mod 7, 0 = Sunday.
  for (let d = a + Math.floor(span / 7) * 7 + 1; d <= b; d++) {
    const weekday = (((d + 4) % 7) + 7) % 7;
    if (weekday !== 0 && weekday !== 6) count++;
  }
  return count;
}

interface RequestRow {
  code: 'JW315' | 'JW317';
  municipality: string;
  provider: string;
  ref: string;
  dagtekening: string;
  identificatie: string;
  verwijzerType: string | null;
  verwijzerZorgverlener: string | null;
}

interface ResponseRow {
  code: ResponseCode;
  provider: string;
  ref: string;
  dagtekening: string;
  identificatie: string;
}

const key = (provider: string, ref: string): string => `${provider}\u0000${ref}`;

function loadRequests(db: Database.Database): RequestRow[] {
  return db
    .prepare(
      `SELECT r.code, r.municipality, r.provider, r.referentie_aanbieder AS ref, m.dagtekening, m.identificatie,
              p.verwijzer_type AS verwijzerType, p.verwijzer_zorgverlener AS verwijzerZorgverlener
         FROM request r JOIN message m ON m.id = r.message_id
         LEFT JOIN request_product p ON p.id = (SELECT MIN(x.id) FROM request_product x WHERE x.request_id = r.id AND x.verwijzer_type IS NOT NULL)
        ORDER BY m.dagtekening, r.provider, r.referentie_aanbieder, m.identificatie, r.id`,
    )
    .all() as RequestRow[];
}

/** Every JW301 and JW319 that can answer a request, per (provider, ReferentieAanbieder), in response order. */
function loadResponses(db: Database.Database): Map<string, ResponseRow[]> {
  const rows = db
    .prepare(
      `SELECT DISTINCT 'JW301' AS code, a.provider, a.referentie_aanbieder AS ref, m.dagtekening, m.identificatie
         FROM assignment_version a JOIN message m ON m.id = a.message_id
        WHERE a.referentie_aanbieder IS NOT NULL
       UNION
       SELECT 'JW319', q.provider, q.referentie_aanbieder, m.dagtekening, m.identificatie
         FROM request_answer q JOIN message m ON m.id = q.message_id
       ORDER BY dagtekening, code, identificatie`,
    )
    .all() as ResponseRow[];
  const out = new Map<string, ResponseRow[]>();
  for (const r of rows) {
    const k = key(r.provider, r.ref);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

/** Per request (JW315/JW317 × ReferentieAanbieder): its first response and the working days to it. */
export function loadRequestLinks(db: Database.Database): RequestLink[] {
  const responses = loadResponses(db);
  return loadRequests(db).map((r) => {
    const first = responses.get(key(r.provider, r.ref))?.find((x) => x.dagtekening >= r.dagtekening) ?? null;
    return {
      municipality: r.municipality,
      provider: r.provider,
      referentieAanbieder: r.ref,
      code: r.code,
      identificatie: r.identificatie,
      dagtekening: r.dagtekening,
      verwijzerType: r.code === 'JW315' ? r.verwijzerType : null,
      firstResponse: first ? { code: first.code, dagtekening: first.dagtekening } : null,
      workingDays: first ? workingDaysBetween(r.dagtekening, first.dagtekening) : null,
    };
  });
}

export const DERIVED_REFERRER = '01 gemeentelijke toegang (afgeleid)';

export interface AssignmentReferrer {
  municipality: string;
  toewijzingNr: number;
  /** COD327 of the linked JW315's Verwijzer; '01' when derived. */
  verwijzerType: string;
  /** The referrer's AGB ZorgverlenerCode from the JW315, when it gave one. */
  zorgverlenerCode: string | null;
  /** True when no JW315 is linked: the referrer is then taken to be the municipality's own access team. */
  derived: boolean;
  /** e.g. '02' or '01 gemeentelijke toegang (afgeleid)'. */
  label: string;
}

/**
 * The referrer of each assignment (municipality, ToewijzingNummer) per DOMAIN.md §8. An assignment is
 * linked to a JW315 when one of its versions (JW301 ToegewezenProduct) carries a ReferentieAanbieder and a
 * JW315 has the same provider + ReferentieAanbieder and a Dagtekening on or before that version's JW301
 * Dagtekening. Versions are tried in Dagtekening order and the first that links decides; of several such
 * JW315s the latest on or before it wins. A JW317 never sets the referrer (it has no Verwijzer), and every
 * JW315 product has one (required in the XSD). No link → '01', DERIVED_REFERRER.
 */
export function referrerOfAssignment(db: Database.Database): AssignmentReferrer[] {
  const requests = new Map<string, RequestRow[]>();
  for (const r of loadRequests(db)) {
    if (r.code !== 'JW315' || r.verwijzerType === null) continue;
    const k = key(r.provider, r.ref);
    const list = requests.get(k);
    if (list) list.push(r);
    else requests.set(k, [r]); // ordered by Dagtekening, then Identificatie
  }
  const versions = db
    .prepare(
      `SELECT a.municipality, a.toewijzing_nr AS toewijzingNr, a.provider, a.referentie_aanbieder AS ref, m.dagtekening
         FROM assignment_version a JOIN message m ON m.id = a.message_id
        ORDER BY a.municipality, a.toewijzing_nr, m.dagtekening, m.identificatie, a.id`,
    )
    .all() as { municipality: string; toewijzingNr: number; provider: string; ref: string | null; dagtekening: string }[];

  const out = new Map<string, AssignmentReferrer>();
  for (const v of versions) {
    const k = `${v.municipality}\u0000${v.toewijzingNr}`;
    const known = out.get(k);
    if (known && !known.derived) continue; // linked by an earlier version already
    const candidates = v.ref === null ? undefined : requests.get(key(v.provider, v.ref));
    const linked = candidates?.filter((r) => r.dagtekening <= v.dagtekening).pop();
    if (linked) {
      out.set(k, {
        municipality: v.municipality, toewijzingNr: v.toewijzingNr, verwijzerType: linked.verwijzerType!,
        zorgverlenerCode: linked.verwijzerZorgverlener, derived: false, label: linked.verwijzerType!,
      });
    } else if (!known) {
      out.set(k, { municipality: v.municipality, toewijzingNr: v.toewijzingNr, verwijzerType: '01', zorgverlenerCode: null, derived: true, label: DERIVED_REFERRER });
    }
  }
  return [...out.values()];
}
