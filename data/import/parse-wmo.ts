// WMO301/305/307 have the element structure of JW301/305/307 (iwmo.ts), so parse.ts reads them (by element
// path, namespaces aside) with the same whitelist: names, addresses and relations are never read, the BSN is
// pseudonymised with the installation key the moment it is read. Only the message code says "Wmo".
import { parseMessage, type AssignmentFacts, type ClientFacts, type MessageHeader, type StartFacts, type StopFacts } from './parse.js';
import { JW_OF, type WmoCode } from './iwmo.js';

interface Common {
  header: MessageHeader;
  client: ClientFacts;
}
export type WmoMessage =
  | (Common & { code: 'WMO301'; assignments: AssignmentFacts[] })
  | (Common & { code: 'WMO305'; starts: StartFacts[] })
  | (Common & { code: 'WMO307'; stops: StopFacts[] });

export function parseWmo(text: string, code: WmoCode, pseudonymise: (bsn: string) => string): WmoMessage {
  const m = parseMessage(text, JW_OF[code], pseudonymise);
  if (m.code === 'JW301') return { code: 'WMO301', header: m.header, client: m.client, assignments: m.assignments };
  if (m.code === 'JW305') return { code: 'WMO305', header: m.header, client: m.client, starts: m.starts };
  return { code: 'WMO307', header: m.header, client: m.client, stops: m.stops };
}

export function isWmoMessage(m: { code: string }): m is WmoMessage {
  return m.code === 'WMO301' || m.code === 'WMO305' || m.code === 'WMO307';
}
