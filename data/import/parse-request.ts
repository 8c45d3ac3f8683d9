// Streaming (SAX) extraction of the facts Spiegel keeps from the request traffic (DOMAIN.md §2, §3, §8):
// JW315 Verzoek om toewijzing and JW317 Verzoek om wijziging (provider → municipality), and JW319 Antwoord
// op verzoek (municipality → provider). As in parse.ts only whitelisted element paths are captured: the
// child's name, the referrer's Naam, Commentaar and BeschikkingNummer stream past unread, and the BSN is
// pseudonymised the moment it is complete. Call only on XSD-valid documents.
import { ImportFileError, fileError } from './errors.js';
import { HEADER_FIELDS, toInteger, type MessageHeader, type Product } from './parse.js';
import { walk } from './walk.js';
import { headerOf, need, type Fields } from './fields.js';

export type RequestCode = 'JW315' | 'JW317';

export interface ChildFacts {
  pseudonym: string;
  /** JW315 only; a JW317 carries no birth date or gender. */
  birthYear: number | null;
  birthMonth: number | null;
  gender: string | null;
}

export type RequestedKind = 'aangevraagd' | 'ongewijzigd' | 'te-wijzigen' | 'nieuw';

export interface RequestedProduct {
  kind: RequestedKind;
  /** The existing assignment a JW317 keeps or changes (OngewijzigdProduct, TeWijzigenProduct). */
  toewijzingNr: number | null;
  /** Optional in both XSDs. */
  product: Product | null;
  /** ToewijzingIngangsdatum (JW315) or GewensteIngangsdatum (JW317). */
  begindatum: string | null;
  /** ToewijzingEinddatum (JW315) or Einddatum (JW317). */
  einddatum: string | null;
  volume: number | null;
  eenheid: string | null;
  frequentie: string | null;
  budget: number | null;
  /** JW315 Verwijzer/Type (COD327). */
  verwijzerType: string | null;
  /** JW315 Verwijzer/ZorgverlenerCode: the AGB code of the referring practice. Its Naam is never read. */
  verwijzerZorgverlener: string | null;
}

/** The products of one request that share a ReferentieAanbieder: what a JW301 or JW319 answers. */
export interface RequestFacts {
  referentieAanbieder: string;
  /** JW317 RedenVerzoek. */
  redenVerzoek: string | null;
  products: RequestedProduct[];
}

export type RequestMessage = { code: RequestCode; header: MessageHeader; child: ChildFacts; requests: RequestFacts[] };

export interface RequestAnswerFacts {
  referentieAanbieder: string;
  verzoekAntwoord: string;
  redenAfwijzing: string | null;
  woonplaatsGemeente: string | null;
}

export type RequestAnswerMessage = { code: 'JW319'; header: MessageHeader; answer: RequestAnswerFacts };


const JW315_ITEM = 'Client/AangevraagdeProducten/AangevraagdProduct';
const JW315_ITEM_FIELDS = new Set([
  'ReferentieAanbieder', 'Product/Categorie', 'Product/Code', 'ToewijzingIngangsdatum', 'ToewijzingEinddatum', 'Omvang/Volume',
  'Omvang/Eenheid', 'Omvang/Frequentie', 'Budget', 'Verwijzer/Type', 'Verwijzer/ZorgverlenerCode',
]);
const VERZOEK = 'Client/Verzoek';
const JW317_ITEMS: Record<string, RequestedKind> = {
  'Client/Verzoek/OngewijzigdeProducten/OngewijzigdProduct': 'ongewijzigd',
  'Client/Verzoek/TeWijzigenProducten/TeWijzigenProduct': 'te-wijzigen',
  'Client/Verzoek/NieuweProducten/NieuwProduct': 'nieuw',
};
const JW317_ITEM_FIELDS = new Set([
  'ToewijzingNummer', 'Product/Categorie', 'Product/Code', 'GewensteIngangsdatum', 'Einddatum', 'Omvang/Volume', 'Omvang/Eenheid',
  'Omvang/Frequentie', 'Budget',
]);
const CHILD_FIELDS = new Set(['Client/Bsn', 'Client/Geboortedatum/Datum', 'Client/Geboortedatum/DatumGebruik', 'Client/Geslacht']);


function optionalInteger(fields: Fields, name: string, line: number): number | null {
  const v = fields.get(name);
  return v === undefined ? null : toInteger(v, name, line);
}

/** DatumGebruik 1 = day unknown, 2 = only the year is known, 3 = the whole date is unknown (as parse.ts). */
function birthFacts(datum: string | undefined, gebruik: string | undefined): { year: number | null; month: number | null } {
  const m = datum ? /^(\d{4})-(\d{2})/.exec(datum) : null;
  if (!m || gebruik === '3') return { year: null, month: null };
  return { year: Number(m[1]), month: gebruik === '2' ? null : Number(m[2]) };
}

function productOf(f: Fields): Product | null {
  const category = f.get('Product/Categorie');
  return category === undefined ? null : { category, code: f.get('Product/Code') ?? null };
}

