// Streaming (SAX) extraction of retour messages (JW302, JW306, JW308, JW316, JW318, JW320) as process data
// (DOMAIN.md §2, §3): which message a retour answers and the RetourCodes per message and per element. A
// retour echoes the message it answers — BSN, names, addresses, relations — and none of that is read: the
// only element texts captured are the header's identity fields, RetourCode, and the ToewijzingNummer /
// ReferentieAanbieder that name the element a code belongs to. Call only on XSD-valid documents.
import { ImportFileError, fileError } from './errors.js';
import { HEADER_FIELDS, toInteger, type MessageHeader } from './parse.js';
import { walk } from './walk.js';

/** Retour message → the message type it answers. */
export const RETOUR_OF = {
  JW302: 'JW301',
  JW306: 'JW305',
  JW308: 'JW307',
  JW316: 'JW315',
  JW318: 'JW317',
  JW320: 'JW319',
} as const;
export type RetourCode = keyof typeof RETOUR_OF;
export const RETOUR_CODES = Object.keys(RETOUR_OF) as RetourCode[];

export function isRetourCode(code: string): code is RetourCode {
  return code in RETOUR_OF;
}

export interface RetourElement {
  /** Path below the root, list items numbered from 1: 'Client/ToegewezenProducten/ToegewezenProduct[2]'. */
  element: string;
  toewijzingNr: number | null;
  referentieAanbieder: string | null;
  retourCodes: string[];
}

export interface RetourFacts {
  /** The message this retour answers: its type, the header's Afzender/Ontvanger and BerichtIdentificatie. */
  answers: { code: string; afzender: string; ontvanger: string; identificatie: string; dagtekening: string };
  /** Header/RetourCodes; empty when absent (optional in the XSDs). */
  retourCodes: string[];
  elements: RetourElement[];
}

/** `header` is the retour's OWN identity: sent by the answered message's Ontvanger, identified by
 *  IdentificatieRetour + DagtekeningRetour. */
export type RetourMessage = { code: RetourCode; header: MessageHeader; retour: RetourFacts };

/** Repeating elements get a position in `element`, so two products with codes stay apart. */
const LIST_ITEMS = new Set([
  'ToegewezenProduct', 'StartProduct', 'StopProduct', 'AangevraagdProduct', 'OngewijzigdProduct', 'TeWijzigenProduct', 'NieuwProduct',
  'Relatie', 'Contact',
]);

interface Frame {
  name: string;
  label: string;
  children: Map<string, number>;
  toewijzingNr: number | null;
  referentieAanbieder: string | null;
  codes: string[];
  at: number;
}

const frame = (name: string, label: string, at: number): Frame => ({ name, label, children: new Map(), toewijzingNr: null, referentieAanbieder: null, codes: [], at });

export function parseRetour(text: string, code: RetourCode): RetourMessage {
  const header: Partial<MessageHeader> = {};
  const own: { identificatie?: string; dagtekening?: string } = {};
  const stack: Frame[] = [frame('', '', 0)];
  const headerCodes: string[] = [];
  const elements: RetourElement[] = [];

  const wanted = (path: string): boolean =>
    path in HEADER_FIELDS ||
    path === 'Header/IdentificatieRetour' ||
    path === 'Header/DagtekeningRetour' ||
    path.endsWith('/RetourCodes/RetourCode') ||
    (!path.startsWith('Header/') && (path.endsWith('/ToewijzingNummer') || path.endsWith('/ReferentieAanbieder')));
  walk(
    text,
    wanted,
    (path, at) => {
      const parent = stack[stack.length - 1]!;
      const name = path.slice(path.lastIndexOf('/') + 1);
      const n = (parent.children.get(name) ?? 0) + 1;
      parent.children.set(name, n);
      const step = LIST_ITEMS.has(name) ? `${name}[${n}]` : name;
      stack.push(frame(name, parent.label ? `${parent.label}/${step}` : step, at));
    },
    (path, value) => {
      if (path === '') return; // the root Bericht
      const self = stack.pop()!;
      const parent = stack[stack.length - 1]!;
      if (value !== null) {
        const headerField = HEADER_FIELDS[path];
        if (headerField) header[headerField] = value;
        else if (path === 'Header/IdentificatieRetour') own.identificatie = value;
        else if (path === 'Header/DagtekeningRetour') own.dagtekening = value;
        else if (self.name === 'RetourCode' && parent.name === 'RetourCodes') stack[stack.length - 2]!.codes.push(value);
        else if (self.name === 'ToewijzingNummer') parent.toewijzingNr = toInteger(value, 'ToewijzingNummer', self.at);
        else if (self.name === 'ReferentieAanbieder') parent.referentieAanbieder = value;
      }
      if (self.codes.length > 0) {
        if (path === 'Header') headerCodes.push(...self.codes);
        else elements.push({ element: self.label, toewijzingNr: self.toewijzingNr, referentieAanbieder: self.referentieAanbieder, retourCodes: self.codes });
      }
    },
  );

  for (const k of ['berichtCode', 'afzender', 'ontvanger', 'identificatie', 'dagtekening'] as const) {
    if (!header[k]) throw new ImportFileError([fileError(`the header has no ${k}`, null, 'Header')]);
  }
  if (!own.identificatie || !own.dagtekening) {
    throw new ImportFileError([fileError('the header has no IdentificatieRetour or DagtekeningRetour', null, 'Header')]);
  }
  const h = header as MessageHeader;
  return {
    code,
    header: { berichtCode: h.berichtCode, afzender: h.ontvanger, ontvanger: h.afzender, identificatie: own.identificatie, dagtekening: own.dagtekening },
    retour: {
      answers: { code: RETOUR_OF[code], afzender: h.afzender, ontvanger: h.ontvanger, identificatie: h.identificatie, dagtekening: h.dagtekening },
      retourCodes: headerCodes,
      elements,
    },
  };
}
