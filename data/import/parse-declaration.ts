// Streaming (SAX) extraction of the facts Spiegel keeps from JW323 declarations and JW325 declaration
// answers (DOMAIN.md §2, §8). These carry many clients, so they get their own reader beside parse.ts.
// As there, only whitelisted paths are captured: a JW323 line's BSN is pseudonymised the moment it is
// complete, and the BSNs in a JW325 are not read at all (its lines are matched by ReferentieNummer).
// Call only on XSD-valid documents.
import { ImportFileError, fileError } from './errors.js';
import { HEADER_FIELDS, toInteger, type MessageHeader } from './parse.js';
import { walk } from './walk.js';
import { headerOf, need, type Fields } from './fields.js';

export interface DeclarationLineFacts {
  referentieNummer: string;
  vorigReferentieNummer: string | null;
  pseudonym: string;
  toewijzingNr: number;
  productCategory: string;
  productCode: string | null;
  periodStart: string;
  periodEnd: string;
  volume: number;
  eenheid: string;
  tarief: number | null;
  /** IngediendBedrag in eurocent, signed: DebetCredit D = +, C = −. */
  amount: number;
}

export interface DeclarationFacts {
  declaratieNummer: string;
  periodStart: string;
  periodEnd: string;
  dagtekening: string;
  /** TotaalIngediendBedrag, signed eurocent. */
  totaalIngediend: number;
  lines: DeclarationLineFacts[];
}

export interface RejectedLine {
  referentieNummer: string;
  retourCodes: string[];
}

export interface AnswerFacts {
  /** Header/DeclaratieIdentificatie: the JW323 message this answers (its Identificatie and Dagtekening). */
  declaratieIdentificatie: string;
  declaratieDagtekening: string;
  retourCodes: string[];
  /** Absent when the whole declaration is rejected (DOMAIN.md §8). */
  antwoord: {
    declaratieNummer: string;
    totaalIngediend: number;
    totaalToegekend: number;
    retourCodes: string[];
    rejected: RejectedLine[];
  } | null;
}

export type DeclarationMessage = { code: 'JW323'; header: MessageHeader; declaration: DeclarationFacts };
export type AnswerMessage = { code: 'JW325'; header: MessageHeader; answer: AnswerFacts };

/** Signed eurocent from an amount and its DebetCredit (D = debit, positive; C = credit, negative). */
export function signedAmount(amount: string, debetCredit: string, element: string, line: number | null): number {
  const value = toInteger(amount, element, line);
  if (debetCredit === 'D') return value;
  if (debetCredit === 'C') return -value;
  throw new ImportFileError([fileError(`DebetCredit '${debetCredit}' is neither D nor C`, line, 'DebetCredit')]);
}



const DECLARATION = 'Declaratie';
const CLIENT = 'Declaratie/Clienten/Client';
const LINE = 'Declaratie/Clienten/Client/Prestaties/Prestatie';
// The prefixes the callbacks test every element against, built once.
const CLIENT_BSN = `${CLIENT}/Bsn`;
const IN_DECLARATION = `${DECLARATION}/`;
const IN_LINE = `${LINE}/`;
const DECLARATION_FIELDS = new Set([
  'DeclaratieNummer', 'DeclaratiePeriode/Begindatum', 'DeclaratiePeriode/Einddatum', 'DeclaratieDagtekening',
  'TotaalIngediendBedrag/TotaalBedrag', 'TotaalIngediendBedrag/DebetCredit',
]);
const LINE_FIELDS = new Set([
  'ProductReferentie/ReferentieNummer', 'ProductReferentie/VorigReferentieNummer', 'ToewijzingNummer', 'ProductCategorie',
  'ProductCode', 'ProductPeriode/Begindatum', 'ProductPeriode/Einddatum', 'GeleverdVolume', 'Eenheid', 'ProductTarief',
  'IngediendBedrag/Bedrag', 'IngediendBedrag/DebetCredit',
]);

export function parseDeclaration(text: string, pseudonymise: (bsn: string) => string): DeclarationMessage {
  const lines: DeclarationLineFacts[] = [];
  const reader = new DeclarationReader(pseudonymise, (line) => lines.push(line));
  walk(text, reader.wanted, reader.open, reader.close);
  const head = reader.head();
  return { code: 'JW323', header: head.header, declaration: { ...head.declaration, lines } };
}

