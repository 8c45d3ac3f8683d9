// One flat extract (CSV or XLSX) as a header and text records with their physical lines. The first
// non-blank row is the header. Nothing here knows what the columns mean; parse.ts does.
import { CsvSyntaxError, detectDelimiter, readCsvRecords, type CsvRecord, type Delimiter } from './csv.js';
import { decodeText, type TextEncoding } from './decode.js';
import { readXlsx, XlsxError } from './xlsx.js';

export interface RawTable {
  format: 'csv' | 'xlsx';
  encoding: TextEncoding | null;
  delimiter: Delimiter | null;
  sheet: string | null;
  headers: string[];
  headerLine: number;
  records: CsvRecord[]; // the data rows, without the header
}

export class TableReadError extends Error {
  constructor(
    readonly line: number | null,
    message: string,
  ) {
    super(message);
  }
}

export const MAX_TABLE_BYTES = 200 * 1024 * 1024;

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

export function isXlsx(name: string, bytes: Uint8Array): boolean {
  return startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || /\.xlsx$/i.test(name);
}

export async function readTable(name: string, bytes: Uint8Array, options: { sheet?: string | undefined } = {}): Promise<RawTable> {
  if (bytes.length > MAX_TABLE_BYTES) throw new TableReadError(null, `the file is larger than ${MAX_TABLE_BYTES / 1024 / 1024} MB`);
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw new TableReadError(null, 'an old Excel .xls workbook is not read; save it as .xlsx or as CSV');
  }
  if (!isXlsx(name, bytes)) return readCsvTable(bytes);
  try {
    const { sheet, records } = await readXlsx(bytes, options.sheet);
    return withHeader({ format: 'xlsx', encoding: null, delimiter: null, sheet }, records);
  } catch (e) {
    if (e instanceof XlsxError) throw new TableReadError(null, e.message);
    throw e;
  }
}

export function readCsvTable(bytes: Uint8Array): RawTable {
  const { text, encoding } = decodeText(bytes);
  if (text.includes('\u0000')) throw new TableReadError(null, 'not a text file: expected CSV (or an XLSX workbook)');
  const delimiter = detectDelimiter(text);
  let records: CsvRecord[];
  try {
    records = readCsvRecords(text, delimiter);
  } catch (e) {
    if (e instanceof CsvSyntaxError) throw new TableReadError(e.line, e.message);
    throw e;
  }
  return withHeader({ format: 'csv', encoding, delimiter, sheet: null }, records);
}

function withHeader(meta: Pick<RawTable, 'format' | 'encoding' | 'delimiter' | 'sheet'>, records: CsvRecord[]): RawTable {
  const [header, ...rows] = records;
  if (!header) throw new TableReadError(null, 'the file is empty: expected a header row with column names');
  const headers = header.cells.map((h, i) => h.trim() || `kolom ${i + 1}`);
  return { ...meta, headers, headerLine: header.line, records: rows };
}
