// The per-care-period table the flows (and stacking) analyses read (core/flows/input.ts), taken from the fact
// store the model already derived: the same periods, segments and end reasons the pivot counts, so no
// derivation runs twice and flows never disagree with the pivot about who was in care when.
import { careTable, type CareClient, type CareRow, type CareTable } from '../../core/flows/input.js';
import { dictionary, numbers, strings } from '../../core/pivot/columns.js';
import { KIND, type FactStore } from '../../core/pivot/store.js';
import type { Segment } from '../../core/domain/segments.js';

export function careTableOf(store: FactStore): CareTable {
  const n = store.periods.numRows;
  const start = numbers<Int32Array>(store.periods, 'start');
  const end = numbers<Int32Array>(store.periods, 'end');
  const nr = numbers<Int32Array>(store.periods, 'toewijzingNr');
  const trajectory = numbers<Int32Array>(store.periods, 'trajectory');
  const f = store.facts;
  const kind = numbers<Uint8Array>(f, 'kind');
  const client = numbers<Int32Array>(f, 'client');
  const record = numbers<Int32Array>(f, 'record');
  const [mun, seg, prov, cat, reason] = (['municipality', 'segment', 'provider', 'category', 'endReason'] as const).map((d) => dictionary(f, d)) as [
    ReturnType<typeof dictionary>, ReturnType<typeof dictionary>, ReturnType<typeof dictionary>, ReturnType<typeof dictionary>, ReturnType<typeof dictionary>,
  ];
  const product = dictionary(f, 'product'); // stacking's regie-op-drie list shows it
  // Every month row of a period carries the same dimensions: take the first one seen.
  const rows: (CareRow | undefined)[] = new Array(n);
  for (let i = 0; i < f.numRows; i++) {
    if (kind[i] !== KIND.care) continue;
    const r = record[i]!;
    if (rows[r]) continue;
    rows[r] = {
      client: client[i]!,
      start: start[r]!,
      end: end[r]! < 0 ? null : end[r]!,
      municipality: mun.keys[mun.codes[i]!]!,
      segment: seg.keys[seg.codes[i]!]! as Segment,
      provider: prov.keys[prov.codes[i]!]!,
      category: cat.keys[cat.codes[i]!]!,
      product: product.keys[product.codes[i]!]!,
      endReason: reason.keys[reason.codes[i]!]!,
      toewijzingNr: nr[r]!,
      trajectory: trajectory[r]!,
    };
  }
  const pseudonym = strings(store.clients, 'pseudonym');
  const birth = numbers<Int32Array>(store.clients, 'birth');
  const gender = dictionary(store.clients, 'gender');
  const clients: CareClient[] = Array.from({ length: store.clients.numRows }, (_, c) => ({
    pseudonym: pseudonym(c),
    birth: birth[c]!,
    gender: gender.keys[gender.codes[c]!]!,
  }));
  return careTable(rows.filter((r): r is CareRow => r !== undefined), clients, store.peildatum);
}