/** What a JW323 says before its clients: the header and the declaration's own fields. */
export interface DeclarationHead {
  header: MessageHeader;
  declaration: Omit<DeclarationFacts, 'lines'>;
}

/** The JW323 reader as walk callbacks, so a caller can feed it the whole text (parseDeclaration) or a stream
 *  (large.ts). Each line is handed to `onLine` as soon as its Prestatie closes and is not kept here, so a
 *  declaration of any size is read in constant memory. The head is complete once Clienten opens (the XSD
 *  puts every declaration field before it). */
export class DeclarationReader {
  private readonly header: Partial<MessageHeader> = {};
  private readonly declaration: Fields = new Map();
  private pseudonym: string | null = null;
  private line: { fields: Fields; at: number } | null = null;

  constructor(
    private readonly pseudonymise: (bsn: string) => string,
    private readonly onLine: (line: DeclarationLineFacts) => void,
  ) {}

  readonly wanted = (path: string): boolean =>
    path in HEADER_FIELDS ||
    path === CLIENT_BSN ||
    (path.startsWith(IN_DECLARATION) && DECLARATION_FIELDS.has(path.slice(IN_DECLARATION.length))) ||
    (path.startsWith(IN_LINE) && LINE_FIELDS.has(path.slice(IN_LINE.length)));

  readonly open = (path: string, at: number): void => {
    if (path === CLIENT) this.pseudonym = null;
    else if (path === LINE) this.line = { fields: new Map(), at };
  };

  readonly close = (path: string, value: string | null): void => {
    const line = this.line;
    if (value !== null) {
      const headerField = HEADER_FIELDS[path];
      if (headerField) this.header[headerField] = value;
      else if (path === CLIENT_BSN) this.pseudonym = this.pseudonymise(value);
      else if (line && path.startsWith(IN_LINE)) line.fields.set(path.slice(IN_LINE.length), value);
      else if (path.startsWith(IN_DECLARATION)) this.declaration.set(path.slice(IN_DECLARATION.length), value);
    }
    if (path === LINE && line) {
      this.line = null;
      // Bsn precedes Prestaties in the XSD's sequence, so the client is known by now.
      if (this.pseudonym === null) throw new ImportFileError([fileError('a Prestatie has no client BSN', line.at, 'Bsn')]);
      this.onLine(toLine(line.fields, this.pseudonym, line.at));
    }
  };

  /** The header and declaration fields read so far; throws when one Spiegel needs is missing. */
  head(): DeclarationHead {
    const d = this.declaration;
    return {
      header: headerOf(this.header),
      declaration: {
        declaratieNummer: need(d, 'DeclaratieNummer', null),
        periodStart: need(d, 'DeclaratiePeriode/Begindatum', null),
        periodEnd: need(d, 'DeclaratiePeriode/Einddatum', null),
        dagtekening: need(d, 'DeclaratieDagtekening', null),
        totaalIngediend: signedAmount(need(d, 'TotaalIngediendBedrag/TotaalBedrag', null), need(d, 'TotaalIngediendBedrag/DebetCredit', null), 'TotaalBedrag', null),
      },
    };
  }
}

function toLine(f: Fields, pseudonym: string, at: number): DeclarationLineFacts {
  const tarief = f.get('ProductTarief');
  return {
    referentieNummer: need(f, 'ProductReferentie/ReferentieNummer', at),
    vorigReferentieNummer: f.get('ProductReferentie/VorigReferentieNummer') ?? null,
    pseudonym,
    toewijzingNr: toInteger(need(f, 'ToewijzingNummer', at), 'ToewijzingNummer', at),
    productCategory: need(f, 'ProductCategorie', at),
    productCode: f.get('ProductCode') ?? null,
    periodStart: need(f, 'ProductPeriode/Begindatum', at),
    periodEnd: need(f, 'ProductPeriode/Einddatum', at),
    volume: toInteger(need(f, 'GeleverdVolume', at), 'GeleverdVolume', at),
    eenheid: need(f, 'Eenheid', at),
    tarief: tarief === undefined ? null : toInteger(tarief, 'ProductTarief', at),
    amount: signedAmount(need(f, 'IngediendBedrag/Bedrag', at), need(f, 'IngediendBedrag/DebetCredit', at), 'Bedrag', at),
  };
}

