// Cuts a JW323 byte stream into parts of whole clients while reading its facts, in one SAX pass (large.ts).
// The head (prolog, Header, Declaratie fields, up to the `<Clienten>` start tag) is kept; each part is later
// validated as a document of its own: head + the part's clients + closing tags (large-validate.ts). A part ends
// after a Client's end tag once it has `partBytes`, but only when another Client follows, so the last part
// always carries the file's own ending. Parts are kept as the file's bytes: decoded text is dropped as soon as
// the parser has seen it (big strings would live until V8's next full collection), and facts go to the
// callbacks at once. The checks before the root element are sniff()'s own, so a bad file gets the small path's
// error; a well-formedness error deeper down gets sniff's wording and the line in the whole file.
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { ImportFileError, fileError, type FileError } from './errors.js';
import { mapNamespaces } from './namespaces.js';
import { DeclarationReader, type DeclarationHead, type DeclarationLineFacts } from './parse-declaration.js';
import { sniff } from './sniff.js';

export interface Head {
  /** The file's bytes up to and including the `<Clienten>` start tag (without a byte order mark). */
  bytes: Buffer;
  /** The line that start tag ends on. */
  lines: number;
  /** End tags closing what is open at a cut: Clienten, Declaratie, Bericht as the file spells them. */
  closing: string;
}

export interface Part {
  index: number;
  /** The bytes from the end of the previous part (or of the head) to this part's end, as read (copied once,
   *  into the document xmllint gets). */
  body: Buffer[];
  bytes: number;
  /** The line of the whole file `body` starts on. */
  startLine: number;
  /** The last part ends with the file's own end tags and needs no closing. */
  last: boolean;
}

export interface SplitEvents {
  /** Once, when Clienten opens and the head's facts could be read. */
  head(facts: DeclarationHead): void;
  line(line: DeclarationLineFacts): void;
}

const CLIENTEN = 'Declaratie/Clienten';
const CLIENT = 'Declaratie/Clienten/Client';
const BOM = [0xef, 0xbb, 0xbf];

export class DeclarationSplitter {
  head: Head | null = null;
  /** The iJw version read as 3.2 (namespaces.ts), when the file is a 3.0 or 3.1 message. */
  mappedFrom: string | null = null;
  /** Why the head's or the first line's facts could not be read. Like a small file's, these are reported only
   *  when the file is XSD-valid, a line's before the head's (parseDeclaration reads the head last). */
  headError: ImportFileError | null = null;
  lineError: ImportFileError | null = null;

  private readonly parser = new SaxesParser({ xmlns: true, position: true });
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private readonly reader: DeclarationReader;
  private readonly names: string[] = [];
  private readonly paths: string[] = [];
  private capture: string | null = null;
  /** The text before the root element, for sniff(); not kept after it. */
  private prolog: string | null = '';
  /** Bytes not yet in a part, as read, the first at file offset `rawAt`. */
  private raw: Buffer[] = [];
  private rawBytes = 0;
  private rawAt = 0;
  /** The piece being parsed: its text, stream position and file offset, to turn positions into offsets. */
  private piece = { text: '', at: 0, byte: 0, ascii: true };
  private nextChar = 0;
  private nextByte = 0;
  private partByte = 0;
  private partLine = 1;
  private candidate: { byte: number; line: number } | null = null;
  private inClienten = false;
  private rootOpen = false;
  private ready: Part[] = [];
  private count = 0;

  constructor(
    pseudonymise: (bsn: string) => string,
    private readonly events: SplitEvents,
    private readonly partBytes: number,
    private readonly maxPartBytes: number,
  ) {
    this.reader = new DeclarationReader(pseudonymise, (line) => this.events.line(line));
    const p = this.parser;
    p.on('error', (err) => {
      // Before the root, sniff() itself decides (a DOCTYPE or a foreign encoding comes before a later error).
      if (!this.rootOpen) throw new ImportFileError([this.prologError()]);
      throw new ImportFileError([fileError(`not well-formed XML: ${err.message.replace(/^[^:]*:\d+:\d+: /, '')}`, p.line)]);
    });
    p.on('opentag', (tag) => this.open(tag));
    p.on('text', (t) => {
      if (this.capture !== null) this.capture += t;
    });
    p.on('closetag', () => this.close());
  }

  /** Feeds the next bytes of the file; returns the parts they complete. */
  write(bytes: Buffer): Part[] {
    if (this.rawAt === 0 && this.rawBytes === 0 && BOM.every((b, i) => bytes[i] === b)) this.nextByte = BOM.length;
    this.raw.push(bytes);
    this.rawBytes += bytes.byteLength;
    this.parse(this.decode(bytes));
    if (this.rawAt + this.rawBytes - this.partByte > this.maxPartBytes) {
      const where = this.head === null ? 'before the first Client' : `from line ${this.partLine}`;
      throw new ImportFileError([
        fileError(`the file cannot be read in parts: more than ${this.maxPartBytes} bytes ${where} without the end of a Client element`, this.partLine),
      ]);
    }
    return this.take();
  }

  /** Ends the stream: the rest is the last part. */
  end(): Part[] {
    this.parse(this.decode());
    this.parser.close();
    if (!this.rootOpen) throw new ImportFileError([this.prologError()]);
    this.cut(this.rawAt + this.rawBytes, this.parser.line, true);
    return this.take();
  }

  private decode(bytes?: Buffer): string {
    try {
      return bytes === undefined ? this.decoder.decode() : this.decoder.decode(bytes, { stream: true });
    } catch {
      throw new ImportFileError([fileError('not an XML message: the file is not valid UTF-8 text')]);
    }
  }

