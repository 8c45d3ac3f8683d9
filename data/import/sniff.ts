// First look at a file before anything trusts it: size, UTF-8, well-formedness, no DTD, and which iJw
// message it claims to be (by the root element's namespace). Runs before XSD validation so that the
// validator only ever sees well-formed documents of a known type.
import { SaxesParser } from 'saxes';
import { fileError, type FileError } from './errors.js';
import { WMO_CODES } from './iwmo.js';

/** Message types we have an official XSD for (data/import/xsd/JWnnn.xsd). */
export const KNOWN_CODES = [
  'JW301', 'JW302', 'JW305', 'JW306', 'JW307', 'JW308', 'JW315', 'JW316', 'JW317', 'JW318', 'JW319', 'JW320', 'JW323',
  'JW325',
] as const;
/** With iWmo's WMO301/305/307 (iwmo.ts): read as Wmo support, validated against schemas derived from iJw's. */
export type MessageCode = (typeof KNOWN_CODES)[number] | (typeof WMO_CODES)[number];

const ROOT_NAMESPACE = /^http:\/\/www\.istandaarden\.nl\/(?:ijw\/3_2\/(jw\d{3})|iwmo\/3_2\/(wmo\d{3}))\/schema$/;
export const DEFAULT_MAX_FILE_BYTES = 50 * 1024 * 1024;

/** Deeper nesting is refused at once: saxes slows down with the square of the depth (a fuzzed file 70,000
 *  elements deep took 75 s to refuse), and an iJw message nests about ten deep. */
const MAX_DEPTH = 200;
const TOO_DEEP = new Error('nested too deep');

/** Fatal: invalid UTF-8 throws instead of becoming U+FFFD. One for all files (decode() keeps no state). */
const UTF8 = new TextDecoder('utf-8', { fatal: true });

export type SniffResult = { ok: true; code: MessageCode; text: string } | { ok: false; code: MessageCode | null; error: FileError };

function isKnownCode(code: string): code is MessageCode {
  return (KNOWN_CODES as readonly string[]).includes(code) || (WMO_CODES as readonly string[]).includes(code);
}

/** The file's text, or why it is not one: size, emptiness and UTF-8 come before any parsing. */
function decode(bytes: Uint8Array, maxBytes: number): { text: string } | { failure: SniffResult } {
  if (bytes.byteLength > maxBytes) {
    return { failure: { ok: false, code: null, error: fileError(`file is ${bytes.byteLength} bytes, larger than the limit of ${maxBytes} bytes`) } };
  }
  if (bytes.byteLength === 0) return { failure: { ok: false, code: null, error: fileError('file is empty, not an XML message') } };
  try {
    return { text: UTF8.decode(bytes) };
  } catch {
    return { failure: { ok: false, code: null, error: fileError('not an XML message: the file is not valid UTF-8 text') } };
  }
}

/** The first look without a parser, for the import's fast path (prepare.ts): the size, UTF-8 and the prolog
 *  up to the root's start tag — XML declaration, comments and processing instructions, no DOCTYPE, a UTF-8
 *  encoding if one is declared, a root {…/jwNNN/schema}Bericht of a known type. The rest of the document is
 *  not looked at: xmllint parses it next, and only a file xmllint does not find valid without a word
 *  (validate.ts Verdict.clean) is then sniffed in full, so every refusal still has sniff()'s reason. Returns
 *  a refusal as sniff() would, ok when the prolog is as expected, and null when only sniff() can tell. */