const ANSWER = 'DeclaratieAntwoord';
const ANSWER_LINE = 'DeclaratieAntwoord/Clienten/Client/Prestaties/Prestatie';
const ANSWER_CODE = `${ANSWER}/RetourCodes/RetourCode`;
const IN_ANSWER = `${ANSWER}/`;
const ANSWER_LINE_REF = `${ANSWER_LINE}/ProductReferentie/ReferentieNummer`;
const ANSWER_LINE_CODE = `${ANSWER_LINE}/RetourCodes/RetourCode`;
const ANSWER_FIELDS = new Set([
  'DeclaratieNummer', 'TotaalIngediendBedrag/TotaalBedrag', 'TotaalIngediendBedrag/DebetCredit',
  'TotaalToegekendBedrag/TotaalBedrag', 'TotaalToegekendBedrag/DebetCredit',
]);

export function parseAnswer(text: string): AnswerMessage {
  const header: Partial<MessageHeader> = {};
  const ident: Fields = new Map();
  const headerCodes: string[] = [];
  const answerCodes: string[] = [];
  const answer: Fields = new Map();
  let hasAnswer = false;
  const rejected: RejectedLine[] = [];
  let line: { referentieNummer: string | null; retourCodes: string[]; at: number } | null = null;

  const wanted = (path: string): boolean =>
    path in HEADER_FIELDS ||
    path === 'Header/DeclaratieIdentificatie/Identificatie' ||
    path === 'Header/DeclaratieIdentificatie/Dagtekening' ||
    path === 'Header/RetourCodes/RetourCode' ||
    path === ANSWER_CODE ||
    (path.startsWith(IN_ANSWER) && ANSWER_FIELDS.has(path.slice(IN_ANSWER.length))) ||
    path === ANSWER_LINE_REF ||
    path === ANSWER_LINE_CODE;
  walk(
    text,
    wanted,
    (path, at) => {
      if (path === ANSWER) hasAnswer = true;
      else if (path === ANSWER_LINE) line = { referentieNummer: null, retourCodes: [], at };
    },
    (path, value) => {
      if (value !== null) {
        const headerField = HEADER_FIELDS[path];
        if (headerField) header[headerField] = value;
        else if (path.startsWith('Header/DeclaratieIdentificatie/')) ident.set(path.slice('Header/DeclaratieIdentificatie/'.length), value);
        else if (path === 'Header/RetourCodes/RetourCode') headerCodes.push(value);
        else if (path === ANSWER_CODE) answerCodes.push(value);
        else if (line && path === ANSWER_LINE_REF) line.referentieNummer = value;
        else if (line && path === ANSWER_LINE_CODE) line.retourCodes.push(value);
        else if (path.startsWith(IN_ANSWER)) answer.set(path.slice(IN_ANSWER.length), value);
      }
      if (path === ANSWER_LINE && line) {
        if (!line.referentieNummer) throw new ImportFileError([fileError('a Prestatie has no ReferentieNummer', line.at, 'ReferentieNummer')]);
        rejected.push({ referentieNummer: line.referentieNummer, retourCodes: line.retourCodes });
        line = null;
      }
    },
  );

  const amount = (name: string): number =>
    signedAmount(need(answer, `${name}/TotaalBedrag`, null), need(answer, `${name}/DebetCredit`, null), 'TotaalBedrag', null);
  return {
    code: 'JW325',
    header: headerOf(header),
    answer: {
      declaratieIdentificatie: need(ident, 'Identificatie', null),
      declaratieDagtekening: need(ident, 'Dagtekening', null),
      retourCodes: headerCodes,
      antwoord: hasAnswer
        ? {
            declaratieNummer: need(answer, 'DeclaratieNummer', null),
            totaalIngediend: amount('TotaalIngediendBedrag'),
            totaalToegekend: amount('TotaalToegekendBedrag'),
            retourCodes: answerCodes,
            rejected,
          }
        : null,
    },
  };
}
