// CSV records with the physical line of every cell. A small RFC 4180 reader of our own rather than
// csv-parse: an error must name the line a bad value is on, counting the newlines inside quoted values of
// the same record before it, and csv-parse reports only where a record ends. Relaxed where government
// exports are sloppy: a quote inside an unquoted value is kept as text; text after a closing quote is kept.
export type Delimiter = ';' | ',' | '\t';

export interface CsvRecord {
  line: number; // physical line the record starts on (1-based)
  cells: string[];
  cellLines: number[]; // physical line each cell starts on
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/** The most frequent of `;`, tab and `,` on the header line, outside quotes; ties go in that order. */
export function detectDelimiter(text: string): Delimiter {
  const counts: Record<Delimiter, number> = { ';': 0, '\t': 0, ',': 0 };
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch in counts) counts[ch as Delimiter]++;
  }
  let best: Delimiter = ',';
  let most = 0;
  for (const d of [';', '\t', ','] as const) {
    if (counts[d] > most) [best, most] = [d, counts[d]];
  }
  return best;
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

/** Every non-blank record of `text`. Newlines inside quoted values are kept as \n. */
export function readCsvRecords(text: string, delimiter: Delimiter): CsvRecord[] {
  const delim = delimiter.charCodeAt(0);
  const n = text.length;
  const records: CsvRecord[] = [];
  let i = 0;
  let line = 1;
  // No closure over i and line: V8 would keep them in a heap context and the scan would run 30× slower.
  while (i < n) {
    const record: CsvRecord = { line, cells: [], cellLines: [] };
    for (;;) {
      const cellLine = line;
      let value = '';
      if (text.charCodeAt(i) === QUOTE) {
        i++;
        for (;;) {
          if (i >= n) throw new CsvSyntaxError(cellLine, `a quoted value that starts on line ${cellLine} is never closed`);
          const c = text.charCodeAt(i);
          if (c === QUOTE) {
            if (text.charCodeAt(i + 1) === QUOTE) {
              value += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (c === CR || c === LF) {
            value += '\n';
            i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
            line++;
            continue;
          }
          const start = i;
          for (let d = text.charCodeAt(i); i < n && d !== QUOTE && d !== CR && d !== LF; d = text.charCodeAt(++i));
          value += text.slice(start, i);
        }
      }
      const start = i;
      while (i < n) {
        const c = text.charCodeAt(i);
        if (c === delim || c === CR || c === LF) break;
        i++;
      }
      value += text.slice(start, i);
      record.cells.push(value);
      record.cellLines.push(cellLine);
      if (i < n && text.charCodeAt(i) === delim) {
        i++;
        if (i < n) continue;
        record.cells.push(''); // a delimiter at the very end of the text
        record.cellLines.push(line);
        break;
      }
      if (i < n) {
        i += text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
        line++;
      }
      break;
    }
    const blank = record.cells.length === 1 && record.cells[0] === '';
    if (!blank) records.push(record);
  }
  return records;
}
