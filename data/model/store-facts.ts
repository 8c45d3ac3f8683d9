// Writes the fact rows of all record sets straight into their sorted place: a counting sort by client,
// filled kind by kind, record by record, month by month, so each child's rows come out ordered by
// (kind, record, month) without a second pass (core/pivot/store.ts).
import { Table } from 'apache-arrow';
import { ROW_DIMENSIONS } from '../../core/pivot/store.js';
import { dictionaryVector, int32Vector, uint16Vector, uint8Vector, type Codes } from './store-arrow.js';
import type { RecordSet } from './store-records.js';

const DAY_MS = 86_400_000;

/** Last day (day number) of each month index from 0 up to `max`. */
function monthEnds(max: number): Int32Array {
  const out = new Int32Array(max + 1);
  for (let m = 0; m <= max; m++) out[m] = Date.UTC(1970 + Math.floor(m / 12), (m % 12) + 1, 1) / DAY_MS - 1;
  return out;
}

export function buildFacts(sets: readonly RecordSet[], clientIndex: ReadonlyMap<string, number>, dictionaries: Codes[]): Table {
  const width = ROW_DIMENSIONS.length;
  const start = new Int32Array(clientIndex.size + 1); // rows per client, then each client's next position
  let total = 0;
  let maxMonth = 0;
  const clientsOf = sets.map((set) => Int32Array.from(set.clients, (c) => clientIndex.get(c)!));
  sets.forEach((set, s) => {
    for (let r = 0; r < set.length; r++) {
      const n = set.last[r]! - set.first[r]! + 1;
      const c = clientsOf[s]![r]! + 1;
      start[c] = start[c]! + n;
      total += n;
      if (set.last[r]! > maxMonth) maxMonth = set.last[r]!;
    }
  });
  for (let c = 1; c < start.length; c++) start[c] = start[c]! + start[c - 1]!;
  const ends = monthEnds(maxMonth);

  const kind = new Uint8Array(total);
  const client = new Int32Array(total);
  const record = new Int32Array(total);
  const month = new Uint16Array(total);
  const lastDay = new Int32Array(total);
  const dims = ROW_DIMENSIONS.map(() => new Int16Array(total));

  sets.forEach((set, s) => {
    const clients = clientsOf[s]!;
    for (let r = 0; r < set.length; r++) {
      const c = clients[r]!;
      const end = set.end[r]!;
      for (let m = set.first[r]!; m <= set.last[r]!; m++) {
        const i = start[c]!++;
        kind[i] = set.kind;
        client[i] = c;
        record[i] = r;
        month[i] = m;
        lastDay[i] = set.clipToMonth && ends[m]! < end ? ends[m]! : end;
        for (let d = 0; d < width; d++) dims[d]![i] = set.dims[r * width + d]!;
      }
    }
  });

  return new Table({
    kind: uint8Vector(kind),
    client: int32Vector(client),
    record: int32Vector(record),
    month: uint16Vector(month),
    lastDay: int32Vector(lastDay),
    ...Object.fromEntries(ROW_DIMENSIONS.map((d, i) => [d, dictionaryVector(dims[i]!, dictionaries[i]!)])),
  });
}
