// The one streaming walk over an iJw message: element paths below the root Bericht, with the text of
// whitelisted elements only, so nothing else (names, addresses) is ever held in memory by a parser.
//
// It reads documents libxml2 has already parsed and XSD-validated (the parsers are only called on those),
// so it is a plain scanner over the text rather than a full XML parser: tags, comments, processing
// instructions and CDATA are told apart with indexOf, entity and character references in captured text are
// decoded, line ends are normalised as XML does. It does what the saxes-based walk before it did (the same
// paths, values, lines and callbacks; CDATA content is not captured) at about a fifth of the time, which
// was the largest single cost of an import after storing. Anything it cannot read is refused with the line.
import { ImportFileError, fileError } from './errors.js';

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const REFERENCE = /&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);/g;

function decode(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(REFERENCE, (all, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(Number.parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(Number.parseInt(ref.slice(1), 10));
    const c = PREDEFINED[ref];
    if (c === undefined) throw new ImportFileError([fileError(`not well-formed XML: undefined entity ${all}`)]);
    return c;
  });
}

/** Walks the document below the root Bericht. `wanted(path)` says which elements' text to capture; `close`
 *  receives every closing path with its captured text (null when not captured); `open` every opening path
 *  below the root, with the line its start tag ends on. */
export function walk(source: string, wanted: (path: string) => boolean, open: (path: string, line: number) => void, close: (path: string, value: string | null) => void): void {
  const text = source.includes('\r') ? source.replace(/\r\n?/g, '\n') : source;
  const names: string[] = [];
  const paths: string[] = [];
  let capture: string | null = null;
  let line = 1;
  let counted = 0; // text before this position has been counted into `line`
  const lineAt = (pos: number): number => {
    for (let nl = text.indexOf('\n', counted); nl !== -1 && nl < pos; nl = text.indexOf('\n', nl + 1)) line++;
    counted = Math.max(counted, pos);
    return line;
  };
  const fail = (what: string, pos: number): never => {
    throw new ImportFileError([fileError(`not well-formed XML: ${what}`, lineAt(pos))]);
  };
  const skipTo = (end: string, from: number, what: string): number => {
    const at = text.indexOf(end, from);
    return at === -1 ? fail(`unclosed ${what}`, from) : at + end.length;
  };
  const closeElement = (): void => {
    const path = paths.pop()!;
    names.pop();
    const value = capture?.trim() ?? null;
    capture = null;
    close(path, value);
  };

  let i = 0;
  for (;;) {
    const lt = text.indexOf('<', i);
    if (lt === -1) break;
    if (capture !== null && lt > i) capture += decode(text.slice(i, lt));
    const next = text.charCodeAt(lt + 1);
    if (next === 0x2f /* / */) {
      const gt = text.indexOf('>', lt);
      if (gt === -1) fail('unclosed end tag', lt);
      const name = text.slice(lt + 2, gt).trim();
      if (names.length === 0 || names[names.length - 1] !== name) fail(`unexpected end tag </${name}>`, lt);
      closeElement();
      i = gt + 1;
    } else if (next === 0x3f /* ? */) {
      i = skipTo('?>', lt + 2, 'processing instruction');
    } else if (next === 0x21 /* ! */) {
      if (text.startsWith('<!--', lt)) i = skipTo('-->', lt + 4, 'comment');
      else if (text.startsWith('<![CDATA[', lt)) i = skipTo(']]>', lt + 9, 'CDATA section');
      else fail('a DOCTYPE or other declaration is not allowed here', lt);
    } else {
      // A start tag: the name runs to the first blank, '/' or '>'; '>' inside a quoted attribute value does not end it.
      let gt = lt + 1;
      while (gt < text.length) {
        const c = text.charCodeAt(gt);
        if (c === 0x3e /* > */) break;
        if (c === 0x22 || c === 0x27) {
          const q = text.indexOf(c === 0x22 ? '"' : "'", gt + 1);
          if (q === -1) fail('unclosed attribute value', lt);
          gt = q;
        }
        gt++;
      }
      if (gt >= text.length) fail('unclosed start tag', lt);
      const selfClosing = text.charCodeAt(gt - 1) === 0x2f;
      let end = lt + 1;
      while (end < gt) {
        const c = text.charCodeAt(end);
        if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x2f) break;
        end++;
      }
      const name = text.slice(lt + 1, end);
      if (name === '') fail('a tag without a name', lt);
      const local = name.slice(name.indexOf(':') + 1);
      const at = lineAt(gt);
      names.push(name);
      if (names.length === 1 && local === 'Bericht') {
        paths.push('');
      } else {
        const path = names.length === 1 ? '' : names.length === 2 ? local : `${paths[paths.length - 1]}/${local}`;
        paths.push(path);
        open(path, at);
        capture = wanted(path) ? '' : null;
      }
      if (selfClosing) closeElement();
      i = gt + 1;
    }
  }
  if (names.length > 0) fail(`unclosed element <${names[names.length - 1]}>`, text.length);
}
