// Streaming (SAX) extraction of the facts Spiegel keeps from JW301, JW305 and JW307 (DOMAIN.md §2, §3).
// Only whitelisted element paths are read at all: names, addresses, phone numbers, e-mail, relations and
// comments are skipped as they stream past, and the BSN is pseudonymised the moment it is complete, so
// nothing personal ends up in the returned records. Call only on XSD-valid documents.
import { walk } from './walk.js';
import { ImportFileError, fileError } from './errors.js';

export type StoredCode = 'JW301' | 'JW305' | 'JW307';
export const STORED_CODES: readonly StoredCode[] = ['JW301', 'JW305', 'JW307'];

export interface MessageHeader {
  berichtCode: string;
  afzender: string;
  ontvanger: string;
  identificatie: string;
  dagtekening: string;
}

export interface ClientFacts {
  pseudonym: string;
  birthYear: number | null;
  birthMonth: number | null;
  gender: string | null;
  /** 4-digit postcode of the client's own Contact with Soort 01 (BRP address), if any. */
  pc4: string | null;
}

export interface Product {
  category: string;
  code: string | null;
}

export interface AssignmentFacts {
  toewijzingNr: number;
  referentieAanbieder: string | null;
  product: Product;
  toewijzingsdatum: string;
  toewijzingstijd: string;
  ingangsdatum: string;
  einddatum: string | null;
  redenWijziging: string | null;
  volume: number | null;
  eenheid: string | null;
  frequentie: string | null;
  budget: number | null;
}

export interface StartFacts {
  toewijzingNr: number;
  product: Product;
  begindatum: string;
  statusAanlevering: string;
}

export interface StopFacts extends StartFacts {
  einddatum: string;
  redenBeeindiging: string;
}

interface Common {
  header: MessageHeader;
  client: ClientFacts;
}
export type ParsedMessage =
  | (Common & { code: 'JW301'; assignments: AssignmentFacts[] })
  | (Common & { code: 'JW305'; starts: StartFacts[] })
  | (Common & { code: 'JW307'; stops: StopFacts[] });

const PRODUCT_LIST: Record<StoredCode, string> = {
  JW301: 'Client/ToegewezenProducten/ToegewezenProduct',
  JW305: 'Client/StartProducten/StartProduct',
  JW307: 'Client/StopProducten/StopProduct',
};
export const HEADER_FIELDS: Record<string, keyof MessageHeader> = {
  'Header/BerichtCode': 'berichtCode',
  'Header/Afzender': 'afzender',
  'Header/Ontvanger': 'ontvanger',
  'Header/BerichtIdentificatie/Identificatie': 'identificatie',
  'Header/BerichtIdentificatie/Dagtekening': 'dagtekening',
};
const CLIENT_CONTACT = 'Client/Contactgegevens/Contact';
const IN_CONTACT = `${CLIENT_CONTACT}/`;
const CONTACT_FIELDS = new Set(['Soort', 'Adres/Postcode', 'Adres/LandCode', 'Periode/Begindatum']);
const PRODUCT_FIELDS = new Set([
  'ToewijzingNummer', 'ReferentieAanbieder', 'Product/Categorie', 'Product/Code', 'Toewijzingsdatum', 'Toewijzingstijd',
  'Ingangsdatum', 'Einddatum', 'RedenWijziging', 'Omvang/Volume', 'Omvang/Eenheid', 'Omvang/Frequentie', 'Budget',
  'Begindatum', 'RedenBeeindiging', 'StatusAanlevering',
]);
const CLIENT_FIELDS = new Set(['Client/Bsn', 'Client/Geboortedatum/Datum', 'Client/Geboortedatum/DatumGebruik', 'Client/Geslacht']);

/** xs:integer allows a sign, leading zeros and surrounding blanks; ToewijzingNummer is compared as a number. */
export function toInteger(text: string, element: string, line: number | null): number {
  const value = Number(text.trim());
  if (!Number.isSafeInteger(value)) throw new ImportFileError([fileError(`'${text}' is not an integer`, line, element)]);
  return value;
}