/** Reads a JW315 or JW317. */
export function parseRequest(text: string, code: RequestCode, pseudonymise: (bsn: string) => string): RequestMessage {
  const header: Partial<MessageHeader> = {};
  const child: Fields = new Map();
  const verzoek: Fields = new Map();
  let pseudonym: string | null = null;
  const items: { kind: RequestedKind; fields: Fields; at: number }[] = [];
  let item: { kind: RequestedKind; path: string; fields: Fields; at: number } | null = null;

  const itemKind = (path: string): RequestedKind | undefined => (code === 'JW315' ? (path === JW315_ITEM ? 'aangevraagd' : undefined) : JW317_ITEMS[path]);
  const wanted = (path: string): boolean => {
    if (path in HEADER_FIELDS) return true;
    if (code === 'JW315') {
      if (CHILD_FIELDS.has(path)) return true;
      return path.startsWith(`${JW315_ITEM}/`) && JW315_ITEM_FIELDS.has(path.slice(JW315_ITEM.length + 1));
    }
    if (path === 'Client/Bsn' || path === `${VERZOEK}/ReferentieAanbieder` || path === `${VERZOEK}/RedenVerzoek`) return true;
    return item !== null && path.startsWith(`${item.path}/`) && JW317_ITEM_FIELDS.has(path.slice(item.path.length + 1));
  };
  walk(
    text,
    wanted,
    (path, at) => {
      const kind = itemKind(path);
      if (kind) item = { kind, path, fields: new Map(), at };
    },
    (path, value) => {
      if (value !== null) {
        const headerField = HEADER_FIELDS[path];
        if (headerField) header[headerField] = value;
        else if (path === 'Client/Bsn') pseudonym = pseudonymise(value);
        else if (CHILD_FIELDS.has(path)) child.set(path, value);
        else if (item && path.startsWith(`${item.path}/`)) item.fields.set(path.slice(item.path.length + 1), value);
        else if (path.startsWith(`${VERZOEK}/`)) verzoek.set(path.slice(VERZOEK.length + 1), value);
      }
      if (item && path === item.path) {
        items.push({ kind: item.kind, fields: item.fields, at: item.at });
        item = null;
      }
    },
  );

  const fullHeader = headerOf(header);
  if (pseudonym === null) throw new ImportFileError([fileError('the message has no client BSN', null, 'Bsn')]);
  const birth = birthFacts(child.get('Client/Geboortedatum/Datum'), child.get('Client/Geboortedatum/DatumGebruik'));
  const facts: ChildFacts = { pseudonym, birthYear: birth.year, birthMonth: birth.month, gender: child.get('Client/Geslacht') ?? null };

  const toProduct = (i: { kind: RequestedKind; fields: Fields; at: number }): RequestedProduct => {
    const f = i.fields;
    const nr = f.get('ToewijzingNummer');
    return {
      kind: i.kind,
      toewijzingNr: nr === undefined ? null : toInteger(nr, 'ToewijzingNummer', i.at),
      product: productOf(f),
      begindatum: f.get('ToewijzingIngangsdatum') ?? f.get('GewensteIngangsdatum') ?? null,
      einddatum: f.get('ToewijzingEinddatum') ?? f.get('Einddatum') ?? null,
      volume: optionalInteger(f, 'Omvang/Volume', i.at),
      eenheid: f.get('Omvang/Eenheid') ?? null,
      frequentie: f.get('Omvang/Frequentie') ?? null,
      budget: optionalInteger(f, 'Budget', i.at),
      verwijzerType: f.get('Verwijzer/Type') ?? null,
      verwijzerZorgverlener: f.get('Verwijzer/ZorgverlenerCode') ?? null,
    };
  };

  let requests: RequestFacts[];
  if (code === 'JW315') {
    // Products sharing a ReferentieAanbieder form one request, in document order.
    const byRef = new Map<string, RequestFacts>();
    for (const i of items) {
      const ref = need(i.fields, 'ReferentieAanbieder', i.at);
      let r = byRef.get(ref);
      if (!r) byRef.set(ref, (r = { referentieAanbieder: ref, redenVerzoek: null, products: [] }));
      r.products.push(toProduct(i));
    }
    requests = [...byRef.values()];
  } else {
    requests = [{ referentieAanbieder: need(verzoek, 'ReferentieAanbieder', null), redenVerzoek: verzoek.get('RedenVerzoek') ?? null, products: items.map(toProduct) }];
  }
  return { code, header: fullHeader, child: facts, requests };
}

const ANTWOORD = 'Antwoord';
const ANTWOORD_FIELDS = new Set(['ReferentieAanbieder', 'VerzoekAntwoord', 'RedenAfwijzingVerzoek', 'Woonplaatsbeginsel/Gemeente']);

/** Reads a JW319. It carries no client data at all. */
export function parseRequestAnswer(text: string): RequestAnswerMessage {
  const header: Partial<MessageHeader> = {};
  const a: Fields = new Map();
  walk(
    text,
    (path) => path in HEADER_FIELDS || (path.startsWith(`${ANTWOORD}/`) && ANTWOORD_FIELDS.has(path.slice(ANTWOORD.length + 1))),
    () => undefined,
    (path, value) => {
      if (value === null) return;
      const headerField = HEADER_FIELDS[path];
      if (headerField) header[headerField] = value;
      else if (path.startsWith(`${ANTWOORD}/`)) a.set(path.slice(ANTWOORD.length + 1), value);
    },
  );
  return {
    code: 'JW319',
    header: headerOf(header),
    answer: {
      referentieAanbieder: need(a, 'ReferentieAanbieder', null),
      verzoekAntwoord: need(a, 'VerzoekAntwoord', null),
      redenAfwijzing: a.get('RedenAfwijzingVerzoek') ?? null,
      woonplaatsGemeente: a.get('Woonplaatsbeginsel/Gemeente') ?? null,
    },
  };
}
