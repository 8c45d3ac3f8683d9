// XSD validation of a large JW323 part by part (large-split.ts). Each part becomes a document of its own: the
// head, a line break, the part's clients and the closing tags. The JW323 schema (with the base schema) has no
// identity constraints (xs:unique, xs:key, xs:keyref) and counts nothing across clients (Client and Prestatie
// are unbounded, at least one each), so a file is valid exactly when every such document is. Errors are mapped
// back to lines of the whole file; errors in the head are the same in every document and are reported from
// the first part only. Calls compile the JW323 schema alone, not validate.ts's driver of all fourteen types:
// a 1 GiB file takes dozens of calls.
import { readFileSync } from 'node:fs';
import { memoryPages, validateXML } from 'xmllint-wasm';
import { fileError, type FileError } from './errors.js';
import type { Head, Part } from './large-split.js';
import { mapNamespaces } from './namespaces.js';
import { BASE_SCHEMA, splitOutput, validateMessages } from './validate.js';

const XSD_DIR = new URL('./xsd/', import.meta.url);
const schema = (name: string): string => readFileSync(new URL(name, XSD_DIR), 'utf8');

/** Where a part sits in the file: all that is kept of it while it is validated. */
type PartStart = Pick<Part, 'index' | 'startLine'>;

export class PartValidator {
  private readonly head: Buffer | null;
  private readonly closing: Buffer;
  private readonly schemas: { jw323: string; base: string };

  /** `mapped`: the file is iJw 3.0/3.1, read with its namespaces mapped to 3.2 like a small file (namespaces.ts). */
  constructor(
    private readonly headInfo: Head | null,
    private readonly mapped: boolean,
  ) {
    this.head = headInfo === null ? null : Buffer.concat([headInfo.bytes, Buffer.from('\n')]);
    this.closing = Buffer.from(headInfo?.closing ?? '', 'utf8');
    this.schemas = { jw323: schema('JW323.xsd'), base: schema(BASE_SCHEMA) };
  }

  /** The document xmllint sees for a part. */
  document(part: Part): Uint8Array {
    const doc = this.head === null ? Buffer.concat(part.body) : Buffer.concat([this.head, ...part.body, part.last ? Buffer.alloc(0) : this.closing]);
    if (!this.mapped) return doc;
    const ns = mapNamespaces(doc);
    return ns.kind === 'mapped' ? ns.bytes : doc;
  }

  /** Validates the parts' documents in one xmllint-wasm call (one worker, one schema compilation); errors per
   *  part, in lines of the whole file. The documents are copied to the worker when this is called. */
  async validate(docs: Uint8Array[], parts: PartStart[]): Promise<FileError[][]> {
    let errors: FileError[][];
    try {
      const result = await validateXML({
        xml: docs.map((contents, i) => ({ fileName: `m${i}.xml`, contents })),
        schema: { fileName: 'JW323.xsd', contents: this.schemas.jw323 },
        preload: [{ fileName: BASE_SCHEMA, contents: this.schemas.base }],
        maxMemoryPages: memoryPages.GiB,
      });
      errors = splitOutput(result.rawOutput, docs.length);
    } catch {
      // xmllint gave up on the call as a whole (a document it cannot read): the general path finds out which.
      errors = await validateMessages(docs);
    }
    return parts.map((part, i) => this.toFileLines(part, errors[i]!));
  }

  private toFileLines(part: PartStart, errors: FileError[]): FileError[] {
    const h = this.headInfo;
    if (h === null) return errors;
    const out: FileError[] = [];
    for (const e of errors) {
      if (e.line === null) out.push(e);
      else if (e.line <= h.lines) {
        if (part.index === 0) out.push(e);
      } else out.push(fileError(e.reason, e.line - h.lines - 1 + part.startLine, e.element));
    }
    return out;
  }
}

/** Parts validated in calls of about `callBytes`, at most `parallel` calls at a time (each a worker thread
 *  holding its documents); adding a part waits while that many are busy, which bounds the memory ahead of the
 *  reader. Errors are collected in file order. */
export class ValidationQueue {
  readonly errors: FileError[] = [];
  private readonly calls: Promise<FileError[][]>[] = [];
  private batch: Part[] = [];
  private batchBytes = 0;
  private validator: PartValidator | null = null;

  constructor(
    /** Called at the first call, when the head is known. */
    private readonly makeValidator: () => PartValidator,
    private readonly callBytes: number,
    private readonly parallel: number,
  ) {}

  async add(part: Part): Promise<void> {
    this.batch.push(part);
    this.batchBytes += part.bytes;
    if (this.batchBytes >= this.callBytes || part.last) await this.submit();
  }

  /** Validates what is left and waits for every call. */
  async finish(): Promise<void> {
    await this.submit();
    while (this.calls.length > 0) await this.settle();
  }

  /** Waits for the calls still running (after a throw), so no worker outlives the import. */
  async abandon(): Promise<void> {
    await Promise.allSettled(this.calls);
  }

  private async submit(): Promise<void> {
    if (this.batch.length === 0) return;
    while (this.calls.length >= this.parallel) await this.settle();
    const validator = (this.validator ??= this.makeValidator());
    const docs = this.batch.map((p) => validator.document(p));
    const starts = this.batch.map(({ index, startLine }) => ({ index, startLine }));
    this.batch = []; // the parts' bytes are garbage from here on; only the documents live, in the call
    const verdict = validator.validate(docs, starts);
    verdict.catch(() => undefined); // awaited by settle(), or by abandon() after a throw
    this.calls.push(verdict);
    this.batchBytes = 0;
  }

  private async settle(): Promise<void> {
    for (const errors of await this.calls[0]!) this.errors.push(...errors);
    this.calls.shift();
  }
}
