// iWmo 3.x WMO301/305/307 (Wmo support, docs/IMPORT.md "iWmo"). iWmo 3.x has the structure of iJw 3.x under
// http://www.istandaarden.nl/iwmo/3_x/…; no iWmo 3.x XSD is in the reference set, so each Wmo message is
// validated against a schema derived here from the iJw 3.2 XSD of the matching message (JW301/305/307): the
// same elements, order and types, in the iWmo namespaces, with the Wmo BerichtCode (414/418/420), and the
// code lists that differ between the domains (product categories, reasons, units …) checked by form only.
// The root namespace decides the domain: a Wmo message is stored only in the wmo_* tables.
import { fileError, type FileError } from './errors.js';
import { rootNamespace } from './namespaces.js';

export const WMO_CODES = ['WMO301', 'WMO305', 'WMO307'] as const;
export type WmoCode = (typeof WMO_CODES)[number];
/** The iJw message whose 3.2 XSD gives each Wmo message's structure. */
export const JW_OF: Record<WmoCode, 'JW301' | 'JW305' | 'JW307'> = { WMO301: 'JW301', WMO305: 'JW305', WMO307: 'JW307' };
/** BerichtCode of each Wmo message (iWmo: 414, 418, 420) in place of iJw's (436, 438, 440). */
const BERICHT_CODE: Record<WmoCode, [jw: string, wmo: string]> = { WMO301: ['436', '414'], WMO305: ['438', '418'], WMO307: ['440', '420'] };
/** iWmo 3.x releases read; 3.0 and 3.1 have their namespaces mapped to 3.2 as iJw's are. */
const VERSIONS = ['3_0', '3_1', '3_2'];
export const WMO_BASE_SCHEMA = 'iwmo-basisschema.xsd';
/** Code lists whose values differ between iJw and iWmo: in the derived base schema only their form is checked. */
const DOMAIN_LISTS = [
  'LDT_ProductCategorie', 'LDT_RedenWijziging', 'LDT_RedenBeeindiging', 'LDT_Eenheid', 'LDT_Frequentie', 'LDT_JuridischeStatus',
  'LDT_WettelijkeVertegenwoordiging',
];

export function isWmoCode(code: string | null): code is WmoCode {
  return code !== null && (WMO_CODES as readonly string[]).includes(code);
}

const ROOT = /^https?:\/\/www\.istandaarden\.nl\/iwmo\/(\d+)_(\d+)\/(\w+)\/schema(?:\/\d+_\d+)?$/i;
const DECLARATION = /(\sxmlns(?::[A-Za-z_][\w.-]*)?\s*=\s*["'])http:\/\/www\.istandaarden\.nl\/iwmo\/(3_[01])\//g;

export type WmoRead =
  | { kind: 'not-wmo' }
  | { kind: 'wmo'; bytes: Uint8Array; warnings: { code: string; detail: string }[] }
  | { kind: 'rejected'; error: FileError };

/** Decides, from the root element's namespace, whether a file is an iWmo message and whether it is read. */
export function readWmo(bytes: Uint8Array): WmoRead {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!buf.includes('istandaarden.nl/iwmo/')) return { kind: 'not-wmo' };
  const root = rootNamespace(buf.toString('utf8'));
  const m = root === null ? null : ROOT.exec(root.uri);
  if (root === null || m === null) return { kind: 'not-wmo' }; // sniff() reports what is wrong
  const version = `${m[1]}_${m[2]}`;
  const label = `${m[1]}.${m[2]}`;
  const code = m[3]!.toUpperCase();
  const refuse = (why: string) => ({ kind: 'rejected' as const, error: fileError(`not supported: ${why} (namespace ${root.uri}); Spiegel reads iWmo 3.x WMO301, WMO305 and WMO307`, root.line, root.local) });
  if (m[1] === '2') return refuse(`iWmo ${label} (iWmo 2.x has another structure: Berichtspecificatie, Clienten)`);
  if (!VERSIONS.includes(version)) return refuse(`unknown iWmo version ${label}`);
  if (!isWmoCode(code)) return refuse(`iWmo ${code} is not imported`);
  const warnings = [{
    code: 'wmo-structure',
    detail: `iWmo ${label} ${code}: checked against the structure of the iJw 3.2 ${JW_OF[code]} schema (no iWmo 3.x schema is available); product categories and reason codes checked by form only; stored as Wmo support, never counted as Jeugd`,
  }];
  if (version === '3_2') return { kind: 'wmo', bytes, warnings };
  // Same length replacement: lines and columns of validation errors stay those of the original file.
  const mapped = buf.toString('latin1').replace(DECLARATION, (_all, declaration: string) => `${declaration}http://www.istandaarden.nl/iwmo/3_2/`);
  return { kind: 'wmo', bytes: new Uint8Array(Buffer.from(mapped, 'latin1')), warnings };
}

function replaceOnce(text: string, from: string | RegExp, to: string, what: string): string {
  const out = text.replace(from, to);
  if (out === text) throw new Error(`deriving the iWmo schema: ${what} not found in the iJw 3.2 schema`);
  return out;
}

const NS = (domain: 'ijw' | 'iwmo', part: string) => `http://www.istandaarden.nl/${domain}/3_2/${part}/schema`;

/** The derived XSD of a Wmo message from the (fixed) iJw 3.2 XSD text of its JW message. */
export function deriveMessageSchema(code: WmoCode, jwXsd: string): string {
  const jw = JW_OF[code].toLowerCase();
  const [jwCode, wmoCode] = BERICHT_CODE[code];
  let t = jwXsd.split(NS('ijw', jw)).join(NS('iwmo', code.toLowerCase()));
  t = t.split(NS('ijw', 'basisschema')).join(NS('iwmo', 'basisschema'));
  t = replaceOnce(t, 'schemaLocation="basisschema.xsd"', `schemaLocation="${WMO_BASE_SCHEMA}"`, 'the base schema import');
  t = replaceOnce(t, `<xs:pattern value="${jwCode}"/>`, `<xs:pattern value="${wmoCode}"/>`, `BerichtCode ${jwCode}`);
  // iWmo 3.0/3.1 messages carry BerichtSubversie 0/1.
  return replaceOnce(t, /(name="BerichtSubversie">[\s\S]*?<xs:pattern value=")2("\/>)/, '$1[0-2]$2', 'BerichtSubversie');
}

/** The derived base schema: iJw 3.2's in the iWmo namespace, the domain's code lists checked by form. */
export function deriveBaseSchema(jwBase: string): string {
  let t = jwBase.split(NS('ijw', 'basisschema')).join(NS('iwmo', 'basisschema'));
  for (const name of DOMAIN_LISTS) {
    const block = new RegExp(`<xs:simpleType name="${name}">[\\s\\S]*?</xs:simpleType>`);
    const found = block.exec(t);
    const max = found ? /<xs:maxLength value="(\d+)"\/>/.exec(found[0]) : null;
    if (!found || !max) throw new Error(`deriving the iWmo schema: ${name} not found in the iJw 3.2 base schema`);
    t = t.replace(block, `<xs:simpleType name="${name}"><xs:restriction base="xs:string"><xs:pattern value="[0-9]{1,${max[1]}}"/></xs:restriction></xs:simpleType>`);
  }
  return t;
}