  private parse(text: string): void {
    const bytes = Buffer.byteLength(text, 'utf8');
    // Between writes saxes' own `position` is not meaningful; while it parses, it counts from the stream start.
    this.piece = { text, at: this.nextChar, byte: this.nextByte, ascii: bytes === text.length };
    this.nextChar += text.length;
    this.nextByte += bytes;
    if (this.prolog !== null) this.prolog += text;
    this.parser.write(text);
  }

  /** The file offset of the parser's position (which counts UTF-16 code units, inside the current piece). */
  private byteHere(): number {
    const { text, at, byte, ascii } = this.piece;
    const chars = this.parser.position - at;
    return byte + (ascii ? chars : Buffer.byteLength(text.slice(0, chars), 'utf8'));
  }

  private take(): Part[] {
    const parts = this.ready;
    this.ready = [];
    return parts;
  }

  private open(tag: SaxesTagNS): void {
    if (!this.rootOpen) this.checkRoot(tag);
    const parent = this.paths.length === 0 ? null : this.paths[this.paths.length - 1]!;
    // The walk's paths (walk.ts): below the root Bericht, local names joined by '/'.
    const path = parent === null ? '' : parent === '' ? tag.local : `${parent}/${tag.local}`;
    this.names.push(tag.name);
    this.paths.push(path);
    if (parent === null) return;
    if (path === CLIENT && this.inClienten && this.candidate) this.cut(this.candidate.byte, this.candidate.line, false);
    const line = this.parser.line;
    this.guard(() => this.reader.open(path, line));
    this.capture = this.reader.wanted(path) ? '' : null;
    if (path === CLIENTEN && this.head === null) this.startClients();
  }

  private close(): void {
    const path = this.paths.pop()!;
    this.names.pop();
    const value = this.capture?.trim() ?? null;
    this.capture = null;
    if (this.paths.length === 0) return;
    this.guard(() => this.reader.close(path, value));
    if (path === CLIENT && this.inClienten) {
      const byte = this.byteHere();
      if (byte - this.partByte >= this.partBytes) this.candidate = { byte, line: this.parser.line };
    } else if (path === CLIENTEN) {
      this.inClienten = false;
      this.candidate = null;
    }
  }

  /** A line that cannot be read does not stop the pass: XSD errors later in the file take precedence. */
  private guard(step: () => void): void {
    try {
      step();
    } catch (e) {
      if (!(e instanceof ImportFileError)) throw e;
      this.lineError ??= e;
    }
  }

  private startClients(): void {
    const byte = this.byteHere();
    const bytes = Buffer.concat(this.takeRaw(byte));
    const start = bytes.subarray(0, BOM.length).equals(Buffer.from(BOM)) ? BOM.length : 0;
    const closing = this.names.slice(0, 3).reverse().map((n) => `</${n}>`).join('');
    this.head = { bytes: bytes.subarray(start), lines: this.parser.line, closing };
    this.partByte = byte;
    this.partLine = this.parser.line;
    this.inClienten = true;
    try {
      this.events.head(this.reader.head());
    } catch (e) {
      if (!(e instanceof ImportFileError)) throw e;
      this.headError = e;
    }
  }

  private cut(byte: number, line: number, last: boolean): void {
    const bytes = byte - this.rawAt;
    this.ready.push({ index: this.count++, body: this.takeRaw(byte), bytes, startLine: this.partLine, last });
    this.partByte = byte;
    this.partLine = line;
    this.candidate = null;
  }

  /** Removes the raw bytes before file offset `byte` and returns them. */
  private takeRaw(byte: number): Buffer[] {
    const taken: Buffer[] = [];
    let left = byte - this.rawAt;
    while (left > 0) {
      const chunk = this.raw[0]!;
      if (chunk.byteLength <= left) {
        taken.push(chunk);
        this.raw.shift();
        left -= chunk.byteLength;
      } else {
        taken.push(chunk.subarray(0, left));
        this.raw[0] = chunk.subarray(left);
        left = 0;
      }
    }
    this.rawBytes -= byte - this.rawAt;
    this.rawAt = byte;
    return taken;
  }

  /** The root element decides, with the small path's own checks: namespaces.ts maps 3.0/3.1 or refuses another
   *  version, sniff() refuses a DOCTYPE, a foreign encoding or an unknown root; anything but a JW323 is refused. */
  private checkRoot(tag: SaxesTagNS): void {
    this.rootOpen = true;
    const prolog = this.prolog!.slice(0, this.parser.position) + (tag.isSelfClosing ? '' : `</${tag.name}>`);
    this.prolog = null;
    const ns = mapNamespaces(Buffer.from(prolog, 'utf8'));
    if (ns.kind === 'rejected') throw new ImportFileError([ns.error]);
    if (ns.kind === 'mapped') this.mappedFrom = ns.from;
    const s = sniff(ns.kind === 'mapped' ? ns.bytes : Buffer.from(prolog, 'utf8'), Infinity);
    if (!s.ok) throw new ImportFileError([s.error]);
    if (s.code !== 'JW323') {
      throw new ImportFileError([fileError(`a ${s.code} message this large is not read: only JW323 declarations can be imported in parts`, this.parser.line, tag.local)]);
    }
  }

  private prologError(): FileError {
    const s = sniff(Buffer.from(this.prolog ?? '', 'utf8'), Infinity);
    return s.ok ? fileError('not an XML message: no root element') : s.error;
  }
}