export function parseMessage(text: string, code: StoredCode, pseudonymise: (bsn: string) => string): ParsedMessage {
  const listPath = PRODUCT_LIST[code];
  const inList = `${listPath}/`;
  const header: Partial<MessageHeader> = {};
  const client: Partial<Record<'pseudonym' | 'datum' | 'datumGebruik' | 'gender', string>> = {};
  let pc4: { value: string | null; since: string } | null = null;
  let contact: Map<string, string> | null = null;
  let product: Map<string, string> | null = null;
  const products: { fields: Map<string, string>; line: number }[] = [];

  let productStart = 0;
  const open = (path: string, line: number): void => {
    if (path === listPath) {
      product = new Map();
      productStart = line;
    } else if (path === CLIENT_CONTACT) contact = new Map();
  };
  const close = (path: string, value: string | null): void => {
    if (value !== null) {
      const headerField = HEADER_FIELDS[path];
      if (headerField) header[headerField] = value;
      else if (path === 'Client/Bsn') client.pseudonym = pseudonymise(value);
      else if (path === 'Client/Geboortedatum/Datum') client.datum = value;
      else if (path === 'Client/Geboortedatum/DatumGebruik') client.datumGebruik = value;
      else if (path === 'Client/Geslacht') client.gender = value;
      else if (product && path.startsWith(inList)) product.set(path.slice(inList.length), value);
      else if (contact && path.startsWith(IN_CONTACT)) contact.set(path.slice(IN_CONTACT.length), value);
    }
    if (path === listPath && product) {
      products.push({ fields: product, line: productStart });
      product = null;
    } else if (path === CLIENT_CONTACT && contact) {
      const candidate = brpPc4(contact);
      if (candidate && (pc4 === null || candidate.since > pc4.since)) pc4 = candidate;
      contact = null;
    }
  };

  function isWanted(path: string): boolean {
    if (path in HEADER_FIELDS || CLIENT_FIELDS.has(path)) return true;
    if (path.startsWith(inList)) return PRODUCT_FIELDS.has(path.slice(inList.length));
    if (path.startsWith(IN_CONTACT)) return CONTACT_FIELDS.has(path.slice(IN_CONTACT.length));
    return false;
  }

  walk(text, isWanted, open, close);

  const fullHeader = requireAll(header, ['berichtCode', 'afzender', 'ontvanger', 'identificatie', 'dagtekening']);
  if (!client.pseudonym) throw new ImportFileError([fileError('the message has no client BSN', null, 'Bsn')]);
  const birth = birthFacts(client.datum ?? null, client.datumGebruik ?? null);
  const facts: ClientFacts = {
    pseudonym: client.pseudonym,
    birthYear: birth.year,
    birthMonth: birth.month,
    gender: client.gender ?? null,
    pc4: (pc4 as { value: string | null } | null)?.value ?? null,
  };
  const common = { header: fullHeader, client: facts };
  if (code === 'JW301') return { code, ...common, assignments: products.map((p) => toAssignment(p.fields, p.line)) };
  if (code === 'JW305') return { code, ...common, starts: products.map((p) => toStart(p.fields, p.line)) };
  return { code, ...common, stops: products.map((p) => toStop(p.fields, p.line)) };
}

function requireAll(header: Partial<MessageHeader>, keys: (keyof MessageHeader)[]): MessageHeader {
  for (const k of keys) if (!header[k]) throw new ImportFileError([fileError(`the header has no ${k}`, null, 'Header')]);
  return header as MessageHeader;
}

/** DatumGebruik 1 = day unknown, 2 = only the year is known, 3 = the whole date is unknown. */
function birthFacts(datum: string | null, gebruik: string | null): { year: number | null; month: number | null } {
  const m = datum ? /^(\d{4})-(\d{2})/.exec(datum) : null;
  if (!m || gebruik === '3') return { year: null, month: null };
  return { year: Number(m[1]), month: gebruik === '2' ? null : Number(m[2]) };
}

/** Only a Dutch BRP address (Soort 01) gives a PC4; the contact with the latest Periode wins. */
function brpPc4(contact: Map<string, string>): { value: string | null; since: string } | null {
  if (contact.get('Soort') !== '01') return null;
  const land = contact.get('Adres/LandCode');
  const postcode = /^(\d{4})\s*[A-Za-z]{2}$/.exec(contact.get('Adres/Postcode') ?? '');
  const value = postcode && (land === undefined || land === 'NL') ? postcode[1]! : null;
  return { value, since: contact.get('Periode/Begindatum') ?? '' };
}

function need(fields: Map<string, string>, name: string, line: number): string {
  const value = fields.get(name);
  if (value === undefined || value === '') {
    throw new ImportFileError([fileError(`${name} is missing; Spiegel cannot store a product without it`, line, name.split('/').pop()!)]);
  }
  return value;
}

function productOf(fields: Map<string, string>, line: number): Product {
  return { category: need(fields, 'Product/Categorie', line), code: fields.get('Product/Code') ?? null };
}

function optionalInteger(fields: Map<string, string>, name: string, line: number): number | null {
  const v = fields.get(name);
  return v === undefined ? null : toInteger(v, name, line);
}

function toAssignment(f: Map<string, string>, line: number): AssignmentFacts {
  return {
    toewijzingNr: toInteger(need(f, 'ToewijzingNummer', line), 'ToewijzingNummer', line),
    referentieAanbieder: f.get('ReferentieAanbieder') ?? null,
    product: productOf(f, line),
    toewijzingsdatum: need(f, 'Toewijzingsdatum', line),
    toewijzingstijd: need(f, 'Toewijzingstijd', line),
    ingangsdatum: need(f, 'Ingangsdatum', line),
    einddatum: f.get('Einddatum') ?? null,
    redenWijziging: f.get('RedenWijziging') ?? null,
    volume: optionalInteger(f, 'Omvang/Volume', line),
    eenheid: f.get('Omvang/Eenheid') ?? null,
    frequentie: f.get('Omvang/Frequentie') ?? null,
    budget: optionalInteger(f, 'Budget', line),
  };
}

function toStart(f: Map<string, string>, line: number): StartFacts {
  return {
    toewijzingNr: toInteger(need(f, 'ToewijzingNummer', line), 'ToewijzingNummer', line),
    product: productOf(f, line),
    begindatum: need(f, 'Begindatum', line),
    statusAanlevering: need(f, 'StatusAanlevering', line),
  };
}

function toStop(f: Map<string, string>, line: number): StopFacts {
  return {
    ...toStart(f, line),
    einddatum: need(f, 'Einddatum', line),
    redenBeeindiging: need(f, 'RedenBeeindiging', line),
  };
}