export function quickSniff(bytes: Uint8Array, maxBytes = DEFAULT_MAX_FILE_BYTES): SniffResult | null {
  const d = decode(bytes, maxBytes);
  if ('failure' in d) return d.failure;
  const text = d.text;
  let i = 0;
  if (/^<\?xml[ \t\r\n]/.test(text)) {
    const end = text.indexOf('?>');
    if (end < 0) return null;
    const encoding = /[ \t\r\n]encoding[ \t\r\n]*=[ \t\r\n]*(["'])([^"']*)\1/.exec(text.slice(0, end));
    if (encoding && !/^utf-?8$/i.test(encoding[2]!)) return null;
    i = end + 2;
  }
  for (;;) {
    while (i < text.length && ' \t\r\n'.includes(text[i]!)) i++;
    const close = text.startsWith('<!--', i) ? '-->' : text.startsWith('<?', i) ? '?>' : null;
    if (close === null) break;
    const end = text.indexOf(close, i + 2);
    if (end < 0) return null;
    i = end + close.length;
  }
  if (text[i] !== '<' || !/[A-Za-z_]/.test(text[i + 1] ?? '')) return null; // a DOCTYPE, text, …: sniff() says
  const tag = /^<([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)((?:[ \t\r\n]+[A-Za-z_][\w.:-]*[ \t\r\n]*=[ \t\r\n]*(?:"[^"<&]*"|'[^'<&]*'))*)[ \t\r\n]*\/?>/.exec(text.slice(i, i + 4096));
  if (!tag) return null;
  const name = tag[1]!;
  const colon = name.indexOf(':');
  const prefix = colon < 0 ? '' : name.slice(0, colon);
  if (name.slice(colon + 1) !== 'Bericht') return null;
  let uri: string | null = null;
  for (const a of tag[2]!.matchAll(/([A-Za-z_][\w.:-]*)[ \t\r\n]*=[ \t\r\n]*(?:"([^"]*)"|'([^']*)')/g)) {
    if (a[1] === (prefix ? `xmlns:${prefix}` : 'xmlns')) uri = a[2] ?? a[3]!;
  }
  const m = uri === null ? null : ROOT_NAMESPACE.exec(uri);
  const code = m ? (m[1] ?? m[2]!).toUpperCase() : null;
  return code !== null && isKnownCode(code) ? { ok: true, code, text } : null;
}

export function sniff(bytes: Uint8Array, maxBytes = DEFAULT_MAX_FILE_BYTES): SniffResult {
  const d = decode(bytes, maxBytes);
  if ('failure' in d) return d.failure;
  const text = d.text;

  const parser = new SaxesParser({ xmlns: true, position: true });
  let root: { local: string; uri: string; line: number } | null = null;
  let failure: FileError | null = null;
  parser.on('doctype', () => {
    // A DTD can define entities that read local files or expand without bound; iJw never uses one.
    failure ??= fileError('a DOCTYPE declaration is not allowed (DTDs and external entities are refused)', parser.line);
  });
  parser.on('xmldecl', (decl) => {
    // The text was decoded as UTF-8; a document that says otherwise would be read differently by xmllint.
    if (decl.encoding !== undefined && !/^utf-?8$/i.test(decl.encoding)) {
      failure ??= fileError(`the file declares encoding ${decl.encoding}; iJw messages must be UTF-8`, parser.line);
    }
  });
  let depth = 0;
  parser.on('opentag', (tag) => {
    root ??= { local: tag.local, uri: tag.uri, line: parser.line };
    if (++depth > MAX_DEPTH) {
      failure ??= fileError(`elements are nested more than ${MAX_DEPTH} deep; an iJw message nests about ten`, parser.line, tag.local);
      throw TOO_DEEP;
    }
  });
  parser.on('closetag', () => {
    depth--;
  });
  parser.on('error', (err) => {
    failure ??= fileError(`not well-formed XML: ${err.message.replace(/^[^:]*:\d+:\d+: /, '')}`, parser.line);
  });
  try {
    parser.write(text).close();
  } catch (e) {
    if (e !== TOO_DEEP) throw e;
  }
  // `root` is assigned inside callbacks, which TypeScript's flow analysis cannot see.
  const found = root as { local: string; uri: string; line: number } | null;

  if (failure) return { ok: false, code: null, error: failure };
  if (!found) return { ok: false, code: null, error: fileError('not an XML message: no root element') };
  const match = ROOT_NAMESPACE.exec(found.uri);
  const code = match ? (match[1] ?? match[2]!).toUpperCase() : null;
  if (found.local !== 'Bericht' || code === null || !isKnownCode(code)) {
    const ns = found.uri ? `{${found.uri}}` : '';
    return {
      ok: false,
      code: null,
      error: fileError(
        `unknown root element ${ns}${found.local}: expected an iJw 3.2 Bericht in namespace http://www.istandaarden.nl/ijw/3_2/jwNNN/schema`,
        found.line,
        found.local,
      ),
    };
  }
  return { ok: true, code, text };
}
