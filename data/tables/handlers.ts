// The tables/* methods of the contract (core/contract/tables.ts). An import is all-or-nothing per file:
// it is read and checked completely before one transaction replaces the source's rows; a refused file
// changes nothing.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type Database from 'better-sqlite3';
import { ApiFailure } from '../../core/contract/dispatch.js';
import type { Handlers } from '../../core/contract/methods.js';
import type { TableImportResult, TableKind, TablePreview } from '../../core/contract/tables.js';
import { KINDS } from './kinds.js';
import { suggestMapping, wideColumns } from './mapping.js';
import { parseTable } from './parse.js';
import { readTable, TableReadError, type RawTable } from './read.js';
import { listTables, replaceTable, savedMapping } from './store.js';
import { isElevenProof } from './values.js';

export type TableHandlers = Pick<Handlers, 'tables/preview' | 'tables/import' | 'tables/list'>;
export interface TableHandlerOptions {
  now?: () => Date;
  /** Called after a successful import, e.g. so the service re-derives its model when a codebook changed. */
  onImported?: (kind: TableKind) => void;
  /** True while an iJw import holds the connection's transaction: a table import then waits its turn. */
  busy?: () => boolean;
}

interface Input {
  name: string;
  bytes: Uint8Array;
}

async function readInput(args: { file?: Input | undefined; path?: string | undefined }): Promise<Input> {
  if (args.file) return { name: basename(args.file.name), bytes: args.file.bytes };
  const path = args.path!;
  try {
    return { name: basename(path), bytes: new Uint8Array(await readFile(path)) };
  } catch (e) {
    throw new ApiFailure('not-found', `cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

const stem = (name: string) => name.replace(/\.(csv|txt|tsv|xlsx)$/i, '');
export const yearInName = (name: string): number | null => {
  const m = /(?:^|\D)((?:19|20)\d{2})(?:\D|$)/.exec(name);
  return m ? +m[1]! : null;
};

const MASK = '•••••••••';
/** Preview rows as text, with every BSN-like cell masked: the preview must not show BSNs either. */
function previewRows(raw: RawTable, bsnColumn: number): string[][] {
  return raw.records.slice(0, 10).map((r) =>
    raw.headers.map((_, i) => {
      const cell = r.cells[i] ?? '';
      const bsnLike = /^\d{8,9}$/.test(cell.trim()) && isElevenProof(cell.trim().padStart(9, '0'));
      return (i === bsnColumn && cell.trim() !== '') || bsnLike ? MASK : cell;
    }),
  );
}

export function tableHandlers(db: Database.Database, key: Buffer, options: TableHandlerOptions = {}): TableHandlers {
  const now = options.now ?? (() => new Date());
  return {
    async 'tables/preview'(args): Promise<TablePreview> {
      const input = await readInput(args);
      const source = args.source ?? stem(input.name);
      let raw: RawTable;
      try {
        raw = await readTable(input.name, input.bytes, { sheet: args.sheet });
      } catch (e) {
        if (e instanceof TableReadError) throw new ApiFailure('bad-request', `${input.name}${e.line !== null ? `:${e.line}` : ''}: ${e.message}`);
        throw e;
      }
      const spec = KINDS[args.kind];
      const suggested = suggestMapping(raw.headers, spec);
      const saved = savedMapping(db, source, args.kind);
      const mapping = saved ?? suggested;
      const bsnField = spec.fields.find((f) => f.type === 'bsn');
      const wide = wideColumns(raw.headers, spec, mapping);
      return {
        file: input.name,
        kind: args.kind,
        source,
        format: raw.format,
        encoding: raw.encoding,
        delimiter: raw.delimiter,
        sheet: raw.sheet,
        headers: raw.headers,
        rows: previewRows(raw, bsnField && mapping[bsnField.id] ? raw.headers.indexOf(mapping[bsnField.id]!) : -1),
        rowCount: raw.records.length,
        fields: spec.fields.map(({ id, type, required, label, help }) => ({ id, type, required, label, help })),
        suggested,
        saved,
        wide: wide ? { columns: wide.columns.map((c) => c.header), field: wide.field, value: wide.value } : null,
        year: yearInName(input.name),
      };
    },

    async 'tables/import'(args): Promise<TableImportResult> {
      if (options.busy?.()) throw new ApiFailure('busy', 'an import is running; import the table after it has finished');
      const input = await readInput(args);
      const spec = KINDS[args.kind];
      const base = { file: input.name, kind: args.kind, source: args.source, lines: 0, rows: 0, replaced: 0, warnings: [] };
      let raw: RawTable;
      try {
        raw = await readTable(input.name, input.bytes, { sheet: args.sheet });
      } catch (e) {
        if (!(e instanceof TableReadError)) throw e;
        return { ...base, status: 'rejected', mapping: args.mapping ?? {}, errors: [{ line: e.line, column: null, field: null, reason: e.message }] };
      }
      const mapping = args.mapping ?? savedMapping(db, args.source, args.kind) ?? suggestMapping(raw.headers, spec);
      const parsed = parseTable(raw, spec, mapping, { file: input.name, key, year: args.year });
      if (parsed.errors.length > 0) {
        return { ...base, status: 'rejected', lines: parsed.lines, mapping, warnings: parsed.warnings, errors: parsed.errors };
      }
      // Checked again: an iJw import may have started while this file was read; it holds the connection.
      if (options.busy?.()) throw new ApiFailure('busy', 'an import started meanwhile; import the table after it has finished');
      const sha256 = createHash('sha256').update(input.bytes).digest('hex');
      const stored = replaceTable(db, parsed.rows, { kind: args.kind, source: args.source, file: input.name, sha256, mapping, importedAt: now().toISOString() });
      options.onImported?.(args.kind);
      return { ...base, status: 'imported', lines: parsed.lines, ...stored, mapping, warnings: parsed.warnings, errors: [] };
    },

    async 'tables/list'() {
      return { tables: listTables(db) };
    },
  };
}
