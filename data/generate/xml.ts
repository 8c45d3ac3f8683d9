// Writers for the iJw 3.2 messages the synthetic region uses. Each returns one complete, XSD-valid document.
// Only the elements Spiegel reads plus what the schemas require; names and streets are made up.

const NS = 'http://www.istandaarden.nl/ijw/3_2';

export interface Head {
  code: 'JW301' | 'JW305' | 'JW307' | 'JW315' | 'JW323' | 'JW325';
  afzender: string;
  ontvanger: string;
  id: string;
  dagtekening: string;
}

export interface Person {
  bsn: string;
  birthDate: string;
  gender: '1' | '2';
  firstName: string;
  lastName: string;
  street: string;
  houseNumber: number;
  postcode: string;
  place: string;
}

export interface Product {
  category: string;
  code: string;
}

const BERICHT_CODE: Record<Head['code'], string> = { JW301: '436', JW305: '438', JW307: '440', JW315: '446', JW323: '490', JW325: '491' };

function esc(s: string): string {
  if (!/[&<>]/.test(s)) return s;
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const el = (tag: string, v: string | number) => `<${tag}>${typeof v === 'number' ? v : esc(v)}</${tag}>`;
const opt = (tag: string, v: string | number | undefined | null) => (v === undefined || v === null ? '' : el(tag, v));

function document(h: Head, body: string, extraHeader = ''): string {
  const p = h.code.toLowerCase();
  return `<?xml version="1.0" encoding="UTF-8"?>
<${p}:Bericht xmlns:ijw="${NS}/basisschema/schema" xmlns:${p}="${NS}/${p}/schema">
<${p}:Header>${el(`${p}:BerichtCode`, BERICHT_CODE[h.code])}${el(`${p}:BerichtVersie`, '3')}${el(`${p}:BerichtSubversie`, '2')}${el(`${p}:Afzender`, h.afzender)}${el(`${p}:Ontvanger`, h.ontvanger)}
<${p}:BerichtIdentificatie>${el('ijw:Identificatie', h.id)}${el('ijw:Dagtekening', h.dagtekening)}</${p}:BerichtIdentificatie>
<${p}:XsdVersie><ijw:BasisschemaXsdVersie>1.0.0</ijw:BasisschemaXsdVersie><ijw:BerichtXsdVersie>1.0.0</ijw:BerichtXsdVersie></${p}:XsdVersie>${extraHeader}
</${p}:Header>
${body}
</${p}:Bericht>
`;
}

function personStart(p: string, c: Person, full: boolean): string {
  const initial = c.firstName.slice(0, 1);
  const naam = full
    ? `<${p}:Naam><ijw:Geslachtsnaam>${el('ijw:Achternaam', c.lastName)}</ijw:Geslachtsnaam>${el('ijw:Voornamen', c.firstName)}${el('ijw:Voorletters', initial)}<ijw:NaamGebruik>1</ijw:NaamGebruik></${p}:Naam>`
    : `<${p}:Naam><ijw:Geslachtsnaam>${el('ijw:Achternaam', c.lastName)}</ijw:Geslachtsnaam>${el('ijw:Voornamen', c.firstName)}${el('ijw:Voorletters', initial)}</${p}:Naam>`;
  return `<${p}:Client>${el(`${p}:Bsn`, c.bsn)}<${p}:Geboortedatum>${el('ijw:Datum', c.birthDate)}</${p}:Geboortedatum>${el(`${p}:Geslacht`, c.gender)}\n${naam}`;
}

const product = (p: string, x: Product) => `<${p}:Product>${el('ijw:Categorie', x.category)}${el('ijw:Code', x.code)}</${p}:Product>`;

export interface Omvang {
  volume: number;
  unit: string;
  frequency: '1' | '2' | '4' | '6';
}

const omvang = (p: string, o: Omvang) =>
  `<${p}:Omvang>${el('ijw:Volume', o.volume)}${el('ijw:Eenheid', o.unit)}${el('ijw:Frequentie', o.frequency)}</${p}:Omvang>`;

export interface AssignmentVersion extends Product {
  nr: number;
  reference?: string;
  date: string;
  time: string;
  start: string;
  end: string | null;
  reason?: string;
  omvang: Omvang;
}

export function jw301(h: Head, c: Person, items: AssignmentVersion[]): string {
  const contact = `<jw301:Contactgegevens><jw301:Contact>${el('jw301:Soort', '01')}<jw301:Adres><ijw:Huis>${el('ijw:Huisnummer', c.houseNumber)}</ijw:Huis>${el('ijw:Postcode', c.postcode)}${el('ijw:Straatnaam', c.street)}${el('ijw:Plaatsnaam', c.place)}${el('ijw:LandCode', 'NL')}</jw301:Adres></jw301:Contact></jw301:Contactgegevens>`;
  const products = items
    .map(
      (a) =>
        `<jw301:ToegewezenProduct>${el('jw301:ToewijzingNummer', a.nr)}${opt('jw301:ReferentieAanbieder', a.reference)}${product('jw301', a)}${el('jw301:Toewijzingsdatum', a.date)}${el('jw301:Toewijzingstijd', a.time)}${el('jw301:Ingangsdatum', a.start)}${opt('jw301:Einddatum', a.end)}${opt('jw301:RedenWijziging', a.reason)}${omvang('jw301', a.omvang)}</jw301:ToegewezenProduct>`,
    )
    .join('\n');
  return document(h, `${personStart('jw301', c, true)}\n${contact}\n<jw301:ToegewezenProducten>\n${products}\n</jw301:ToegewezenProducten></jw301:Client>`);
}

export interface StartItem extends Product {
  nr: number;
  start: string;
  status: '1' | '3';
}

export function jw305(h: Head, c: Person, items: StartItem[]): string {
  const products = items
    .map((s) => `<jw305:StartProduct>${el('jw305:ToewijzingNummer', s.nr)}${product('jw305', s)}${el('jw305:Begindatum', s.start)}${el('jw305:StatusAanlevering', s.status)}</jw305:StartProduct>`)
    .join('\n');
  return document(h, `${personStart('jw305', c, false)}\n<jw305:StartProducten>\n${products}\n</jw305:StartProducten></jw305:Client>`);
}

export interface StopItem extends StartItem {
  end: string;
  reason: string;
}

export function jw307(h: Head, c: Person, items: StopItem[]): string {
  const products = items
    .map(
      (s) =>
        `<jw307:StopProduct>${el('jw307:ToewijzingNummer', s.nr)}${product('jw307', s)}${el('jw307:Begindatum', s.start)}${el('jw307:RedenBeeindiging', s.reason)}${el('jw307:Einddatum', s.end)}${el('jw307:StatusAanlevering', s.status)}</jw307:StopProduct>`,
    )
    .join('\n');
  return document(h, `${personStart('jw307', c, false)}\n<jw307:StopProducten>\n${products}\n</jw307:StopProducten></jw307:Client>`);
}

export interface RequestItem extends Product {
  reference: string;
  start: string;
  end: string | null;
  omvang: Omvang;
  referrer: string;
}

export function jw315(h: Head, c: Person, items: RequestItem[]): string {
  const products = items
    .map(
      (r) =>
        `<jw315:AangevraagdProduct>${el('jw315:ReferentieAanbieder', r.reference)}${product('jw315', r)}${el('jw315:ToewijzingIngangsdatum', r.start)}${opt('jw315:ToewijzingEinddatum', r.end)}${omvang('jw315', r.omvang)}<jw315:Verwijzer>${el('ijw:Type', r.referrer)}</jw315:Verwijzer></jw315:AangevraagdProduct>`,
    )
    .join('\n');
  return document(h, `${personStart('jw315', c, false)}\n<jw315:AangevraagdeProducten>\n${products}\n</jw315:AangevraagdeProducten></jw315:Client>`);
}

export interface ClaimLine extends Product {
  bsn: string;
  ref: string;
  prevRef?: string;
  nr: number;
  periodStart: string;
  periodEnd: string;
  volume: number;
  unit: string;
  tariff: number;
  /** Signed eurocent: debit positive, credit negative. */
  amount: number;
}

export interface Claim {
  number: string;
  month: { start: string; end: string };
  dagtekening: string;
  lines: ClaimLine[];
}

const money = (tag: string, amountTag: string, signed: number) =>
  `<${tag}>${el(amountTag, Math.abs(signed))}${el('ijw:DebetCredit', signed < 0 ? 'C' : 'D')}</${tag}>`;

function prestatie(p: string, l: ClaimLine, extra = ''): string {
  return `<${p}:Prestatie><${p}:ProductReferentie>${el('ijw:ReferentieNummer', l.ref)}${opt('ijw:VorigReferentieNummer', l.prevRef)}</${p}:ProductReferentie>${el(`${p}:ToewijzingNummer`, l.nr)}${el(`${p}:ProductCategorie`, l.category)}${el(`${p}:ProductCode`, l.code)}<${p}:ProductPeriode>${el('ijw:Begindatum', l.periodStart)}${el('ijw:Einddatum', l.periodEnd)}</${p}:ProductPeriode>${el(`${p}:GeleverdVolume`, l.volume)}${el(`${p}:Eenheid`, l.unit)}${el(`${p}:ProductTarief`, l.tariff)}${money(`${p}:IngediendBedrag`, 'ijw:Bedrag', l.amount)}${extra}</${p}:Prestatie>`;
}

/** Lines grouped per client, in first-seen order (Clienten/Client/Prestaties). */
function byClient(lines: ClaimLine[]): [string, ClaimLine[]][] {
  const groups = new Map<string, ClaimLine[]>();
  for (const l of lines) {
    const g = groups.get(l.bsn) ?? [];
    g.push(l);
    groups.set(l.bsn, g);
  }
  return [...groups];
}

const sum = (lines: ClaimLine[]) => lines.reduce((s, l) => s + l.amount, 0);

export function jw323(h: Head, claim: Claim): string {
  const clients = byClient(claim.lines)
    .map(([bsn, ls]) => `<jw323:Client>${el('jw323:Bsn', bsn)}<jw323:Prestaties>\n${ls.map((l) => prestatie('jw323', l)).join('\n')}\n</jw323:Prestaties></jw323:Client>`)
    .join('\n');
  return document(
    h,
    `<jw323:Declaratie>${el('jw323:DeclaratieNummer', claim.number)}<jw323:DeclaratiePeriode>${el('ijw:Begindatum', claim.month.start)}${el('ijw:Einddatum', claim.month.end)}</jw323:DeclaratiePeriode>${el('jw323:DeclaratieDagtekening', claim.dagtekening)}${money('jw323:TotaalIngediendBedrag', 'ijw:TotaalBedrag', sum(claim.lines))}
<jw323:Clienten>\n${clients}\n</jw323:Clienten></jw323:Declaratie>`,
  );
}

/** JW325: lists the rejected lines; with wholeRejected, no DeclaratieAntwoord at all (the whole claim is rejected). */
export function jw325(h: Head, claim: Claim, claimHead: Head, rejected: ClaimLine[], wholeRejected: boolean): string {
  const extra = `<jw325:DeclaratieIdentificatie>${el('ijw:Identificatie', claimHead.id)}${el('ijw:Dagtekening', claimHead.dagtekening)}</jw325:DeclaratieIdentificatie><jw325:XsdVersieDeclaratie><ijw:BasisschemaXsdVersie>1.0.0</ijw:BasisschemaXsdVersie><ijw:BerichtXsdVersie>1.0.0</ijw:BerichtXsdVersie></jw325:XsdVersieDeclaratie><jw325:RetourCodes>${el('jw325:RetourCode', wholeRejected ? '0001' : '0200')}</jw325:RetourCodes>`;
  if (wholeRejected) return document(h, '', extra);
  const rejectedRefs = new Set(rejected.map((l) => l.ref));
  const approved = claim.lines.filter((l) => !rejectedRefs.has(l.ref));
  const clients = byClient(rejected)
    .map(
      ([bsn, ls]) =>
        `<jw325:Client>${el('jw325:Bsn', bsn)}<jw325:Prestaties>\n${ls.map((l) => prestatie('jw325', l, '<jw325:RetourCodes><jw325:RetourCode>0611</jw325:RetourCode></jw325:RetourCodes>')).join('\n')}\n</jw325:Prestaties><jw325:RetourCodes><jw325:RetourCode>0200</jw325:RetourCode></jw325:RetourCodes></jw325:Client>`,
    )
    .join('\n');
  const clienten = rejected.length > 0 ? `<jw325:Clienten>\n${clients}\n</jw325:Clienten>` : '';
  return document(
    h,
    `<jw325:DeclaratieAntwoord>${el('jw325:DeclaratieNummer', claim.number)}${money('jw325:TotaalIngediendBedrag', 'ijw:TotaalBedrag', sum(claim.lines))}${money('jw325:TotaalToegekendBedrag', 'ijw:TotaalBedrag', sum(approved))}${clienten}<jw325:RetourCodes><jw325:RetourCode>${rejected.length > 0 ? '0200' : '8001'}</jw325:RetourCode></jw325:RetourCodes></jw325:DeclaratieAntwoord>`,
    extra,
  );
}
